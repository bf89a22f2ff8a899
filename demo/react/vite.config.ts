import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In your app `am-elements` comes from npm. This example uses the repository's own build
// (`npm run build` at the top level) through an alias, so it always tests the current code.
const amElements = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { 'am-elements': amElements } },
  server: { fs: { allow: ['../..'] } },
});
