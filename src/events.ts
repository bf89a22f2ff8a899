import type { AuthorizationStatus } from './core/status.js';
import type { DeveloperTokenExpiring } from './core/developer-token-expiry.js';
import type { PlaybackSnapshot } from './core/playback/types.js';
import type { LibraryItem, LibraryItems, ListedKind } from './core/resources.js';

export type LibraryType = 'albums' | 'songs' | 'playlists' | 'artists' | 'music-videos' | 'recently-added';

/** A resource as Apple's API returns it (`{id, type, href, attributes}`), untyped; `LibraryItem` and the types of `core/resources` say more. */
export interface LibraryResource {
  id: string;
  type: string;
  href?: string;
  attributes?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface AmAuthorizeDetail {
  musicUserToken: string;
  restricted: boolean;
  storefrontId: string;
  cid: string;
  fromStorage: boolean;
}
export type AmCancelReason = 'closed' | 'switch-user' | 'timeout';
export interface AmCancelDetail {
  reason: AmCancelReason;
  /** Human-readable explanation, e.g. why a popup that seems closed may have been cut off. */
  message: string;
}
export interface AmErrorDetail {
  code: string;
  message: string;
  error: Error;
}
export type StatusChangeReason =
  | 'authorized'
  | 'declined'
  | 'unavailable'
  | 'unauthorized'
  | 'stored-token'
  | 'hand-off'
  | 'other-tab'
  | 'user-token-rejected'
  | 'developer-token-changed';
export interface AmStatusChangeDetail {
  status: AuthorizationStatus;
  previousStatus: AuthorizationStatus;
  reason?: StatusChangeReason;
}
/**
 * A page of a list. `type` says what it holds, so checking it narrows `items`: the list's
 * `type`, or `tracks` for the tracks of a library album or playlist (`parent`, drill-down).
 */
export type AmLibraryLoadDetail<K extends ListedKind = ListedKind> = {
  [T in K]: {
    type: T;
    items: LibraryItems[T][];
    total?: number;
    done: boolean;
    /** Entries of the page that were not resources (`null`, numbers, …), left out; absent when none. */
    skipped?: number;
    /** The library album or playlist whose tracks these are. */
    parent?: string;
    /** The search term these items matched. */
    query?: string;
  };
}[K];
export interface AmLibrarySelectDetail {
  /** The activated row's resource; its `type` (`library-songs`, `library-albums`, …) narrows it. */
  item: LibraryItem;
}
/** `{expiresAt, daysLeft}`: the developer token's `exp` (ms since the epoch) and the days left, rounded. */
export type AmDeveloperTokenExpiringDetail = DeveloperTokenExpiring;
/** `state`: `loading`, `playing`, `paused`, `ended`, `stopped`; `mode`: `preview` or `full`; `item` the track; seconds. */
export type AmPlaybackChangeDetail = PlaybackSnapshot;

/** Every event am-elements dispatches, by name. */
export interface AmEventDetails {
  'am-authorize': AmAuthorizeDetail;
  'am-decline': Record<string, never>;
  'am-unavailable': Record<string, never>;
  'am-cancel': AmCancelDetail;
  'am-error': AmErrorDetail;
  'am-unauthorize': Record<string, never>;
  'am-status-change': AmStatusChangeDetail;
  'am-library-load': AmLibraryLoadDetail;
  'am-library-select': AmLibrarySelectDetail;
  'am-developer-token-expiring': AmDeveloperTokenExpiringDetail;
  'am-playback-change': AmPlaybackChangeDetail;
}

export type AmEventName = keyof AmEventDetails;

/** Dispatches a bubbling, composed `CustomEvent` (README, "Events"). Returns `dispatchEvent`'s result. */
export function emit<K extends AmEventName>(target: EventTarget, name: K, detail: AmEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'am-authorize': CustomEvent<AmAuthorizeDetail>;
    'am-decline': CustomEvent<Record<string, never>>;
    'am-unavailable': CustomEvent<Record<string, never>>;
    'am-cancel': CustomEvent<AmCancelDetail>;
    'am-error': CustomEvent<AmErrorDetail>;
    'am-unauthorize': CustomEvent<Record<string, never>>;
    'am-status-change': CustomEvent<AmStatusChangeDetail>;
    'am-library-load': CustomEvent<AmLibraryLoadDetail>;
    'am-library-select': CustomEvent<AmLibrarySelectDetail>;
    'am-developer-token-expiring': CustomEvent<AmDeveloperTokenExpiringDetail>;
    'am-playback-change': CustomEvent<AmPlaybackChangeDetail>;
  }
}
