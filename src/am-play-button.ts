import { defineElement } from './define.js';
import { AmPlayButton } from './elements/player/play-button.js';

export { AmPlayButton };
defineElement('am-play-button', AmPlayButton);

declare global {
  interface HTMLElementTagNameMap {
    'am-play-button': AmPlayButton;
  }
}
