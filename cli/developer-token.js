// @ts-check
// Signs Apple Music developer tokens (SPEC §1.9). Kept free of I/O so it can be tested and
// reused; the CLI reads the key file and prints the result.
import { createPrivateKey } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

/** Apple's ceiling for `exp − iat`. Tokens at exactly this bound have been rejected. */
export const APPLE_MAX_LIFETIME = 15_777_000;
/** What we allow: a day under Apple's ceiling. */
export const MAX_LIFETIME = APPLE_MAX_LIFETIME - 86_400;
export const DEFAULT_EXPIRES_IN = '180d';

/** A refusal caused by the caller's input (the CLI exits with code 2 and prints the message). */
export class UsageError extends Error {
  name = 'UsageError';
}

const TEN_CHAR_ID = /^[A-Z0-9]{10}$/;
const UNIT_SECONDS = /** @type {Record<string, number>} */ ({ s: 1, h: 3600, d: 86_400 });

/**
 * `90d`, `12h`, `3600s` or `3600` (seconds) → seconds.
 * @param {string | number} value
 */
export function parseDuration(value) {
  const match = /^(\d{1,12})([dhs]?)$/.exec(String(value).trim());
  if (!match) {
    throw new UsageError(`Invalid duration "${value}": use a number with d (days), h (hours) or s (seconds), e.g. 180d, 12h, 3600s or 3600.`);
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
  if (seconds <= 0) throw new UsageError('The lifetime must be longer than 0 seconds.');
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
    throw new UsageError(`Invalid origin "${value}": expected something like https://example.com`);
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare || !/^https?:\/\/[^/]+\/?$/.test(value)) {
    throw new UsageError(`Invalid origin "${value}": an origin is scheme://host[:port] only, e.g. https://example.com`);
  }
  return url.origin;
}

/**
 * Checks that `pem` is what Apple issues: an unencrypted PKCS#8 EC key on P-256.
 * @param {string} pem
 */
export function checkPrivateKey(pem) {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) {
    throw new UsageError('The key file is encrypted; use the unencrypted AuthKey_XXXXXXXXXX.p8 file from Apple.');
  }
  if (/-----BEGIN EC PRIVATE KEY-----/.test(pem)) {
    throw new UsageError('The key is in SEC1 ("EC PRIVATE KEY") format, not PKCS#8. Convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out AuthKey.p8');
  }
  if (!/-----BEGIN PRIVATE KEY-----/.test(pem)) {
    throw new UsageError('The key file is not a PKCS#8 PEM private key (expected "-----BEGIN PRIVATE KEY-----", as in Apple\'s .p8 files).');
  }
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new UsageError('The key file could not be read as a private key (damaged or truncated PEM).');
  }
  if (key.asymmetricKeyType !== 'ec') {
    throw new UsageError(`The key is an ${String(key.asymmetricKeyType).toUpperCase()} key; Apple Music needs an EC P-256 (ES256) key.`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve !== 'prime256v1') {
    throw new UsageError(`The key is on curve ${curve}; Apple Music needs P-256 (prime256v1) for ES256.`);
  }
}

/**
 * @typedef {object} DeveloperTokenOptions
 * @property {string} teamId 10 uppercase letters/digits (becomes `iss`)
 * @property {string} keyId 10 uppercase letters/digits (becomes `kid`)
 * @property {string} privateKeyPem contents of AuthKey_XXXXXXXXXX.p8
 * @property {string[]} [origins] allowed web origins (the `origin` claim)
 * @property {string | number} [expiresIn] lifetime, e.g. `180d` (default) or seconds
 * @property {number} [now] current time in ms (for tests)
 */

/**
 * Validates everything first, then signs `{alg: 'ES256', kid}` / `{iss, iat, exp, origin?}`.
 * @param {DeveloperTokenOptions} options
 * @returns {Promise<string>} the signed JWT
 */
export async function createDeveloperToken({ teamId, keyId, privateKeyPem, origins = [], expiresIn = DEFAULT_EXPIRES_IN, now = Date.now() }) {
  if (typeof teamId !== 'string' || !TEN_CHAR_ID.test(teamId)) {
    throw new UsageError(`Invalid team id "${teamId ?? ''}": it is exactly 10 uppercase letters or digits (Apple Developer → Membership).`);
  }
  if (typeof keyId !== 'string' || !TEN_CHAR_ID.test(keyId)) {
    throw new UsageError(`Invalid key id "${keyId ?? ''}": it is exactly 10 uppercase letters or digits (the XXXXXXXXXX in AuthKey_XXXXXXXXXX.p8).`);
  }
  const lifetime = parseDuration(expiresIn);
  if (lifetime > MAX_LIFETIME) {
    throw new UsageError(
      `Lifetime ${expiresIn} (${lifetime} s) is too long: Apple rejects tokens over ${APPLE_MAX_LIFETIME} s (about 182 days); the most allowed here is ${MAX_LIFETIME} s (about 181 days). Try --expires-in 180d.`,
    );
  }
  const origin = origins.map(parseOrigin);
  checkPrivateKey(privateKeyPem);
  const key = await importPKCS8(privateKeyPem, 'ES256');
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + lifetime;
  /** @type {Record<string, unknown>} */
  const claims = {};
  if (origin.length) claims.origin = [...new Set(origin)];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: keyId })
    .setIssuer(teamId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key);
}
