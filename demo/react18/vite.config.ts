import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import { startEmulator } from 'am-elements/emulator';

export default defineConfig({
  plugins: [react(), appleMusicConfig()],
  // The wrappers of am-elements/react import React and @lit/react: use this app's copies (in this
  // repository am-elements is linked from outside this folder, next to other copies).
  resolve: { dedupe: ['react', 'react-dom', '@lit/react'] },
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
 * Music emulator of `am-elements/emulator` (no Apple account, no network), started here. In
 * production your server answers both (or the app is configured another way).
 */
function appleMusicConfig(): Plugin {
  const answers = async () => {
    const token = process.env.AM_DEVELOPER_TOKEN?.trim();
    if (token) {
      const config = {
        authorizeUrl: 'https://authorize.music.apple.com/woa',
        apiUrl: 'https://api.music.apple.com',
        logoutUrl: 'https://buy.itunes.apple.com/account/web/logout',
        developerTokenUrl: '/developer-token',
      };
      return { config, token, close: async () => {} };
    }
    const emulator = await startEmulator({ port: 0, quiet: true });
    console.log(`  Apple Music emulator: ${emulator.origin} (set AM_DEVELOPER_TOKEN to use Apple instead)`);
    const config = {
      authorizeUrl: `${emulator.origin}/woa`,
      apiUrl: emulator.origin,
      logoutUrl: `${emulator.origin}/account/web/logout`,
      developerTokenUrl: '/developer-token',
    };
    return { config, token: emulatorDeveloperToken(), close: () => emulator.close() };
  };
  const serve = (server: ViteDevServer | PreviewServer) => {
    const ready = answers();
    server.httpServer?.once('close', () => void ready.then(({ close }) => close()));
    server.middlewares.use(async (request, response, next) => {
      const path = request.url?.split('?')[0];
      if (path !== '/config.json' && path !== '/developer-token') return next();
      const { config, token } = await ready;
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Cache-Control', 'no-store');
      response.end(JSON.stringify(path === '/config.json' ? config : { token }));
    });
  };
  return { name: 'apple-music-config', configureServer: serve, configurePreviewServer: serve };
}

/** A developer-token-shaped JWT, valid for a day: the emulator checks the shape and `exp`, not the signature. */
function emulatorDeveloperToken() {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'ES256', kid: 'EMULATOR00' })}.${part({ iss: 'EMULATOR00', iat: now, exp: now + 86_400 })}.emulator`;
}
