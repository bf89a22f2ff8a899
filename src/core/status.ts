/** MusicKit's authorization statuses (docs/protocol.md, "JSON-RPC over postMessage"), as the string values we expose. */
export type AuthorizationStatus = 'unavailable' | 'not-determined' | 'denied' | 'restricted' | 'authorized';

/** MusicKit's numeric codes for the same statuses, for callers migrating from MusicKit JS. */
export const STATUS_CODES: Readonly<Record<AuthorizationStatus, number>> = {
  unavailable: -1,
  'not-determined': 0,
  denied: 1,
  restricted: 2,
  authorized: 3,
};

/** "Authorized" in MusicKit's sense: a usable Music User Token, restricted or not. */
export const isAuthorizedStatus = (status: AuthorizationStatus): boolean => status === 'authorized' || status === 'restricted';
