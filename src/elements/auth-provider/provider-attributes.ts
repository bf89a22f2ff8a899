import { LitElement } from 'lit';
import { DEFAULT_AUTHORIZE_URL, linkParametersOf } from '../../core/authorize-url.js';
import type { AuthSessionConfig } from '../../core/auth-session.js';
import { DEFAULT_LOGOUT_URL } from '../../core/logout.js';
import { DEFAULT_POPUP_TIMEOUT_MS, validPopupTimeout } from '../../core/popup-session.js';
import type { StorageKind } from '../../core/token-store.js';

export const DEFAULT_API_URL = 'https://api.music.apple.com';
/** Apple's CDN; MusicKit JS is loaded from there only when full-length playback is used, never bundled. */
export const DEFAULT_MUSICKIT_URL = 'https://js-cdn.music.apple.com/musickit/v3/musickit.js';

/** The attributes of `<am-auth-provider>`, and the one config the sign-in session reads from them. */
export class AuthProviderAttributes extends LitElement {
  static override properties = {
    developerToken: { attribute: 'developer-token' },
    developerTokenUrl: { attribute: 'developer-token-url' },
    appIcon: { attribute: 'app-icon' },
    storefront: {},
    storage: {},
    authorizeUrl: { attribute: 'authorize-url' },
    apiUrl: { attribute: 'api-url' },
    logoutUrl: { attribute: 'logout-url' },
    affiliateToken: { attribute: 'affiliate-token' },
    campaignToken: { attribute: 'campaign-token' },
    popupTimeout: { attribute: 'popup-timeout', type: Number },
    acceptHandOff: { attribute: 'accept-hand-off', type: Boolean },
    musickitUrl: { attribute: 'musickit-url' },
    appName: { attribute: 'app-name' },
    appBuild: { attribute: 'app-build' },
  };

  /** The developer token (a JWT signed with your MusicKit key); surrounding whitespace is ignored. */
  declare developerToken?: string;

  /** A URL answering the developer token as text or `{"token": "..."}`; fetched when needed. */
  declare developerTokenUrl?: string;

  /** Icon shown on Apple's consent screen. When unset, found in the page's `link` rels as MusicKit JS finds it; when set, it wins over them. */
  declare appIcon?: string;

  /** Storefront override; else the user's storefront from `/v1/me/storefront`, else `us`. */
  declare storefront?: string;

  /** Where the Music User Token is kept: `local`, `session` or `memory`. */
  storage: StorageKind = 'local';

  /** Apple's authorize page; its origin is the only one whose messages count. `https:` only (`http:` on loopback hosts). */
  authorizeUrl: string = DEFAULT_AUTHORIZE_URL;

  /** Apple Music API base URL. `https:` only (`http:` on loopback hosts). */
  apiUrl: string = DEFAULT_API_URL;

  /** Best-effort logout endpoint called on sign-out (Apple's, as MusicKit JS calls it); an empty attribute disables the call. */
  logoutUrl: string = DEFAULT_LOGOUT_URL;

  /** Apple affiliate token, sent to Apple as the `at` link parameter (MusicKit's `affiliateToken`). */
  declare affiliateToken?: string;

  /** Apple campaign token, sent to Apple as the `ct` link parameter (MusicKit's `campaignToken`). */
  declare campaignToken?: string;

  /** Milliseconds before an unanswered popup counts as cancelled: a whole number from 1 to 2147483647, else ignored with a console warning. */
  popupTimeout: number = DEFAULT_POPUP_TIMEOUT_MS;

  /** Accept a sign-in handed over in the URL's `#fragment` by a redirect (never over an existing sign-in). */
  acceptHandOff = false;

  /** Where full-length playback loads Apple's MusicKit JS from (only when a player needs it). `https:` only (`http:` on loopback hosts). */
  musickitUrl: string = DEFAULT_MUSICKIT_URL;

  /** The app name MusicKit JS is configured with for playback; `document.title` when unset. */
  declare appName?: string;

  /** The app build MusicKit JS is configured with for playback. */
  appBuild = '1.0.0';

  #warnedTimeout?: unknown;

  /** The attributes as the sign-in session reads them; a bad `popup-timeout` warns once and the default applies. */
  protected sessionConfig(): AuthSessionConfig {
    const popupTimeout = validPopupTimeout(this.popupTimeout);
    if (popupTimeout === undefined && !Object.is(this.#warnedTimeout, this.popupTimeout)) {
      this.#warnedTimeout = this.popupTimeout;
      console.warn(
        `<am-auth-provider>: popup-timeout must be a whole number of milliseconds from 1 to 2147483647; using ${DEFAULT_POPUP_TIMEOUT_MS}.`,
      );
    }
    const { developerToken, developerTokenUrl, appIcon, storefront, storage, authorizeUrl, apiUrl, logoutUrl, acceptHandOff } = this;
    return {
      ...{ developerToken, developerTokenUrl, appIcon, storefront, storage, authorizeUrl, apiUrl, logoutUrl, acceptHandOff },
      popupTimeout: popupTimeout ?? DEFAULT_POPUP_TIMEOUT_MS,
      linkParameters: linkParametersOf(this),
    };
  }
}
