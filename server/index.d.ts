// Types of am-elements/server. Written by hand and kept honest by the type check, which
// checks the implementation (handler.js, node-listener.js, sign.js) against them.

/** Options of {@link createDeveloperTokenHandler}. */
export interface DeveloperTokenHandlerOptions {
  /** Your 10-character Apple Developer team id (the token's `iss`). */
  teamId: string;
  /** The 10-character id of your MusicKit key (the token's `kid`). */
  keyId: string;
  /**
   * The text of your `AuthKey_XXXXXXXXXX.p8` file (PKCS#8 PEM, EC P-256). Literal `\n`
   * sequences, as some environment-variable editors store line breaks, are accepted.
   */
  privateKey: string | Uint8Array;
  /**
   * Web origins allowed to use the token, e.g. `['https://example.com']`: written to the
   * token's `origin` claim, and the only origins answered with CORS headers. Omit for a
   * same-origin endpoint and a token without origin restriction.
   */
  origins?: readonly string[];
  /** Lifetime of each token: `180d` (default), `12h`, `3600s` or seconds; at most about 181 days. */
  expiresIn?: string | number;
  /** How long before expiry a new token is signed: `7d` (default; half the lifetime when that is shorter), or seconds. */
  renewBefore?: string | number;
  /** The current time in milliseconds (default `Date.now`); for tests. */
  now?: () => number;
}

/** A WHATWG fetch handler, as Next.js, SvelteKit, Remix, Cloudflare Workers, Deno and Bun use. */
export type DeveloperTokenHandler = (request: Request) => Promise<Response>;
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * A handler answering `GET` (and `HEAD`) with `{"token": "…"}`, as `developer-token-url`
 * expects. It signs once, re-signs `renewBefore` ahead of expiry (concurrent requests share one
 * signature), sets `Cache-Control` no longer than the token stays fresh (at most an hour),
 * answers CORS (and `OPTIONS` preflights) only for `origins`, and answers other methods with
 * 405. Throws {@link DeveloperTokenOptionsError} at once for a bad option or key.
 */
export function createDeveloperTokenHandler(options: DeveloperTokenHandlerOptions): DeveloperTokenHandler;

/** What {@link toNodeListener} reads of a `node:http` IncomingMessage (or an Express request). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  /** Express: the URL before mounting. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  /** `encrypted` is read from it (true under node:https). */
  socket?: unknown;
}

/** What {@link toNodeListener} uses of a `node:http` ServerResponse (or an Express response). */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string | readonly string[]): unknown;
  write(chunk: Uint8Array): unknown;
  end(chunk?: string): unknown;
}

export type NodeListener = (req: NodeRequestLike, res: NodeResponseLike) => void;

/**
 * Adapts a fetch handler to `node:http` (`http.createServer(toNodeListener(handler))`) and
 * Express (`app.get('/developer-token', toNodeListener(handler))`).
 */
export function toNodeListener(handler: FetchHandler): NodeListener;

/** Options of {@link createDeveloperToken}. */
export interface DeveloperTokenOptions {
  teamId: string;
  keyId: string;
  privateKey: string | Uint8Array;
  origins?: readonly string[];
  expiresIn?: string | number;
  /** Issue time in milliseconds (default now). */
  now?: number;
}

/** Signs one developer token (ES256 JWT), for scripts and server-side rendering. */
export function createDeveloperToken(options: DeveloperTokenOptions): Promise<string>;

/** A refused option. The message says what is wrong and never contains the key. */
export class DeveloperTokenOptionsError extends Error {
  constructor(message: string, code?: DeveloperTokenOptionsError['code']);
  readonly code: 'invalid-team-id' | 'invalid-key-id' | 'invalid-key' | 'invalid-lifetime' | 'invalid-origin' | 'invalid-option';
}
