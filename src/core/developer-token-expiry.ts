import type { DeveloperTokenInfo } from './developer-token.js';

const DAY_MS = 86_400_000;

/** A token given as an attribute this close to expiry is announced: time to sign a new one. */
export const EXPIRY_WARNING_MS = 14 * DAY_MS;

/**
 * A token server renews at least this long before expiry (am-elements/server's default
 * `renewBefore`; the WordPress plugin's too). A `developer-token-url` answering a token closer
 * to its expiry, even when asked past every cache, is not renewing it.
 */
export const URL_RENEWAL_WINDOW_MS = 7 * DAY_MS;

/** The detail of `am-developer-token-expiring`. */
export interface DeveloperTokenExpiring {
  /** The token's `exp`, in milliseconds since the epoch. */
  expiresAt: number;
  /** Days left, rounded (0 in the last twelve hours). */
  daysLeft: number;
}

/** Whether `token` expires soon enough to be announced: 14 days ahead, or 7 for a token from a URL (its server renews it). */
export function expiringSoon(token: DeveloperTokenInfo & { fromUrl?: boolean }, now = Date.now()): DeveloperTokenExpiring | undefined {
  const left = token.expiresAt - now;
  if (left > (token.fromUrl ? URL_RENEWAL_WINDOW_MS : EXPIRY_WARNING_MS)) return undefined;
  return { expiresAt: token.expiresAt, daysLeft: Math.max(0, Math.round(left / DAY_MS)) };
}

/** Tokens already announced during this page load. */
const announced = new Set<string>();

/** `expiringSoon`, at most once per token and page load (several providers may share one token). */
export function expiringOnce(
  token: DeveloperTokenInfo & { token: string; fromUrl?: boolean },
  now = Date.now(),
): DeveloperTokenExpiring | undefined {
  const expiring = expiringSoon(token, now);
  if (!expiring || announced.has(token.token)) return undefined;
  announced.add(token.token);
  return expiring;
}

/** The console warning; never contains the token. */
export function expiringMessage({ expiresAt, daysLeft }: DeveloperTokenExpiring, fromUrl = false): string {
  return `am-elements: ${fromUrl ? 'developer-token-url answers a token that' : 'the developer token'} expires on ${new Date(expiresAt).toISOString()} (${daysLeft} day${
    daysLeft === 1 ? '' : 's'
  } left)${fromUrl ? ', even fetched again: its server does not renew it' : '. Renew it, or serve renewed ones from developer-token-url'} (README, "Developer tokens").`;
}
