// The React 19 example (demo/react, Vite) signs in against the emulator in headless Chromium,
// built and served, then through its own `npm run dev`.
import { test } from 'node:test';
import { testExample } from './helpers.js';

test('React 19 example: props, onam-* event props, sign-in, library, sign-out', (t) =>
  testExample(t, {
    name: 'react',
    build: 'npm ci (when needed), tsc and vite build',
    output: 'dist',
    devServer: true,
    bindings: {
      title: 'React 19 set limit as a property and developer-token-url as an attribute',
      read: () => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return { attribute: provider.getAttribute('developer-token-url'), limit: list.limit, limitAttribute: list.hasAttribute('limit') };
      },
      expected: { attribute: '/developer-token', limit: 50, limitAttribute: false },
    },
  }));
