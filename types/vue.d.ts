import type { DefineComponent } from "vue";
import type {
  AmAuthProvider,
  AmAuthorizeButton,
  AmUnauthorizeButton,
  AmLibraryList,
  AmPlayButton,
  AmPlayer,
} from "../dist/index.js";

type AmAuthProviderProps = {
  /** The developer token (a JWT signed with your MusicKit key); surrounding whitespace is ignored. */
  developerToken?: AmAuthProvider["developerToken"];
  /** A URL answering the developer token as text or `{"token": "..."}`; fetched when needed. */
  developerTokenUrl?: AmAuthProvider["developerTokenUrl"];
  /** Icon shown on Apple's consent screen. When unset, found in the page's `link` rels as MusicKit JS finds it; when set, it wins over them. */
  appIcon?: AmAuthProvider["appIcon"];
  /** Storefront override; else the user's storefront from `/v1/me/storefront`, else `us`. */
  storefront?: AmAuthProvider["storefront"];
  /** Where the Music User Token is kept: `local`, `session` or `memory`. */
  storage?: AmAuthProvider["storage"];
  /** Apple's authorize page; its origin is the only one whose messages count. `https:` only (`http:` on loopback hosts). */
  authorizeUrl?: AmAuthProvider["authorizeUrl"];
  /** Apple Music API base URL. `https:` only (`http:` on loopback hosts). */
  apiUrl?: AmAuthProvider["apiUrl"];
  /** Best-effort logout endpoint called on sign-out (Apple's, as MusicKit JS calls it); an empty attribute disables the call. */
  logoutUrl?: AmAuthProvider["logoutUrl"];
  /** Apple affiliate token, sent to Apple as the `at` link parameter (MusicKit's `affiliateToken`). */
  affiliateToken?: AmAuthProvider["affiliateToken"];
  /** Apple campaign token, sent to Apple as the `ct` link parameter (MusicKit's `campaignToken`). */
  campaignToken?: AmAuthProvider["campaignToken"];
  /** Milliseconds before an unanswered popup counts as cancelled: a whole number from 1 to 2147483647, else ignored with a console warning. */
  popupTimeout?: AmAuthProvider["popupTimeout"];
  /** Accept a sign-in handed over in the URL's `#fragment` by a redirect (never over an existing sign-in). */
  acceptHandOff?: AmAuthProvider["acceptHandOff"];
  /** Where full-length playback loads Apple's MusicKit JS from (only when a player needs it). `https:` only (`http:` on loopback hosts). */
  musickitUrl?: AmAuthProvider["musickitUrl"];
  /** The app name MusicKit JS is configured with for playback; `document.title` when unset. */
  appName?: AmAuthProvider["appName"];
  /** The app build MusicKit JS is configured with for playback. */
  appBuild?: AmAuthProvider["appBuild"];

  /** `@am-authorize`: Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`; from the element that started the attempt. */
  onAmAuthorize?: (e: CustomEvent<import("../dist/index.js").AmAuthorizeDetail>) => void;
  /** `@am-decline`: The user declined in Apple's popup. */
  onAmDecline?: (e: CustomEvent<Record<string, never>>) => void;
  /** `@am-unavailable`: Apple says Apple Music is unavailable to this user. */
  onAmUnavailable?: (e: CustomEvent<Record<string, never>>) => void;
  /** `@am-cancel`: The popup was closed, the user switched account, or it timed out. Detail `{reason, message}`: `reason` is `closed`, `switch-user` or `timeout`; `message` explains (e.g. a popup cut off by a Cross-Origin-Opener-Policy). */
  onAmCancel?: (e: CustomEvent<import("../dist/index.js").AmCancelDetail>) => void;
  /** `@am-error`: The popup was blocked, no usable developer token, or Apple's answer was unusable. Detail `{code, message, error}`. */
  onAmError?: (e: CustomEvent<import("../dist/index.js").AmErrorDetail>) => void;
  /** `@am-unauthorize`: Signed out. */
  onAmUnauthorize?: (e: CustomEvent<Record<string, never>>) => void;
  /** `@am-status-change`: The authorization status changed. Detail `{status, previousStatus, reason?}`. */
  onAmStatusChange?: (e: CustomEvent<import("../dist/index.js").AmStatusChangeDetail>) => void;
  /** `@am-playback-change`: Playback changed state (with `<am-player>` or `<am-play-button>` on the page). Detail `{state, mode, item, position, duration}`. */
  onAmPlaybackChange?: (e: CustomEvent<import("../dist/index.js").AmPlaybackChangeDetail>) => void;
  /** `@am-developer-token-expiring`: Once per page load and token, with a console warning, when the developer token expires within 14 days (a token from `developer-token-url`: within 7 days even when fetched again, i.e. its server does not renew it). Detail `{expiresAt, daysLeft}`. */
  onAmDeveloperTokenExpiring?: (e: CustomEvent<import("../dist/index.js").AmDeveloperTokenExpiringDetail>) => void;
};

type AmAuthorizeButtonProps = {
  /** The provider's status, reflected so `am-authorize-button[status=authorized]` can be styled. */
  status?: AmAuthorizeButton["status"];
  /** Reflected while an attempt is in flight. */
  busy?: AmAuthorizeButton["busy"];
  /** Renders in this colour scheme (`auto` follows `prefers-color-scheme`); unset, the button
inherits the page's CSS `color-scheme`. `light-dark()` values in the tokens follow it. */
  colorScheme?: AmAuthorizeButton["colorScheme"];
  /** Stay visible in every state. Without it the authorize button hides itself while the user
is signed in and the unauthorize button while signed out, so the pair acts as one toggle. */
  persistent?: AmAuthorizeButton["persistent"];
  /** Announced to screen readers (polite live region) when the user gets signed in. */
  connectedText?: AmAuthorizeButton["connectedText"];
  /** Announced to screen readers (polite live region) when the user gets signed out. */
  disconnectedText?: AmAuthorizeButton["disconnectedText"];

  /** `@am-authorize`: Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`. */
  onAmAuthorize?: (e: CustomEvent<import("../dist/index.js").AmAuthorizeDetail>) => void;
  /** `@am-decline`: The user declined. */
  onAmDecline?: (e: CustomEvent<Record<string, never>>) => void;
  /** `@am-unavailable`: Apple Music is unavailable to this user. */
  onAmUnavailable?: (e: CustomEvent<Record<string, never>>) => void;
  /** `@am-cancel`: Popup closed, account switch, or timeout. Detail `{reason, message}`. */
  onAmCancel?: (e: CustomEvent<import("../dist/index.js").AmCancelDetail>) => void;
  /** `@am-error`: Popup blocked, no developer token, or an unusable answer. Detail `{code, message, error}`. */
  onAmError?: (e: CustomEvent<import("../dist/index.js").AmErrorDetail>) => void;
};

type AmUnauthorizeButtonProps = {
  /** The provider's status, reflected so `am-authorize-button[status=authorized]` can be styled. */
  status?: AmUnauthorizeButton["status"];
  /** Reflected while an attempt is in flight. */
  busy?: AmUnauthorizeButton["busy"];
  /** Renders in this colour scheme (`auto` follows `prefers-color-scheme`); unset, the button
inherits the page's CSS `color-scheme`. `light-dark()` values in the tokens follow it. */
  colorScheme?: AmUnauthorizeButton["colorScheme"];
  /** Stay visible in every state. Without it the authorize button hides itself while the user
is signed in and the unauthorize button while signed out, so the pair acts as one toggle. */
  persistent?: AmUnauthorizeButton["persistent"];
  /** Announced to screen readers (polite live region) when the user gets signed in. */
  connectedText?: AmUnauthorizeButton["connectedText"];
  /** Announced to screen readers (polite live region) when the user gets signed out. */
  disconnectedText?: AmUnauthorizeButton["disconnectedText"];

  /** `@am-unauthorize`: Signed out. */
  onAmUnauthorize?: (e: CustomEvent<Record<string, never>>) => void;
};

type AmLibraryListProps = {
  /** What to list: `albums`, `songs`, `playlists`, `artists`, `music-videos` or `recently-added`. */
  type?: AmLibraryList["type"];
  /** Items per request: 1–100 (Apple's maximum, and the default); at most 25 for `recently-added` and searches, Apple's limit there. */
  pageSize?: AmLibraryList["pageSize"];
  /** Stop after this many items. */
  limit?: AmLibraryList["limit"];
  /** A library album (`l.…`) or playlist (`p.…`) id: list its tracks, every page, instead of `type` (`query` is then ignored). */
  parent?: AmLibraryList["parent"];
  /** Activating an album or playlist row opens its tracks in place, under a header with a back button. */
  drillDown?: AmLibraryList["drillDown"];
  /** Searches the library for `type` (not `recently-added`) with this term, 250 ms after the last change; blank lists everything. */
  query?: AmLibraryList["query"];
  /** Activating a row also plays it through the provider's player (songs and videos play their catalog preview, or in full through MusicKit). */
  playable?: AmLibraryList["playable"];
  /** The accessible name of the list, taken from the host's `aria-label`. */
  listLabel?: AmLibraryList["listLabel"];
  /** Paints the list's own surface and text (`--am-surface`, `--am-text`) in this colour scheme
(`auto` follows `prefers-color-scheme`). Unset, the list is transparent and inherits the
page's colours and CSS `color-scheme`. */
  colorScheme?: AmLibraryList["colorScheme"];
  /** Shown while the first page loads, and on the "Load more" button while a page loads. */
  loadingText?: AmLibraryList["loadingText"];
  /** The default empty content (the `empty` slot replaces it). */
  emptyText?: AmLibraryList["emptyText"];
  /** The sentence of the default signed-out content (the `signed-out` slot replaces it all). */
  signedOutText?: AmLibraryList["signedOutText"];
  /** The label of the retry button (`part="retry"`). */
  retryText?: AmLibraryList["retryText"];
  /** The label of the "Load more" button (`part="load-more"`). */
  loadMoreText?: AmLibraryList["loadMoreText"];
  /** A playlist's track count: singular`|`plural, `{n}` is the number (`{n} titre|{n} titres`; no `|`: one form). */
  tracksText?: AmLibraryList["tracksText"];
  /** An error not covered below, followed by `: <technical detail>` or `.`. */
  errorText?: AmLibraryList["errorText"];
  /** Error: too many requests (429), after the retries. */
  rateLimitedText?: AmLibraryList["rateLimitedText"];
  /** Error: Apple's servers failing (5xx) after the retries; `{status}` is the HTTP status. */
  serverErrorText?: AmLibraryList["serverErrorText"];
  /** Error: the sign-in was refused (403). */
  rejectedText?: AmLibraryList["rejectedText"];
  /** Error: Apple could not be reached (offline, dropped connection). */
  offlineText?: AmLibraryList["offlineText"];
  /** Error: Apple's next page was on another site and was not followed. */
  crossOriginText?: AmLibraryList["crossOriginText"];
  /** The default `no-library` content (the `no-library` slot replaces it): the user has no iCloud Music Library. */
  noLibraryText?: AmLibraryList["noLibraryText"];
  /** The default `no-matches` content (the `no-matches` slot replaces it): a search found nothing; `{query}` is the search term. */
  noMatchesText?: AmLibraryList["noMatchesText"];
  /** The label of the back button (`part="back"`) above an opened album's or playlist's tracks. */
  backText?: AmLibraryList["backText"];
  /** The marker of an uploaded song or video (`part="upload"`): one of the user's own files, not from the Apple Music catalog. */
  uploadText?: AmLibraryList["uploadText"];
  /** Renders a custom row for `item` (the `index`-th). Whatever it returns goes inside the
`part="item"` row, which keeps focus, selection and virtualization; rows must keep the
fixed `--am-row-height`. Strings are rendered as text. */
  renderItem?: AmLibraryList["renderItem"];
  /** `@am-library-load`: A page arrived. Detail `{type, items, total?, done, skipped?, parent?, query?}`: `type` is the list's type, or `tracks` for an album's or playlist's tracks; `items` is the new page; `total` is Apple's `meta.total` capped by `limit`, when known; `skipped` counts entries of the page that were not resources and were left out. A page without resources ends the list. */
  onAmLibraryLoad?: (e: CustomEvent<import("../dist/index.js").AmLibraryLoadDetail>) => void;
  /** `@am-library-select`: A row was activated by click, Enter or Space. Detail `{item}`. */
  onAmLibrarySelect?: (e: CustomEvent<import("../dist/index.js").AmLibrarySelectDetail>) => void;
  /** `@am-error`: A page failed after the API client's retries. Detail `{code: 'api-error', message, error}`; `error` is the `AppleMusicApiError` (with `status`). */
  onAmError?: (e: CustomEvent<import("../dist/index.js").AmErrorDetail>) => void;
};

type AmPlayButtonProps = {
  /** A catalog song id, or a library song id (`i.…`). */
  songId?: AmPlayButton["songId"];
  /** A catalog album id, or a library album id (`l.…`). */
  albumId?: AmPlayButton["albumId"];
  /** A catalog playlist id (`pl.…`), or a library playlist id (`p.…`). */
  playlistId?: AmPlayButton["playlistId"];
  /** Label while not playing. */
  playText?: AmPlayButton["playText"];
  /** Label while its item plays. */
  pauseText?: AmPlayButton["pauseText"];
  /** Label after the browser refused to start audio without a fresh tap. */
  tapText?: AmPlayButton["tapText"];
  /** Reflected while its item plays. */
  playing?: AmPlayButton["playing"];
  /** A resource to play (a song, album or playlist, catalog or library, e.g. from `am-library-select`). Wins over the ids. */
  item?: AmPlayButton["item"];
};

type AmPlayerProps = {
  /** `auto` (full length when signed in and possible, else previews), `preview` or `full`. */
  mode?: AmPlayer["mode"];
  /** When MusicKit JS loads for full length: `intent` (a play control hovered or focused, or sign-in), `idle`, `none`. */
  preload?: AmPlayer["preload"];
  /** Stay visible while nothing is queued. */
  persistent?: AmPlayer["persistent"];
  /** Renders in this colour scheme (`auto` follows `prefers-color-scheme`); unset, it inherits the page's. */
  colorScheme?: AmPlayer["colorScheme"];
  /** Reflected while something is queued (the bar shows). */
  queued?: AmPlayer["queued"];
  /** Accessible name of the play button while paused. */
  playText?: AmPlayer["playText"];
  /** Accessible name of the play button while playing. */
  pauseText?: AmPlayer["pauseText"];
  /** Accessible name of the play button after the browser refused to start audio without a tap. */
  tapText?: AmPlayer["tapText"];
  /** Accessible name of the previous-track button. */
  previousText?: AmPlayer["previousText"];
  /** Accessible name of the next-track button. */
  nextText?: AmPlayer["nextText"];
  /** Accessible name of the progress slider. */
  progressText?: AmPlayer["progressText"];
  /** Accessible name of the volume slider. */
  volumeText?: AmPlayer["volumeText"];
  /** Announced (politely) when a track starts; `{title}` and `{artist}` are filled in. */
  nowPlayingText?: AmPlayer["nowPlayingText"];
  /** Accessible name of the bar. */
  playerText?: AmPlayer["playerText"];
};

export type CustomElements = {
  /**
   * Apple Music authorization state and API client for the elements inside it.
   * ---
   *
   *
   * ### **Events:**
   *  - **AmAuthorize** - `@am-authorize`: Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`; from the element that started the attempt.
   * - **AmDecline** - `@am-decline`: The user declined in Apple's popup.
   * - **AmUnavailable** - `@am-unavailable`: Apple says Apple Music is unavailable to this user.
   * - **AmCancel** - `@am-cancel`: The popup was closed, the user switched account, or it timed out. Detail `{reason, message}`: `reason` is `closed`, `switch-user` or `timeout`; `message` explains (e.g. a popup cut off by a Cross-Origin-Opener-Policy).
   * - **AmError** - `@am-error`: The popup was blocked, no usable developer token, or Apple's answer was unusable. Detail `{code, message, error}`.
   * - **AmUnauthorize** - `@am-unauthorize`: Signed out.
   * - **AmStatusChange** - `@am-status-change`: The authorization status changed. Detail `{status, previousStatus, reason?}`.
   * - **AmPlaybackChange** - `@am-playback-change`: Playback changed state (with `<am-player>` or `<am-play-button>` on the page). Detail `{state, mode, item, position, duration}`.
   * - **AmDeveloperTokenExpiring** - `@am-developer-token-expiring`: Once per page load and token, with a console warning, when the developer token expires within 14 days (a token from `developer-token-url`: within 7 days even when fetched again, i.e. its server does not renew it). Detail `{expiresAt, daysLeft}`.
   *
   * ### **Methods:**
   *  - **authorize(options: _{ popup?: Window }_): _Promise<string>_** - Signs the user in. Resolves with the Music User Token — at once when one is stored —
   * and rejects with an `AuthorizationError`. Call it from a click handler: the popup is
   * opened synchronously. A call while a popup is open joins that attempt and focuses it.
   * - **unauthorize(): _Promise<void>_** - Signs the user out: clears the stored token and makes a best-effort logout call.
   * - **authorizeFrom(origin: _Element_, options: _{ popup?: Window }_): _Promise<string>_** - `authorize()` on behalf of another element, for your own sign-in controls (the buttons call
   * it through `authContext`'s `controller`): the outcome event (`am-authorize`, `am-error`) is
   * dispatched from `origin`, or from the provider if `origin` has left the page. Call it from a
   * click handler: the popup is opened synchronously.
   * - **unauthorizeFrom(origin: _Element_): _Promise<void>_** - `unauthorize()` on behalf of another element, for your own controls: `am-unauthorize` is dispatched from `origin`.
   *
   *
   * ### **Slots:**
   *  - _default_ - The page content: buttons, lists, anything that consumes the state.
   */
  "am-auth-provider": DefineComponent<AmAuthProviderProps>;

  /**
   * "Connect Apple Music" button.
   * ---
   *
   *
   * ### **Events:**
   *  - **AmAuthorize** - `@am-authorize`: Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`.
   * - **AmDecline** - `@am-decline`: The user declined.
   * - **AmUnavailable** - `@am-unavailable`: Apple Music is unavailable to this user.
   * - **AmCancel** - `@am-cancel`: Popup closed, account switch, or timeout. Detail `{reason, message}`.
   * - **AmError** - `@am-error`: Popup blocked, no developer token, or an unusable answer. Detail `{code, message, error}`.
   *
   * ### **Methods:**
   *
   *
   * ### **Slots:**
   *  - _default_ - The label. Default "Connect Apple Music".
   *
   * ### **CSS Properties:**
   *  - **--am-accent** - Button background and default focus ring; keep at least 4.5:1 against `--am-on-accent` (the default has 5.4:1 with white). _(default: #d60017)_
   * - **--am-on-accent** - Button text and icon colour. _(default: #fff)_
   * - **--am-focus-ring** - Focus outline colour (2px, offset 2px); keep at least 3:1 against the page. _(default: var(--am-accent, #d60017))_
   * - **--am-radius** - Corner radius. _(default: 999px)_
   * - **--am-font** - Font family. _(default: system-ui, -apple-system, sans-serif)_
   * - **--am-space-2** - Gap between icon and label. _(default: 0.5rem)_
   * - **--am-space-4** - Horizontal padding. _(default: 1rem)_
   * - **--am-button-background** - This button's background only (any `background` value, e.g. a gradient). _(default: var(--am-accent, #d60017))_
   * - **--am-button-color** - This button's text colour only. _(default: var(--am-on-accent, #fff))_
   * - **--am-button-border-color** - Border colour (1px). _(default: transparent)_
   * - **--am-button-font** - The whole `font` shorthand. _(default: 600 0.9375rem/1.2 var(--am-font, system-ui, -apple-system, sans-serif))_
   *
   * ### **CSS Parts:**
   *  - **button** - The native `<button>`.
   * - **icon** - The icon before the label (hidden while busy).
   * - **label** - The label wrapper.
   * - **spinner** - Shown instead of the icon while an attempt is in flight (it pulses instead of spinning under `prefers-reduced-motion: reduce`).
   */
  "am-authorize-button": DefineComponent<AmAuthorizeButtonProps>;

  /**
   * "Disconnect Apple Music" button.
   * ---
   *
   *
   * ### **Events:**
   *  - **AmUnauthorize** - `@am-unauthorize`: Signed out.
   *
   * ### **Methods:**
   *
   *
   * ### **Slots:**
   *  - _default_ - The label. Default "Disconnect Apple Music".
   *
   * ### **CSS Properties:**
   *  - **--am-accent** - Button background and default focus ring; keep at least 4.5:1 against `--am-on-accent` (the default has 5.4:1 with white). _(default: #d60017)_
   * - **--am-on-accent** - Button text and icon colour. _(default: #fff)_
   * - **--am-focus-ring** - Focus outline colour (2px, offset 2px); keep at least 3:1 against the page. _(default: var(--am-accent, #d60017))_
   * - **--am-radius** - Corner radius. _(default: 999px)_
   * - **--am-font** - Font family. _(default: system-ui, -apple-system, sans-serif)_
   * - **--am-space-2** - Gap between icon and label. _(default: 0.5rem)_
   * - **--am-space-4** - Horizontal padding. _(default: 1rem)_
   * - **--am-button-background** - This button's background only (any `background` value, e.g. a gradient). _(default: var(--am-accent, #d60017))_
   * - **--am-button-color** - This button's text colour only. _(default: var(--am-on-accent, #fff))_
   * - **--am-button-border-color** - Border colour (1px). _(default: transparent)_
   * - **--am-button-font** - The whole `font` shorthand. _(default: 600 0.9375rem/1.2 var(--am-font, system-ui, -apple-system, sans-serif))_
   *
   * ### **CSS Parts:**
   *  - **button** - The native `<button>`.
   * - **icon** - The icon before the label.
   * - **label** - The label wrapper.
   * - **spinner** - Shown instead of the icon while signing out.
   */
  "am-unauthorize-button": DefineComponent<AmUnauthorizeButtonProps>;

  /**
   * The user's Apple Music library (albums, songs, playlists, …) as a fast, virtualized list.
   * ---
   *
   *
   * ### **Events:**
   *  - **AmLibraryLoad** - `@am-library-load`: A page arrived. Detail `{type, items, total?, done, skipped?, parent?, query?}`: `type` is the list's type, or `tracks` for an album's or playlist's tracks; `items` is the new page; `total` is Apple's `meta.total` capped by `limit`, when known; `skipped` counts entries of the page that were not resources and were left out. A page without resources ends the list.
   * - **AmLibrarySelect** - `@am-library-select`: A row was activated by click, Enter or Space. Detail `{item}`.
   * - **AmError** - `@am-error`: A page failed after the API client's retries. Detail `{code: 'api-error', message, error}`; `error` is the `AppleMusicApiError` (with `status`).
   *
   * ### **Methods:**
   *  - **reload(): _void_** - Loads the list again from the first page.
   *
   * ### **Slots:**
   *  - **signed-out** - Shown while signed out. Default: `signed-out-text` and an `<am-authorize-button>`.
   * - **empty** - Shown when the list has no items. Default: `empty-text`.
   * - **no-library** - Shown when the user has no iCloud Music Library (Sync Library off). Default: `no-library-text`.
   * - **no-matches** - Shown when a search finds nothing. Default: `no-matches-text`.
   *
   * ### **CSS Properties:**
   *  - **--am-surface** - Background of the list; with `color-scheme` set, `light-dark(#fff, #1c1c1e)`. _(default: transparent)_
   * - **--am-text** - Text colour; with `color-scheme` set, `light-dark(#1d1d1f, #f5f5f7)`. _(default: inherit)_
   * - **--am-font** - Font family (the buttons' too). _(default: system-ui, -apple-system, sans-serif)_
   * - **--am-list-max-height** - Height cap of the scrolling list; `none` lets the page scroll. _(default: 28rem)_
   * - **--am-row-height** - Height of every row (rows must all be this tall). _(default: 56px)_
   * - **--am-artwork-size** - Width and height of the artwork; images are requested at this size × devicePixelRatio. _(default: 40px)_
   * - **--am-artwork-radius** - Corner radius of the artwork. _(default: 4px)_
   * - **--am-row-hover** - Row background on hover (only on devices that can hover). _(default: #8882)_
   * - **--am-accent** - Retry button background and default focus ring colour. _(default: #d60017)_
   * - **--am-on-accent** - Retry button text. _(default: #fff)_
   * - **--am-focus-ring** - Focus outline colour (2px, inside rows); keep at least 3:1 against the surface. _(default: var(--am-accent, #d60017))_
   * - **--am-radius** - Corner radius of the buttons. _(default: 999px)_
   * - **--am-space-2** - Margin around the buttons. _(default: 0.5rem)_
   * - **--am-space-3** - Gap and horizontal padding in rows. _(default: 0.75rem)_
   * - **--am-space-4** - Padding of the state panels. _(default: 1rem)_
   *
   * ### **CSS Parts:**
   *  - **signed-out** - The default signed-out content.
   * - **loading** - Shown while the first page loads: a spinner and `loading-text`.
   * - **spinner** - The spinning ring of the loading state (it pulses instead with reduced motion).
   * - **empty** - The default empty content.
   * - **no-library** - The default no-library content.
   * - **no-matches** - The default no-matches content.
   * - **error** - The error panel (429, 5xx, network, refused link, …): icon, message and retry button.
   * - **error-icon** - The error panel's icon.
   * - **retry** - The "Try again" button in the error part.
   * - **header** - Above an opened album's or playlist's tracks: back button, cover, name and track count.
   * - **back** - The back button of the header.
   * - **header-artwork** - The header's cover.
   * - **heading** - The opened album's or playlist's name.
   * - **count** - The opened album's or playlist's track count.
   * - **list** - The scrolling list (`role=list`).
   * - **item** - One row (`role=listitem`, focusable). Custom rows (`renderItem`) render inside it.
   * - **artwork** - The row's cover: a lazy `<img>`, or an empty box when there is none.
   * - **title** - The item's name.
   * - **upload** - The "Uploaded" marker after the name of a song or video the user uploaded (no Apple Music catalog twin).
   * - **subtitle** - Artist for albums and videos; artist · album · duration for songs; description or track count for playlists.
   * - **load-more** - The "Load more" button: in the tab order while more remains; shown while a page loads, when it has keyboard focus, or when scrolling cannot load more.
   */
  "am-library-list": DefineComponent<AmLibraryListProps>;

  /**
   * A native button that plays (or pauses) one song, album or playlist.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The label; default "Play" ("Pause" while its item plays).
   *
   * ### **CSS Parts:**
   *  - **button** - The native `<button>`; `aria-pressed` while its item plays.
   * - **icon** - The play or pause icon.
   * - **label** - The label.
   */
  "am-play-button": DefineComponent<AmPlayButtonProps>;

  /**
   * Playback controls and now-playing for `<am-play-button>` and playable lists.
   * ---
   *
   *
   * ### **CSS Properties:**
   *  - **--am-surface** - The bar's background. _(default: light-dark(#fff, #1c1c1e))_
   * - **--am-text** - Text colour. _(default: light-dark(#1d1d1f, #f5f5f7))_
   * - **--am-accent** - Play button and sliders. _(default: #d60017)_
   * - **--am-player-radius** - Corner radius of the bar. _(default: 12px)_
   * - **--am-player-border-color** - Border of the bar. _(default: #8884)_
   * - **--am-player-artwork-size** - Artwork size. _(default: 48px)_
   *
   * ### **CSS Parts:**
   *  - **player** - The bar.
   * - **artwork** - The track's artwork `<img>`.
   * - **title** - The track's name.
   * - **subtitle** - The artist (and album).
   * - **play** - The play/pause button.
   * - **previous** - The previous-track button.
   * - **next** - The next-track button.
   * - **progress** - The progress slider (`<input type=range>`, spoken time as `aria-valuetext`).
   * - **time** - Elapsed and remaining time.
   * - **volume** - The volume slider.
   */
  "am-player": DefineComponent<AmPlayerProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
