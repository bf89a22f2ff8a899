import { buildAuthorizeUrl, buildThirdPartyInfo, authorizeOriginOf, findAppIcon, type LinkParameters } from './authorize-url.js';
import type { DeveloperToken, DeveloperTokenSource } from './developer-token-source.js';
import { endpointProblem } from './endpoint.js';
import { PopupSession, openAuthorizePopup, type PopupOutcome } from './popup-session.js';
import type { StorageKind, StoredAuthorization } from './token-store.js';
import { failed, unsuccessful, type AttemptEnd } from './attempt-result.js';

export const DEFAULT_STOREFRONT = 'us';

/** The provider's attributes, read live on every use. */
export interface AuthSessionConfig {
  developerToken?: string;
  developerTokenUrl?: string;
  appIcon?: string;
  storefront?: string;
  storage: StorageKind;
  authorizeUrl: string;
  apiUrl: string;
  logoutUrl: string;
  popupTimeout: number;
  acceptHandOff: boolean;
  linkParameters?: LinkParameters;
}

/** What an attempt needs from the session that runs it. */
export interface AttemptContext {
  readonly win: Window;
  readonly tokens: DeveloperTokenSource;
  config(): AuthSessionConfig;
  /** The sign-in stored for the token's team, if any. */
  stored(token: DeveloperToken): StoredAuthorization | undefined;
  /** `/v1/me/storefront` asked with the new Music User Token. */
  fetchStorefront(musicUserToken: string): Promise<string | undefined>;
  /** Stores the new sign-in, or says why it may no longer be kept (signed out, provider gone, team changed). */
  keep(token: DeveloperToken, auth: StoredAuthorization): string | undefined;
}

/**
 * One sign-in attempt, from the click to its end. The constructor runs up to the first
 * `await` in the caller's task, so the popup opens inside the user's click.
 */
export class SignInAttempt {
  /** The popup and its conversation, once opened; the only owner of that window. */
  popup?: PopupSession;
  readonly end: Promise<AttemptEnd>;
  readonly #context: AttemptContext;

  constructor(context: AttemptContext, givenPopup?: Window) {
    this.#context = context;
    this.end = this.#run(givenPopup);
  }

  async #run(givenPopup?: Window): Promise<AttemptEnd> {
    const { tokens, win } = this.#context;
    let token: DeveloperToken | undefined;
    try {
      token = tokens.current();
    } catch (error) {
      return failed('no-developer-token', (error as Error).message, error);
    }
    if (!token && !tokens.configured) {
      return failed('no-developer-token', 'Set developer-token or developer-token-url on <am-auth-provider>.');
    }
    const storedNow = token && this.#context.stored(token);
    if (storedNow) return this.#signedIn(storedNow, true);

    const { authorizeUrl, popupTimeout } = this.#context.config();
    const refused = endpointProblem('authorize-url', authorizeUrl);
    if (refused) return failed('invalid-response', refused);
    const window = givenPopup ?? openAuthorizePopup(token ? this.#popupUrl(token) : 'about:blank', win);
    if (!window) {
      return failed(
        'popup-blocked',
        'The browser blocked the Apple Music popup. Allow popups for this site, or call authorize() from a click.',
      );
    }
    const waitsForToken = !token || Boolean(givenPopup);
    const popup = (this.popup = new PopupSession({
      popup: window,
      authorizeOrigin: authorizeOriginOf(authorizeUrl)!,
      thirdPartyInfo: waitsForToken ? undefined : this.#thirdPartyInfo(token!),
      timeoutMs: popupTimeout,
      host: win,
    }));
    if (waitsForToken) {
      // The popup's poll and timeout already run: closing it, or a silent token URL, ends the wait.
      const ready = await Promise.race([
        tokens.get().then(
          (value) => ({ token: value }),
          (error: Error) => ({ error }),
        ),
        popup.outcome.then((outcome) => ({ outcome })),
      ]);
      if ('outcome' in ready) return this.#settle(undefined, ready.outcome);
      if ('error' in ready) {
        popup.dispose();
        return failed('no-developer-token', ready.error.message, ready.error);
      }
      token = ready.token;
      const stored = this.#context.stored(token);
      if (stored) {
        popup.dispose();
        return this.#signedIn(stored, true);
      }
      popup.navigate(this.#popupUrl(token), this.#thirdPartyInfo(token));
    }
    return this.#settle(token, await popup.outcome);
  }

  async #settle(token: DeveloperToken | undefined, outcome: PopupOutcome): Promise<AttemptEnd> {
    if (outcome.kind === 'invalid-response') return failed('invalid-response', outcome.message);
    if (outcome.kind !== 'authorized' || !token) return unsuccessful(outcome as Parameters<typeof unsuccessful>[0]);
    let storefrontId: string | undefined;
    try {
      storefrontId = await this.#context.fetchStorefront(outcome.musicUserToken);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) {
        return failed('invalid-response', `Apple rejected the new Music User Token (HTTP ${status}); it was not kept.`, error);
      }
      // Network trouble or 5xx: the token is fine, only the storefront is unknown.
    }
    const auth: StoredAuthorization = {
      musicUserToken: outcome.musicUserToken,
      restricted: outcome.restricted,
      storefrontId,
      cid: outcome.cid,
    };
    const refused = this.#context.keep(token, auth);
    return refused ? failed('cancelled', refused) : this.#signedIn(auth, false);
  }

  #signedIn(auth: StoredAuthorization, fromStorage: boolean): AttemptEnd {
    const storefrontId = this.#context.config().storefront || auth.storefrontId || DEFAULT_STOREFRONT;
    return {
      result: { kind: 'authorized', authorization: { ...auth, storefrontId, cid: auth.cid ?? '' }, fromStorage },
      status: [auth.restricted ? 'restricted' : 'authorized', fromStorage ? 'stored-token' : 'authorized'],
    };
  }

  #popupUrl(token: DeveloperToken): string {
    // The fragment never reaches a server otherwise, and can hold secrets (OAuth tokens, reset links).
    const referrer = this.#context.win.location.href.split('#')[0];
    return buildAuthorizeUrl({ ...this.#thirdPartyInput(token), authorizeUrl: this.#context.config().authorizeUrl, referrer });
  }

  #thirdPartyInfo(token: DeveloperToken): string {
    return buildThirdPartyInfo(this.#thirdPartyInput(token));
  }

  #thirdPartyInput(token: DeveloperToken) {
    const { appIcon, linkParameters } = this.#context.config();
    const { document, location } = this.#context.win;
    return { developerToken: token.token, host: location.host, iconUrl: appIcon || findAppIcon(document), linkParameters };
  }
}
