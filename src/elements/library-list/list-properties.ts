import { LitElement, type PropertyDeclarations } from 'lit';
import type { LibraryResource, LibraryType } from '../../events.js';
import type { ErrorTexts } from './rows.js';

/**
 * The attributes and properties of `<am-library-list>`: what it lists and how, and every
 * visible text, each replaceable through its `*-text` attribute (a translation, the app's own
 * tone); the `am-error` event's `message` uses the same texts.
 */
export class LibraryListProperties extends LitElement implements ErrorTexts {
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    limit: { type: Number },
    parent: {},
    drillDown: { attribute: 'drill-down', type: Boolean },
    query: {},
    playable: { type: Boolean },
    renderItem: { attribute: false },
    listLabel: { attribute: 'aria-label' },
    colorScheme: { attribute: 'color-scheme', reflect: true },
    loadingText: { attribute: 'loading-text' },
    emptyText: { attribute: 'empty-text' },
    signedOutText: { attribute: 'signed-out-text' },
    retryText: { attribute: 'retry-text' },
    loadMoreText: { attribute: 'load-more-text' },
    tracksText: { attribute: 'tracks-text' },
    errorText: { attribute: 'error-text' },
    rateLimitedText: { attribute: 'rate-limited-text' },
    serverErrorText: { attribute: 'server-error-text' },
    rejectedText: { attribute: 'rejected-text' },
    offlineText: { attribute: 'offline-text' },
    crossOriginText: { attribute: 'cross-origin-text' },
    noLibraryText: { attribute: 'no-library-text' },
    noMatchesText: { attribute: 'no-matches-text' },
    backText: { attribute: 'back-text' },
    uploadText: { attribute: 'upload-text' },
  };

  /** What to list: `albums`, `songs`, `playlists`, `artists`, `music-videos` or `recently-added`. */
  type: LibraryType = 'albums';

  /** Items per request: 1–100 (Apple's maximum, and the default); at most 25 for `recently-added` and searches, Apple's limit there. */
  pageSize = 100;

  /** Stop after this many items. */
  declare limit?: number;

  /** A library album (`l.…`) or playlist (`p.…`) id: list its tracks, every page, instead of `type` (`query` is then ignored). */
  declare parent?: string;

  /** Activating an album or playlist row opens its tracks in place, under a header with a back button. */
  drillDown = false;

  /** Searches the library for `type` (not `recently-added`) with this term, 250 ms after the last change; blank lists everything. */
  declare query?: string;

  /** Activating a row also plays it through the provider's player (songs and videos play their catalog preview, or in full through MusicKit). */
  playable = false;

  /**
   * Renders a custom row for `item` (the `index`-th). Whatever it returns goes inside the
   * `part="item"` row, which keeps focus, selection and virtualization; rows must keep the
   * fixed `--am-row-height`. Strings are rendered as text.
   */
  renderItem?: (item: LibraryResource, index: number) => unknown;

  /** The accessible name of the list, taken from the host's `aria-label`. */
  declare listLabel?: string;

  /**
   * Paints the list's own surface and text (`--am-surface`, `--am-text`) in this colour scheme
   * (`auto` follows `prefers-color-scheme`). Unset, the list is transparent and inherits the
   * page's colours and CSS `color-scheme`.
   */
  declare colorScheme?: 'light' | 'dark' | 'auto';

  /** Shown while the first page loads, and on the "Load more" button while a page loads. */
  loadingText = 'Loading…';

  /** The default empty content (the `empty` slot replaces it). */
  emptyText = 'Nothing here yet.';

  /** The sentence of the default signed-out content (the `signed-out` slot replaces it all). */
  signedOutText = 'Connect Apple Music to see your library.';

  /** The label of the retry button (`part="retry"`). */
  retryText = 'Try again';

  /** The label of the "Load more" button (`part="load-more"`). */
  loadMoreText = 'Load more';

  /** A playlist's track count: singular`|`plural, `{n}` is the number (`{n} titre|{n} titres`; no `|`: one form). */
  tracksText = '{n} track|{n} tracks';

  /** An error not covered below, followed by `: <technical detail>` or `.`. */
  errorText = 'Could not load the library';

  /** Error: too many requests (429), after the retries. */
  rateLimitedText = 'Too many requests to Apple Music. Try again in a moment.';

  /** Error: Apple's servers failing (5xx) after the retries; `{status}` is the HTTP status. */
  serverErrorText = 'Apple Music is not responding (HTTP {status}). Try again.';

  /** Error: the sign-in was refused (403). */
  rejectedText = 'Apple Music rejected the sign-in. Connect again.';

  /** Error: Apple could not be reached (offline, dropped connection). */
  offlineText = 'Apple Music could not be reached. Check your connection.';

  /** Error: Apple's next page was on another site and was not followed. */
  crossOriginText = 'Apple Music sent a link to another site; it was not followed.';

  /** The default `no-library` content (the `no-library` slot replaces it): the user has no iCloud Music Library. */
  noLibraryText =
    'Your Apple Music library is not available. To see it here, turn on Sync Library: on iPhone or iPad in Settings › Apps › Music (Settings › Music before iOS 18), on a Mac in Music › Settings › General. Your music can take a few minutes to appear.';

  /** The default `no-matches` content (the `no-matches` slot replaces it): a search found nothing; `{query}` is the search term. */
  noMatchesText = 'No matches for “{query}”.';

  /** The label of the back button (`part="back"`) above an opened album's or playlist's tracks. */
  backText = 'Back';

  /** The marker of an uploaded song or video (`part="upload"`): one of the user's own files, not from the Apple Music catalog. */
  uploadText = 'Uploaded';
}
