#!/usr/bin/env node
// @ts-check
// The package's command line: `am-elements emulator` and `am-elements developer-token`.
// Usage errors exit with code 2 and a message on stderr; secrets are never printed.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { createDeveloperToken, UsageError, DEFAULT_EXPIRES_IN } from './developer-token.js';

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

Prints a signed Apple Music developer token (ES256 JWT) on stdout. Keep the .p8 key on your
server; never ship it to browsers.

Options:
  --team-id <ID>       your 10-character Apple Developer team id (the token's iss)
  --key-id <ID>        the 10-character id of your MusicKit key (the token's kid)
  --key <file>         the AuthKey_XXXXXXXXXX.p8 private key file downloaded from Apple
  --origin <origin>    restrict the token to a web origin, e.g. https://example.com
                       (repeat for several)
  --expires-in <time>  lifetime: 180d, 12h, 3600s or 3600 (default ${DEFAULT_EXPIRES_IN}; at most about 181 days)
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
  console.log(`Library: ${split.albums} albums, ${split.songs} songs, ${split.playlists} playlists, ${split.artists} artists, ${split['music-videos']} music videos (seed ${options.seed ?? 1}).`);
  console.log(`Use authorize-url="${server.origin}/woa" api-url="${server.origin}". Press Ctrl+C to stop.`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** @param {string[]} args */
async function developerToken(args) {
  const { values } = parseArgs({
    args,
    options: {
      'team-id': { type: 'string' },
      'key-id': { type: 'string' },
      key: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'expires-in': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP['developer-token']);
  const missing = ['team-id', 'key-id', 'key'].filter((name) => !values[name]);
  if (missing.length) throw usage(`Missing ${missing.map((name) => `--${name}`).join(', ')}. See "am-elements developer-token --help".`);
  let privateKeyPem;
  try {
    privateKeyPem = await readFile(/** @type {string} */ (values.key), 'utf8');
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw usage(code === 'ENOENT' ? `Key file not found: ${values.key}` : `Cannot read key file ${values.key} (${code ?? 'error'})`);
  }
  const token = await createDeveloperToken({
    teamId: /** @type {string} */ (values['team-id']),
    keyId: /** @type {string} */ (values['key-id']),
    privateKeyPem,
    origins: values.origin ?? [],
    expiresIn: values['expires-in'] ?? DEFAULT_EXPIRES_IN,
  });
  process.stdout.write(`${token}\n`);
  if (process.stderr.isTTY) {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    process.stderr.write(`Expires ${new Date(exp * 1000).toISOString()}.\n`);
  }
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
