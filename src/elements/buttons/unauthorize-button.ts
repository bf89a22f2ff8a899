import { svg } from 'lit';
import type { AuthState } from '../../context.js';
import { AuthButtonBase } from './button-base.js';

const signOutIcon = svg`<svg viewBox="0 0 24 24" focusable="false"><path d="M10 3h8a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-8v-2h8V5h-8V3zm-1.6 4.6L9.8 9l-2 2H15v2H7.8l2 2-1.4 1.4L4 12l4.4-4.4z"/></svg>`;

/**
 * A native button that signs the user out through the nearest `<am-auth-provider>`. Disabled
 * unless signed in.
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
 * @cssprop [--am-accent=#d60017] - Button background.
 * @cssprop [--am-on-accent=#fff] - Button text colour.
 * @cssprop [--am-radius=999px] - Corner radius.
 * @cssprop [--am-font=system-ui, -apple-system, sans-serif] - Font family.
 *
 * @fires am-unauthorize - Signed out.
 */
export class AmUnauthorizeButton extends AuthButtonBase {
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
    this.#signingOut = true;
    this.requestUpdate();
    void auth.controller.unauthorizeFrom(this).finally(() => {
      this.#signingOut = false;
      this.requestUpdate();
    });
  }
}
