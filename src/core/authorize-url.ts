/** Apple's authorize page; the only origin whose messages count by default (docs/protocol.md, "The authorize URL"). */
export const DEFAULT_AUTHORIZE_URL = 'https://authorize.music.apple.com/woa';

/** Affiliate (`at`) and campaign (`ct`) tokens, passed through to Apple. */
export type LinkParameters = Record<string, string>;

export interface ThirdPartyInfoInput {
  developerToken: string;
  /** `location.host` of the page, as MusicKit sends it. */
  host: string;
  iconUrl?: string;
  linkParameters?: LinkParameters;
}

/**
 * Base64 of `JSON.stringify(value)` that never throws: `btoa` rejects characters above U+00FF,
 * so every non-ASCII character is first written as a JSON `\uXXXX` escape. The result decodes
 * identically with `JSON.parse(atob(a))`.
 */
export function encodeJsonBase64(value: unknown): string {
  const ascii = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return btoa(ascii);
}

const ICON_RELS = ['apple-music-app-icon', 'apple-touch-icon-precomposed', 'apple-touch-icon'];

/**
 * The app icon Apple shows on its consent screen, found as MusicKit finds it: the links of
 * `ICON_RELS` gathered into one list in that order, then the one with `sizes="120x120"`
 * anywhere in the list, else the list's first. Undefined when there is none.
 */
export function findAppIcon(doc: Document): string | undefined {
  const links = ICON_RELS.flatMap((rel) => [...doc.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"][href]`)]);
  return (links.find((link) => link.getAttribute('sizes') === '120x120') ?? links[0])?.href;
}

/**
 * MusicKit's `affiliateToken` and `campaignToken` as Apple's link parameters, `at` then `ct`;
 * a blank token is left out.
 */
export function linkParametersOf(tokens: { affiliateToken?: string | null; campaignToken?: string | null }): LinkParameters {
  const parameters: LinkParameters = {};
  const at = tokens.affiliateToken?.trim();
  const ct = tokens.campaignToken?.trim();
  if (at) parameters.at = at;
  if (ct) parameters.ct = ct;
  return parameters;
}

/** The `a` payload's fields, in MusicKit's order, icon omitted when unknown. */
function authorizePayload(input: ThirdPartyInfoInput) {
  return {
    ...(input.iconUrl ? { thirdPartyIconURL: input.iconUrl } : {}),
    thirdPartyName: input.host,
    thirdPartyToken: input.developerToken,
  };
}

/** The JSON string the opener returns for the popup's `thirdPartyInfo` request (docs/protocol.md, "JSON-RPC over postMessage"). */
export function buildThirdPartyInfo(input: ThirdPartyInfoInput): string {
  return JSON.stringify({
    ...(input.iconUrl ? { thirdPartyIconURL: input.iconUrl } : {}),
    thirdPartyName: input.host,
    thirdPartyParameters: { ...input.linkParameters },
    thirdPartyToken: input.developerToken,
  });
}

export interface AuthorizeUrlInput extends ThirdPartyInfoInput {
  /** Where the popup goes; may already carry a query (kept, then ours appended). */
  authorizeUrl?: string;
  /** `location.href` of the opener: Apple posts its messages to this URL's origin. */
  referrer: string;
}

/**
 * `…/woa?` + link parameters, `a`, `referrer`, then `app=music` and `p=subscribe` unless
 * already set — the order and encoding of docs/protocol.md, "The authorize URL".
 */
export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const base = input.authorizeUrl ?? DEFAULT_AUTHORIZE_URL;
  const pairs: [string, string][] = Object.entries(input.linkParameters ?? {});
  pairs.push(['a', encodeJsonBase64(authorizePayload(input))], ['referrer', input.referrer]);
  const preset = new URLSearchParams(base.split('?')[1] ?? '');
  const has = (key: string) => preset.has(key) || pairs.some(([k]) => k === key);
  if (!has('app')) pairs.push(['app', 'music']);
  if (!has('p')) pairs.push(['p', 'subscribe']);
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/** The origin of the authorize URL, or undefined when it is not an absolute http(s) URL. */
export function authorizeOriginOf(authorizeUrl: string): string | undefined {
  try {
    const url = new URL(authorizeUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
