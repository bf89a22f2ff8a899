// The React 19 example (demo/react, Vite) signs in against the emulator in headless Chromium.
import { test } from 'node:test';
import { join } from 'node:path';
import { buildExample, exampleDir, installExample, openExample, signInSeeLibrarySignOut } from './helpers.js';

const dir = exampleDir('react');

test('React 19 example: props, onam-* event props, sign-in, library, sign-out', async (t) => {
  await t.test('npm ci (when needed) and vite build', () => {
    installExample(dir);
    buildExample(dir);
  });
  const example = await openExample(join(dir, 'dist'));
  try {
    await signInSeeLibrarySignOut(t, example, 'react');
  } finally {
    await example.close();
  }
});
