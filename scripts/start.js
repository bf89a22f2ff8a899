#!/usr/bin/env node
// @ts-check
// `npm start`: the demo. Starts the Apple Music emulator (127.0.0.1) and a dev server for
// demo/ (localhost, so the sign-in popup really is another origin), and prints the URL.
//
//   npm start                         demo against the emulator: no Apple account, no network
//   npm start -- --port 8080          another page port (or PORT=8080)
//   AM_DEVELOPER_TOKEN=eyJ… npm start  the same page against Apple's real sign-in and API
//
// `startDemo()` is exported for the end-to-end test, which starts the same pieces on free ports.
import { createServer } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startEmulator } from '../cli/emulator/index.js';
import { createDeveloperToken } from '../cli/developer-token.js';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PAGE_PORT = 8000;
const DEFAULT_EMULATOR_PORT = 9000;
/** Library size for the demo: enough songs (about 70 %) to show scrolling through thousands. */
const DEFAULT_LIBRARY_SIZE = 6000;

/** Paths the dev server answers itself (everything else is a file under the repo). */
export const DEMO_CONFIG_PATH = '/demo/config.json';
export const DEVELOPER_TOKEN_PATH = '/demo/developer-token';

/**
 * @typedef {object} DemoOptions
 * @property {number} [port] page port on localhost (default 8000; 0 = any; a busy default falls back to any)
 * @property {number} [emulatorPort] emulator port on 127.0.0.1 (same rules, default 9000)
 * @property {number} [size] emulator library size
 * @property {number} [latency] emulator latency in ms
 * @property {string} [developerToken] a real Apple developer token: use Apple, not the emulator
 * @property {boolean} [quiet] print nothing
 */

/**
 * @typedef {object} Demo
 * @property {string} url the page to open
 * @property {string} origin the page's origin
 * @property {string | null} emulatorOrigin null when running against Apple
 * @property {'emulator' | 'apple'} mode
 * @property {() => Promise<void>} close stops both servers
 */

/**
 * Starts the emulator (unless a real token is given) and the demo's dev server.
 * @param {DemoOptions} [options]
 * @returns {Promise<Demo>}
 */
export async function startDemo(options = {}) {
  const {
    port = DEFAULT_PAGE_PORT,
    emulatorPort = DEFAULT_EMULATOR_PORT,
    size = DEFAULT_LIBRARY_SIZE,
    latency = 0,
    developerToken,
    quiet = false,
  } = options;
  const mode = developerToken ? 'apple' : 'emulator';
  if (developerToken) checkRealToken(developerToken, quiet);

  /** @type {import('../cli/emulator/index.js').Emulator | undefined} */
  let emulator;
  if (mode === 'emulator') {
    const emulatorOptions = { size, latency, quiet: true };
    try {
      emulator = await startEmulator({ ...emulatorOptions, port: emulatorPort });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE' || emulatorPort === 0) throw error;
      emulator = await startEmulator({ ...emulatorOptions, port: 0 });
    }
  }

  let server;
  try {
    const pagePort = port === 0 || (await isFree(port, 'localhost')) ? port : 0;
    const tokens = mode === 'emulator' ? emulatorTokenMinter() : async () => /** @type {string} */ (developerToken);
    const config = demoConfig(mode, emulator?.origin);
    server = await startDevServer({
      config: {
        rootDir: ROOT_DIR,
        hostname: 'localhost',
        port: pagePort,
        watch: false,
        injectWebSocket: false,
        nodeResolve: { exportConditions: ['production'] },
        middleware: [demoMiddleware({ config, tokens })],
        plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
      },
      readCliArgs: false,
      readFileConfig: false,
      autoExitProcess: false,
      logStartMessage: false,
    });
  } catch (error) {
    await emulator?.close();
    throw error;
  }

  const address = /** @type {import('node:net').AddressInfo} */ (server.server?.address());
  const origin = `http://localhost:${address.port}`;
  const url = `${origin}/demo/`;
  if (!quiet) {
    const busy = [
      port && address.port !== port ? `port ${port} was busy` : '',
      emulator && emulatorPort && emulator.port !== emulatorPort ? `port ${emulatorPort} was busy` : '',
    ].filter(Boolean);
    if (busy.length) console.log(`Note: ${busy.join(' and ')}; using free ports instead.`);
    if (emulator) console.log(`Apple Music emulator on ${emulator.origin} (local only, generated library of ${size} items)`);
    else console.log('Using Apple: authorize.music.apple.com and api.music.apple.com with AM_DEVELOPER_TOKEN');
    console.log(`\n  am-elements demo → open ${url}\n`);
    console.log('Press Ctrl-C to stop.');
  }

  let closing;
  return {
    url,
    origin,
    emulatorOrigin: emulator?.origin ?? null,
    mode,
    close: () =>
      (closing ??= (async () => {
        await server.stop();
        await emulator?.close();
      })()),
  };
}

/**
 * What the page needs to know that only the server knows: where the emulator is.
 * In Apple mode the provider keeps its defaults (Apple's real origins).
 * @param {'emulator' | 'apple'} mode
 * @param {string | undefined} emulatorOrigin
 */
function demoConfig(mode, emulatorOrigin) {
  if (mode === 'apple' || !emulatorOrigin) return { mode, emulatorOrigin: null, provider: {} };
  return {
    mode,
    emulatorOrigin,
    provider: {
      'authorize-url': `${emulatorOrigin}/woa`,
      'api-url': emulatorOrigin,
      'logout-url': `${emulatorOrigin}/account/web/logout`,
      // Full-length playback through the emulator's stand-in for MusicKit JS (never Apple's code).
      'musickit-url': `${emulatorOrigin}/musickit/v3/musickit.js`,
    },
  };
}

/**
 * Koa middleware: `/` → the demo, the page config, and the developer token endpoint
 * (what a real site does server-side: the page only ever sees the token, never the key).
 * @param {{config: object, tokens: () => Promise<string>}} options
 * @returns {import('@web/dev-server-core').Middleware}
 */
function demoMiddleware({ config, tokens }) {
  return async (ctx, next) => {
    if (ctx.path === '/' || ctx.path === '/demo') {
      ctx.redirect('/demo/');
      return;
    }
    if (ctx.path === DEMO_CONFIG_PATH) {
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(config);
      return;
    }
    if (ctx.path === DEVELOPER_TOKEN_PATH) {
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ token: await tokens() });
      return;
    }
    await next();
  };
}

/**
 * Developer tokens for the emulator, signed with a throwaway P-256 key made at startup (the
 * emulator checks the JWT's shape and expiry, not Apple's signature). The team id is fixed so
 * the stored sign-in (`music.demo000000.*`) survives restarts of `npm start`.
 */
function emulatorTokenMinter() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKeyPem = /** @type {string} */ (privateKey.export({ type: 'pkcs8', format: 'pem' }));
  // Long enough that the provider never warns of expiry (it warns within 7 days for a URL token).
  const LIFETIME_S = 30 * 86_400;
  /** @type {{token: string, renewAt: number} | undefined} */
  let cached;
  return async () => {
    if (!cached || Date.now() >= cached.renewAt) {
      const token = await createDeveloperToken({
        teamId: 'DEMO000000',
        keyId: 'DEMOKEY000',
        privateKey: privateKeyPem,
        expiresIn: LIFETIME_S,
      });
      cached = { token, renewAt: Date.now() + (LIFETIME_S / 2) * 1000 };
    }
    return cached.token;
  };
}

/**
 * Warns early about a real token that cannot work; never prints the token.
 * @param {string} token
 * @param {boolean} quiet
 */
function checkRealToken(token, quiet) {
  const parts = token.split('.');
  let payload;
  try {
    if (parts.length !== 3) throw new Error('not a JWT');
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new Error('AM_DEVELOPER_TOKEN is not a JWT (expected three base64url parts: header.payload.signature).');
  }
  if (quiet) return;
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now()) {
    console.warn('Warning: AM_DEVELOPER_TOKEN has expired; Apple will answer 401. Make a new one with `npx am-elements developer-token`.');
  }
  if (Array.isArray(payload.origin)) {
    console.warn(`Note: the token is limited to ${payload.origin.join(', ')}; the demo page must be served from one of these.`);
  }
}

/**
 * @param {number} port
 * @param {string} host
 */
function isFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * @param {string | undefined} value
 * @param {string} name
 */
function portOption(value, name) {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  return Number(value);
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'emulator-port': { type: 'string' },
      size: { type: 'string' },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: npm start [-- --port 8000] [--emulator-port 9000] [--size 6000] [--latency ms]

Serves the am-elements demo on http://localhost:8000/demo/ against the local Apple Music
emulator on http://127.0.0.1:9000 (no Apple account, no network). Busy default ports fall
back to free ones.

Environment:
  PORT                 page port (same as --port)
  AM_DEVELOPER_TOKEN   a real Apple Music developer token: the page then talks to Apple
                       (authorize.music.apple.com, api.music.apple.com) instead of the emulator
`);
    return;
  }
  const demo = await startDemo({
    port: portOption(values.port ?? process.env.PORT, '--port/PORT'),
    emulatorPort: portOption(values['emulator-port'], '--emulator-port'),
    size: values.size === undefined ? undefined : Number(values.size),
    latency: values.latency === undefined ? undefined : Number(values.latency),
    developerToken: process.env.AM_DEVELOPER_TOKEN?.trim() || undefined,
  });
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    console.log('\nStopping the demo…');
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`npm start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
