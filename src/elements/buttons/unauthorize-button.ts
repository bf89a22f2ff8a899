import { svg } from 'lit';
import type { AuthState } from '../../context.js';
import { AuthButtonBase } from '../../internal/button-base.js';
import { hiddenWhenSignedOut } from '../../internal/button.styles.js';

const signOutIcon = svg`<svg viewBox="0 0 24 24" focusable="false"><path d="M10 3h8a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-8v-2h8V5h-8V3zm-1.6 4.6L9.8 9l-2 2H15v2H7.8l2 2-1.4 1.4L4 12l4.4-4.4z"/></svg>`;

/**
 * A native button that signs the user out through the nearest `<am-auth-provider>`. It hides
 * itself while the user is signed out (so with `<am-authorize-button>` beside it the pair acts as
 * one toggle); with `persistent` it stays visible, disabled unless signed in. After a sign-out
 * from the keyboard, focus moves to the `<am-authorize-button>` that appeared. Like
 * `<am-authorize-button>`, it announces sign-in and sign-out in a visually hidden
 * `role="status"` region when it is the first visible button of its provider.
 *
 * @tagname am-unauthorize-button
 * @summary "Disconnect Apple Music" button.
 *
 * @slot - The label. Default "Disconnect Apple Music".
 *
 * @csspart button - The native `<button>`.
 * @csspart icon - The icon before the label.
 * @csspart label - The label wrapper.
 * @csspart spinner - Shown instead of the icon while signing out.
 *
 * @fires am-unauthorize - Signed out.
 */
export class AmUnauthorizeButton extends AuthButtonBase {
  static override styles = [AuthButtonBase.styles, hiddenWhenSignedOut];
  protected readonly defaultLabel = 'Disconnect Apple Music';
  protected readonly icon = signOutIcon;
  #signingOut = false;

  protected isEnabled(auth: AuthState): boolean {
    return auth.isAuthorized;
  }

  protected isBusy(): boolean {
    return this.#signingOut;
  }

  protected activate(auth: AuthState): void {
    if (this.#signingOut) return;
    this.#signingOut = true;
    this.requestUpdate();
    // Signed out, this button hides itself (or, when persistent, is disabled) and drops focus:
    // hand it to the Connect button.
    const keepFocus = this.keepFocus('am-authorize-button');
    void auth.controller.unauthorizeFrom(this).finally(() => {
      this.#signingOut = false;
      this.requestUpdate();
      return keepFocus();
    });
  }
}
