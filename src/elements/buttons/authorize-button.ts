import type { AuthState } from '../../context.js';
import { AuthButtonBase } from './button-base.js';
import { noteIcon } from './note-icon.js';

/**
 * A native button that signs the user in with Apple Music through the nearest
 * `<am-auth-provider>`. Outcome events are dispatched from this element.
 *
 * @tagname am-authorize-button
 * @summary "Connect Apple Music" button.
 *
 * @slot - The label. Default "Connect Apple Music".
 *
 * @csspart button - The native `<button>`.
 * @csspart icon - The icon before the label (hidden while busy).
 * @csspart label - The label wrapper.
 * @csspart spinner - Shown instead of the icon while an attempt is in flight.
 *
 * @cssprop [--am-accent=#d60017] - Button background.
 * @cssprop [--am-on-accent=#fff] - Button text colour.
 * @cssprop [--am-radius=999px] - Corner radius.
 * @cssprop [--am-font=system-ui, -apple-system, sans-serif] - Font family.
 *
 * @fires am-authorize - Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`.
 * @fires am-decline - The user declined.
 * @fires am-unavailable - Apple Music is unavailable to this user.
 * @fires am-cancel - Popup closed, account switch, or timeout. Detail `{reason}`.
 * @fires am-error - Popup blocked, no developer token, or an unusable answer. Detail `{code, message, error}`.
 */
export class AmAuthorizeButton extends AuthButtonBase {
  protected readonly defaultLabel = 'Connect Apple Music';
  protected readonly icon = noteIcon;

  protected isEnabled(): boolean {
    return true;
  }

  protected isBusy(): boolean {
    return this.auth?.busy ?? false;
  }

  protected activate(auth: AuthState): void {
    const restoreFocus = this.keepFocus();
    // The outcome is reported through events; the rejection needs no handler of the page's.
    auth.controller.authorizeFrom(this).catch(() => undefined).finally(restoreFocus);
  }
}
