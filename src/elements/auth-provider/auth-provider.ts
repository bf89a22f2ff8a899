import { LitElement, html, css } from 'lit';
import { ContextProvider } from '@lit/context';
import { authContext, type AuthController, type AuthState } from '../../context.js';
import { emit } from '../../events.js';
import type { AppleMusicApi } from '../../core/api-client.js';
import { DEFAULT_AUTHORIZE_URL } from '../../core/authorize-url.js';
import { AuthSession, type AttemptResult, type AuthSessionConfig } from '../../core/auth-session.js';
import { DEFAULT_LOGOUT_URL } from '../../core/logout.js';
import { DEFAULT_POPUP_TIMEOUT_MS, validPopupTimeout } from '../../core/popup-session.js';
import { isAuthorizedStatus, type AuthorizationStatus } from '../../core/status.js';
import { reportAttempt } from './report-attempt.js';
import type { StorageKind } from '../../core/token-store.js';

export const DEFAULT_API_URL = 'https://api.music.apple.com';

/**
 * Holds the Apple Music authorization state for the elements inside it and speaks Apple's
 * popup protocol itself — MusicKit JS is never loaded.
 *
 * @tagname am-auth-provider
 * @summary Apple Music authorization state and API client for the elements inside it.
 *
 * @slot - The page content: buttons, lists, anything that consumes the state.
 *
 * @fires am-authorize - Signed in (or already was). Detail `{musicUserToken, restricted, storefrontId, cid, fromStorage}`; from the element that started the attempt.
 * @fires am-decline - The user declined in Apple's popup.
 * @fires am-unavailable - Apple says Apple Music is unavailable to this user.
 * @fires am-cancel - The popup was closed, the user switched account, or it timed out. Detail `{reason, message}`: `reason` is `closed`, `switch-user` or `timeout`; `message` explains (e.g. a popup cut off by a Cross-Origin-Opener-Policy).
 * @fires am-error - The popup was blocked, no usable developer token, or Apple's answer was unusable. Detail `{code, message, error}`.
 * @fires am-unauthorize - Signed out.
 * @fires am-status-change - The authorization status changed. Detail `{status, previousStatus, reason?}`.
 */
export class AmAuthProvider extends LitElement implements AuthController {
  static override properties = {
    developerToken: { attribute: 'developer-token' },
    developerTokenUrl: { attribute: 'developer-token-url' },
    appIcon: { attribute: 'app-icon' },
    storefront: {},
    storage: {},
    authorizeUrl: { attribute: 'authorize-url' },
    apiUrl: { attribute: 'api-url' },
    logoutUrl: { attribute: 'logout-url' },
    popupTimeout: { attribute: 'popup-timeout', type: Number },
    acceptHandOff: { attribute: 'accept-hand-off', type: Boolean },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The developer token (a JWT signed with your MusicKit key); surrounding whitespace is ignored. */
  declare developerToken?: string;

  /** A URL answering the developer token as text or `{"token": "..."}`; fetched when needed. */
  declare developerTokenUrl?: string;

  /** Icon shown on Apple's consent screen; discovered from the page's `link` rels when unset. */
  declare appIcon?: string;

  /** Storefront override; else the user's storefront from `/v1/me/storefront`, else `us`. */
  declare storefront?: string;

  /** Where the Music User Token is kept: `local`, `session` or `memory`. */
  storage: StorageKind = 'local';

  /** Apple's authorize page; its origin is the only one whose messages count. `https:` only (`http:` on loopback hosts). */
  authorizeUrl: string = DEFAULT_AUTHORIZE_URL;

  /** Apple Music API base URL. `https:` only (`http:` on loopback hosts). */
  apiUrl: string = DEFAULT_API_URL;

  /** Best-effort logout endpoint called on sign-out; an empty attribute disables the call. */
  logoutUrl: string = DEFAULT_LOGOUT_URL;

  /** Milliseconds before an unanswered popup counts as cancelled: a whole number from 1 to 2147483647, else ignored with a console warning. */
  popupTimeout: number = DEFAULT_POPUP_TIMEOUT_MS;

  /** Accept a sign-in handed over in the URL's `#fragment` by a redirect (never over an existing sign-in). */
  acceptHandOff = false;

  readonly #context = new ContextProvider(this, { context: authContext });
  readonly #session = new AuthSession({
    config: () => this.#config(),
    onChange: (change) => {
      this.requestUpdate();
      if (change) emit(this, 'am-status-change', change);
    },
  });
  /** The attempt in flight, as `authorize()` answers it: joined calls get the same promise. */
  #pending?: { result: Promise<AttemptResult>; answer: Promise<string> };
  #published?: AuthState;
  #warnedTimeout?: unknown;

  /** The authorization status (MusicKit's values); reflected to the `status` attribute. */
  get status(): AuthorizationStatus {
    return this.#session.status;
  }

  /** Signed in, restricted or not. */
  get isAuthorized(): boolean {
    return isAuthorizedStatus(this.status);
  }

  /** The Music User Token, when signed in. Never reflected or logged. */
  get musicUserToken(): string | undefined {
    return this.#session.stored?.musicUserToken;
  }

  /** The storefront API calls use: the `storefront` attribute, the user's, or `us`. */
  get storefrontId(): string {
    return this.#session.storefrontId;
  }

  /** Whether the user's account is restricted (explicit content off). */
  get restricted(): boolean {
    return this.#session.stored?.restricted ?? false;
  }

  /** The Apple Music API client (MusicKit v3's `music()` shape). */
  get api(): AppleMusicApi {
    return this.#session.api;
  }

  /**
   * Signs the user in. Resolves with the Music User Token — at once when one is stored —
   * and rejects with an `AuthorizationError`. Call it from a click handler: the popup is
   * opened synchronously. A call while a popup is open joins that attempt and focuses it.
   */
  authorize(options?: { popup?: Window }): Promise<string> {
    return this.authorizeFrom(this, options);
  }

  /** Signs the user out: clears the stored token and makes a best-effort logout call. */
  unauthorize(): Promise<void> {
    return this.unauthorizeFrom(this);
  }

  authorizeFrom(origin: Element, options?: { popup?: Window }): Promise<string> {
    const result = this.#session.authorize(options);
    if (this.#pending?.result === result) return this.#pending.answer;
    // The outcome event goes to the element the user used, or to the provider if that element left.
    const answer = result.then((ended) => reportAttempt(origin.isConnected || !this.isConnected ? origin : this, ended));
    this.#pending = { result, answer };
    return answer;
  }

  async unauthorizeFrom(origin: Element): Promise<void> {
    this.#session.unauthorize();
    emit(origin, 'am-unauthorize', {});
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#session.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session.disconnect();
    // A framework moving the provider reconnects it at once: only a real removal ends the attempt.
    queueMicrotask(() => {
      if (!this.isConnected) this.#session.endAttempt();
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (this.hasUpdated && (changed.has('developerToken') || changed.has('developerTokenUrl') || changed.has('storage'))) {
      void this.#session.sync('developer-token-changed');
    }
    const value: AuthState = {
      status: this.status,
      isAuthorized: this.isAuthorized,
      busy: this.#session.busy,
      storefrontId: this.storefrontId,
      restricted: this.restricted,
      controller: this,
    };
    // A new object re-renders every consumer: publish only when something they see changed.
    const last = this.#published;
    if (!last || (Object.keys(value) as (keyof AuthState)[]).some((key) => value[key] !== last[key])) {
      this.#published = value;
      this.#context.setValue(value);
    }
  }

  protected override updated(): void {
    this.setAttribute('status', this.status);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #config(): AuthSessionConfig {
    const popupTimeout = validPopupTimeout(this.popupTimeout);
    if (popupTimeout === undefined && !Object.is(this.#warnedTimeout, this.popupTimeout)) {
      this.#warnedTimeout = this.popupTimeout;
      console.warn(`<am-auth-provider>: popup-timeout must be a whole number of milliseconds from 1 to 2147483647; using ${DEFAULT_POPUP_TIMEOUT_MS}.`);
    }
    const { developerToken, developerTokenUrl, appIcon, storefront, storage, authorizeUrl, apiUrl, logoutUrl, acceptHandOff } = this;
    return { developerToken, developerTokenUrl, appIcon, storefront, storage, authorizeUrl, apiUrl, logoutUrl, acceptHandOff, popupTimeout: popupTimeout ?? DEFAULT_POPUP_TIMEOUT_MS };
  }
}
