// @ts-check
// Token checks. The emulator cannot verify Apple's signatures (it has no Apple keys), so a
// developer token only has to look like a JWT and not be expired; Music User Tokens, however,
// must be ones this emulator issued, so tests can exercise "403 → authorize again".
import { randomBytes } from 'node:crypto';

/**
 * What the user behind a token has in iCloud Music Library: `full` (the generated library),
 * `none` (Sync Library off: Apple reportedly answers 404 on /v1/me/library/…) or `empty`
 * (the other reported answer: empty lists).
 * @typedef {'full' | 'none' | 'empty'} LibraryKind
 */
export const LIBRARY_KINDS = /** @type {const} */ (['full', 'none', 'empty']);

/**
 * A developer-token-shaped JWT this emulator accepts (it checks the shape and `exp`, not Apple's
 * signature): for the dev endpoints, the tests and the bench. Never one Apple accepts.
 * @param {{ team?: string, keyId?: string, lifetimeSeconds?: number, claims?: Record<string, unknown> }} [options]
 *   `team` is the `iss` claim (MusicKit's storage keys use it); `claims` are added or override.
 */
export function emulatorDeveloperToken({ team = 'EMULATOR00', keyId = 'EMULATOR00', lifetimeSeconds = 86_400, claims = {} } = {}) {
  const part = (/** @type {object} */ value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'ES256', kid: keyId })}.${part({ iss: team, iat: now, exp: now + lifetimeSeconds, ...claims })}.c2lnbmF0dXJl`;
}

export class MusicUserTokens {
  constructor() {
    /** @type {Set<string>} */
    this.issued = new Set();
    /** @type {Set<string>} */
    this.revoked = new Set();
    /** Tokens of users without the generated library; the others have it. @type {Map<string, LibraryKind>} */
    this.libraries = new Map();
  }

  /**
   * Issues a fresh token (or registers `forced`, so tests can choose the value).
   * An empty forced token is returned as is and never accepted by the API.
   * @param {string} [forced]
   * @param {LibraryKind} [library] what the user has in iCloud Music Library
   */
  issue(forced, library = 'full') {
    // Real MUTs are long base64 strings with `+`, `/` and `=`; keep those characters.
    const token = forced ?? `Aemu${randomBytes(120).toString('base64')}`;
    if (token) {
      this.issued.add(token);
      this.revoked.delete(token);
      if (library === 'full') this.libraries.delete(token);
      else this.libraries.set(token, library);
    }
    return token;
  }

  /** @param {string | undefined} token @returns {LibraryKind} */
  libraryOf(token) {
    return (token && this.libraries.get(token)) || 'full';
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
 * The `library` of an issue request: absent means `full`; anything else must be a kind.
 * @param {unknown} value
 * @returns {LibraryKind | undefined} undefined when not a kind
 */
export function parseLibraryKind(value) {
  if (value === undefined || value === null) return 'full';
  return LIBRARY_KINDS.includes(/** @type {any} */ (value)) ? /** @type {LibraryKind} */ (value) : undefined;
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
