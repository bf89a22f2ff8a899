import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// In your app `am-elements` comes from npm. This example uses the repository's own build
// (`npm run build` at the top level) through an alias, so it always tests the current code.
const amElements = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export default defineConfig({
  plugins: [
    vue({
      // <am-…> tags are custom elements, not Vue components: render them as they are.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('am-') } },
    }),
  ],
  resolve: { alias: { 'am-elements': amElements } },
  server: { fs: { allow: ['../..'] } },
});
