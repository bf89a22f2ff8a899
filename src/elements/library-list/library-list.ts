import { html, nothing, type PropertyDeclarations } from 'lit';
import type { AppleMusicApi } from '../../core/api-client.js';
import { emit, type LibraryResource, type LibraryType } from '../../events.js';
import { consumeAuth } from '../../internal/auth-consumer.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { LibraryLoader } from './library-loader.js';
import { libraryListStyles } from './library-list.styles.js';
import { defaultRow, rows } from './list-view.js';
import { RovingFocus } from './roving-focus.js';
import { LibraryListTexts } from './list-texts.js';
import { errorMessage } from './rows.js';
import { WindowController } from './window-controller.js';

/** Which of its states the list shows; reflected to the `state` attribute. */
export type LibraryListState = 'signed-out' | 'loading' | 'empty' | 'error' | 'list';

/**
 * The signed-in user's iCloud Music Library, one row per item, loaded page by page from the
 * nearest `<am-auth-provider>`. Only the rows near the visible part of the list are in the
 * DOM, so 10,000 items scroll like 10. The list scrolls inside `part="list"`; give the host a
 * height (the list then fills what the "Load more" button leaves), or let
 * `--am-list-max-height` cap it (set it to `none` to let the page scroll instead). Rows have
 * a fixed height, `--am-row-height`. An `aria-label` on the host names the list.
 *
 * The host reflects `state` (`signed-out`, `loading`, `empty`, `error`, `list`) and
 * `aria-busy` while a page is loading, so `am-library-list[state=error]` can be styled.
 *
 * Keyboard: each row is focusable (one Tab stop); ArrowUp/ArrowDown, PageUp/PageDown,
 * Home/End move between rows; Enter or Space selects. "Load more" loads the next page
 * without scrolling. Load errors are announced in a polite live region.
 *
 * Every visible text is replaceable: the `signed-out` and `empty` slots, and the `*-text`
 * attributes (loading, empty, signed-out, retry, load-more, track count, and each kind of
 * error); the `am-error` event's `message` uses the same texts.
 *
 * @tagname am-library-list
 * @summary The user's Apple Music library (albums, songs, playlists, …) as a fast, virtualized list.
 *
 * @slot signed-out - Shown while signed out. Default: `signed-out-text` and an `<am-authorize-button>`.
 * @slot empty - Shown when the list has no items. Default: `empty-text`.
 *
 * @csspart signed-out - The default signed-out content.
 * @csspart loading - Shown while the first page loads.
 * @csspart empty - The default empty content.
 * @csspart error - The error message (429, 5xx, network, refused link, …), with the retry button.
 * @csspart retry - The "Try again" button in the error part.
 * @csspart list - The scrolling list (`role=list`).
 * @csspart item - One row (`role=listitem`, focusable). Custom rows (`renderItem`) render inside it.
 * @csspart artwork - The row's cover: a lazy `<img>`, or an empty box when there is none.
 * @csspart title - The item's name.
 * @csspart subtitle - Artist for albums and videos; artist · album · duration for songs; description or track count for playlists.
 * @csspart load-more - The "Load more" button, shown while more items remain.
 *
 * @cssprop [--am-surface=transparent] - Background of the list; with `color-scheme` set, `light-dark(#fff, #1c1c1e)`.
 * @cssprop [--am-text=inherit] - Text colour; with `color-scheme` set, `light-dark(#1d1d1f, #f5f5f7)`.
 * @cssprop [--am-font=inherit] - Font family (the buttons default to the system font).
 * @cssprop [--am-list-max-height=28rem] - Height cap of the scrolling list; `none` lets the page scroll.
 * @cssprop [--am-row-height=56px] - Height of every row (rows must all be this tall).
 * @cssprop [--am-artwork-size=40px] - Width and height of the artwork; images are requested at this size × devicePixelRatio.
 * @cssprop [--am-artwork-radius=4px] - Corner radius of the artwork.
 * @cssprop [--am-row-hover=#8882] - Row background on hover.
 * @cssprop [--am-accent=#d60017] - Default focus ring colour.
 * @cssprop [--am-focus-ring=var(--am-accent, #d60017)] - Focus outline colour (2px, inside rows); keep at least 3:1 against the surface.
 * @cssprop [--am-radius=999px] - Corner radius of the "Load more" and "Try again" buttons.
 * @cssprop [--am-space-2=0.5rem] - Margin around the "Load more" and "Try again" buttons.
 * @cssprop [--am-space-3=0.75rem] - Gap and horizontal padding in rows.
 * @cssprop [--am-space-4=1rem] - Padding of the loading, empty, error and signed-out states.
 *
 * @fires am-library-load - A page arrived. Detail `{type, items, total?, done, skipped?}`: `items` is the new page; `total` is Apple's `meta.total` capped by `limit`, when known; `skipped` counts entries of the page that were not resources (`null`, numbers, …) and were left out. A page without resources ends the list.
 * @fires am-library-select - A row was activated by click, Enter or Space. Detail `{item}`.
 * @fires am-error - A page failed after the API client's retries. Detail `{code: 'api-error', message, error}`; `error` is the `AppleMusicApiError` (with `status`).
 */
export class AmLibraryList extends LibraryListTexts {
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    limit: { type: Number },
    renderItem: { attribute: false },
    listLabel: { attribute: 'aria-label' },
    colorScheme: { attribute: 'color-scheme', reflect: true },
  };

  static override styles = [themeStyles, libraryListStyles];

  /** What to list: `albums`, `songs`, `playlists`, `artists`, `music-videos` or `recently-added`. */
  type: LibraryType = 'albums';

  /** Items per request, 1–100 (Apple's maximum, and the default); `recently-added` asks for at most 25, Apple's limit there. */
  pageSize = 100;

  /** Stop after this many items. */
  declare limit?: number;

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

  // The list shows the signed-in user's library: a busy or storefront change needs no render.
  #auth = consumeAuth(this, undefined, (auth) => [auth.isAuthorized, auth.controller]);
  #api?: AppleMusicApi;
  #key?: string;
  #view: LibraryListState = 'signed-out';

  #loader = new LibraryLoader(this, {
    loaded: (detail) => emit(this, 'am-library-load', detail),
    failed: (error) =>
      emit(this, 'am-error', { code: 'api-error', message: errorMessage(error, this), error: error instanceof Error ? error : new Error(String(error)) }),
  });

  #window = new WindowController(this, {
    count: () => this.#loader.items.length,
    nearEnd: () => this.#loader.state === 'more' && void this.#loader.more(),
  });

  #focus = new RovingFocus(this, this.#window, {
    count: () => this.#loader.items.length,
    state: () => this.#loader.state,
    select: (i) => {
      const item = this.#loader.items[i];
      if (item) emit(this, 'am-library-select', { item });
    },
  });

  /** The resources loaded so far, in Apple's order (a new array after each page). */
  get items(): readonly LibraryResource[] {
    return this.#loader.items;
  }

  /** Loads the list again from the first page. */
  reload(): void {
    this.#key = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const auth = this.#auth.value;
    const api = auth?.isAuthorized ? auth.controller.api : undefined;
    const key = `${this.type}|${this.pageSize}|${this.limit}`;
    if (key !== this.#key || api !== this.#api) {
      // Signed in or out, another type, or reload(): start over (aborting what is in flight).
      // Signed in with the keyboard from the default Connect button, which is about to go:
      // focus the first row once it is in.
      if (api && this.#view === 'signed-out' && this.shadowRoot!.activeElement) this.#focus.afterLoad = 0;
      this.#key = key;
      this.#api = api;
      this.#focus.index = 0;
      this.#window.range = { start: 0, end: 0 };
      this.#loader.start(api, { type: this.type, pageSize: this.pageSize, limit: this.limit });
      // The first page is always wanted: asking now, this render already shows it loading
      // (rather than rendering once more when the window asks after this render).
      void this.#loader.more();
    }
    const { items, state } = this.#loader;
    this.#view = !api ? 'signed-out' : items.length ? 'list' : state === 'error' ? 'error' : state === 'done' ? 'empty' : 'loading';
  }

  protected override render() {
    const { items, state, error } = this.#loader;
    const message = state === 'error' ? errorMessage(error, this) : '';
    const errorPart = html`<div part="error">${message} <button part="retry" type="button" @click=${this.#loadMore}>${this.retryText}</button></div>`;
    const view = this.#view;
    let body: unknown = errorPart;
    if (view === 'signed-out') {
      body = html`<slot name="signed-out"><div part="signed-out"><p>${this.signedOutText}</p><am-authorize-button></am-authorize-button></div></slot>`;
    } else if (view === 'loading') {
      body = html`<div part="loading">${this.loadingText}</div>`;
    } else if (view === 'empty') {
      body = html`<slot name="empty"><div part="empty">${this.emptyText}</div></slot>`;
    } else if (view === 'list') {
      const { range, artworkSize, fast, measure } = this.#window;
      const { start } = range;
      const tabStop = this.#focus.tabStop(start, Math.min(range.end, items.length));
      const { onKeyDown, onClick, onFocusIn } = this.#focus;
      const row = (item: LibraryResource, i: number) => (this.renderItem ? this.renderItem(item, i) : defaultRow(item, this.tracksText, artworkSize, !fast));
      // Compact markup: template text is shipped as written.
      body = html`<div part="list" role="list" tabindex="-1" aria-label=${this.listLabel ?? nothing} aria-busy=${state === 'loading'} @scroll=${measure} @keydown=${onKeyDown} @click=${onClick} @focusin=${onFocusIn}><div class="sizer" role="none">${rows(items, range, tabStop, this.#loader.total ?? -1, row)}</div></div>${state === 'error' ? errorPart : nothing}${state === 'more' || state === 'loading'
        ? html`<button part="load-more" type="button" @click=${this.#loadMore}>${state === 'loading' ? this.loadingText : this.loadMoreText}</button>`
        : nothing}`;
    }
    // A polite live region, so a failure is announced wherever focus is.
    return html`<div class="box">${body}</div><div class="sr" role="status">${message}</div>`;
  }

  protected override updated(): void {
    this.setAttribute('state', this.#view);
    this.setAttribute('aria-busy', `${this.#loader.state === 'loading'}`);
  }

  /** "Load more" and "Try again": fetch the next page and move focus to its first row. */
  #loadMore(): void {
    this.#focus.afterLoad = this.#loader.items.length;
    void this.#loader.more();
  }
}
