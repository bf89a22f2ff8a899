import { defineElement } from './define.js';
import { AmAuthorizeButton } from './elements/buttons/authorize-button.js';

export { AmAuthorizeButton };
defineElement('am-authorize-button', AmAuthorizeButton);

declare global {
  interface HTMLElementTagNameMap {
    'am-authorize-button': AmAuthorizeButton;
  }
}
