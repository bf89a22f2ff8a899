// ESLint for the whole repository, run from the root by `npm run lint`. Lives here with its own
// lock file because typescript-eslint needs TypeScript's JavaScript API (TypeScript 6 here);
// the project itself compiles with TypeScript 7. Formatting is Prettier's job (.prettierrc).
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default tseslint.config(
  {
    basePath: root,
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'types/**',
      'coverage/**',
      'test-results/**',
      'bench/results/**',
      '.cem-check-*/**',
      'demo/*/dist/**',
      'demo/angular/.angular/**',
      'wordpress/**/vendor/**',
      'wordpress/am-elements/assets/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    basePath: root,
    files: ['**/*.{js,mjs,ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      // An empty catch says "this failure changes nothing"; each has a comment saying why.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Unused arguments that document a callback's shape are fine when named with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and the emulator handle hostile, untyped data on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    basePath: root,
    // Functions that run inside bench pages, where the page's own script made `window.bench`.
    files: ['bench/**/*.js'],
    languageOptions: { globals: { bench: 'writable' } },
  },
  {
    basePath: root,
    // The block editor's script runs against WordPress's globals.
    files: ['wordpress/**/*.js'],
    languageOptions: { globals: { wp: 'readonly' } },
  },
  {
    basePath: root,
    files: ['test/**/*.{js,ts,tsx}'],
    // Chai's `expect(x).to.be.true` is an expression statement by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    basePath: root,
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    basePath: root,
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'AuthButtonBase', 'AuthProviderAttributes', 'LibraryListTexts'] } },
  },
);
