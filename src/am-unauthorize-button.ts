import { defineElement } from './define.js';
import { AmUnauthorizeButton } from './elements/buttons/unauthorize-button.js';

export { AmUnauthorizeButton };
defineElement('am-unauthorize-button', AmUnauthorizeButton);

declare global {
  interface HTMLElementTagNameMap {
    'am-unauthorize-button': AmUnauthorizeButton;
  }
}
