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
 * @cssprop [--am-accent=#d60017] - Button background and default focus ring; keep at least 4.5:1 against `--am-on-accent` (the default has 5.4:1 with white).
 * @cssprop [--am-on-accent=#fff] - Button text and icon colour.
 * @cssprop [--am-focus-ring=var(--am-accent, #d60017)] - Focus outline colour (2px, offset 2px); keep at least 3:1 against the page.
 * @cssprop [--am-radius=999px] - Corner radius.
 * @cssprop [--am-font=system-ui, -apple-system, sans-serif] - Font family.
 * @cssprop [--am-space-2=0.5rem] - Gap between icon and label.
 * @cssprop [--am-space-4=1rem] - Horizontal padding.
 * @cssprop [--am-button-background=var(--am-accent, #d60017)] - This button's background only (any `background` value, e.g. a gradient).
 * @cssprop [--am-button-color=var(--am-on-accent, #fff)] - This button's text colour only.
 * @cssprop [--am-button-border-color=transparent] - Border colour (1px).
 * @cssprop [--am-button-font=600 0.9375rem/1.2 var(--am-font, system-ui, -apple-system, sans-serif)] - The whole `font` shorthand.
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
