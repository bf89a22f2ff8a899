// @ts-check
// Token checks. The emulator cannot verify Apple's signatures (it has no Apple keys), so a
// developer token only has to look like a JWT and not be expired; Music User Tokens, however,
// must be ones this emulator issued, so tests can exercise "403 → authorize again".
import { randomBytes } from 'node:crypto';

export class MusicUserTokens {
  constructor() {
    /** @type {Set<string>} */
    this.issued = new Set();
    /** @type {Set<string>} */
    this.revoked = new Set();
  }

  /**
   * Issues a fresh token (or registers `forced`, so tests can choose the value).
   * An empty forced token is returned as is and never accepted by the API.
   * @param {string} [forced]
   */
  issue(forced) {
    // Real MUTs are long base64 strings with `+`, `/` and `=`; keep those characters.
    const token = forced ?? `Aemu${randomBytes(120).toString('base64')}`;
    if (token) {
      this.issued.add(token);
      this.revoked.delete(token);
    }
    return token;
  }

  /** @param {string | undefined} token */
  isValid(token) {
    return !!token && this.issued.has(token) && !this.revoked.has(token);
  }

  /** @param {string | undefined} token */
  revoke(token) {
    if (token) this.revoked.add(token);
  }

  /** Revocations are test state; issued tokens survive so open pages stay signed in. */
  reset() {
    this.revoked.clear();
  }
}

/**
 * Checks `Authorization: Bearer <jwt>`. Returns an error detail, or null when acceptable.
 * @param {string | undefined} header
 * @param {number} nowSeconds
 */
export function checkDeveloperToken(header, nowSeconds) {
  if (!header) return 'Authorization header is missing';
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header.trim());
  if (!match) return 'Authorization header is not a Bearer JWT';
  let payload;
  try {
    payload = JSON.parse(Buffer.from(match[2], 'base64url').toString('utf8'));
  } catch {
    return 'Developer token payload does not decode';
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return 'Developer token payload is not an object';
  }
  if (typeof payload.exp === 'number' && payload.exp <= nowSeconds) return 'Developer token has expired';
  return null;
}
