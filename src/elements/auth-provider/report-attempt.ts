import { emit } from '../../events.js';
import type { AttemptResult } from '../../core/auth-session.js';

/**
 * Every outcome event of a sign-in attempt leaves from here: exactly one per attempt, from
 * `target`. Returns the Music User Token, or throws the attempt's `AuthorizationError`.
 */
export function reportAttempt(target: Element, ended: AttemptResult): string {
  switch (ended.kind) {
    case 'authorized': {
      const { musicUserToken, restricted, storefrontId, cid } = ended.authorization;
      emit(target, 'am-authorize', { musicUserToken, restricted, storefrontId, cid, fromStorage: ended.fromStorage });
      return musicUserToken;
    }
    case 'declined':
      emit(target, 'am-decline', {});
      break;
    case 'unavailable':
      emit(target, 'am-unavailable', {});
      break;
    case 'cancelled':
      emit(target, 'am-cancel', { reason: ended.reason, message: ended.error.message });
      break;
    case 'failed':
      emit(target, 'am-error', { code: ended.error.code, message: ended.error.message, error: ended.error });
  }
  throw ended.error;
}
