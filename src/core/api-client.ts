// The Apple Music API client behind `provider.api` (docs/protocol.md, "The API: headers, paging, errors"; README, "The API client"). Plain TypeScript, no Lit.
import { endpointProblem } from './endpoint.js';
import { AppleMusicApiError, type AppleMusicErrorObject } from './errors.js';
import { PageTrail, readPage, type ApiPage } from './paging.js';
import { withQuery } from './query.js';
import { abortable, abortReason, backoffDelay, parseRetryAfter, sleep } from './retry.js';

export type { ApiPage };

export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Use this MUT instead of the stored one; a 403 then does not sign the user out. */
  musicUserToken?: string;
  /**
   * MusicKit v3's escape hatch for writes, e.g. `{method: 'POST', body: JSON.stringify(…)}`.
   * `Authorization` and `Music-User-Token` cannot be overridden through `headers`.
   */
  fetchOptions?: { method?: string; body?: BodyInit | null; headers?: Record<string, string> };
}

export interface PageOptions extends RequestOptions {
  /**
   * Read the page from a search answer's `results.<name>` (e.g. `library-songs` of
   * `/v1/me/library/search`), whose `next` pages that group alone.
   */
  results?: string;
}

export interface ApiResponse<T = unknown> {
  /** The parsed JSON body (`undefined` for an empty body, e.g. 202/204). */
  data: T;
  response: Response;
}

export interface ApiClientOptions {
  apiUrl: string;
  getDeveloperToken(signal?: AbortSignal): Promise<string>;
  /** Called once after a 401 to fetch a fresh developer token; absent when it cannot be refetched. */
  refreshDeveloperToken?: (signal?: AbortSignal) => Promise<string>;
  getMusicUserToken(): string | undefined;
  getStorefrontId(): string;
  /**
   * The stored MUT is no longer valid: a `/v1/me/…` call was answered 403, or the token has
   * characters that no request header can carry.
   */
  onUserTokenRejected(): void;
  fetch?: typeof fetch;
  /** Retries per call after 429, and after 5xx or network errors on GET/HEAD. Default 3. */
  retries?: number;
  /** First backoff step in ms; doubles on each retry, with jitter. Default 500. */
  retryBaseMs?: number;
  /**
   * Longest single wait in ms (default 30000). Backoff is capped at it; a `Retry-After` asking
   * for longer makes the call fail at once with the 429 rather than hold the caller that long.
   */
  maxRetryDelayMs?: number;
  /** Injectable timing, for tests. `sleep` is always raced against the caller's signal. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Clock for `Retry-After` dates. Default `Date.now`. */
  now?: () => number;
}

const ME_PATH = /^\/v1\/me(\/|$)/;
/** Control characters and anything beyond Latin-1: fetch refuses such a header value. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds.
const UNSENDABLE = /[\0-\x1f\x7f]|[^\0-\xff]/;

/**
 * A small client for the Apple Music API in MusicKit v3's shape (`music()` resolves with
 * `{data, response}`). It adds the developer token to every call and the Music User Token to
 * `/v1/me/…` calls, and sends neither to any origin but `apiUrl`'s: absolute URLs and `next`
 * links elsewhere are refused, and redirects are not followed.
 */
export class AppleMusicApi {
  constructor(readonly options: ApiClientOptions) {}

  /**
   * Calls `path` (with or without a leading `/`, relative to `apiUrl`; `{{storefrontId}}` is
   * filled in). Rejects with an `AppleMusicApiError`, or with the signal's reason (an
   * `AbortError` DOMException by default) when `signal` aborts. `T` is the body's type, e.g.
   * `music<ResourceList<LibraryAlbum>>('/v1/me/library/albums/l.1')`.
   */
  async music<T = unknown>(path: string, query?: Query, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const o = this.options;
    const { signal, musicUserToken: explicitToken, fetchOptions = {} } = options;
    const method = (fetchOptions.method ?? 'GET').toUpperCase();
    const idempotent = method === 'GET' || method === 'HEAD';
    const retries = o.retries ?? 3;
    const cap = o.maxRetryDelayMs ?? 30_000;
    const fetchFn = o.fetch ?? ((input, init) => fetch(input, init));
    const wait = (ms: number) => abortable((o.sleep ?? sleep)(ms, signal), signal);

    signal?.throwIfAborted();
    // Tokens go only to an https: API (http: on loopback hosts, for the emulator).
    const refused = endpointProblem('api-url', o.apiUrl);
    if (refused) throw new AppleMusicApiError({ status: 0, code: 'INSECURE_API_URL', title: 'api-url refused', message: refused });
    const [url, relativePath] = this.#resolve(path, query);
    let userToken: string | undefined;
    if (ME_PATH.test(relativePath)) {
      userToken = explicitToken ?? o.getMusicUserToken();
      if (!userToken) {
        throw new AppleMusicApiError({
          status: 0,
          code: 'NO_USER_TOKEN',
          title: 'Not signed in',
          message: `${relativePath} needs a Music User Token; authorize first`,
        });
      }
    }
    // Every failure is an AppleMusicApiError, also a token source that cannot answer.
    const tokenFrom = (source: Promise<string>) =>
      abortable(source, signal).catch((error: unknown) => {
        if (signal?.aborted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new AppleMusicApiError({ status: 0, code: 'NO_DEVELOPER_TOKEN', title: 'No developer token', message }, { cause: error });
      });
    let developerToken = await tokenFrom(o.getDeveloperToken(signal));
    // fetch would throw a TypeError that looks like a network error, retried for ever after:
    // a token that can never be sent is as invalid as one Apple refuses (and, like a 403, is
    // reported after an await, never while the caller is still in its own call).
    if (userToken && UNSENDABLE.test(userToken)) {
      if (explicitToken === undefined && o.getMusicUserToken() === userToken) this.#rejected();
      throw new AppleMusicApiError({
        status: 0,
        code: 'INVALID_USER_TOKEN',
        title: 'Invalid Music User Token',
        message: 'The Music User Token has characters a request header cannot carry; authorize again',
      });
    }
    let refreshed = false;
    let retry = 0; // retries used; the one 401 refresh does not count

    for (;;) {
      const backoff = () => wait(backoffDelay(retry++, o.retryBaseMs ?? 500, cap, o.random ?? Math.random));
      const headers: Record<string, string> = {
        ...fetchOptions.headers,
        Authorization: `Bearer ${developerToken}`,
      };
      if (userToken) headers['Music-User-Token'] = userToken;

      let response: Response;
      let body = '';
      try {
        signal?.throwIfAborted();
        const init: RequestInit = { method, headers, body: fetchOptions.body, signal, redirect: 'error' };
        response = await abortable(fetchFn(url, init), signal);
        body = await abortable(response.text(), signal);
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (idempotent && retry < retries) {
          await backoff();
          continue;
        }
        throw new AppleMusicApiError({ status: 0, code: 'NETWORK', message: (error as Error)?.message ?? String(error) }, { cause: error });
      }

      const { status } = response;
      let data: unknown;
      let json = true;
      try {
        data = body ? JSON.parse(body) : undefined;
      } catch {
        json = false;
      }
      if (response.ok) {
        if (!json) {
          throw new AppleMusicApiError({ status, code: 'INVALID_RESPONSE', message: 'The response is not valid JSON' });
        }
        return { data: data as T, response };
      }

      if (status === 401 && o.refreshDeveloperToken && !refreshed) {
        refreshed = true;
        developerToken = await tokenFrom(o.refreshDeveloperToken(signal));
        continue;
      }
      // Only sign the user out when the rejected token is still the stored one (not an
      // explicit token, and not one replaced by a new sign-in while this call was in flight).
      if (status === 403 && userToken && explicitToken === undefined && o.getMusicUserToken() === userToken) this.#rejected();
      if (retry < retries && (status === 429 || (status >= 500 && idempotent))) {
        const asked = status === 429 ? parseRetryAfter(response.headers.get('Retry-After'), (o.now ?? Date.now)()) : undefined;
        if (asked === undefined) {
          await backoff();
          continue;
        }
        if (asked <= cap) {
          retry++;
          await wait(asked);
          continue;
        }
      }
      const errors = (data as { errors?: unknown } | undefined)?.errors;
      throw new AppleMusicApiError({
        status,
        errors: Array.isArray(errors) ? errors.filter((e): e is AppleMusicErrorObject => !!e && typeof e === 'object') : [],
        message: json ? response.statusText : `${response.statusText || 'Error'} (the response is not JSON)`.trim(),
      });
    }
  }

  /**
   * Fetches one page of a list: `path` is the first page's path or a page's `next`. Entries
   * that are not resources are left out and counted in `skipped`; `next` asks for the same
   * `limit` as this request, and is absent once the list ends (also on an empty page).
   * `options.results` reads one group of a search answer.
   */
  async page<T = unknown>(path: string, query?: Query, options: PageOptions = {}): Promise<ApiPage<T>> {
    const [url] = this.#resolve(path, query);
    const { data, response } = await this.music(path, query, options);
    return readPage<T>(data, url, response, options.results);
  }

  /**
   * Yields each page's resources, following `next` to the end. Breaking out of the loop stops
   * it; no request is made before the next page is asked for. `T` is the resource's type, e.g.
   * `paginate<LibrarySong>('/v1/me/library/songs')`.
   */
  async *paginate<T = unknown>(path: string, query?: Query, options?: PageOptions): AsyncGenerator<T[], void, undefined> {
    for await (const page of this.paginatePages<T>(path, query, options)) yield page.data;
  }

  /**
   * Like `paginate`, with each page's `next`, `meta.total` and response. The parameters of
   * the first request (`path`'s and `query`'s) go to every page whose `next` leaves them out,
   * so a `limit` survives Apple's links that say only `offset`. Ends on an empty page, and
   * fails with `INVALID_RESPONSE` on a `next` already followed.
   */
  async *paginatePages<T = unknown>(path: string, query?: Query, options?: PageOptions): AsyncGenerator<ApiPage<T>, void, undefined> {
    const trail = new PageTrail(path);
    for (let pageQuery = query; trail.next !== undefined; pageQuery = undefined) {
      const page = await this.page<T>(trail.next, pageQuery, options);
      trail.follow(page);
      yield page;
    }
  }

  #rejected(): void {
    try {
      this.options.onUserTokenRejected();
    } catch {
      // The caller still gets its error.
    }
  }

  /** The absolute URL for `path` and its path relative to `apiUrl`; refuses other origins. */
  #resolve(path: string, query?: Query): [url: string, relativePath: string] {
    const refuse = (code: string, message: string) => new AppleMusicApiError({ status: 0, code, title: 'Refused URL', message });
    let base: URL;
    let url: URL;
    // A function replacer: the storefront is only looked up when the path names it.
    const filled = path.replaceAll('{{storefrontId}}', () => encodeURIComponent(this.options.getStorefrontId()));
    try {
      base = new URL(this.options.apiUrl);
      // Absolute (`https://…`) and protocol-relative (`//host/…`) URLs are taken as they are;
      // anything else is a path under apiUrl, whose own path prefix is kept.
      const absolute = /^([a-z][a-z\d+.-]*:|[\\/]{2})/i.test(filled);
      const href = absolute ? filled : `${base.href.replace(/\/+$/, '')}/${filled.replace(/^\/+/, '')}`;
      url = new URL(withQuery(href, query), base);
    } catch {
      throw refuse('INVALID_URL', `Not a valid API URL: ${path}`);
    }
    if (url.origin !== base.origin) throw refuse('CROSS_ORIGIN', `${url.origin} is not the API origin ${base.origin}`);
    const prefix = base.pathname.replace(/\/+$/, '');
    const relativePath = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    return [url.href, relativePath];
  }
}
export type { AppleMusicErrorObject };
