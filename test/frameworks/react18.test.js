// The React 18 example (demo/react18, Vite) signs in against the emulator in headless Chromium,
// through the @lit/react wrappers of am-elements/react, built and served, then through its own
// `npm run dev`.
import { test } from 'node:test';
import { testExample } from './helpers.js';

test('React 18 example: wrappers from am-elements/react, onAm… event props, sign-in, library, sign-out', (t) =>
  testExample(t, {
    name: 'react18',
    build: 'npm ci (when needed), tsc (with wrongly typed props that must fail) and vite build',
    output: 'dist',
    devServer: true,
    bindings: {
      title: 'the wrappers set properties (React 18 alone would set string attributes) and React is 18',
      read: () => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return {
          developerTokenUrl: provider.developerTokenUrl,
          limit: list.limit,
          limitAttribute: list.hasAttribute('limit'),
          pageSize: list.pageSize,
          react: document.querySelector('main')?.dataset.reactVersion?.split('.')[0],
        };
      },
      expected: { developerTokenUrl: '/developer-token', limit: 50, limitAttribute: false, pageSize: 25, react: '18' },
    },
  }));
