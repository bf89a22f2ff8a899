/** What am-elements needs from a developer token (docs/protocol.md, "Developer tokens"): who issued it and until when. */
export interface DeveloperTokenInfo {
  /** `iss`: the team id; it names MusicKit's storage keys. */
  teamId: string;
  keyId?: string;
  /** `exp` in milliseconds since the epoch. */
  expiresAt: number;
  origins?: string[];
}

export class DeveloperTokenError extends Error {
  override name = 'DeveloperTokenError';
  constructor(
    readonly code: 'malformed' | 'expired' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Reads a developer token's header and claims without verifying the signature (only Apple can).
 * Throws `DeveloperTokenError` for anything that is not a JWT with `iss` and `exp`, or that
 * has expired at `now`.
 */
export function parseDeveloperToken(token: string, now = Date.now()): DeveloperTokenInfo {
  const segments = token.trim().split('.');
  if (segments.length !== 3 || segments.some((segment) => !/^[\w-]+$/.test(segment))) {
    throw new DeveloperTokenError('malformed', 'The developer token is not a JWT (expected three base64url parts).');
  }
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeSegment(segments[0]) as Record<string, unknown>;
    claims = decodeSegment(segments[1]) as Record<string, unknown>;
  } catch {
    throw new DeveloperTokenError('malformed', 'The developer token does not decode as a JWT.');
  }
  if (typeof claims !== 'object' || claims === null || typeof header !== 'object' || header === null) {
    throw new DeveloperTokenError('malformed', 'The developer token does not decode as a JWT.');
  }
  const { iss, exp, origin } = claims;
  if (typeof iss !== 'string' || iss.length === 0) {
    throw new DeveloperTokenError('malformed', 'The developer token has no "iss" (team id) claim.');
  }
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    throw new DeveloperTokenError('malformed', 'The developer token has no numeric "exp" claim.');
  }
  const expiresAt = exp * 1000;
  if (expiresAt <= now) {
    throw new DeveloperTokenError('expired', `The developer token expired on ${new Date(expiresAt).toISOString()}; generate a new one.`);
  }
  return {
    teamId: iss,
    keyId: typeof header.kid === 'string' ? header.kid : undefined,
    expiresAt,
    origins: Array.isArray(origin) ? origin.filter((o): o is string => typeof o === 'string') : undefined,
  };
}
