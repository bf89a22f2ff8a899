import { emit } from '../../events.js';
import { AuthorizationError } from '../../core/errors.js';
import type { PopupOutcome } from '../../core/popup-session.js';
import type { AuthorizationStatus } from '../../core/status.js';

/** A popup outcome `authorize()` rejects on, except `invalid-response`, which the provider fails like its own errors. */
export type UnsuccessfulOutcome = Exclude<PopupOutcome, { kind: 'authorized' | 'invalid-response' }>;

/**
 * Dispatches the single outcome event for an unsuccessful outcome from `origin`, and returns
 * the rejection value of `authorize()` and the status the outcome implies (undefined when the
 * status does not change).
 */
export function reportOutcome(origin: Element, outcome: UnsuccessfulOutcome): { error: AuthorizationError; status?: AuthorizationStatus } {
  if (outcome.kind === 'declined') {
    emit(origin, 'am-decline', {});
    return { error: new AuthorizationError('declined', 'The user declined access to Apple Music.'), status: 'denied' };
  }
  if (outcome.kind === 'unavailable') {
    emit(origin, 'am-unavailable', {});
    return { error: new AuthorizationError('unavailable', 'Apple Music is not available to this user.'), status: 'unavailable' };
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
  emit(origin, 'am-cancel', { reason: outcome.reason, message: error.message });
  return { error };
}
