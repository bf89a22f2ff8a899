import type { StoredAuthorization } from './token-store.js';

const HAND_OFF_HASH = /^#([a-zA-Z0-9+/]{200,}={0,2})$/;

/**
 * The redirect hand-off MusicKit accepts on load (docs/protocol.md, "Hand-off"): a long base64 hash holding
 * `{musicUserToken, itre, cid}`. Returns undefined for any other hash, never throws.
 */
export function readHandOff(hash: string): StoredAuthorization | undefined {
  const match = HAND_OFF_HASH.exec(hash);
  if (!match) return undefined;
  try {
    const payload: unknown = JSON.parse(atob(match[1]));
    if (typeof payload !== 'object' || payload === null) return undefined;
    const { musicUserToken, itre, cid } = payload as Record<string, unknown>;
    if (typeof musicUserToken !== 'string' || musicUserToken.length === 0) return undefined;
    return {
      musicUserToken,
      restricted: itre === '1' || itre === 1 || itre === true,
      cid: typeof cid === 'string' ? cid : undefined,
    };
  } catch {
    return undefined;
  }
}
