import { defineElement } from './define.js';
import { AmAuthProvider } from './elements/auth-provider/auth-provider.js';

export { AmAuthProvider };
defineElement('am-auth-provider', AmAuthProvider);

declare global {
  interface HTMLElementTagNameMap {
    'am-auth-provider': AmAuthProvider;
  }
}
