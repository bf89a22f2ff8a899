// The two URLs the framework examples read, for a dev server (Vite's `server.middlewares`, or any
// connect-style stack): `/config.json` (where Apple is) and `/developer-token`. With
// `AM_DEVELOPER_TOKEN` set: Apple's own endpoints and that token. Without: this emulator,
// started on first use (no Apple account, no network). In production your server answers both.
import { startEmulator } from './index.js';
import { emulatorDeveloperToken } from './tokens.js';

const APPLE = {
  authorizeUrl: 'https://authorize.music.apple.com/woa',
  apiUrl: 'https://api.music.apple.com',
  logoutUrl: 'https://buy.itunes.apple.com/account/web/logout',
};

/** @param {string | undefined} token @param {typeof startEmulator} start */
async function answers(token, start) {
  if (token) return { config: { ...APPLE, developerTokenUrl: '/developer-token' }, token, close: async () => {} };
  const emulator = await start({ port: 0, quiet: true });
  console.log(`  Apple Music emulator: ${emulator.origin} (set AM_DEVELOPER_TOKEN to use Apple instead)`);
  const config = {
    authorizeUrl: `${emulator.origin}/woa`,
    apiUrl: emulator.origin,
    logoutUrl: `${emulator.origin}/account/web/logout`,
    developerTokenUrl: '/developer-token',
  };
  return { config, token: emulatorDeveloperToken(), close: () => emulator.close() };
}

/**
 * `middleware` answers `/config.json` and `/developer-token` and passes everything else on;
 * `close()` stops the emulator it started. An emulator that cannot start makes both answer 503
 * with the reason (a request never waits for good).
 * @param {{ developerToken?: string, start?: typeof startEmulator }} [options] the token (default
 *   `AM_DEVELOPER_TOKEN`) and how to start the emulator (for tests)
 * @returns {{
 *   middleware: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, next: () => void) => void,
 *   close: () => Promise<void>,
 * }}
 */
export function appleMusicDevEndpoints({ developerToken = process.env.AM_DEVELOPER_TOKEN, start = startEmulator } = {}) {
  const ready = answers(developerToken?.trim(), start);
  // Handled here once; each request and close() look at the outcome themselves.
  ready.catch(() => {});
  return {
    middleware(request, response, next) {
      const path = request.url?.split('?')[0];
      if (path !== '/config.json' && path !== '/developer-token') return next();
      response.setHeader('Cache-Control', 'no-store');
      ready.then(
        ({ config, token }) => {
          response.setHeader('Content-Type', 'application/json');
          response.end(JSON.stringify(path === '/config.json' ? config : { token }));
        },
        (/** @type {Error} */ error) => {
          response.statusCode = 503;
          response.setHeader('Content-Type', 'text/plain; charset=utf-8');
          response.end(`The Apple Music emulator could not start: ${error?.message ?? error}`);
        },
      );
    },
    close: () => ready.then(({ close }) => close()).catch(() => {}),
  };
}
