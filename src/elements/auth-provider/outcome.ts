import { emit } from '../../events.js';
import { AuthorizationError } from '../../core/errors.js';
import type { PopupOutcome } from '../../core/popup-session.js';
import type { AuthorizationStatus } from '../../core/status.js';

export type UnsuccessfulOutcome = Exclude<PopupOutcome, { kind: 'authorized' }>;

/** The rejection value of `authorize()` for an unsuccessful popup outcome. */
export function outcomeError(outcome: UnsuccessfulOutcome): AuthorizationError {
  switch (outcome.kind) {
    case 'declined':
      return new AuthorizationError('declined', 'The user declined access to Apple Music.');
    case 'unavailable':
      return new AuthorizationError('unavailable', 'Apple Music is not available to this user.');
    case 'invalid-response':
      return new AuthorizationError('invalid-response', outcome.message);
    case 'cancelled': {
      // A popup whose opener link is cut (a Cross-Origin-Opener-Policy on it, some extensions)
      // looks closed from here even while it is still on screen.
      const cutOff = outcome.beforeContact
        ? ' Apple’s page never contacted this page: if the popup is still open, a Cross-Origin-Opener-Policy on it or an extension cut its link to this page.'
        : '';
      if (outcome.reason === 'timeout') {
        return new AuthorizationError('timeout', `The Apple Music popup was not answered in time.${cutOff}`);
      }
      if (outcome.reason === 'switch-user') return new AuthorizationError('cancelled', 'The user chose to use another account.');
      return new AuthorizationError('cancelled', `The Apple Music popup was closed.${cutOff}`);
    }
  }
}

/**
 * Dispatches the single outcome event for an unsuccessful outcome from `origin`, and returns
 * the status it implies (undefined when the status does not change).
 */
export function reportOutcome(origin: Element, outcome: UnsuccessfulOutcome, error: AuthorizationError): AuthorizationStatus | undefined {
  switch (outcome.kind) {
    case 'declined':
      emit(origin, 'am-decline', {});
      return 'denied';
    case 'unavailable':
      emit(origin, 'am-unavailable', {});
      return 'unavailable';
    case 'cancelled':
      emit(origin, 'am-cancel', { reason: outcome.reason, message: error.message });
      return undefined;
    case 'invalid-response':
      emit(origin, 'am-error', { code: error.code, message: error.message, error });
      return undefined;
  }
}
