// Loads a library list page by page through the API client; knows nothing of the DOM.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppleMusicApi } from '../../core/api-client.js';
import { PageTrail } from '../../core/paging.js';
import type { LibraryItem } from '../../core/resources.js';
import type { AmLibraryLoadDetail } from '../../events.js';
import {
  listSource,
  MAX_PAGE_SIZE,
  MAX_RECENTLY_ADDED_PAGE_SIZE,
  pageSizeWithin,
  type ListRequest,
  type ListSource,
} from './list-source.js';

export { LIBRARY_TYPES, MAX_PAGE_SIZE, MAX_RECENTLY_ADDED_PAGE_SIZE } from './list-source.js';

/**
 * - `idle`: nothing to load (signed out).
 * - `more`: more pages remain; `more()` fetches the next one.
 * - `loading`: a page is on its way.
 * - `done`: everything (or `limit` items) is loaded.
 * - `error`: the last page failed; `error` says why and `more()` tries it again.
 * - `no-library`: the user has no iCloud Music Library (Apple answered the first page with 404).
 */
export type LoadState = 'idle' | 'more' | 'loading' | 'done' | 'error' | 'no-library';

/** Which of its states a list shows (signed in); reflected to its `state` attribute. */
export type LibraryListState = 'signed-out' | 'loading' | 'empty' | 'error' | 'list' | 'no-library' | 'no-matches';

/** What a signed-in list shows for `loader`: its rows as soon as it has any, else its state. */
export function viewOf({ items, state, source }: Pick<LibraryLoader, 'items' | 'state' | 'source'>): LibraryListState {
  if (items.length) return 'list';
  if (state === 'error' || state === 'no-library') return state;
  if (state === 'done') return source?.query ? 'no-matches' : 'empty';
  return 'loading';
}

export interface LoaderEvents {
  /** A page arrived; `items` already includes it. */
  loaded(detail: AmLibraryLoadDetail): void;
  /** A page failed (after the API client's own retries); `error` is set. */
  failed?(error: unknown): void;
}

export interface LoadRequest extends ListRequest {
  /** Items per request, clamped to what Apple allows there (1…100; 25 for `recently-added` and search). Default: the maximum. */
  pageSize?: number;
  /** Stop after this many items. */
  limit?: number;
  /** Wait this long (ms) before the first request: typing in a search field sends one request, not one per key. */
  debounce?: number;
}

/** Clamps a page size to what Apple allows for `type` (1…100, 1…25 for `recently-added`); anything unusable gives the maximum. */
export function clampPageSize(value: unknown, type?: string): number {
  return pageSizeWithin(value, type === 'recently-added' ? MAX_RECENTLY_ADDED_PAGE_SIZE : MAX_PAGE_SIZE);
}

/**
 * One list's paging state machine, as a controller of the element that shows it: the host
 * updates when `state`, `items`, `total` or `error` change, and its removal from the page
 * aborts the request in flight (putting it back resumes from that page). Each `more()` asks
 * for a single page from the current cursor (the last `next`), with `limit` set to what is
 * still wanted, so a retry after an error or an abort continues where it stopped. `start()`
 * aborts what is in flight: an answer to an earlier request is never shown.
 */
export class LibraryLoader implements ReactiveController {
  /** Everything loaded so far, in order. Replaced (not mutated) when a page arrives. */
  items: readonly LibraryItem[] = [];
  /** How many items the list will hold: Apple's `meta.total` capped by `limit`, when known. */
  total?: number;
  state: LoadState = 'idle';
  error?: unknown;
  /** Where the pages come from (undefined when the request was unusable). */
  source?: ListSource;

  #api?: AppleMusicApi;
  #trail = new PageTrail();
  #pageSize = MAX_PAGE_SIZE;
  #limit = Infinity;
  #controller?: AbortController;
  #debounce?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveControllerHost;
  readonly #events: LoaderEvents;

  constructor(host: ReactiveControllerHost, events: LoaderEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
    // A debounced start waits for the next `more()` (scrolling, reconnection) instead.
    clearTimeout(this.#debounce);
    this.#debounce = undefined;
  }

  /** Forgets everything and gets ready to load `request` through `api` (nothing to load without one). */
  start(api: AppleMusicApi | undefined, request: LoadRequest): void {
    this.abort();
    clearTimeout(this.#debounce);
    this.#debounce = undefined;
    this.items = [];
    this.total = this.error = undefined;
    this.#api = api;
    const source = listSource(request);
    this.source = source instanceof Error ? undefined : source;
    this.#pageSize = pageSizeWithin(request.pageSize, this.source?.maxPageSize ?? MAX_PAGE_SIZE);
    this.#limit = Number(request.limit) >= 1 ? Math.floor(Number(request.limit)) : Infinity;
    this.#trail = new PageTrail(this.source?.path);
    this.state = !api ? 'idle' : this.source ? 'more' : 'error';
    if (api && source instanceof Error) this.error = source;
    if (api && this.source && (request.debounce ?? 0) > 0) {
      this.#debounce = setTimeout(() => {
        this.#debounce = undefined;
        void this.more();
      }, request.debounce);
    }
    this.#host.requestUpdate();
  }

  /** Loads the next page, unless one is loading, none remains, or a debounced start is still waiting. Never rejects. */
  async more(): Promise<void> {
    const api = this.#api;
    const source = this.source;
    const cursor = this.#trail.next;
    if (!api || !source || !cursor || this.#debounce || (this.state !== 'more' && this.state !== 'error')) return;
    const controller = (this.#controller = new AbortController());
    const first = cursor === source.path;
    this.state = 'loading';
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const limit = Math.min(this.#pageSize, this.#limit - this.items.length);
      const page = await api.page<LibraryItem>(cursor, { limit }, { signal: controller.signal, results: source.results });
      if (controller.signal.aborted) return;
      this.#trail.follow(page);
      this.#add(page.data, !page.next, page.total, page.skipped);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#controller = undefined;
      if (first && (error as { status?: number })?.status === 404) {
        // Not a failure: no library at all, or (tracks) an empty album or playlist.
        if (source.notFound === 'empty') this.#add([], true, 0, 0);
        else this.state = 'no-library';
      } else {
        this.state = 'error';
        this.error = error;
        this.#events.failed?.(error);
      }
    }
    this.#host.requestUpdate();
  }

  /** Aborts the request in flight, if any; a later `more()` fetches the same page again. */
  abort(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    if (this.state === 'loading') this.state = 'more';
  }

  #add(page: LibraryItem[], last: boolean, pageTotal: number | undefined, skipped: number): void {
    const data = page.slice(0, this.#limit - this.items.length);
    this.items = this.items.concat(data);
    const done = last || this.items.length >= this.#limit;
    this.total = done ? this.items.length : pageTotal === undefined ? this.total : Math.min(pageTotal, this.#limit);
    this.state = done ? 'done' : 'more';
    this.#controller = undefined;
    const { kind, parent, query } = this.source!;
    const detail = {
      type: kind,
      items: data,
      total: this.total,
      done,
      ...(skipped ? { skipped } : {}),
      ...(parent ? { parent } : {}),
      ...(query ? { query } : {}),
    };
    this.#events.loaded(detail as AmLibraryLoadDetail);
  }
}
