// @ts-check
/**
 * The Apple Music emulator: a local stand-in for authorize.music.apple.com and
 * api.music.apple.com, for the demo, for our tests and for users' own tests.
 *
 * Control API (JSON bodies, CORS-enabled for local origins):
 * - `POST /_emulator/faults` `{path, status, count?, retryAfter?, body?}` (or an array): the
 *   next `count` requests whose path starts with `path` fail with `status`; `body` is
 *   `json` (Apple's error body, default), `html`, `malformed-json`, `empty` or `drop`
 *   (connection cut). 429 carries `Retry-After: 1` unless `retryAfter` is given (null omits it).
 *   `GET /_emulator/faults` lists what is still queued.
 * - `POST /_emulator/reset`: clears faults, revocations, the request log and latency overrides.
 * - `POST /_emulator/revoke` `{token}`: that Music User Token gets 403 from now on.
 * - `POST /_emulator/latency` `{ms}`: delay every API answer.
 * - `POST /_emulator/issue` `{token?, library?}` → `{musicUserToken}`: a valid MUT without the popup;
 *   `library: 'none'` plays a user without iCloud Music Library (404 on /v1/me/library/…), `'empty'` an empty one.
 * - `GET /_emulator/requests[?path=prefix]` → `{requests: [{time, method, path, query, status, origin?}]}`
 *   (never token values); `DELETE /_emulator/requests` clears it.
 * - `GET|POST /_emulator/musickit` `{delay?: ms | 'never', status?}`: how the MusicKit stand-in
 *   script at `/musickit/v3/musickit.js` is served (reset restores 0 and 200).
 * Catalog, audio and the MusicKit stand-in are described in README.md.
 */
import { createServer } from 'node:http';
import { createHandler } from './server.js';
import { createLibrary } from './library.js';
import { MusicUserTokens } from './tokens.js';
import { FaultQueue, RequestLog } from './faults.js';
import { createCatalog } from './catalog.js';
import { catalogResources } from './catalog-api.js';
import { defaultMusicKitSwitches } from './playback-routes.js';

export { OUTCOMES } from './authorize-page.js';
export { appleMusicDevEndpoints } from './dev-endpoints.js';

/**
 * @typedef {object} EmulatorOptions
 * @property {number} [port] 0 picks any free port (default 9000)
 * @property {string} [host] interface to bind (default 127.0.0.1: local only)
 * @property {number} [size] number of library items over all types (default 2000)
 * @property {number} [latency] ms added to every API answer (default 0)
 * @property {number} [seed] library seed (default 1)
 * @property {string} [storefront] storefront id answered by /v1/me/storefront (default us)
 * @property {boolean} [quiet] do not print the address
 */

/**
 * @typedef {object} Emulator
 * @property {string} origin e.g. http://127.0.0.1:9000
 * @property {number} port
 * @property {() => Promise<void>} close
 * @property {import('./server.js').EmulatorState} state live state, for in-process tests
 */

/**
 * @param {EmulatorOptions} [options]
 * @returns {Promise<Emulator>}
 */
export async function startEmulator(options = {}) {
  const { port = 9000, host = '127.0.0.1', size = 2000, latency = 0, seed = 1, storefront = 'us', quiet = false } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0-65535, got ${port}`);
  if (!Number.isInteger(size) || size < 0 || size > 1_000_000) throw new RangeError(`size must be 0-1000000, got ${size}`);
  if (!Number.isFinite(latency) || latency < 0) throw new RangeError(`latency must be >= 0 ms, got ${latency}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!/^[a-z]{2}$/.test(storefront)) throw new RangeError(`storefront must be a two-letter code, got ${storefront}`);

  const emptyLibrary = createLibrary({ size: 0, seed, origin: '' });
  const emptyCatalog = createCatalog({ seed, origin: '', library: emptyLibrary });
  /** @type {import('./server.js').EmulatorState} */
  const state = {
    origin: '',
    storefront,
    defaultLatency: latency,
    latency,
    library: emptyLibrary,
    catalog: emptyCatalog,
    catalogResources: catalogResources(emptyCatalog, ''),
    musickit: defaultMusicKitSwitches(),
    tokens: new MusicUserTokens(),
    faults: new FaultQueue(),
    log: new RequestLog(),
  };
  const server = createServer({ keepAliveTimeout: 30_000 }, createHandler(state));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host.includes(':') ? `[${host}]` : host;
  state.origin = `http://${shownHost}:${address.port}`;
  // Artwork URLs are absolute, so the library is built once the port is known.
  state.library = createLibrary({ size, seed, origin: state.origin });
  state.catalog = createCatalog({ seed, origin: state.origin, library: state.library });
  state.catalogResources = catalogResources(state.catalog, state.origin);

  if (!quiet) {
    const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
    console.log(`Apple Music emulator listening on ${state.origin} ${local ? '(local only)' : '(WARNING: reachable from other machines)'}`);
  }
  return {
    origin: state.origin,
    port: address.port,
    state,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
