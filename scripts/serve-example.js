#!/usr/bin/env node
// @ts-check
// Serves a built framework example (demo/vue, demo/react, demo/react18, demo/angular; the tests
// use it for all four, `npm run serve` for Angular, whose dev server has no such hook; the Vite
// examples answer both URLs from their vite.config.ts instead) against the Apple Music
// emulator: the example's build output on http://localhost:<port>, the emulator on 127.0.0.1
// (another origin, as Apple's popup is), plus the two URLs every example reads:
//   /config.json       {authorizeUrl, apiUrl, logoutUrl, developerTokenUrl}
//   /developer-token   {"token": "…"} a developer token signed here with a throwaway key
//
//   node scripts/serve-example.js demo/vue [--port 8001]       (after `npm ci && npm run build` there)
//
// `serveExample()` is exported for test/frameworks/.
import { createServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../cli/emulator/index.js';
import { createDeveloperToken } from '../cli/developer-token.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @typedef {object} ServeOptions
 * @property {string} root folder with the built app (its index.html answers unknown paths)
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

  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (path === '/config.json' || path === '/developer-token') {
        const body = path === '/config.json' ? config : { token: await developerToken() };
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify(body));
        return;
      }
      let file = join(base, path);
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
      const info = await stat(file).catch(() => undefined);
      if (!info || info.isDirectory()) file = info ? join(file, 'index.html') : join(base, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream' });
      response.end(body);
    } catch (error) {
      const status = /** @type {{status?: number}} */ (error).status ?? 404;
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(String(status));
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolveListen(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://localhost:${address.port}/`,
    emulatorOrigin: emulator.origin,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(undefined)));
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
