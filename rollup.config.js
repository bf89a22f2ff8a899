import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const typescript = (options = {}) => esbuild({ target: 'es2022', tsconfig: './tsconfig.json', ...options });
// The sources keep their templates and styles formatted for people; both builds ship them
// minified (Lit's html`` and css`` literals), failing the build on markup it cannot parse.
const minifyTemplates = () => minifyHtmlLiterals({ include: ['src/**/*.ts'], failOnError: true });

// Modules a page can import alone; each defines its element(s).
const entries = {
  index: 'src/index.ts',
  'am-auth-provider': 'src/am-auth-provider.ts',
  'am-authorize-button': 'src/am-authorize-button.ts',
  'am-unauthorize-button': 'src/am-unauthorize-button.ts',
  'am-library-list': 'src/am-library-list.ts',
  'am-player': 'src/am-player.ts',
  'am-play-button': 'src/am-play-button.ts',
  playback: 'src/playback.ts',
  // React wrappers (@lit/react): am-elements/react and am-elements/react/playback.
  'react/index': 'src/react/index.ts',
  'react/playback': 'src/react/playback.ts',
};

export default [
  // For bundler users: one file per source module, Lit, @lit/context, @lit/react and React left to the app.
  {
    input: entries,
    external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
    plugins: [minifyTemplates(), typescript()],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  // For <script type="module"> and WordPress: everything in one minified file, but playback,
  // which it loads from am-elements-playback.js only on pages with playback elements.
  {
    input: { 'am-elements': 'src/bundle.ts' },
    // Lets the playback chunk import Lit and the shared code from am-elements.js itself,
    // instead of a third, shared file behind a facade.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      minifyTemplates(),
      nodeResolve({ exportConditions: ['production'] }),
      // esbuild names each class's #private members afresh (#t, #e, … in every class); terser
      // counts them across the whole file (#gt, #dt, …). The short, repeated names gzip ~200 B smaller.
      typescript({ minifyIdentifiers: true }),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'am-elements-[name].js' },
  },
];
