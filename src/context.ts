import { createContext } from '@lit/context';
import type { AuthorizationStatus } from './core/status.js';
import type { AppleMusicApi } from './core/api-client.js';
import type { PlaybackEngine } from './core/playback/playback-engine.js';

/**
 * What `<am-auth-provider>` offers its consumers. The provider publishes a new object on every
 * change, so consumers that `subscribe` re-render. The Music User Token is deliberately not
 * part of it: consumers call the API through `api` instead of handling the token.
 */
export interface AuthState {
  status: AuthorizationStatus;
  isAuthorized: boolean;
  /** An authorize attempt is in flight (popup open or token being checked). */
  busy: boolean;
  storefrontId: string;
  restricted: boolean;
  controller: AuthController;
}

/** The provider's actions, called by consumers on behalf of the element the user used. */
export interface AuthController {
  readonly api: AppleMusicApi;
  /** The provider's playback engine; undefined until a playback element's module is loaded. */
  readonly player?: PlaybackEngine;
  /** Starts (or joins) an attempt; outcome events are dispatched from `origin`. Opens the popup synchronously. */
  authorizeFrom(origin: Element, options?: { popup?: Window }): Promise<string>;
  /** Signs out; `am-unauthorize` is dispatched from `origin`. */
  unauthorizeFrom(origin: Element): Promise<void>;
}

export const authContext = createContext<AuthState>(Symbol.for('am-elements:auth'));
