import { html, css } from 'lit';
import { ContextProvider } from '@lit/context';
import { authContext, type AuthController, type AuthState } from '../../context.js';
import { emit } from '../../events.js';
import type { AppleMusicApi } from '../../core/api-client.js';
import { AuthSession, type AttemptResult } from '../../core/auth-session.js';
import { expiringMessage } from '../../core/developer-token-expiry.js';
import type { PlaybackEngine } from '../../core/playback/playback-engine.js';
import { playerSlot } from '../../core/player-slot.js';
import { isAuthorizedStatus, type AuthorizationStatus } from '../../core/status.js';
import { AuthProviderAttributes } from './provider-attributes.js';
import { reportAttempt } from './report-attempt.js';

export { DEFAULT_API_URL } from './provider-attributes.js';

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
 * @fires am-playback-change - Playback changed state (with `<am-player>` or `<am-play-button>` on the page). Detail `{state, mode, item, position, duration}`.
 * @fires am-developer-token-expiring - Once per page load and token, with a console warning, when the developer token expires within 14 days (a token from `developer-token-url`: within 7 days even when fetched again, i.e. its server does not renew it). Detail `{expiresAt, daysLeft}`.
 */
export class AmAuthProvider extends AuthProviderAttributes implements AuthController {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  readonly #context = new ContextProvider(this, { context: authContext });
  readonly #session = new AuthSession({
    config: () => this.sessionConfig(),
    onChange: (change) => {
      this.requestUpdate();
      if (!change) return;
      emit(this, 'am-status-change', change);
      this.#player?.authorizationChanged(this.isAuthorized);
    },
    // Warns before the developer token breaks sign-in (README, "Developer tokens").
    onTokenExpiring: (expiring, fromUrl) => {
      console.warn(expiringMessage(expiring, fromUrl));
      emit(this, 'am-developer-token-expiring', expiring);
    },
  });
  #player?: PlaybackEngine;
  /** The attempt in flight, as `authorize()` answers it: joined calls get the same promise. */
  #pending?: { result: Promise<AttemptResult>; answer: Promise<string> };
  #published?: AuthState;

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

  /** The playback engine, created on first use when the page has playback elements (`<am-player>`, `<am-play-button>`). */
  get player(): PlaybackEngine | undefined {
    this.#player ??= playerSlot.create?.(this, {
      developerToken: () => this.#session.developerToken(),
      forgetUser: () => this.#session.forget('user-token-rejected'),
    });
    return this.#player;
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

  /**
   * `authorize()` on behalf of another element, for your own sign-in controls (the buttons call
   * it through `authContext`'s `controller`): the outcome event (`am-authorize`, `am-error`) is
   * dispatched from `origin`, or from the provider if `origin` has left the page. Call it from a
   * click handler: the popup is opened synchronously.
   */
  authorizeFrom(origin: Element, options?: { popup?: Window }): Promise<string> {
    const result = this.#session.authorize(options);
    if (this.#pending?.result === result) return this.#pending.answer;
    // The outcome event goes to the element the user used, or to the provider if that element left.
    const answer = result.then((ended) => reportAttempt(origin.isConnected || !this.isConnected ? origin : this, ended));
    this.#pending = { result, answer };
    return answer;
  }

  /** `unauthorize()` on behalf of another element, for your own controls: `am-unauthorize` is dispatched from `origin`. */
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
}
