// @ts-check
// Validates the options of an Apple Music developer token and signs it (ES256 JWT, header
// {alg, kid}, claims {iss, iat, exp, origin?}). Shared by the CLI and the token server; no I/O
// and no node:* imports, so it runs on Node, Deno, Bun and Cloudflare Workers alike.
import { importPKCS8, SignJWT } from 'jose';
import { DeveloperTokenOptionsError } from './errors.js';
import { checkPrivateKey } from './private-key.js';

export { DeveloperTokenOptionsError, checkPrivateKey };

/** Apple's ceiling for `exp − iat`. Tokens at exactly this bound have been rejected. */
export const APPLE_MAX_LIFETIME = 15_777_000;
/** What we allow: a day under Apple's ceiling. */
export const MAX_LIFETIME = APPLE_MAX_LIFETIME - 86_400;
export const DEFAULT_EXPIRES_IN = '180d';

const TEN_CHAR_ID = /^[A-Z0-9]{10}$/;
const UNIT_SECONDS = /** @type {Record<string, number>} */ ({ s: 1, h: 3600, d: 86_400 });

/**
 * `90d`, `12h`, `3600s` or `3600` (seconds; a number too) → seconds.
 * @param {string | number} value
 * @param {string} [what] names the option in the message
 */
export function parseDuration(value, what = 'duration') {
  const match = /^(\d{1,12})([dhs]?)$/.exec(String(value).trim());
  if (!match) {
    throw new DeveloperTokenOptionsError(
      `Invalid ${what} "${value}": use a number with d (days), h (hours) or s (seconds), e.g. 180d, 12h, 3600s or 3600.`,
      'invalid-lifetime',
    );
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
  if (seconds <= 0)
    throw new DeveloperTokenOptionsError(
      `The ${what === 'duration' ? 'lifetime' : what} must be longer than 0 seconds.`,
      'invalid-lifetime',
    );
  return seconds;
}

/**
 * `https://example.com` (a trailing slash is tolerated) → the origin; anything with a path,
 * query, credentials or another scheme is refused.
 * @param {string} value
 */
export function parseOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new DeveloperTokenOptionsError(`Invalid origin "${value}": expected something like https://example.com`, 'invalid-origin');
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare || !/^https?:\/\/[^/]+\/?$/.test(value)) {
    throw new DeveloperTokenOptionsError(
      `Invalid origin "${value}": an origin is scheme://host[:port] only, e.g. https://example.com`,
      'invalid-origin',
    );
  }
  return url.origin;
}

/**
 * @typedef {object} SigningOptions
 * @property {string} teamId 10 uppercase letters/digits (becomes `iss`)
 * @property {string} keyId 10 uppercase letters/digits (becomes `kid`)
 * @property {string | Uint8Array} privateKey contents of AuthKey_XXXXXXXXXX.p8
 * @property {readonly string[]} [origins] allowed web origins (the `origin` claim)
 * @property {string | number} [expiresIn] lifetime, e.g. `180d` (default) or seconds
 */

/**
 * @typedef {object} SigningConfig
 * @property {string} teamId
 * @property {string} keyId
 * @property {string} pem the checked key
 * @property {string[]} origins normalized, without duplicates
 * @property {number} lifetime seconds
 */

/**
 * Checks every option, synchronously, so a bad configuration fails where it is made.
 * @param {SigningOptions} options
 * @returns {SigningConfig}
 */
export function checkSigningOptions({ teamId, keyId, privateKey, origins = [], expiresIn = DEFAULT_EXPIRES_IN }) {
  if (typeof teamId !== 'string' || !TEN_CHAR_ID.test(teamId)) {
    throw new DeveloperTokenOptionsError(
      `Invalid team id "${teamId ?? ''}": it is exactly 10 uppercase letters or digits (Apple Developer → Membership).`,
      'invalid-team-id',
    );
  }
  if (typeof keyId !== 'string' || !TEN_CHAR_ID.test(keyId)) {
    throw new DeveloperTokenOptionsError(
      `Invalid key id "${keyId ?? ''}": it is exactly 10 uppercase letters or digits (the XXXXXXXXXX in AuthKey_XXXXXXXXXX.p8).`,
      'invalid-key-id',
    );
  }
  const lifetime = parseDuration(expiresIn);
  if (lifetime > MAX_LIFETIME) {
    throw new DeveloperTokenOptionsError(
      `Lifetime ${expiresIn} (${lifetime} s) is too long: Apple rejects tokens over ${APPLE_MAX_LIFETIME} s (about 182 days); the most allowed here is ${MAX_LIFETIME} s (about 181 days). Try 180d.`,
      'invalid-lifetime',
    );
  }
  if (!Array.isArray(origins))
    throw new DeveloperTokenOptionsError('origins must be an array of origins such as ["https://example.com"].', 'invalid-origin');
  const normalized = [...new Set(origins.map(parseOrigin))];
  return { teamId, keyId, pem: checkPrivateKey(privateKey), origins: normalized, lifetime };
}

/**
 * The key as WebCrypto needs it for signing. Rejects only for key material that passed
 * `checkPrivateKey` but is still unusable, with a message that does not contain it.
 * @param {string} pem
 * @returns {Promise<CryptoKey>}
 */
export async function importSigningKey(pem) {
  try {
    return await importPKCS8(pem, 'ES256');
  } catch {
    throw new DeveloperTokenOptionsError('The private key could not be imported for ES256 signing (damaged key material).', 'invalid-key');
  }
}

/**
 * Signs `{alg: 'ES256', kid}` / `{iss, iat, exp, origin?}` issued at `now` (ms).
 * @param {SigningConfig} config
 * @param {CryptoKey} key
 * @param {number} now
 * @returns {Promise<string>}
 */
export function signDeveloperToken(config, key, now) {
  const issuedAt = Math.floor(now / 1000);
  /** @type {Record<string, unknown>} */
  const claims = {};
  if (config.origins.length) claims.origin = config.origins;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: config.keyId })
    .setIssuer(config.teamId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + config.lifetime)
    .sign(key);
}

/**
 * Validates everything first, then signs one token.
 * @param {SigningOptions & {now?: number}} options `now`: the current time in ms (for tests)
 * @returns {Promise<string>} the signed JWT
 */
export async function createDeveloperToken(options) {
  const config = checkSigningOptions(options);
  return signDeveloperToken(config, await importSigningKey(config.pem), options.now ?? Date.now());
}
