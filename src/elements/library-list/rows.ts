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
 * Title and subtitle for a resource, by its own `type` (a recently-added list mixes kinds):
 * album → artist; song → artist · album · duration; playlist → description, else track count;
 * artist → nothing; music video (and anything else) → artist.
 */
export function rowText(item: LibraryResource): { title: string; subtitle: string } {
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
      (typeof count === 'number' ? `${count} ${count === 1 ? 'track' : 'tracks'}` : '');
  } else {
    subtitle = kind === 'artists' ? '' : text(a.artistName);
  }
  return { title: text(a.name), subtitle };
}

/**
 * A sentence for the error state that tells the user what happened: rate limit, Apple's side,
 * the sign-in, the network, or a refused link. `error` is usually an `AppleMusicApiError`.
 */
export function errorMessage(error: unknown): string {
  const { status = 0, code, message } = (error ?? {}) as { status?: number; code?: string; message?: string };
  if (status === 429) return 'Too many requests to Apple Music. Try again in a moment.';
  if (status >= 500) return `Apple Music is not responding (HTTP ${status}). Try again.`;
  if (status === 403) return 'Apple Music rejected the sign-in. Connect again.';
  if (code === 'NETWORK') return 'Apple Music could not be reached. Check your connection.';
  if (code === 'CROSS_ORIGIN') return 'Apple Music sent a link to another site; it was not followed.';
  return `Could not load the library${message ? `: ${message}` : '.'}`;
}
