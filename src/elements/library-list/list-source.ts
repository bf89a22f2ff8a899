// Where a list's pages come from: a library list, the tracks of a library album or playlist,
// or a library search. Pure, no DOM.
import { withQuery } from '../../core/query.js';
import type { ListedKind } from '../../core/resources.js';
import type { LibraryType } from '../../events.js';

export const LIBRARY_TYPES: readonly LibraryType[] = ['albums', 'songs', 'playlists', 'artists', 'music-videos', 'recently-added'];

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Apple's largest page for library lists and tracks. */
export const MAX_PAGE_SIZE = 100;
/** Recently Added takes at most 25 per request (Apple pages it by 10; more is refused with 400). */
export const MAX_RECENTLY_ADDED_PAGE_SIZE = 25;
/** Library search answers at most 25 per type and request. */
export const MAX_SEARCH_PAGE_SIZE = 25;

/** What to list, as the element's attributes say it. */
export interface ListRequest {
  type: string;
  /** A library album (`l.…`) or playlist (`p.…`) id: list its tracks instead. */
  parent?: string;
  /** Search the library for `type` with this term (ignored with `parent`; blank lists `type`). */
  query?: string;
  /** Ask for the catalog twins of songs and music videos (`include=catalog`), e.g. for their previews. */
  catalog?: boolean;
}

export interface ListSource {
  /** What the pages hold: the list's type, or `tracks`. */
  kind: ListedKind;
  /** The first page's path, with every parameter but `limit`. */
  path: string;
  /** The group of a search answer that holds the pages. */
  results?: string;
  /** The largest page Apple allows here. */
  maxPageSize: number;
  /**
   * What a 404 on the first page means. Lists and search: the user has no iCloud Music Library
   * (Sync Library off), as reported of Apple. Tracks: an empty album or playlist, which Apple
   * reportedly answers with 404 too.
   */
  notFound: 'no-library' | 'empty';
  parent?: string;
  query?: string;
}

const TRACKS_OF: Record<string, string> = { 'l.': 'albums', 'p.': 'playlists' };
const WITH_TWINS = new Set<string>(['songs', 'music-videos']);

/** Where the pages of `request` come from, or a `TypeError` saying what is wrong with it. */
export function listSource({ type, parent, query, catalog }: ListRequest): ListSource | TypeError {
  const include = catalog ? 'catalog' : undefined;
  if (parent) {
    const collection = TRACKS_OF[parent.slice(0, 2)];
    if (!collection || parent.length < 3)
      return new TypeError(`parent must be a library album (l.…) or playlist (p.…) id, not "${parent}"`);
    const path = withQuery(`/v1/me/library/${collection}/${encodeURIComponent(parent)}/tracks`, { include });
    return { kind: 'tracks', path, maxPageSize: MAX_PAGE_SIZE, notFound: 'empty', parent };
  }
  if (!LIBRARY_TYPES.includes(type as LibraryType)) return new TypeError(`unknown type "${type}"`);
  const term = query?.trim();
  if (term) {
    if (type === 'recently-added') return new TypeError('recently-added cannot be searched: search albums or playlists');
    const results = `library-${type}`;
    const path = withQuery('/v1/me/library/search', { term, types: results });
    return { kind: type as LibraryType, path, results, maxPageSize: MAX_SEARCH_PAGE_SIZE, notFound: 'no-library', query: term };
  }
  const recent = type === 'recently-added';
  return {
    kind: type as LibraryType,
    path: withQuery(`/v1/me/library/${type}`, { include: WITH_TWINS.has(type) ? include : undefined }),
    maxPageSize: recent ? MAX_RECENTLY_ADDED_PAGE_SIZE : MAX_PAGE_SIZE,
    notFound: 'no-library',
  };
}

/** Clamps a page size to 1…`max`; anything unusable gives `max`. */
export function pageSizeWithin(value: unknown, max: number): number {
  const n = Math.floor(Number(value));
  return n >= 1 ? Math.min(n, max) : max;
}
