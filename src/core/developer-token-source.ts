import { DeveloperTokenError, parseDeveloperToken, type DeveloperTokenInfo } from './developer-token.js';
import { URL_RENEWAL_WINDOW_MS } from './developer-token-expiry.js';

/** Refetch a URL-provided token this long before it expires. */
const EXPIRY_MARGIN_MS = 60_000;
/** How long a `developer-token-url` may take to answer before it counts as unreachable. */
export const DEVELOPER_TOKEN_FETCH_TIMEOUT_MS = 15_000;

export interface DeveloperToken extends DeveloperTokenInfo {
  token: string;
  /** Fetched from `developer-token-url` (whose server renews it), not given as an attribute. */
  fromUrl?: boolean;
}

/** Reads a `developer-token-url` answer: the token as text, or JSON `{"token": "..."}`. */
export function tokenFromResponseText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  let token: unknown;
  try {
    token = (JSON.parse(trimmed) as { token?: unknown } | null)?.token;
  } catch {
    throw new DeveloperTokenError('malformed', 'The developer token URL answered broken JSON.');
  }
  if (typeof token !== 'string')
    throw new DeveloperTokenError('malformed', 'The developer token URL answered JSON without a "token" string.');
  // Trimmed where it enters: the value checked is the value sent.
  return token.trim();
}

/**
 * The developer token from an attribute or a URL. A fixed token is decoded once per value and
 * its expiry checked on every use (so an expiry is noticed); a URL token is fetched once,
 * cached until shortly before `exp`, and fetched again on `refresh()` (after a 401) past the
 * browser's cache. A URL token within a
 * week of expiry is asked for once more past caches, as its server should have renewed it.
 * Concurrent callers share one fetch, and each request fails after `fetchTimeoutMs` when the
 * URL does not answer. Tokens are trimmed where they enter (pasted from a file or a CMS, they
 * often end in a newline).
 */
export class DeveloperTokenSource {
  #fetched?: DeveloperToken;
  #pending?: Promise<DeveloperToken>;
  /** The fixed token last parsed: every status read asks for it, so it is decoded once per value. */
  #parsed?: { token: string; info: DeveloperToken } | { token: string; error: unknown };

  constructor(
    private readonly config: () => { token?: string; url?: string },
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly fetchTimeoutMs = DEVELOPER_TOKEN_FETCH_TIMEOUT_MS,
  ) {}

  get configured(): boolean {
    const { token, url } = this.config();
    return Boolean(token?.trim() || url);
  }

  /** The token usable right now without waiting, if any. Throws for a bad fixed token. */
  current(now = Date.now()): DeveloperToken | undefined {
    const token = this.config().token?.trim();
    if (token) return this.#parseFixed(token, now);
    if (this.#fetched && this.#fetched.expiresAt - EXPIRY_MARGIN_MS > now) return this.#fetched;
    return undefined;
  }

  /** The token, fetching it when it must come from the URL. */
  async get(signal?: AbortSignal): Promise<DeveloperToken> {
    return this.current() ?? this.#fetchFromUrl(signal);
  }

  /** A fresh token after a 401; undefined when the token is fixed and cannot be refetched. */
  async refresh(signal?: AbortSignal): Promise<DeveloperToken | undefined> {
    if (this.config().token?.trim() || !this.config().url) return undefined;
    this.#fetched = undefined;
    // Apple refused the token: a cached answer would only repeat it.
    return this.#fetchFromUrl(signal, 'no-cache');
  }

  /** Parses `token` once per value; the expiry is still checked against `now` on every use. */
  #parseFixed(token: string, now: number): DeveloperToken {
    if (this.#parsed?.token !== token) {
      try {
        // Parsed as of the epoch: what the token says, whatever the time; expiry is checked below.
        this.#parsed = { token, info: { token, ...parseDeveloperToken(token, 0) } };
      } catch (error) {
        this.#parsed = { token, error };
      }
    }
    if ('error' in this.#parsed) throw this.#parsed.error;
    // The same check and message as parseDeveloperToken's, so a token that expires while the page is open is noticed.
    if (this.#parsed.info.expiresAt <= now) parseDeveloperToken(token, now);
    return { ...this.#parsed.info };
  }

  #fetchFromUrl(signal?: AbortSignal, cache?: RequestCache): Promise<DeveloperToken> {
    const { url } = this.config();
    if (!url) return Promise.reject(new DeveloperTokenError('unavailable', 'No developer token is configured.'));
    this.#pending ??= this.#load(url, signal, cache).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  async #load(url: string, signal?: AbortSignal, cache?: RequestCache): Promise<DeveloperToken> {
    let first: DeveloperToken;
    try {
      first = await this.#fetchOnce(url, signal, cache);
    } catch (error) {
      if (!(error instanceof DeveloperTokenError && error.code === 'expired')) throw error;
      // An expired answer may come from a cache: ask once more, past it.
      return (this.#fetched = await this.#fetchOnce(url, signal, 'no-cache'));
    }
    if (first.expiresAt - Date.now() > URL_RENEWAL_WINDOW_MS) return (this.#fetched = first);
    // A server that renews would have answered a later token: a cache held the old answer, or
    // the server does not renew. Ask once more, past caches, and keep the later of the two.
    const fresh = await this.#fetchOnce(url, signal, 'no-cache').catch(() => undefined);
    return (this.#fetched = fresh && fresh.expiresAt > first.expiresAt ? fresh : first);
  }

  async #fetchOnce(url: string, signal?: AbortSignal, cache?: RequestCache): Promise<DeveloperToken> {
    // One controller for the caller's signal and our own bound, so a silent server never holds anyone.
    const bound = new AbortController();
    const abort = () => bound.abort();
    signal?.addEventListener('abort', abort);
    const timer = setTimeout(abort, this.fetchTimeoutMs);
    try {
      let response: Response;
      let text: string;
      try {
        response = await this.fetchImpl(url, { credentials: 'same-origin', signal: bound.signal, ...(cache ? { cache } : {}) });
        text = response.ok ? await response.text() : '';
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new DeveloperTokenError(
          'unavailable',
          bound.signal.aborted
            ? `The developer token URL did not answer within ${this.fetchTimeoutMs / 1000} s.`
            : 'The developer token URL could not be reached.',
        );
      }
      if (!response.ok) {
        throw new DeveloperTokenError('unavailable', `The developer token URL answered HTTP ${response.status}.`);
      }
      const token = tokenFromResponseText(text);
      return { token, ...parseDeveloperToken(token), fromUrl: true };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }
}
