import { ContextProvider } from '@lit/context';
import { authContext, type AuthState } from '../../src/context.js';
import { AppleMusicApi } from '../../src/core/api-client.js';

/** An API client signed in as a fixed user, answered by `fetch`, without retries. */
export function scriptedApi(fetch: typeof globalThis.fetch, apiUrl = 'https://api.music.apple.com'): AppleMusicApi {
  return new AppleMusicApi({
    apiUrl,
    getDeveloperToken: async () => 'dev',
    getMusicUserToken: () => 'mut',
    getStorefrontId: () => 'us',
    onUserTokenRejected: () => undefined,
    fetch,
    retries: 0,
  });
}

/**
 * Makes `host` act as a signed-in provider whose API answers through `fetch`, without a
 * popup or the emulator: for tests that script Apple's answers. `state` overrides fields.
 */
export function provideSignedIn(
  host: HTMLElement,
  fetch: typeof globalThis.fetch,
  {
    apiUrl = 'https://api.music.apple.com',
    state: overrides = {},
    pending = false,
  }: { apiUrl?: string; state?: Partial<Omit<AuthState, 'controller'>>; pending?: boolean } = {},
): AppleMusicApi {
  const api = scriptedApi(fetch, apiUrl);
  const state: AuthState = {
    status: 'authorized',
    isAuthorized: true,
    busy: false,
    storefrontId: 'us',
    restricted: false,
    // `pending`: sign-in and sign-out never finish, to look at the busy states.
    controller: pending
      ? { api, authorizeFrom: () => new Promise<never>(() => undefined), unauthorizeFrom: () => new Promise<never>(() => undefined) }
      : { api, authorizeFrom: async () => 'mut', unauthorizeFrom: async () => undefined },
    ...overrides,
  };
  new ContextProvider(host, { context: authContext, initialValue: state });
  return api;
}
