/** Why an `authorize()` attempt failed; stable values callers can branch on. */
export type AuthorizationErrorCode =
  'declined' | 'unavailable' | 'cancelled' | 'popup-blocked' | 'timeout' | 'no-developer-token' | 'invalid-response';

/** Rejection value of `authorize()`. */
export class AuthorizationError extends Error {
  override name = 'AuthorizationError';
  constructor(
    readonly code: AuthorizationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One entry of Apple's `{"errors": [...]}` body (docs/protocol.md, "The API: headers, paging, errors"); `status` and `code` are strings. */
export interface AppleMusicErrorObject {
  id?: string;
  title?: string;
  detail?: string;
  status?: string;
  code?: string;
  source?: { parameter?: string; pointer?: string };
}

/** Reads a string (or number) field of an untrusted error object. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * A failed Apple Music API call. `status` is the HTTP status, or 0 when no response was read
 * (network failure, refused URL, missing Music User Token). `code`, `title` and `detail` come
 * from Apple's first error object when there is one; otherwise `code` is the client's own
 * (`NETWORK`, `NO_USER_TOKEN`, `INVALID_USER_TOKEN`, `CROSS_ORIGIN`, `INVALID_URL`, `INVALID_RESPONSE`) or
 * `status × 100` as a string (`'50300'`), Apple's scheme.
 */
export class AppleMusicApiError extends Error {
  override name = 'AppleMusicApiError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: AppleMusicErrorObject[];

  constructor(
    init: { status: number; code?: string; title?: string; message?: string; errors?: AppleMusicErrorObject[] },
    options?: { cause?: unknown },
  ) {
    const first = init.errors?.[0];
    const title = text(first?.title) ?? init.title ?? (init.status ? `HTTP ${init.status}` : 'Network error');
    const detail = text(first?.detail) ?? init.message ?? '';
    super(detail ? `${title}: ${detail}` : title, options);
    this.status = init.status;
    this.code = init.code ?? text(first?.code) ?? (init.status ? String(init.status * 100) : 'NETWORK');
    this.title = title;
    this.detail = detail;
    this.errors = init.errors ?? [];
  }
}
