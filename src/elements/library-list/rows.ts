// What a row says for each kind of library resource, and how load errors read. Pure, no DOM.
import type { LibraryResource } from '../../events.js';

/** A string attribute of untrusted data, or '' (numbers, objects and null never reach the page as text). */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `m:ss`, or `h:mm:ss` from an hour on; '' when `ms` is not a usable duration. */
export function formatDuration(ms: unknown): string {
  if (typeof ms !== 'number' || !(ms >= 0) || ms === Infinity) return '';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const ss = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * `tracksText` for `count`: the text before `|` when `count` is 1, the text after it otherwise
 * (the whole text when there is no `|`), with `{n}` replaced by the count.
 */
export function countText(tracksText: string, count: number): string {
  const [one, other = one] = tracksText.split('|');
  return (count === 1 ? one : other).replace('{n}', `${count}`);
}

/**
 * Title and subtitle for a resource, by its own `type` (a recently-added list mixes kinds):
 * album → artist; song → artist · album · duration; playlist → description, else track count
 * (`tracksText`, see `countText`); artist → nothing; music video (and anything else) → artist.
 */
export function rowText(item: LibraryResource, tracksText: string): { title: string; subtitle: string } {
  const a = (item.attributes ?? {}) as Record<string, any>;
  const kind = text(item.type).replace(/^library-/, '');
  let subtitle: string;
  if (kind === 'songs') {
    subtitle = [text(a.artistName), text(a.albumName), formatDuration(a.durationInMillis)].filter(Boolean).join(' · ');
  } else if (kind === 'playlists') {
    const count = a.trackCount;
    subtitle =
      text(a.description) ||
      text(a.description?.short) ||
      text(a.description?.standard) ||
      (typeof count === 'number' ? countText(tracksText, count) : '');
  } else {
    subtitle = kind === 'artists' ? '' : text(a.artistName);
  }
  return { title: text(a.name), subtitle };
}

type Related = { relationships?: { catalog?: { data?: unknown } } };

/** A library item's catalog twin, when the answer carried it (`include=catalog`). */
export function catalogTwin(item: LibraryResource): LibraryResource | undefined {
  const data = (item as Related).relationships?.catalog?.data;
  const twin = Array.isArray(data) ? data[0] : undefined;
  return typeof twin === 'object' && twin !== null ? (twin as LibraryResource) : undefined;
}

/**
 * Whether a library song or music video is one of the user's uploads, with no Apple Music
 * catalog twin: its `include=catalog` relationship is empty or, without it, its play
 * parameters name no catalog id and are not reported to Apple (as uploads' are).
 */
export function isUpload(item: LibraryResource): boolean {
  if (!/^library-(songs|music-videos)$/.test(item.type)) return false;
  const data = (item as Related).relationships?.catalog?.data;
  if (Array.isArray(data)) return data.length === 0;
  const play = item.attributes?.playParams as { catalogId?: unknown; reporting?: unknown } | undefined;
  return typeof play === 'object' && play !== null && !play.catalogId && play.reporting === false;
}

/** The row's artwork: the item's own, else its catalog twin's. */
export const rowArtwork = (item: LibraryResource): unknown => item.attributes?.artwork ?? catalogTwin(item)?.attributes?.artwork;

/** The error state's sentences; `<am-library-list>` passes itself (its `*-text` attributes). */
export interface ErrorTexts {
  /** Anything else, followed by `: <technical message>` or `.`. */
  errorText: string;
  /** 429 after the retries. */
  rateLimitedText: string;
  /** 5xx after the retries; `{status}` becomes the HTTP status. */
  serverErrorText: string;
  /** 403: the Music User Token was refused. */
  rejectedText: string;
  /** No answer at all (offline, DNS, dropped connection, CORS). */
  offlineText: string;
  /** A `next` link to another origin, not followed. */
  crossOriginText: string;
}

/**
 * A sentence for the error state that tells the user what happened: rate limit, Apple's side,
 * the sign-in, the network, or a refused link. `error` is usually an `AppleMusicApiError`.
 */
export function errorMessage(error: unknown, texts: ErrorTexts): string {
  const { status = 0, code, message } = (error ?? {}) as { status?: number; code?: string; message?: string };
  if (status === 429) return texts.rateLimitedText;
  if (status >= 500) return texts.serverErrorText.replace('{status}', `${status}`);
  if (status === 403) return texts.rejectedText;
  if (code === 'NETWORK') return texts.offlineText;
  if (code === 'CROSS_ORIGIN') return texts.crossOriginText;
  return `${texts.errorText}${message ? `: ${message}` : '.'}`;
}
