// @ts-check
// The CLI's developer-token helpers: the signing and validation shared with the token server
// (server/sign.js), and how `inspect` describes a token.
import { decodeJwt, decodeProtectedHeader } from 'jose';

export {
  APPLE_MAX_LIFETIME,
  MAX_LIFETIME,
  DEFAULT_EXPIRES_IN,
  checkPrivateKey,
  createDeveloperToken,
  parseDuration,
  parseOrigin,
  DeveloperTokenOptionsError as UsageError,
} from '../server/sign.js';

const DAY = 86_400_000;

/**
 * What a token says about itself (the signature is not checked: only Apple, or the public key,
 * can). Throws an Error with a clear message for anything that is not a developer token.
 * @param {string} token
 * @param {number} [now] ms
 */
export function describeDeveloperToken(token, now = Date.now()) {
  const jwt = token.trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jwt)) {
    throw new Error('That is not a JWT: a developer token is three base64url parts separated by dots (eyJ….eyJ….…).');
  }
  let header;
  let claims;
  try {
    header = decodeProtectedHeader(jwt);
    claims = decodeJwt(jwt);
  } catch {
    throw new Error('That JWT does not decode: its header or payload is not base64url-encoded JSON.');
  }
  if (typeof claims.iss !== 'string' || typeof claims.exp !== 'number') {
    throw new Error('That JWT is not a developer token: it needs "iss" (your team id) and a numeric "exp".');
  }
  const expiresAt = claims.exp * 1000;
  return {
    teamId: claims.iss,
    keyId: typeof header.kid === 'string' ? header.kid : undefined,
    algorithm: header.alg,
    issuedAt: typeof claims.iat === 'number' ? claims.iat * 1000 : undefined,
    expiresAt,
    daysLeft: (expiresAt - now) / DAY,
    expired: expiresAt <= now,
    origins: Array.isArray(claims.origin) ? claims.origin.map(String) : undefined,
  };
}

/**
 * The lines `am-elements developer-token inspect` prints.
 * @param {ReturnType<typeof describeDeveloperToken>} info
 */
export function formatDeveloperToken(info) {
  const date = (/** @type {number | undefined} */ ms) => (ms === undefined ? '(none)' : new Date(ms).toISOString());
  const left = info.expired ? `expired ${Math.abs(info.daysLeft).toFixed(1)} days ago` : info.daysLeft.toFixed(1);
  return [
    `Team:      ${info.teamId}`,
    `Key id:    ${info.keyId ?? '(none)'}`,
    `Algorithm: ${info.algorithm ?? '(none)'}${info.algorithm === 'ES256' ? '' : ' (Apple needs ES256)'}`,
    `Issued:    ${date(info.issuedAt)}`,
    `Expires:   ${date(info.expiresAt)}`,
    `Days left: ${left}`,
    `Origins:   ${info.origins?.length ? info.origins.join(', ') : '(any: no origin claim)'}`,
  ].join('\n');
}
