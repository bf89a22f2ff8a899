// @ts-check
// The developer-token endpoint as a WHATWG fetch handler: `(Request) => Promise<Response>`.
// It signs once, serves that token until `renewBefore` ahead of its expiry, then signs the next
// (requests arriving meanwhile share that one signature). Guides: docs/developer-tokens.md.
import { checkSigningOptions, importSigningKey, parseDuration, signDeveloperToken, DeveloperTokenOptionsError } from './sign.js';

const DAY_SECONDS = 86_400;
export const DEFAULT_RENEW_BEFORE = 7 * DAY_SECONDS;
/** Caches may keep an answer this long at most, so a replaced key reaches browsers within the hour. */
const MAX_CACHE_SECONDS = 3600;
const ALLOW = 'GET, HEAD, OPTIONS';

/**
 * @typedef {object} Signed
 * @property {string} token
 * @property {number} expiresAt ms
 * @property {number} renewAt ms: from here on, the next request signs a new token
 */

/**
 * @param {import('./index.js').DeveloperTokenHandlerOptions} options
 * @returns {import('./index.js').DeveloperTokenHandler}
 */
export function createDeveloperTokenHandler(options) {
  if (!options || typeof options !== 'object') {
    throw new DeveloperTokenOptionsError('createDeveloperTokenHandler needs {teamId, keyId, privateKey}.');
  }
  const config = checkSigningOptions(options);
  const renewBefore =
    options.renewBefore === undefined
      ? Math.min(DEFAULT_RENEW_BEFORE, Math.floor(config.lifetime / 2))
      : parseDuration(options.renewBefore, 'renewBefore');
  if (renewBefore >= config.lifetime) {
    throw new DeveloperTokenOptionsError(
      `renewBefore (${renewBefore} s) must be shorter than the token's lifetime (${config.lifetime} s).`,
      'invalid-lifetime',
    );
  }
  const now = options.now ?? Date.now;
  const allowedOrigins = new Set(config.origins);
  const key = importSigningKey(config.pem);
  key.catch(() => {}); // reported by the first request that needs it

  /** @type {Signed | undefined} */
  let current;
  /** @type {Promise<Signed> | undefined} */
  let renewal;

  const sign = async (/** @type {number} */ at) => {
    const token = await signDeveloperToken(config, await key, at);
    const expiresAt = (Math.floor(at / 1000) + config.lifetime) * 1000;
    return { token, expiresAt, renewAt: expiresAt - renewBefore * 1000 };
  };

  /** The token to serve at `at`: the cached one while fresh, else one shared renewal. */
  const tokenAt = async (/** @type {number} */ at) => {
    if (current && at < current.renewAt) return current;
    renewal ??= sign(at)
      .then((signed) => (current = signed))
      .finally(() => (renewal = undefined));
    try {
      return await renewal;
    } catch (error) {
      console.error(`am-elements/server: could not sign the developer token: ${/** @type {Error} */ (error).message}`);
      // Better the previous token while it lasts than no token.
      if (current && at < current.expiresAt) return current;
      throw error;
    }
  };

  return async function developerTokenHandler(request) {
    const method = request.method.toUpperCase();
    const origin = request.headers.get('Origin');
    /** @type {Record<string, string>} */
    const cors = origin !== null && allowedOrigins.has(origin) ? { 'Access-Control-Allow-Origin': origin } : {};
    const common = { Vary: 'Origin', 'X-Content-Type-Options': 'nosniff' };

    if (method === 'OPTIONS') {
      const requested = request.headers.get('Access-Control-Request-Method')?.toUpperCase();
      const preflight = cors['Access-Control-Allow-Origin'] && (requested === 'GET' || requested === 'HEAD');
      const headers = preflight
        ? { ...common, ...cors, Allow: ALLOW, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': String(DAY_SECONDS) }
        : { ...common, Allow: ALLOW };
      return new Response(null, { status: 204, headers });
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return json({ error: `Method ${method} is not allowed: use GET.` }, 405, {
        ...common,
        ...cors,
        Allow: ALLOW,
        'Cache-Control': 'no-store',
      });
    }

    const at = now();
    let signed;
    try {
      signed = await tokenAt(at);
    } catch {
      return json({ error: 'The developer token could not be signed; the server log says why.' }, 503, {
        ...common,
        ...cors,
        'Cache-Control': 'no-store',
      });
    }
    const fresh = Math.min(MAX_CACHE_SECONDS, Math.floor((signed.renewAt - at) / 1000));
    const cacheControl = fresh > 0 ? `public, max-age=${fresh}` : 'no-cache';
    const body = method === 'HEAD' ? null : { token: signed.token };
    return json(body, 200, { ...common, ...cors, 'Cache-Control': cacheControl });
  };
}

/**
 * @param {unknown} body null for none (HEAD)
 * @param {number} status
 * @param {Record<string, string>} headers
 */
function json(body, status, headers) {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}
