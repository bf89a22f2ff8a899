// @ts-check
// Shared helpers for the emulator tests (not a test file itself).
import { startEmulator } from '../../cli/emulator/index.js';
import { emulatorDeveloperToken } from '../../cli/emulator/tokens.js';

/**
 * A developer token the emulator accepts: it only checks the JWT shape and `exp`.
 * @param {Record<string, unknown>} [claims]
 */
export function fakeDeveloperToken(claims = {}) {
  return emulatorDeveloperToken({ team: 'TEAM123456', keyId: 'ABCDE12345', lifetimeSeconds: 3600, claims });
}

/** @param {import('../../cli/emulator/index.js').EmulatorOptions} [options] */
export async function start(options = {}) {
  const emulator = await startEmulator({ port: 0, size: 300, seed: 1, quiet: true, ...options });
  /** Issues a Music User Token through the control API (as the popup would on Allow). */
  const issue = async (/** @type {string | undefined} */ token) => {
    const response = await fetch(`${emulator.origin}/_emulator/issue`, {
      method: 'POST',
      body: JSON.stringify(token === undefined ? {} : { token }),
    });
    return /** @type {string} */ ((await response.json()).musicUserToken);
  };
  const developerToken = fakeDeveloperToken();
  const userToken = await issue(undefined);
  /**
   * GET with both tokens unless overridden (null drops a header).
   * @param {string} path
   * @param {Record<string, string | null>} [headers]
   */
  const get = (path, headers = {}) => {
    /** @type {Record<string, string>} */
    const all = {};
    const merged = { Authorization: `Bearer ${developerToken}`, 'Music-User-Token': userToken, ...headers };
    for (const [name, value] of Object.entries(merged)) if (value !== null) all[name] = value;
    return fetch(new URL(path, emulator.origin), { headers: all });
  };
  /** @param {string} path @param {unknown} [body] */
  const post = (path, body) =>
    fetch(new URL(path, emulator.origin), { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  return { emulator, origin: emulator.origin, developerToken, userToken, issue, get, post };
}

/** base64 as Apple's `a`: JSON with non-ASCII escaped, then btoa. */
export function encodeA(/** @type {Record<string, unknown>} */ info) {
  const ascii = JSON.stringify(info).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(ascii, 'latin1').toString('base64');
}
