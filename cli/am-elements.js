#!/usr/bin/env node
// @ts-check
// The package's command line: `am-elements emulator` and `am-elements developer-token`.
// Usage errors exit with code 2 and a message on stderr; secrets are never printed.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { createDeveloperToken, describeDeveloperToken, formatDeveloperToken, UsageError, DEFAULT_EXPIRES_IN } from './developer-token.js';

const HELP = {
  main: `Usage: am-elements <command> [options]

Commands:
  emulator          run a local stand-in for Apple's sign-in page and the Apple Music API
  developer-token   sign an Apple Music developer token (ES256 JWT) with your MusicKit key

Run "am-elements <command> --help" for a command's options.
`,
  emulator: `Usage: am-elements emulator [options]

Runs the Apple Music emulator on 127.0.0.1 (local only): the sign-in page at /woa, the
library API of /v1/me/… over a generated library, the catalog of /v1/catalog/…, preview and
full-length audio, and a MusicKit JS stand-in at /musickit/v3/musickit.js. Point
<am-auth-provider> at it with authorize-url="http://127.0.0.1:9000/woa" and
api-url="http://127.0.0.1:9000" (and musickit-url at the stand-in).

Options:
  --port <n>         port to listen on (default 9000; 0 = any free port)
  --size <n>         number of library items over all types (default 2000)
  --latency <ms>     delay added to every API answer (default 0)
  --seed <n>         library seed; the same seed gives the same library (default 1)
  --storefront <id>  storefront answered by /v1/me/storefront (default us)
  -h, --help         show this help
`,
  'developer-token': `Usage: am-elements developer-token --team-id <ID> --key-id <ID> --key <AuthKey_ID.p8> [options]
       am-elements developer-token serve --team-id <ID> --key-id <ID> --key <AuthKey_ID.p8> [--port <n>] [options]
       am-elements developer-token inspect <token | URL | ->

Prints a signed Apple Music developer token (ES256 JWT) on stdout. Keep the .p8 key on your
server; never ship it to browsers.

"serve" runs a token server instead: it answers GET /developer-token with {"token": "…"},
renews the token before it expires, and prints the URL to put in developer-token-url.
"inspect" prints a token's team, key id, issue and expiry dates, days left and origins
(from the token, a URL answering one, or - for stdin); exit code 1 when it has expired.

Options:
  --team-id <ID>       your 10-character Apple Developer team id (the token's iss)
  --key-id <ID>        the 10-character id of your MusicKit key (the token's kid)
  --key <file>         the AuthKey_XXXXXXXXXX.p8 private key file downloaded from Apple
  --origin <origin>    restrict the token to a web origin, e.g. https://example.com
                       (repeat for several); serve answers CORS for these origins only
  --expires-in <time>  lifetime: 180d, 12h, 3600s or 3600 (default ${DEFAULT_EXPIRES_IN}; at most about 181 days)
  --renew-before <time> serve: sign a new token this long before expiry (default 7d)
  --port <n>           serve: port to listen on (default 8787; 0 = any free port)
  --host <address>     serve: address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  -h, --help           show this help
`,
};

/** @param {string} message */
function usage(message) {
  return new UsageError(message);
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} min
 * @param {number} max
 */
function integerOption(value, name, min, max) {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw usage(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/** @param {string[]} args */
async function emulator(args) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      size: { type: 'string' },
      latency: { type: 'string' },
      seed: { type: 'string' },
      storefront: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP.emulator);
  const { startEmulator } = await import('./emulator/index.js');
  const options = {
    port: integerOption(values.port, 'port', 0, 65535),
    size: integerOption(values.size, 'size', 0, 1_000_000),
    latency: integerOption(values.latency, 'latency', 0, 120_000),
    seed: integerOption(values.seed, 'seed', -2147483648, 4294967295),
    storefront: values.storefront?.toLowerCase(),
  };
  if (options.storefront !== undefined && !/^[a-z]{2}$/.test(options.storefront)) {
    throw usage(`--storefront must be a two-letter code such as us or gb, got "${values.storefront}"`);
  }
  let server;
  try {
    server = await startEmulator(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
      throw new Error(`Port ${options.port ?? 9000} is already in use; choose another with --port (0 = any free port).`);
    }
    throw error;
  }
  const { split } = server.state.library;
  console.log(
    `Library: ${split.albums} albums, ${split.songs} songs, ${split.playlists} playlists, ${split.artists} artists, ${split['music-videos']} music videos (seed ${options.seed ?? 1}).`,
  );
  console.log(`Use authorize-url="${server.origin}/woa" api-url="${server.origin}". Press Ctrl+C to stop.`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const SIGNING_OPTIONS = /** @type {const} */ ({
  'team-id': { type: 'string' },
  'key-id': { type: 'string' },
  key: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'expires-in': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

/**
 * The signing options shared by `developer-token` and `developer-token serve`, with the key
 * file read. Missing options and unreadable files are usage errors.
 * @param {{[K in keyof typeof SIGNING_OPTIONS]?: any}} values
 */
async function signingOptions(values) {
  const missing = /** @type {const} */ (['team-id', 'key-id', 'key']).filter((name) => !values[name]);
  if (missing.length) throw usage(`Missing ${missing.map((name) => `--${name}`).join(', ')}. See "am-elements developer-token --help".`);
  let privateKey;
  try {
    privateKey = await readFile(values.key, 'utf8');
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw usage(code === 'ENOENT' ? `Key file not found: ${values.key}` : `Cannot read key file ${values.key} (${code ?? 'error'})`);
  }
  return {
    teamId: /** @type {string} */ (values['team-id']),
    keyId: /** @type {string} */ (values['key-id']),
    privateKey,
    origins: /** @type {string[]} */ (values.origin ?? []),
    expiresIn: /** @type {string} */ (values['expires-in'] ?? DEFAULT_EXPIRES_IN),
  };
}

/** @param {string[]} args */
async function developerToken(args) {
  if (args[0] === 'serve') return developerTokenServe(args.slice(1));
  if (args[0] === 'inspect') return developerTokenInspect(args.slice(1));
  const { values } = parseArgs({ args, options: SIGNING_OPTIONS });
  if (values.help) return void process.stdout.write(HELP['developer-token']);
  const token = await createDeveloperToken(await signingOptions(values));
  process.stdout.write(`${token}\n`);
  if (process.stderr.isTTY) {
    process.stderr.write(`Expires ${new Date(describeDeveloperToken(token).expiresAt).toISOString()}.\n`);
  }
}

/** `developer-token serve`: the token server on its own, at /developer-token. */
async function developerTokenServe(/** @type {string[]} */ args) {
  const { values } = parseArgs({
    args,
    options: { ...SIGNING_OPTIONS, 'renew-before': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  });
  if (values.help) return void process.stdout.write(HELP['developer-token']);
  const port = integerOption(values.port, 'port', 0, 65535) ?? 9001;
  const host = values.host ?? '127.0.0.1';
  const { createDeveloperTokenHandler } = await import('../server/handler.js');
  const { toNodeListener } = await import('../server/node-listener.js');
  const { createServer } = await import('node:http');
  const handler = createDeveloperTokenHandler({ ...(await signingOptions(values)), renewBefore: values['renew-before'] });
  // Sign the first token now, so a key WebCrypto cannot use fails here rather than per request.
  const first = await handler(new Request('http://localhost/developer-token'));
  if (!first.ok) throw new Error('The first token could not be signed (see above).');
  const { expiresAt } = describeDeveloperToken((await first.json()).token);

  const listener = toNodeListener(handler);
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/developer-token') return listener(req, res);
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found: the developer token is at /developer-token\n');
  });
  try {
    await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve(undefined)));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is already in use; choose another with --port (0 = any free port).`);
    }
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost =
    address.address === '0.0.0.0' || address.address === '::'
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  const url = `http://${shownHost}:${address.port}/developer-token`;
  console.log(`Serving developer tokens at ${url} (this one expires ${new Date(expiresAt).toISOString()}; renewed before then).`);
  if (!values.origin?.length) {
    console.log(
      "No --origin given: pages on other origins (every page not served from this port) cannot read the token. Add --origin http://localhost:8000 (your page's origin).",
    );
  }
  console.log(`Use developer-token-url="${url}". Press Ctrl+C to stop.`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `developer-token inspect <token | URL | ->`: what a token says about itself. */
async function developerTokenInspect(/** @type {string[]} */ args) {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) return void process.stdout.write(HELP['developer-token']);
  if (positionals.length !== 1) throw usage('inspect needs one token, a URL answering one, or - to read it from stdin.');
  let token = positionals[0];
  if (token === '-') {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    token = Buffer.concat(chunks).toString('utf8');
  } else if (/^https?:\/\//i.test(token)) {
    token = await fetchToken(token);
  }
  let info;
  try {
    info = describeDeveloperToken(token);
  } catch (error) {
    throw usage(/** @type {Error} */ (error).message);
  }
  process.stdout.write(`${formatDeveloperToken(info)}\n`);
  if (info.expired) {
    process.stderr.write('am-elements: this developer token has expired; Apple refuses it. Sign a new one.\n');
    process.exitCode = 1;
  }
}

/** The token a developer-token-url answers (text or {"token": "…"}). */
async function fetchToken(/** @type {string} */ url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, text/plain' } });
  } catch (error) {
    throw new Error(`${url} could not be reached (${/** @type {any} */ (error).cause?.code ?? /** @type {Error} */ (error).message}).`);
  }
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}.`);
  const text = (await response.text()).trim();
  if (!text.startsWith('{')) return text;
  try {
    const { token } = JSON.parse(text);
    if (typeof token === 'string') return token;
  } catch {
    // reported below
  }
  throw new Error(`${url} answered JSON without a "token" string.`);
}

/** @param {string[]} argv */
async function main(argv) {
  const [command, ...rest] = argv;
  try {
    if (command === 'emulator') return await emulator(rest);
    if (command === 'developer-token') return await developerToken(rest);
    if (command === '--help' || command === '-h' || command === 'help') return void process.stdout.write(HELP.main);
    if (command === undefined) throw usage(`a command is needed.\n\n${HELP.main}`);
    throw usage(`Unknown command "${command}".\n\n${HELP.main}`);
  } catch (error) {
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const isUsage = error instanceof UsageError || String(/** @type {any} */ (error)?.code).startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`am-elements: ${/** @type {Error} */ (error).message}\n`);
    process.exitCode = isUsage ? 2 : 1;
  }
}

await main(process.argv.slice(2));
