import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { authContext, type AuthState } from '../../context.js';
import type { AppleMusicApi } from '../../core/api-client.js';
import { emit, type LibraryResource, type LibraryType } from '../../events.js';
import { ensureContextRoot } from '../buttons/button-base.js';
import { themeStyles } from '../buttons/theme.styles.js';
import { artworkUrl } from './artwork.js';
import { LibraryLoader } from './library-loader.js';
import { libraryListStyles } from './library-list.styles.js';
import { errorMessage, rowText, type ErrorTexts } from './rows.js';
import { focusTarget, nearEnd, rowRange } from './virtual-window.js';

/** Rows rendered beyond each edge of the visible band. */
const OVERSCAN = 10;

/** Which of its states the list shows; reflected to the `state` attribute. */
export type LibraryListState = 'signed-out' | 'loading' | 'empty' | 'error' | 'list';

const index = (row: Element): number => Number(row.getAttribute('aria-posinset')) - 1;

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
 * @fires am-library-load - A page arrived. Detail `{type, items, total?, done}`: `items` is the new page; `total` is Apple's `meta.total` capped by `limit`, when known.
 * @fires am-library-select - A row was activated by click, Enter or Space. Detail `{item}`.
 * @fires am-error - A page failed after the API client's retries. Detail `{code: 'api-error', message, error}`; `error` is the `AppleMusicApiError` (with `status`).
 */
export class AmLibraryList extends LitElement implements ErrorTexts {
  static override properties = {
    type: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    limit: { type: Number },
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

  #auth?: AuthState;
  #api?: AppleMusicApi;
  #key?: string;
  #view: LibraryListState = 'signed-out';
  #range = { start: 0, end: 0 };
  #rowHeight = 56;
  #artworkSize = 40;
  /** The row that holds the list's Tab stop and keyboard position. */
  #focusIndex = 0;
  /** Move focus to `focusIndex` once it is rendered. */
  #wantFocus = false;
  /** After "Load more", "Try again" or a sign-in from the list: focus this row once the page is in. */
  #focusAfterLoad?: number;
  #resizeObserver?: ResizeObserver;
  /** Scrolling too fast to look at covers: rows render without artwork until it calms down. */
  #fast = false;
  #calm?: ReturnType<typeof setTimeout>;

  #loader = new LibraryLoader({
    changed: () => this.requestUpdate(),
    loaded: (detail) => emit(this, 'am-library-load', detail),
    failed: (error) =>
      emit(this, 'am-error', { code: 'api-error', message: errorMessage(error, this), error: error instanceof Error ? error : new Error(String(error)) }),
  });

  constructor() {
    super();
    new ContextConsumer(this, {
      context: authContext,
      subscribe: true,
      callback: (auth) => {
        this.#auth = auth;
        this.requestUpdate();
      },
    });
  }

  /** The resources loaded so far, in Apple's order (a new array after each page). */
  get items(): readonly LibraryResource[] {
    return this.#loader.items;
  }

  /** Loads the list again from the first page. */
  reload(): void {
    this.#key = undefined;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
    // Capturing scrolls of the page and its scrollers keeps the rows right when the page scrolls.
    addEventListener('scroll', this.#measure, { capture: true, passive: true });
    (this.#resizeObserver ??= new ResizeObserver(this.#measure)).observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page: abort the request in flight; reconnecting resumes from that page.
    this.#loader.abort();
    removeEventListener('scroll', this.#measure, { capture: true });
    this.#resizeObserver?.disconnect();
  }

  protected override willUpdate(): void {
    const api = this.#auth?.isAuthorized ? this.#auth.controller.api : undefined;
    const key = `${this.type}|${this.pageSize}|${this.limit}`;
    if (key !== this.#key || api !== this.#api) {
      // Signed in or out, another type, or reload(): start over (aborting what is in flight).
      // Signed in with the keyboard from the default Connect button, which is about to go:
      // focus the first row once it is in.
      if (api && this.#view === 'signed-out' && this.shadowRoot!.activeElement) this.#focusAfterLoad = 0;
      this.#key = key;
      this.#api = api;
      this.#focusIndex = 0;
      this.#range = { start: 0, end: 0 };
      this.#loader.start(api, { type: this.type, pageSize: this.pageSize, limit: this.limit });
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
      const { start } = this.#range;
      const end = Math.min(this.#range.end, items.length);
      const focus = this.#focusIndex;
      const tabStop = focus >= start && focus < end ? focus : start;
      const setSize = this.#loader.total ?? -1;
      // Compact markup: template text is shipped as written.
      body = html`<div part="list" role="list" tabindex="-1" aria-label=${this.listLabel ?? nothing} aria-busy=${state === 'loading'} @scroll=${this.#measure} @keydown=${this.#onKeyDown} @click=${this.#onClick} @focusin=${this.#onFocusIn}><div class="sizer" role="none">${items
        .slice(start, end)
        .map(
          (item, k) =>
            html`<div part="item" role="listitem" tabindex=${start + k === tabStop ? 0 : -1} aria-posinset=${start + k + 1} aria-setsize=${setSize}>${this.renderItem ? this.renderItem(item, start + k) : this.#defaultRow(item)}</div>`,
        )}</div></div>${state === 'error' ? errorPart : nothing}${state === 'more' || state === 'loading'
        ? html`<button part="load-more" type="button" @click=${this.#loadMore}>${state === 'loading' ? this.loadingText : this.loadMoreText}</button>`
        : nothing}`;
    }
    // A polite live region, so a failure is announced wherever focus is.
    return html`<div class="box">${body}</div><div class="sr" role="status">${message}</div>`;
  }

  protected override updated(): void {
    this.setAttribute('state', this.#view);
    this.setAttribute('aria-busy', `${this.#loader.state === 'loading'}`);
    const sizer = this.renderRoot.querySelector<HTMLElement>('.sizer');
    if (sizer) {
      // Set through CSSOM rather than a style attribute, which a strict CSP would block.
      sizer.style.height = `${this.#loader.items.length * this.#rowHeight}px`;
      sizer.style.paddingTop = `${this.#range.start * this.#rowHeight}px`;
    }
    const pending = this.#focusAfterLoad;
    const { state, items } = this.#loader;
    // Wait while a page is loading or about to be (`more` before the first page).
    if (pending !== undefined && state !== 'loading' && (pending < items.length || state !== 'more')) {
      this.#focusAfterLoad = undefined;
      if (pending < items.length) this.#moveFocus(pending);
    }
    this.#measure();
    this.#restoreFocus();
  }

  #defaultRow(item: LibraryResource) {
    const { title, subtitle } = rowText(item, this.tracksText);
    const size = this.#artworkSize;
    const src = this.#fast ? undefined : artworkUrl(item.attributes?.artwork, size, devicePixelRatio);
    return html`${src
      ? html`<img part="artwork" src=${src} alt="" width=${size} height=${size} loading="lazy" decoding="async">`
      : html`<span part="artwork"></span>`}<span class="text"><span part="title">${title}</span><span part="subtitle">${subtitle}</span></span>`;
  }

  get #list(): HTMLElement | null {
    return this.renderRoot.querySelector('[part=list]');
  }

  #rowAt(i: number): HTMLElement | null {
    return this.renderRoot.querySelector(`[part=item][aria-posinset="${i + 1}"]`);
  }

  /**
   * Works out which rows are visible (inside the list's box and the window), renders those
   * plus the overscan, and asks for the next page when the end is within two screens.
   */
  #measure = (): void => {
    const list = this.#list;
    const count = this.#loader.items.length;
    let top = 0;
    let bottom = 0;
    if (list) {
      // Rows have a fixed height; read it, and the artwork's size, from a rendered row.
      const row = list.querySelector<HTMLElement>('[part=item]');
      const height = row?.offsetHeight;
      const size = row?.querySelector<HTMLElement>('[part=artwork]')?.offsetWidth;
      if ((height && height !== this.#rowHeight) || (size && size !== this.#artworkSize)) {
        this.#rowHeight = height || this.#rowHeight;
        this.#artworkSize = size || this.#artworkSize;
        this.requestUpdate();
      }
      const box = list.getBoundingClientRect();
      const origin = box.top + list.clientTop - list.scrollTop;
      top = Math.max(box.top, 0) - origin;
      bottom = Math.min(box.bottom, innerHeight) - origin;
    }
    const range = rowRange(top, bottom, this.#rowHeight, count, OVERSCAN);
    if (range.start !== this.#range.start || range.end !== this.#range.end) {
      if (Math.abs(range.start - this.#range.start) > OVERSCAN) {
        // Skipping rows between frames: requesting and decoding covers that are gone a frame
        // later costs frames; show them once the list stays put.
        this.#fast = true;
        clearTimeout(this.#calm);
        this.#calm = setTimeout(() => {
          this.#fast = false;
          this.requestUpdate();
        }, 150);
      }
      this.#range = range;
      this.requestUpdate();
    }
    if (this.#loader.state === 'more' && nearEnd(top, bottom, this.#rowHeight, count)) void this.#loader.more();
  };

  /** Scrolls the list (then the window, if the list cannot) just enough to show row `i`. */
  #moveFocus(i: number): void {
    this.#focusIndex = i;
    this.#wantFocus = true;
    const list = this.#list;
    if (list) {
      const h = this.#rowHeight;
      const box = list.getBoundingClientRect();
      const inner = box.top + list.clientTop;
      const y = inner - list.scrollTop + i * h;
      const low = Math.max(inner, 0);
      const high = Math.min(inner + list.clientHeight, innerHeight);
      const delta = y < low ? y - low : y + h > high ? y + h - high : 0;
      const before = list.scrollTop;
      list.scrollTop += delta;
      const rest = delta - (list.scrollTop - before);
      if (Math.abs(rest) > 1) scrollBy(0, rest);
    }
    this.#measure();
    this.requestUpdate();
  }

  /** Keeps focus on the row at `focusIndex` while rows are recycled by scrolling. */
  #restoreFocus(): void {
    const active = this.shadowRoot!.activeElement;
    const part = active?.getAttribute('part');
    if (!this.#wantFocus && part !== 'item' && part !== 'list') return;
    const row = this.#rowAt(this.#focusIndex);
    if (row && row !== active) row.focus({ preventScroll: true });
    if (row) this.#wantFocus = false;
    // The focused row now shows another item and the right one is scrolled away: park focus
    // on the list; arrow keys continue from `focusIndex`.
    else if (part === 'item') this.#list?.focus({ preventScroll: true });
  }

  #onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const part = target.getAttribute('part');
    if (part !== 'item' && part !== 'list') return;
    if (part === 'item' && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#select(target);
      return;
    }
    const page = Math.max(1, Math.floor((this.#list?.clientHeight ?? 0) / this.#rowHeight) - 1);
    const next = focusTarget(event.key, this.#focusIndex, this.#loader.items.length, page);
    if (next === undefined) return;
    event.preventDefault();
    this.#moveFocus(next);
  }

  #onClick(event: Event): void {
    const row = (event.target as Element).closest('[part=item]');
    if (row) this.#select(row);
  }

  #onFocusIn(event: FocusEvent): void {
    const row = (event.target as Element).closest('[part=item]');
    if (row && index(row) !== this.#focusIndex) {
      this.#focusIndex = index(row);
      this.requestUpdate();
    }
  }

  #select(row: Element): void {
    const item = this.#loader.items[index(row)];
    if (item) emit(this, 'am-library-select', { item });
  }

  /** "Load more" and "Try again": fetch the next page and move focus to its first row. */
  #loadMore(): void {
    this.#focusAfterLoad = this.#loader.items.length;
    void this.#loader.more();
  }
}
