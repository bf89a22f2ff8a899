// The Angular example (demo/angular, built by the Angular CLI's application builder) signs in
// against the emulator in headless Chromium.
import { test } from 'node:test';
import { testExample } from './helpers.js';

test('Angular example: CUSTOM_ELEMENTS_SCHEMA, [property] and (am-*) bindings, sign-in, library, sign-out', (t) =>
  testExample(t, {
    name: 'angular',
    build: 'npm ci (when needed) and ng build',
    output: 'dist/browser',
    bindings: {
      title: 'Angular bound [developerTokenUrl] and [pageSize] as properties',
      read: () => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return {
          url: provider.developerTokenUrl,
          attribute: provider.hasAttribute('developer-token-url'),
          pageSize: list.pageSize,
          pageSizeAttribute: list.hasAttribute('page-size'),
        };
      },
      expected: { url: '/developer-token', attribute: false, pageSize: 25, pageSizeAttribute: false },
    },
  }));
