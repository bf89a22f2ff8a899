#!/usr/bin/env node
// @ts-check
// Serves a built framework example (demo/vue, demo/react, demo/react18, demo/angular; the tests
// use it for all four, `npm run serve` for Angular, whose dev server has no such hook; the Vite
// examples answer both URLs from their vite.config.ts instead) against the Apple Music
// emulator: the example's build output on http://localhost:<port> (@web/dev-server, as
// scripts/start.js serves the demo), the emulator on 127.0.0.1
// (another origin, as Apple's popup is), plus the two URLs every example reads:
//   /config.json       {authorizeUrl, apiUrl, logoutUrl, developerTokenUrl}
//   /developer-token   {"token": "…"} a developer token signed here with a throwaway key
//
//   node scripts/serve-example.js demo/vue [--port 8001]       (after `npm ci && npm run build` there)
//
// `serveExample()` is exported for test/frameworks/.
import { generateKeyPairSync } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { startEmulator } from '../cli/emulator/index.js';
import { createDeveloperToken } from '../cli/developer-token.js';

/**
 * @typedef {object} ServeOptions
 * @property {string} root folder with the built app (its index.html answers paths that name no file)
 * @property {number} [port] page port on localhost (0 = any free port)
 * @property {number} [size] emulator library size
 * @property {Record<string, string>} [authorizeQuery] query switches for the emulator's /woa (e.g. {outcome: 'authorize'})
 */

/**
 * @param {ServeOptions} options
 * @returns {Promise<{url: string, emulatorOrigin: string, close: () => Promise<void>}>}
 */
export async function serveExample({ root, port = 0, size = 300, authorizeQuery = {} }) {
  const base = resolve(root);
  const emulator = await startEmulator({ port: 0, size, quiet: true });
  const developerToken = tokenSource();
  const authorizeUrl = new URL('/woa', emulator.origin);
  for (const [key, value] of Object.entries(authorizeQuery)) authorizeUrl.searchParams.set(key, value);
  const config = {
    authorizeUrl: authorizeUrl.href,
    apiUrl: emulator.origin,
    logoutUrl: `${emulator.origin}/account/web/logout`,
    developerTokenUrl: '/developer-token',
  };

  /** @type {import('@web/dev-server-core').Middleware} */
  const exampleUrls = async (ctx, next) => {
    if (ctx.path !== '/config.json' && ctx.path !== '/developer-token') return next();
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(ctx.path === '/config.json' ? config : { token: await developerToken() });
  };
  let server;
  try {
    // The build output as it is (no module resolution, no reload script); index.html for the
    // app's own routes.
    server = await startDevServer({
      config: {
        rootDir: base,
        appIndex: join(base, 'index.html'),
        hostname: 'localhost',
        port,
        watch: false,
        injectWebSocket: false,
        middleware: [exampleUrls],
      },
      readCliArgs: false,
      readFileConfig: false,
      autoExitProcess: false,
      logStartMessage: false,
    });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.server?.address());
  return {
    url: `http://localhost:${address.port}/`,
    emulatorOrigin: emulator.origin,
    async close() {
      await server.stop();
      await emulator.close();
    },
  };
}

/** Developer tokens signed with a key made at start: the emulator accepts any unexpired ES256 JWT. */
function tokenSource() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKeyPem = /** @type {string} */ (privateKey.export({ type: 'pkcs8', format: 'pem' }));
  /** @type {Promise<string> | undefined} */
  let token;
  return () => (token ??= createDeveloperToken({ teamId: 'EXAMPLE000', keyId: 'EXAMPLEKEY', privateKey: privateKeyPem, expiresIn: '30d' }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ options: { port: { type: 'string', default: '8001' } }, allowPositionals: true });
  const dir = positionals[0];
  if (!dir) {
    console.error('Usage: node scripts/serve-example.js demo/<framework> [--port 8001]');
    process.exit(2);
  }
  const candidates = [join(dir, 'dist', 'browser'), join(dir, 'dist')];
  const root = (
    await Promise.all(
      candidates.map((c) =>
        stat(join(c, 'index.html')).then(
          () => c,
          () => undefined,
        ),
      ),
    )
  ).find(Boolean);
  if (!root) {
    console.error(`No build in ${dir}: run \`npm ci && npm run build\` there first.`);
    process.exit(1);
  }
  const served = await serveExample({ root, port: Number(values.port) });
  console.log(`${resolve(dir)}: ${served.url}  (emulator ${served.emulatorOrigin}; Ctrl-C stops)`);
  const stop = () => served.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
