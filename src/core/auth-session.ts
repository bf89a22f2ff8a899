// The sign-in flow behind <am-auth-provider>, free of Lit and of the DOM tree: the element
// passes its attributes in and turns the values returned here into status, context and events.
import { AppleMusicApi } from './api-client.js';
import { DeveloperTokenSource, type DeveloperToken } from './developer-token-source.js';
import { expiringOnce, type DeveloperTokenExpiring } from './developer-token-expiry.js';
import { endpointProblem } from './endpoint.js';
import { AuthorizationError } from './errors.js';
import { readHandOff } from './hand-off.js';
import { logoutBestEffort } from './logout.js';
import { isAuthorizedStatus, type AuthorizationStatus } from './status.js';
import { TokenStore, type StoredAuthorization } from './token-store.js';
import { TabSync } from './tab-sync.js';
import { failed, type AttemptResult } from './attempt-result.js';
import { DEFAULT_STOREFRONT, SignInAttempt, type AttemptContext, type AuthSessionConfig } from './sign-in-attempt.js';
import type { StatusChangeReason } from '../events.js';

export type { AttemptResult } from './attempt-result.js';
export { DEFAULT_STOREFRONT, type AuthSessionConfig } from './sign-in-attempt.js';

interface Attempt {
  run: SignInAttempt;
  result: Promise<AttemptResult>;
}

export interface AuthSessionOptions {
  config(): AuthSessionConfig;
  /** Status or busy changed; `change` is set when the status did. */
  onChange(change?: { status: AuthorizationStatus; previousStatus: AuthorizationStatus; reason: StatusChangeReason }): void;
  /** The developer token expires soon (once per token and page load); `fromUrl`: its server does not renew it. */
  onTokenExpiring?(expiring: DeveloperTokenExpiring, fromUrl: boolean): void;
  /** The window the popup is opened from and storage events are heard on. */
  win?: Window;
}

/**
 * One provider's sign-in: the developer-token source, the token store, the attempt and its
 * popup, sync with other tabs and providers, the hand-off and the storefront lookup.
 */
export class AuthSession {
  readonly #options: AuthSessionOptions;
  readonly #win: Window;
  readonly #tokens: DeveloperTokenSource;
  #attempt?: Attempt;
  /** Counts sign-outs, so an attempt can tell one happened while it waited. */
  #signOuts = 0;
  #status: AuthorizationStatus = 'not-determined';
  #store?: TokenStore;
  #client?: AppleMusicApi;
  readonly #tabs: TabSync;
  #storefrontLookup?: Promise<unknown>;
  #connected = false;

  constructor(options: AuthSessionOptions) {
    this.#options = options;
    this.#win = options.win ?? window;
    this.#tokens = new DeveloperTokenSource(() => ({
      token: this.#config.developerToken,
      url: this.#config.developerTokenUrl || undefined,
    }));
    this.#tabs = new TabSync(
      this.#win,
      () => this.#store,
      () => void this.sync('other-tab'),
    );
  }

  get #config(): AuthSessionConfig {
    return this.#options.config();
  }

  get status(): AuthorizationStatus {
    return this.#status;
  }

  /** An attempt is in flight. */
  get busy(): boolean {
    return this.#attempt !== undefined;
  }

  get stored(): StoredAuthorization | undefined {
    const token = this.#currentToken();
    // Without a usable token right now (a URL token about to be refetched), the last store still holds the sign-in.
    return (token ? this.#storeFor(token) : this.#store)?.read();
  }

  get storefrontId(): string {
    return this.#config.storefront || this.stored?.storefrontId || DEFAULT_STOREFRONT;
  }

  get api(): AppleMusicApi {
    const { apiUrl, developerTokenUrl } = this.#config;
    const refetchable = Boolean(developerTokenUrl);
    if (this.#client?.options.apiUrl !== apiUrl || Boolean(this.#client.options.refreshDeveloperToken) !== refetchable) {
      this.#client = new AppleMusicApi({
        apiUrl,
        getDeveloperToken: async (signal) => (await this.#tokens.get(signal)).token,
        refreshDeveloperToken: refetchable
          ? async (signal) => {
              const fresh = await this.#tokens.refresh(signal);
              if (!fresh) throw new AuthorizationError('no-developer-token', 'The developer token cannot be refetched.');
              return fresh.token;
            }
          : undefined,
        getMusicUserToken: () => this.stored?.musicUserToken,
        getStorefrontId: () => this.storefrontId,
        onUserTokenRejected: () => this.#forgetUser('user-token-rejected'),
      });
    }
    return this.#client;
  }

  connect(): void {
    this.#connected = true;
    this.#tabs.start();
    void this.sync();
  }

  /** Stops listening; `endAttempt` ends an attempt in flight (the owner really left the page). */
  disconnect(): void {
    this.#connected = false;
    this.#tabs.stop();
  }

  /** Ends an attempt in flight as cancelled and closes its popup. */
  endAttempt(): void {
    this.#attempt?.run.popup?.dispose();
  }

  /**
   * Starts an attempt, or joins the one in flight (focusing its popup). Everything before the
   * first `await` runs in the caller's task, so the popup opens inside the user's click.
   */
  authorize(options: { popup?: Window } = {}): Promise<AttemptResult> {
    if (this.#attempt) {
      this.#attempt.run.popup?.focus();
      return this.#attempt.result;
    }
    const run = new SignInAttempt(this.#attemptContext(), options.popup);
    const result = run.end
      .catch((error: unknown) => failed('invalid-response', `The sign-in failed unexpectedly: ${(error as Error)?.message}`, error))
      .then(({ result, status }) => {
        // Busy clears with the status it leaves, so consumers render the end of an attempt once.
        this.#attempt = undefined;
        if (status) this.#setStatus(...status);
        else this.#options.onChange();
        return result;
      });
    this.#attempt = { run, result };
    this.#options.onChange();
    return result;
  }

  /** The developer token, fetched when it comes from a URL (for MusicKit JS). */
  async developerToken(): Promise<string> {
    return (await this.#tokens.get()).token;
  }

  /** Forgets a Music User Token another party found invalid (MusicKit JS), without a logout call. */
  forget(reason: StatusChangeReason): void {
    if (this.stored) this.#forgetUser(reason);
  }

  /** Signs out: storage first, then a logout call nobody waits for. */
  unauthorize(): void {
    const musicUserToken = this.stored?.musicUserToken;
    const developerToken = this.#currentToken();
    this.#forgetUser('unauthorized');
    const { logoutUrl } = this.#config;
    if (!logoutUrl || !musicUserToken || !developerToken) return;
    if (endpointProblem('logout-url', logoutUrl)) return;
    void logoutBestEffort(logoutUrl, developerToken.token, musicUserToken);
  }

  /** Recomputes the status from storage (on load, token change, or another tab's change). */
  async sync(reason: StatusChangeReason = 'stored-token'): Promise<void> {
    let token = this.#currentToken();
    if (!token && this.#config.developerTokenUrl) token = await this.#tokens.get().catch(() => undefined);
    if (!token) {
      // No usable developer token (removed, expired, unreachable): nothing can be called as this user.
      if (isAuthorizedStatus(this.#status)) this.#setStatus('not-determined', 'developer-token-changed');
      return;
    }
    const expiring = expiringOnce(token);
    if (expiring) this.#options.onTokenExpiring?.(expiring, Boolean(token.fromUrl));
    if (this.#takeHandOff(token)) return;
    const stored = this.#storeFor(token).read();
    if (stored && !stored.storefrontId) this.#learnStorefront(token);
    if (stored) this.#setStatus(stored.restricted ? 'restricted' : 'authorized', reason);
    else if (isAuthorizedStatus(this.#status)) this.#setStatus('not-determined', reason);
  }

  #attemptContext(): AttemptContext {
    const signOuts = this.#signOuts;
    return {
      win: this.#win,
      tokens: this.#tokens,
      config: () => this.#config,
      stored: (token) => this.#storeFor(token).read(),
      fetchStorefront: (musicUserToken) => this.#fetchStorefront(musicUserToken),
      keep: (token, auth) => {
        if (signOuts !== this.#signOuts || !this.#connected) {
          return 'Signed out, or the provider was removed, while the new sign-in was checked; it was not kept.';
        }
        // A sign-in belongs to the team it was started for: kept only if the provider still has that team.
        if (this.#currentTeamId() !== token.teamId.toLowerCase()) {
          return 'The developer token changed to another team while the popup was open; the sign-in was not kept.';
        }
        this.#storeFor(token).write(auth);
        this.#tabs.announce();
        return undefined;
      },
    };
  }

  #currentToken(): DeveloperToken | undefined {
    try {
      return this.#tokens.current();
    } catch {
      return undefined;
    }
  }

  #currentTeamId(): string | undefined {
    return this.#currentToken()?.teamId.toLowerCase() ?? (this.#tokens.configured ? this.#store?.teamId : undefined);
  }

  #storeFor(token: DeveloperToken): TokenStore {
    const { storage } = this.#config;
    if (!this.#store || this.#store.teamId !== token.teamId.toLowerCase() || this.#store.requested !== storage) {
      this.#store = new TokenStore(token.teamId, storage);
    }
    return this.#store;
  }

  /**
   * A `#<base64>` redirect hand-off (docs/protocol.md, "Hand-off"), accepted only when the page
   * opted in and nobody is signed in: a crafted link must not sign a visitor into someone
   * else's account. The fragment is removed either way.
   */
  #takeHandOff(token: DeveloperToken): boolean {
    const handOff = readHandOff(this.#win.location.hash);
    if (!handOff) return false;
    const { history, location } = this.#win;
    history.replaceState(history.state, '', location.pathname + location.search);
    if (!this.#config.acceptHandOff || this.#storeFor(token).read()) return false;
    this.#storeFor(token).write(handOff);
    this.#tabs.announce();
    this.#setStatus(handOff.restricted ? 'restricted' : 'authorized', 'hand-off');
    this.#learnStorefront(token);
    return true;
  }

  /**
   * A sign-in that came without a storefront (the hand-off, or MusicKit's storage without
   * `itua`) asks `/v1/me/storefront` once, as MusicKit does after authorizing. A 403 here signs
   * the user out through the API client; other failures leave the default.
   */
  #learnStorefront(token: DeveloperToken): void {
    if (this.#storefrontLookup) return;
    this.#storefrontLookup = this.#fetchStorefront()
      .then((storefrontId) => {
        const stored = this.#storeFor(token).read();
        if (storefrontId && stored && !stored.storefrontId) {
          this.#storeFor(token).write({ ...stored, storefrontId });
          this.#options.onChange();
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
    this.#tabs.announce();
    this.#setStatus('not-determined', reason);
  }

  #setStatus(status: AuthorizationStatus, reason: StatusChangeReason): void {
    const previousStatus = this.#status;
    this.#status = status;
    this.#options.onChange(previousStatus !== status ? { status, previousStatus, reason } : undefined);
  }
}
