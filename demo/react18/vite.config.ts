import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In your app `am-elements` comes from npm. This example uses the repository's own build
// (`npm run build` at the top level) through aliases, so it always tests the current code.
const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^am-elements\/react$/, replacement: dist('react/index.js') },
      { find: /^am-elements$/, replacement: dist('index.js') },
    ],
    // The wrappers in ../../dist import React: use this app's copy, not another one.
    dedupe: ['react', 'react-dom', '@lit/react'],
  },
  server: { fs: { allow: ['../..'] } },
});
