import { html, nothing } from 'lit';
import type { AppleMusicApi } from '../../core/api-client.js';
import type { LibraryItem, LibraryItems, ListedKind } from '../../core/resources.js';
import { emit } from '../../events.js';
import { consumeAuth } from '../../internal/auth-consumer.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { DrillDown, opensTracks } from './drill-down.js';
import { LibraryLoader, viewOf, type LibraryListState, type LoadState } from './library-loader.js';
import { listEvents } from './list-events.js';
import { libraryListStyles } from './library-list.styles.js';
import { SEARCH_DEBOUNCE_MS } from './list-source.js';
import { defaultRow, drillHeader, errorPanel, listPart, loadingPanel, signedOutPanel, slotted } from './list-view.js';
import { RovingFocus } from './roving-focus.js';
import { LibraryListProperties } from './list-properties.js';
import { errorMessage } from './rows.js';
import { WindowController } from './window-controller.js';

/**
 * The signed-in user's iCloud Music Library, one row per item, loaded page by page from the
 * nearest `<am-auth-provider>`. Only the rows near the visible part of the list are in the
 * DOM, so 10,000 items scroll like 10. The list scrolls inside `part="list"`; give the host a
 * height, or let `--am-list-max-height` cap it (`none` lets the page scroll instead). Rows have
 * a fixed height, `--am-row-height`. An `aria-label` on the host names the list.
 *
 * Depth: `parent` lists the tracks of a library album or playlist; `drill-down` opens them in
 * place when such a row is activated (Back or Escape returns to the same row and scroll
 * position); `query` searches the library; `playable` plays activated rows through the
 * provider's player (load `am-elements/playback.js`). Uploaded songs carry a visible
 * "Uploaded" marker (`part="upload"`).
 *
 * The host reflects `state` (`signed-out`, `loading`, `empty`, `error`, `list`, `no-library`,
 * `no-matches`) and `aria-busy` while a page is loading, so `am-library-list[state=error]` can be styled.
 *
 * Keyboard: each row is focusable (one Tab stop); ArrowUp/ArrowDown, PageUp/PageDown,
 * Home/End move between rows; Enter or Space selects; Escape leaves an opened album or
 * playlist. "Load more" appears when Tab reaches it, while a page loads, or when scrolling cannot load more.
 * Load errors are announced in a polite live region.
 *
 * Every visible text is replaceable (slots, `*-text` attributes); `am-error` uses the same texts.
 *
 * @tagname am-library-list
 * @summary The user's Apple Music library (albums, songs, playlists, …) as a fast, virtualized list.
 *
 * @slot signed-out - Shown while signed out. Default: `signed-out-text` and an `<am-authorize-button>`.
 * @slot empty - Shown when the list has no items. Default: `empty-text`.
 * @slot no-library - Shown when the user has no iCloud Music Library (Sync Library off). Default: `no-library-text`.
 * @slot no-matches - Shown when a search finds nothing. Default: `no-matches-text`.
 *
 * @csspart signed-out - The default signed-out content.
 * @csspart loading - Shown while the first page loads: a spinner and `loading-text`.
 * @csspart spinner - The spinning ring of the loading state (it pulses instead with reduced motion).
 * @csspart empty - The default empty content.
 * @csspart no-library - The default no-library content.
 * @csspart no-matches - The default no-matches content.
 * @csspart error - The error panel (429, 5xx, network, refused link, …): icon, message and retry button.
 * @csspart error-icon - The error panel's icon.
 * @csspart retry - The "Try again" button in the error part.
 * @csspart header - Above an opened album's or playlist's tracks: back button, cover, name and track count.
 * @csspart back - The back button of the header.
 * @csspart header-artwork - The header's cover.
 * @csspart heading - The opened album's or playlist's name.
 * @csspart count - The opened album's or playlist's track count.
 * @csspart list - The scrolling list (`role=list`).
 * @csspart item - One row (`role=listitem`, focusable). Custom rows (`renderItem`) render inside it.
 * @csspart artwork - The row's cover: a lazy `<img>`, or an empty box when there is none.
 * @csspart title - The item's name.
 * @csspart upload - The "Uploaded" marker after the name of a song or video the user uploaded (no Apple Music catalog twin).
 * @csspart subtitle - Artist for albums and videos; artist · album · duration for songs; description or track count for playlists.
 * @csspart load-more - The "Load more" button: in the tab order while more remains; shown while a page loads, when it has keyboard focus, or when scrolling cannot load more.
 *
 * @cssprop [--am-surface=transparent] - Background of the list; with `color-scheme` set, `light-dark(#fff, #1c1c1e)`.
 * @cssprop [--am-text=inherit] - Text colour; with `color-scheme` set, `light-dark(#1d1d1f, #f5f5f7)`.
 * @cssprop [--am-font=system-ui, -apple-system, sans-serif] - Font family (the buttons' too).
 * @cssprop [--am-list-max-height=28rem] - Height cap of the scrolling list; `none` lets the page scroll.
 * @cssprop [--am-row-height=56px] - Height of every row (rows must all be this tall).
 * @cssprop [--am-artwork-size=40px] - Width and height of the artwork; images are requested at this size × devicePixelRatio.
 * @cssprop [--am-artwork-radius=4px] - Corner radius of the artwork.
 * @cssprop [--am-row-hover=#8882] - Row background on hover (only on devices that can hover).
 * @cssprop [--am-accent=#d60017] - Retry button background and default focus ring colour.
 * @cssprop [--am-on-accent=#fff] - Retry button text.
 * @cssprop [--am-focus-ring=var(--am-accent, #d60017)] - Focus outline colour (2px, inside rows); keep at least 3:1 against the surface.
 * @cssprop [--am-radius=999px] - Corner radius of the buttons.
 * @cssprop [--am-space-2=0.5rem] - Margin around the buttons.
 * @cssprop [--am-space-3=0.75rem] - Gap and horizontal padding in rows.
 * @cssprop [--am-space-4=1rem] - Padding of the state panels.
 *
 * @attr {'signed-out' | 'loading' | 'empty' | 'error' | 'list' | 'no-library' | 'no-matches'} state - Reflected, read-only: what the list shows (`list` once it has rows, even while more load or a later page failed), for styling such as `am-library-list[state=error]`. Set by the element; a value written to it is replaced on the next render.
 *
 * @fires am-library-load - A page arrived. Detail `{type, items, total?, done, skipped?, parent?, query?}`: `type` is the list's type, or `tracks` for an album's or playlist's tracks; `items` is the new page; `total` is Apple's `meta.total` capped by `limit`, when known; `skipped` counts entries of the page that were not resources and were left out. A page without resources ends the list.
 * @fires am-library-select - A row was activated by click, Enter or Space. Detail `{item}`.
 * @fires am-error - A page failed after the API client's retries. Detail `{code: 'api-error', message, error}`; `error` is the `AppleMusicApiError` (with `status`).
 */
export class AmLibraryList<K extends ListedKind = ListedKind> extends LibraryListProperties {
  static override styles = [themeStyles, libraryListStyles];

  // The list shows the signed-in user's library: a busy or storefront change needs no render.
  #auth = consumeAuth(this, undefined, (auth) => [auth.isAuthorized, auth.controller]);
  #api?: AppleMusicApi;
  #key?: string;
  #view: LibraryListState = 'signed-out';
  #focusBack = false;
  #events = listEvents(this);

  #loader = new LibraryLoader(this, this.#events);
  #drill = new DrillDown(this, this.#events);
  #window = new WindowController(this, {
    count: () => this.#active.items.length,
    nearEnd: () => this.#active.state === 'more' && void this.#active.more(),
  });
  #focus = new RovingFocus(this, this.#window, {
    count: () => this.#active.items.length,
    state: () => this.#active.state,
    select: (i) => this.#select(i),
  });

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#drill.opened) {
        event.preventDefault();
        this.#back();
      }
    });
  }

  /** The resources loaded so far, in Apple's order (a new array after each page); an opened album's tracks are not among them. */
  get items(): readonly LibraryItems[K][] {
    return this.#loader.items as readonly LibraryItems[K][];
  }

  /** Loads the list again from the first page. */
  reload(): void {
    this.#key = undefined;
    this.requestUpdate();
  }

  /** The opened album's or playlist's loader, else the list's. */
  get #active(): LibraryLoader {
    return this.#drill.opened ? this.#drill.tracks : this.#loader;
  }

  protected override willUpdate(): void {
    const auth = this.#auth.value;
    const api = auth?.isAuthorized ? auth.controller.api : undefined;
    const query = this.parent ? '' : (this.query ?? '').trim();
    const base = `${this.type}|${this.pageSize}|${this.limit}|${this.parent ?? ''}|${this.playable}|`;
    if (base + query !== this.#key || api !== this.#api) {
      // Signed in or out, another list, or reload(): start over (aborting what is in flight).
      // Typing in a search waits for a pause. Signed in with the keyboard from the default
      // Connect button, which is about to go: focus the first row once it is in.
      const typing = !!query && api === this.#api && !!this.#key?.startsWith(base);
      if (api && this.#view === 'signed-out' && this.shadowRoot!.activeElement) this.#focus.afterLoad = 0;
      this.#key = base + query;
      this.#api = api;
      this.#drill.close();
      this.#focus.index = 0;
      this.#window.restore();
      const { type, parent, pageSize, limit, playable: catalog } = this;
      this.#loader.start(api, { type, parent, query, pageSize, limit, catalog, debounce: typing ? SEARCH_DEBOUNCE_MS : 0 });
      // The first page is always wanted: asking now (a debounced start waits anyway), this
      // render already shows it loading, rather than rendering again when the window asks.
      void this.#loader.more();
    }
    this.#view = api ? viewOf(this.#active) : 'signed-out';
  }

  protected override render() {
    const { items, state, error, total, source } = this.#active;
    const opened = this.#drill.opened;
    const message = state === 'error' ? errorMessage(error, this) : '';
    const errorPart = errorPanel(message, this.retryText, this.#loadMore);
    const bodies: Record<LibraryListState, () => unknown> = {
      'signed-out': () => signedOutPanel(this.signedOutText),
      loading: () => loadingPanel(this.loadingText),
      empty: () => slotted('empty', this.emptyText),
      'no-library': () => slotted('no-library', this.noLibraryText),
      'no-matches': () => slotted('no-matches', this.noMatchesText.replace('{query}', source?.query ?? '')),
      error: () => errorPart,
      list: () => this.#list(items, state, total),
    };
    const header = opened ? drillHeader(opened, this.#drill.count, this, this.#back) : nothing;
    // A polite live region, so a failure is announced wherever focus is.
    return html`
      <div class="box">${header}${bodies[this.#view]()}${this.#view === 'list' && state === 'error' ? errorPart : nothing}</div>
      <div class="sr" role="status">${message}</div>
    `;
  }

  #list(items: readonly LibraryItem[], state: LoadState, total?: number) {
    const { range, artworkSize, fast, measure, stuck } = this.#window;
    const { onKeyDown, onClick, onFocusIn } = this.#focus;
    return listPart({
      items,
      range,
      tabStop: this.#focus.tabStop(range.start, Math.min(range.end, items.length)),
      total,
      state,
      stuck,
      label: (this.#drill.opened?.attributes?.name as string | undefined) ?? this.listLabel,
      texts: this,
      row: (item, i) => (this.renderItem ? this.renderItem(item, i) : defaultRow(item, this, artworkSize, !fast)),
      on: { onKeyDown, onClick, onFocusIn, measure, warmUp: this.#warmUp, loadMore: this.#loadMore },
    });
  }

  protected override updated(): void {
    this.setAttribute('state', this.#view);
    this.setAttribute('aria-busy', `${this.#active.state === 'loading'}`);
    if (this.#focusBack) {
      this.#focusBack = false;
      this.renderRoot.querySelector<HTMLElement>('[part=back]')?.focus();
    }
  }

  /** A row was activated: play it (inside the user's click or key, as Safari requires), tell the page, open it. */
  #select(i: number): void {
    const item = this.#active.items[i];
    if (!item) return;
    const opens = this.drillDown && !this.#drill.opened && opensTracks(item);
    if (this.playable && !opens) void this.#auth.value?.controller.player?.play(item);
    emit(this, 'am-library-select', { item });
    if (!opens) return;
    const place = { position: this.#window.position(), index: this.#focus.index };
    this.#drill.open(this.#api, item, place, { pageSize: this.pageSize, catalog: this.playable });
    this.#focus.index = 0;
    this.#window.restore(undefined, true);
    // The activated row is about to go: focus moves to the way back.
    this.#focusBack = true;
  }

  /** Back from an opened album or playlist to the row it came from, scrolled as it was. */
  readonly #back = (): void => {
    const place = this.#drill.close();
    if (!place) return;
    this.#window.restore(place.position);
    this.#focus.focusLater(place.index);
  };

  /** "Load more" and "Try again": fetch the next page and move focus to its first row. */
  readonly #loadMore = (): void => {
    this.#focus.afterLoad = this.#active.items.length;
    void this.#active.more();
  };

  /** A pointer over a playable list: get full-length playback ready before the click. */
  readonly #warmUp = (): void => {
    if (this.playable) this.#auth.value?.controller.player?.warmUp();
  };
}
