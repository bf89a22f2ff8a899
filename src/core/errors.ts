/** Why an `authorize()` attempt failed; stable values callers can branch on. */
export type AuthorizationErrorCode =
  | 'declined'
  | 'unavailable'
  | 'cancelled'
  | 'popup-blocked'
  | 'timeout'
  | 'no-developer-token'
  | 'invalid-developer-token'
  | 'invalid-response';

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

/** One entry of Apple's `{"errors": [...]}` body (SPEC §1.8); `status` and `code` are strings. */
export interface AppleMusicErrorObject {
  id?: string;
  title?: string;
  detail?: string;
  status?: string;
  code?: string;
  source?: { parameter?: string; pointer?: string };
}

/** A failed Apple Music API call. `status` is 0 for network failures and aborted requests. */
export class AppleMusicApiError extends Error {
  override name = 'AppleMusicApiError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: AppleMusicErrorObject[];

  constructor(
    init: { status: number; message?: string; errors?: AppleMusicErrorObject[] },
    options?: { cause?: unknown },
  ) {
    const first = init.errors?.[0];
    const title = first?.title ?? (init.status ? `HTTP ${init.status}` : 'Network error');
    const detail = first?.detail ?? init.message ?? '';
    super(detail ? `${title}: ${detail}` : title, options);
    this.status = init.status;
    this.code = first?.code ?? (init.status ? String(init.status * 100) : 'NETWORK');
    this.title = title;
    this.detail = detail;
    this.errors = init.errors ?? [];
  }
}
