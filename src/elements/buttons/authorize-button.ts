import type { AuthState } from '../../context.js';
import { AuthButtonBase } from '../../internal/button-base.js';
import { hiddenWhenSignedIn } from '../../internal/button.styles.js';
import { noteIcon } from './note-icon.js';

/**
 * A native button that signs the user in with Apple Music through the nearest
 * `<am-auth-provider>`. Outcome events are dispatched from this element. It hides itself while
 * the user is signed in (status `authorized` or `restricted`), so with `<am-unauthorize-button>`
 * beside it the pair acts as one toggle; `persistent` keeps it visible.
 *
 * Accessibility: busy is `aria-busy` plus `aria-disabled` (the button keeps focus while the popup
 * is open, and gets it back when the popup closes; once signed in, focus moves to the
 * `<am-unauthorize-button>` that appeared). A visually hidden `role="status"` region announces
 * sign-in and sign-out (`connected-text`, `disconnected-text`); of all buttons of a provider,
 * the first visible one speaks.
 *
 * @tagname am-authorize-button
 * @summary "Connect Apple Music" button.
 *
 * @slot - The label. Default "Connect Apple Music".
 *
 * @csspart button - The native `<button>`.
 * @csspart icon - The icon before the label (hidden while busy).
 * @csspart label - The label wrapper.
 * @csspart spinner - Shown instead of the icon while an attempt is in flight (it pulses instead of spinning under `prefers-reduced-motion: reduce`).
 *
 * @fires am-authorize - Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`.
 * @fires am-decline - The user declined.
 * @fires am-unavailable - Apple Music is unavailable to this user.
 * @fires am-cancel - Popup closed, account switch, or timeout. Detail `{reason, message}`.
 * @fires am-error - Popup blocked, no developer token, or an unusable answer. Detail `{code, message, error}`.
 */
export class AmAuthorizeButton extends AuthButtonBase {
  static override styles = [AuthButtonBase.styles, hiddenWhenSignedIn];
  protected readonly defaultLabel = 'Connect Apple Music';
  protected readonly icon = noteIcon;

  protected isEnabled(): boolean {
    return true;
  }

  protected isBusy(): boolean {
    return this.auth?.busy ?? false;
  }

  protected activate(auth: AuthState): void {
    // Signed in, this button hides itself (unless persistent): focus goes to Disconnect.
    const keepFocus = this.keepFocus('am-unauthorize-button');
    // The outcome is reported through events; the rejection needs no handler of the page's.
    void auth.controller
      .authorizeFrom(this)
      .catch(() => undefined)
      .finally(keepFocus);
  }
}
