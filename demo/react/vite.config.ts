import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import { appleMusicDevEndpoints } from 'am-elements/emulator';

export default defineConfig({
  plugins: [react(), appleMusicConfig()],
  // In this repository `am-elements` is linked (`file:../..`, the current build): let Vite serve
  // it from where it really is. In your app it is in node_modules and this changes nothing.
  server: {
    fs: {
      allow: [searchForWorkspaceRoot(process.cwd()), realpathSync(fileURLToPath(new URL('node_modules/am-elements', import.meta.url)))],
    },
  },
});

/**
 * `/config.json` (where Apple is) and `/developer-token` for `npm run dev` and `npm run serve`:
 * with `AM_DEVELOPER_TOKEN=eyJ…` set, Apple's own endpoints and that token; without, the Apple
 * Music emulator of `am-elements/emulator` (no Apple account, no network). In production your
 * server answers both (or the app is configured another way).
 */
function appleMusicConfig(): Plugin {
  const serve = (server: ViteDevServer | PreviewServer) => {
    const endpoints = appleMusicDevEndpoints();
    server.httpServer?.once('close', () => void endpoints.close());
    server.middlewares.use(endpoints.middleware);
  };
  return { name: 'apple-music-config', configureServer: serve, configurePreviewServer: serve };
}
