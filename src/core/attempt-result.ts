import { AuthorizationError, type AuthorizationErrorCode } from './errors.js';
import type { PopupOutcome } from './popup-session.js';
import type { AuthorizationStatus } from './status.js';
import type { AmCancelReason, StatusChangeReason } from '../events.js';
import type { StoredAuthorization } from './token-store.js';

/**
 * How one sign-in attempt ended, as a value: the provider turns it into exactly one outcome
 * event and `authorize()`'s resolution or rejection (`error`).
 */
export type AttemptResult =
  | { kind: 'authorized'; authorization: Required<StoredAuthorization>; fromStorage: boolean }
  | { kind: 'declined' | 'unavailable'; error: AuthorizationError }
  | { kind: 'cancelled'; reason: AmCancelReason; error: AuthorizationError }
  | { kind: 'failed'; error: AuthorizationError };

/** An attempt's result and the status it leaves behind, applied together with clearing busy. */
export interface AttemptEnd {
  result: AttemptResult;
  status?: [AuthorizationStatus, StatusChangeReason];
}

export function failed(code: AuthorizationErrorCode, message: string, cause?: unknown): AttemptEnd {
  return { result: { kind: 'failed', error: new AuthorizationError(code, message, cause === undefined ? undefined : { cause }) } };
}

/** The result of a popup that ended without a sign-in. */
export function unsuccessful(outcome: Exclude<PopupOutcome, { kind: 'authorized' | 'invalid-response' }>): AttemptEnd {
  switch (outcome.kind) {
    case 'declined':
      return {
        result: { kind: 'declined', error: new AuthorizationError('declined', 'The user declined access to Apple Music.') },
        status: ['denied', 'declined'],
      };
    case 'unavailable':
      return {
        result: { kind: 'unavailable', error: new AuthorizationError('unavailable', 'Apple Music is not available to this user.') },
        status: ['unavailable', 'unavailable'],
      };
  }
  // A popup whose opener link is cut (a Cross-Origin-Opener-Policy on it, some extensions)
  // looks closed from here even while it is still on screen.
  const cutOff = outcome.beforeContact
    ? ' Apple’s page never contacted this page: if the popup is still open, a Cross-Origin-Opener-Policy on it or an extension cut its link to this page.'
    : '';
  const error =
    outcome.reason === 'timeout'
      ? new AuthorizationError('timeout', `The Apple Music popup was not answered in time.${cutOff}`)
      : outcome.reason === 'switch-user'
        ? new AuthorizationError('cancelled', 'The user chose to use another account.')
        : new AuthorizationError('cancelled', `The Apple Music popup was closed.${cutOff}`);
  return { result: { kind: 'cancelled', reason: outcome.reason, error } };
}
