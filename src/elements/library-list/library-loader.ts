// Loads a library list page by page through the API client; knows nothing of the DOM.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppleMusicApi } from '../../core/api-client.js';
import { PageTrail } from '../../core/paging.js';
import type { AmLibraryLoadDetail, LibraryResource, LibraryType } from '../../events.js';

export const LIBRARY_TYPES: readonly LibraryType[] = ['albums', 'songs', 'playlists', 'artists', 'music-videos', 'recently-added'];

/** Apple's largest page for library lists. */
export const MAX_PAGE_SIZE = 100;
/** Recently Added takes at most 25 per request (Apple pages it by 10; more is refused with 400). */
export const MAX_RECENTLY_ADDED_PAGE_SIZE = 25;

/**
 * - `idle`: nothing to load (signed out).
 * - `more`: more pages remain; `more()` fetches the next one.
 * - `loading`: a page is on its way.
 * - `done`: everything (or `limit` items) is loaded.
 * - `error`: the last page failed; `error` says why and `more()` tries it again.
 */
export type LoadState = 'idle' | 'more' | 'loading' | 'done' | 'error';

export interface LoaderEvents {
  /** A page arrived; `items` already includes it. */
  loaded(detail: AmLibraryLoadDetail): void;
  /** A page failed (after the API client's own retries); `error` is set. */
  failed?(error: unknown): void;
}

export interface LoadRequest {
  type: string;
  /** Items per request, clamped to 1…100 (1…25 for `recently-added`). Default: the maximum. */
  pageSize?: number;
  /** Stop after this many items. */
  limit?: number;
}

/** Clamps a page size to what Apple allows for `type` (1…100, 1…25 for `recently-added`); anything unusable gives the maximum. */
export function clampPageSize(value: unknown, type?: string): number {
  const max = type === 'recently-added' ? MAX_RECENTLY_ADDED_PAGE_SIZE : MAX_PAGE_SIZE;
  const n = Math.floor(Number(value));
  return n >= 1 ? Math.min(n, max) : max;
}

/**
 * One list's paging state machine, as a controller of the element that shows it: the host
 * updates when `state`, `items`, `total` or `error` change, and its removal from the page
 * aborts the request in flight (putting it back resumes from that page). Each `more()` asks
 * for a single page from the current cursor (the last `next`), with `limit` set to what is
 * still wanted, so a retry after an error or an abort continues where it stopped.
 */
export class LibraryLoader implements ReactiveController {
  /** Everything loaded so far, in order. Replaced (not mutated) when a page arrives. */
  items: readonly LibraryResource[] = [];
  /** How many items the list will hold: Apple's `meta.total` capped by `limit`, when known. */
  total?: number;
  state: LoadState = 'idle';
  error?: unknown;

  #api?: AppleMusicApi;
  #type = '' as LibraryType;
  #trail = new PageTrail();
  #pageSize = MAX_PAGE_SIZE;
  #limit = Infinity;
  #controller?: AbortController;

  readonly #host: ReactiveControllerHost;
  readonly #events: LoaderEvents;

  constructor(host: ReactiveControllerHost, events: LoaderEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Forgets everything and gets ready to load `type` through `api` (nothing to load without one). */
  start(api: AppleMusicApi | undefined, { type, pageSize, limit }: LoadRequest): void {
    this.abort();
    this.items = [];
    this.total = this.error = undefined;
    this.#api = api;
    this.#type = type as LibraryType;
    this.#pageSize = clampPageSize(pageSize, type);
    this.#limit = Number(limit) >= 1 ? Math.floor(Number(limit)) : Infinity;
    const known = LIBRARY_TYPES.includes(type as LibraryType);
    this.#trail = new PageTrail(known ? `/v1/me/library/${type}` : undefined);
    this.state = !api ? 'idle' : known ? 'more' : 'error';
    if (api && !known) this.error = new TypeError(`unknown type "${type}"`);
    this.#host.requestUpdate();
  }

  /** Loads the next page, unless one is loading or none remains. Never rejects. */
  async more(): Promise<void> {
    const api = this.#api;
    const cursor = this.#trail.next;
    if (!api || !cursor || (this.state !== 'more' && this.state !== 'error')) return;
    const controller = (this.#controller = new AbortController());
    this.state = 'loading';
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const limit = Math.min(this.#pageSize, this.#limit - this.items.length);
      const page = await api.page<LibraryResource>(cursor, { limit }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.#trail.follow(page);
      const data = page.data.slice(0, this.#limit - this.items.length);
      this.items = this.items.concat(data);
      const done = !page.next || this.items.length >= this.#limit;
      this.total = done ? this.items.length : page.total === undefined ? this.total : Math.min(page.total, this.#limit);
      this.state = done ? 'done' : 'more';
      this.#controller = undefined;
      const { skipped } = page;
      this.#events.loaded({ type: this.#type, items: data, total: this.total, done, ...(skipped ? { skipped } : {}) });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#controller = undefined;
      this.state = 'error';
      this.error = error;
      this.#events.failed?.(error);
    }
    this.#host.requestUpdate();
  }

  /** Aborts the request in flight, if any; a later `more()` fetches the same page again. */
  abort(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    if (this.state === 'loading') this.state = 'more';
  }
}
