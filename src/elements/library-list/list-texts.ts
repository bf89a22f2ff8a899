import { LitElement, type PropertyDeclarations } from 'lit';
import type { ErrorTexts } from './rows.js';

/**
 * Every visible text of `<am-library-list>`, each replaceable through its `*-text` attribute
 * (a translation, the app's own tone); the `am-error` event's `message` uses the same texts.
 */
export class LibraryListTexts extends LitElement implements ErrorTexts {
  static override properties: PropertyDeclarations = {
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
  };

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
}
