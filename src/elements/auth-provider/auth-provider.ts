import { LitElement, html, css } from 'lit';
import { ContextProvider } from '@lit/context';
import { authContext, type AuthController, type AuthState } from '../../context.js';
import { emit, type StatusChangeReason } from '../../events.js';
import { AppleMusicApi } from '../../core/api-client.js';
import { buildAuthorizeUrl, buildThirdPartyInfo, authorizeOriginOf, findAppIcon, DEFAULT_AUTHORIZE_URL } from '../../core/authorize-url.js';
import { DeveloperTokenSource, type DeveloperToken } from '../../core/developer-token-source.js';
import { expiringMessage, expiringOnce } from '../../core/developer-token-expiry.js';
import { readHandOff } from '../../core/hand-off.js';
import { DEFAULT_LOGOUT_URL, logoutBestEffort } from '../../core/logout.js';
import { AuthorizationError } from '../../core/errors.js';
import { DEFAULT_POPUP_TIMEOUT_MS, PopupSession, openAuthorizePopup, type PopupOutcome } from '../../core/popup-session.js';
import { isAuthorizedStatus, type AuthorizationStatus } from '../../core/status.js';
import { TokenStore, type StorageKind, type StoredAuthorization } from '../../core/token-store.js';
import { reportOutcome } from './outcome.js';

export const DEFAULT_API_URL = 'https://api.music.apple.com';
const DEFAULT_STOREFRONT = 'us';
const SYNC_CHANNEL = 'am-elements:auth';

interface Attempt {
  promise: Promise<string>;
  session?: PopupSession;
}

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
 * @fires am-developer-token-expiring - Once per page load and token, with a console warning, when the developer token expires within 14 days (a token from `developer-token-url`: within 7 days even when fetched again, i.e. its server does not renew it). Detail `{expiresAt, daysLeft}`.
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
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The developer token (a JWT signed with your MusicKit key). */
  declare developerToken?: string;

  /** A URL answering the developer token as text or `{"token": "..."}`; fetched when needed. */
  declare developerTokenUrl?: string;

  /** Icon shown on Apple's consent screen; discovered from the page's `link` rels when unset. */
  declare appIcon?: string;

  /** Storefront override; else the user's storefront from `/v1/me/storefront`, else `us`. */
  declare storefront?: string;

  /** Where the Music User Token is kept: `local`, `session` or `memory`. */
  storage: StorageKind = 'local';

  /** Apple's authorize page; its origin is the only one whose messages count. */
  authorizeUrl: string = DEFAULT_AUTHORIZE_URL;

  /** Apple Music API base URL. */
  apiUrl: string = DEFAULT_API_URL;

  /** Best-effort logout endpoint called on sign-out; an empty attribute disables the call. */
  logoutUrl: string = DEFAULT_LOGOUT_URL;

  /** Milliseconds before an unanswered popup counts as cancelled. */
  popupTimeout: number = DEFAULT_POPUP_TIMEOUT_MS;

  #status: AuthorizationStatus = 'not-determined';
  /** An attempt is in flight (published to the buttons); set through #setBusy. */
  #busy = false;

  readonly #context = new ContextProvider(this, { context: authContext });
  readonly #tokens = new DeveloperTokenSource(() => ({
    token: this.developerToken || undefined,
    url: this.developerTokenUrl || undefined,
  }));
  #store?: TokenStore;
  #attempt?: Attempt;
  #client?: AppleMusicApi;
  #published?: AuthState;
  /** Counts sign-outs, so an attempt can tell one happened while it waited. */
  #signOuts = 0;
  #storefrontLookup?: Promise<unknown>;
  #channel?: BroadcastChannel;

  /** The authorization status (MusicKit's values); reflected to the `status` attribute. */
  get status(): AuthorizationStatus {
    return this.#status;
  }

  /** Signed in, restricted or not. */
  get isAuthorized(): boolean {
    return isAuthorizedStatus(this.#status);
  }

  /** The Music User Token, when signed in. Never reflected or logged. */
  get musicUserToken(): string | undefined {
    return this.#stored()?.musicUserToken;
  }

  /** The storefront API calls use: the `storefront` attribute, the user's, or `us`. */
  get storefrontId(): string {
    return this.storefront || this.#stored()?.storefrontId || DEFAULT_STOREFRONT;
  }

  /** Whether the user's account is restricted (explicit content off). */
  get restricted(): boolean {
    return this.#stored()?.restricted ?? false;
  }

  /** The Apple Music API client (MusicKit v3's `music()` shape). */
  get api(): AppleMusicApi {
    const refetchable = Boolean(this.developerTokenUrl);
    if (this.#client?.options.apiUrl !== this.apiUrl || Boolean(this.#client.options.refreshDeveloperToken) !== refetchable) {
      this.#client = new AppleMusicApi({
        apiUrl: this.apiUrl,
        getDeveloperToken: async (signal) => (await this.#tokens.get(signal)).token,
        refreshDeveloperToken: refetchable
          ? async (signal) => {
              const fresh = await this.#tokens.refresh(signal);
              if (!fresh) throw new AuthorizationError('no-developer-token', 'The developer token cannot be refetched.');
              return fresh.token;
            }
          : undefined,
        getMusicUserToken: () => this.musicUserToken,
        getStorefrontId: () => this.storefrontId,
        onUserTokenRejected: () => this.#forgetUser('user-token-rejected'),
      });
    }
    return this.#client;
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

  authorizeFrom(origin: Element, options: { popup?: Window } = {}): Promise<string> {
    if (this.#attempt) {
      this.#attempt.session?.focus();
      return this.#attempt.promise;
    }
    const attempt: Attempt = { promise: Promise.resolve('') };
    this.#attempt = attempt;
    this.#setBusy(true);
    attempt.promise = this.#runAttempt(origin, attempt, options.popup).finally(() => {
      this.#attempt = undefined;
    });
    return attempt.promise;
  }

  async unauthorizeFrom(origin: Element): Promise<void> {
    const musicUserToken = this.musicUserToken;
    const developerToken = this.#currentToken();
    this.#forgetUser('unauthorized');
    emit(origin, 'am-unauthorize', {});
    if (this.logoutUrl && musicUserToken && developerToken) {
      // Not awaited: signing out must not wait on (or fail because of) Apple's endpoint.
      void logoutBestEffort(this.logoutUrl, developerToken.token, musicUserToken);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.#onStorage);
    // Storage events reach other documents only; the channel also reaches other providers
    // on this page (and sessionStorage or memory users).
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(SYNC_CHANNEL);
      this.#channel.onmessage = (event: MessageEvent) => {
        if (event.data?.teamId === this.#store?.teamId) void this.#syncFromStorage('other-tab');
      };
    }
    void this.#syncFromStorage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.#onStorage);
    this.#channel?.close();
    this.#channel = undefined;
    // A framework moving the provider reconnects it at once: only a real removal ends the attempt.
    queueMicrotask(() => {
      if (!this.isConnected) this.#attempt?.session?.dispose();
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (this.hasUpdated && (changed.has('developerToken') || changed.has('developerTokenUrl') || changed.has('storage'))) {
      void this.#syncFromStorage('developer-token-changed');
    }
    const value: AuthState = {
      status: this.#status,
      isAuthorized: this.isAuthorized,
      busy: this.#busy,
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
    this.setAttribute('status', this.#status);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  // The body of one attempt. Everything before the first `await` runs in the click task,
  // so the popup is opened while the user gesture is still valid.
  async #runAttempt(origin: Element, attempt: Attempt, givenPopup?: Window): Promise<string> {
    let token: DeveloperToken | undefined;
    try {
      token = this.#tokens.current();
    } catch (error) {
      return this.#fail(origin, new AuthorizationError('no-developer-token', (error as Error).message, { cause: error }));
    }
    if (!token && !this.#tokens.configured) {
      return this.#fail(origin, new AuthorizationError('no-developer-token', 'Set developer-token or developer-token-url on <am-auth-provider>.'));
    }
    const storedNow = token && this.#storeFor(token).read();
    if (storedNow) return this.#succeed(origin, storedNow, true);

    const authorizeOrigin = authorizeOriginOf(this.authorizeUrl);
    if (!authorizeOrigin) {
      return this.#fail(origin, new AuthorizationError('invalid-response', `authorize-url "${this.authorizeUrl}" is not an http(s) URL.`));
    }
    const popup = givenPopup ?? openAuthorizePopup(token ? this.#popupUrl(token) : 'about:blank');
    if (!popup) {
      return this.#fail(origin, new AuthorizationError('popup-blocked', 'The browser blocked the Apple Music popup. Allow popups for this site, or call authorize() from a click.'));
    }
    if (!token || givenPopup) {
      try {
        token ??= await this.#tokens.get();
      } catch (error) {
        closeQuietly(popup);
        return this.#fail(origin, new AuthorizationError('no-developer-token', (error as Error).message, { cause: error }));
      }
      const stored = this.#storeFor(token).read();
      if (stored || !this.isConnected) closeQuietly(popup);
      if (stored) return this.#succeed(origin, stored, true);
      if (!this.isConnected) {
        return this.#fail(origin, new AuthorizationError('cancelled', 'The <am-auth-provider> was removed from the page.'));
      }
      popup.location.href = this.#popupUrl(token);
    }
    attempt.session = new PopupSession({
      popup,
      authorizeOrigin,
      thirdPartyInfo: buildThirdPartyInfo(this.#thirdPartyInput(token)),
      timeoutMs: this.popupTimeout,
    });
    return this.#settle(origin, token, await attempt.session.outcome);
  }

  async #settle(origin: Element, token: DeveloperToken, outcome: PopupOutcome): Promise<string> {
    if (outcome.kind === 'invalid-response') {
      return this.#fail(origin, new AuthorizationError('invalid-response', outcome.message));
    }
    if (outcome.kind !== 'authorized') {
      this.#setBusy(false);
      const { error, status } = reportOutcome(this.#reachable(origin), outcome);
      if (status) this.#setStatus(status, outcome.kind === 'declined' ? 'declined' : 'unavailable');
      throw error;
    }
    let storefrontId: string | undefined;
    const signOuts = this.#signOuts;
    try {
      storefrontId = await this.#fetchStorefront(outcome.musicUserToken);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) {
        return this.#fail(origin, new AuthorizationError('invalid-response', `Apple rejected the new Music User Token (HTTP ${status}); it was not kept.`, { cause: error }));
      }
      // Network trouble or 5xx: the token is fine, only the storefront is unknown.
    }
    if (signOuts !== this.#signOuts || !this.isConnected) {
      return this.#fail(origin, new AuthorizationError('cancelled', 'Signed out, or the provider was removed, while the new sign-in was checked; it was not kept.'));
    }
    const auth: StoredAuthorization = { musicUserToken: outcome.musicUserToken, restricted: outcome.restricted, storefrontId, cid: outcome.cid };
    this.#storeFor(token).write(auth);
    this.#announce();
    return this.#succeed(origin, auth, false);
  }

  // #succeed and #fail end an attempt: clearing busy here puts it in the same update as the
  // status, instead of one more render of every consumer from the promise's `finally`.
  #succeed(origin: Element, auth: StoredAuthorization, fromStorage: boolean): string {
    this.#setBusy(false);
    origin = this.#reachable(origin);
    this.#setStatus(auth.restricted ? 'restricted' : 'authorized', fromStorage ? 'stored-token' : 'authorized');
    emit(origin, 'am-authorize', {
      musicUserToken: auth.musicUserToken,
      restricted: auth.restricted,
      storefrontId: this.storefront || auth.storefrontId || DEFAULT_STOREFRONT,
      cid: auth.cid ?? '',
      fromStorage,
    });
    return auth.musicUserToken;
  }

  #fail(origin: Element, error: AuthorizationError): never {
    this.#setBusy(false);
    origin = this.#reachable(origin);
    emit(origin, 'am-error', { code: error.code, message: error.message, error });
    throw error;
  }

  /** The element to dispatch an outcome from: the one that started it, or the provider if it left the page. */
  #reachable(origin: Element): Element {
    return origin.isConnected || !this.isConnected ? origin : this;
  }

  #popupUrl(token: DeveloperToken): string {
    return buildAuthorizeUrl({ ...this.#thirdPartyInput(token), authorizeUrl: this.authorizeUrl, referrer: location.href });
  }

  #thirdPartyInput(token: DeveloperToken) {
    return { developerToken: token.token, host: location.host, iconUrl: this.appIcon || findAppIcon(document) };
  }

  #currentToken(): DeveloperToken | undefined {
    try {
      return this.#tokens.current();
    } catch {
      return undefined;
    }
  }

  #storeFor(token: DeveloperToken): TokenStore {
    if (!this.#store || this.#store.teamId !== token.teamId.toLowerCase() || this.#store.requested !== this.storage) {
      this.#store = new TokenStore(token.teamId, this.storage);
    }
    return this.#store;
  }

  #stored(): StoredAuthorization | undefined {
    const token = this.#currentToken();
    // Without a usable token right now (a URL token about to be refetched), the last store still holds the sign-in.
    return (token ? this.#storeFor(token) : this.#store)?.read();
  }

  /** Recomputes the status from storage (on load, token change, or another tab's change). */
  async #syncFromStorage(reason: StatusChangeReason = 'stored-token'): Promise<void> {
    let token = this.#currentToken();
    if (!token && this.developerTokenUrl) token = await this.#tokens.get().catch(() => undefined);
    if (!token) {
      // No usable developer token (removed, expired, unreachable): nothing can be called as this user.
      if (this.isAuthorized) this.#setStatus('not-determined', 'developer-token-changed');
      return;
    }
    this.#warnIfExpiring(token);
    if (this.#acceptHandOff(token)) return;
    const stored = this.#storeFor(token).read();
    if (stored && !stored.storefrontId) this.#learnStorefront(token);
    if (stored) this.#setStatus(stored.restricted ? 'restricted' : 'authorized', reason);
    else if (this.isAuthorized) this.#setStatus('not-determined', reason);
  }

  /** Warns before the developer token breaks sign-in (README, "Developer tokens"). */
  #warnIfExpiring(token: DeveloperToken): void {
    const expiring = expiringOnce(token);
    if (!expiring) return;
    console.warn(expiringMessage(expiring, token.fromUrl));
    emit(this, 'am-developer-token-expiring', expiring);
  }

  /** SPEC §1.6: a `#<base64>` hand-off from a redirect sign-in, stored then removed from the URL. */
  #acceptHandOff(token: DeveloperToken): boolean {
    const handOff = readHandOff(location.hash);
    if (!handOff) return false;
    this.#storeFor(token).write(handOff);
    this.#announce();
    history.replaceState(history.state, '', location.pathname + location.search);
    this.#setStatus(handOff.restricted ? 'restricted' : 'authorized', 'hand-off');
    this.#learnStorefront(token);
    return true;
  }

  /**
   * A sign-in that came without a storefront (the #hand-off, or MusicKit's storage without
   * `itua`) asks `/v1/me/storefront` once, as MusicKit does after authorizing. A 403 here signs
   * the user out through the API client; other failures leave the default.
   */
  #learnStorefront(token: DeveloperToken): void {
    this.#storefrontLookup ??= this.#fetchStorefront()
      .then((storefrontId) => {
        const stored = this.#storeFor(token).read();
        if (storefrontId && stored && !stored.storefrontId) {
          this.#storeFor(token).write({ ...stored, storefrontId });
          this.requestUpdate();
        }
      })
      .catch(() => undefined)
      .finally(() => (this.#storefrontLookup = undefined));
  }

  /** The user's storefront from `/v1/me/storefront` (with `musicUserToken`, else the stored one); undefined when Apple names none. */
  async #fetchStorefront(musicUserToken?: string): Promise<string | undefined> {
    const { data } = await this.api.music<{ data?: { id?: unknown }[] }>('/v1/me/storefront', undefined, { musicUserToken });
    const id = data?.data?.[0]?.id;
    return typeof id === 'string' ? id : undefined;
  }

  #forgetUser(reason: StatusChangeReason): void {
    this.#store?.clear();
    this.#signOuts++;
    this.#announce();
    this.#setStatus('not-determined', reason);
  }

  /** Tells other providers (this page and other tabs) that the stored sign-in changed; never the token. */
  #announce(): void {
    this.#channel?.postMessage({ teamId: this.#store?.teamId });
  }

  readonly #onStorage = (event: StorageEvent): void => {
    if (this.#store?.concerns(event.key) && event.storageArea === this.#store.area) {
      void this.#syncFromStorage('other-tab');
    }
  };

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.requestUpdate();
  }

  #setStatus(status: AuthorizationStatus, reason: StatusChangeReason): void {
    const previousStatus = this.#status;
    this.#status = status;
    this.requestUpdate();
    if (previousStatus !== status) emit(this, 'am-status-change', { status, previousStatus, reason });
  }
}

function closeQuietly(popup: Window): void {
  try {
    popup.close();
  } catch {
    // Already gone.
  }
}
