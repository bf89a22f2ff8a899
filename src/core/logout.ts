/** Where MusicKit JS (2026 build) signs the user out; it also ends Apple's own web session. */
export const DEFAULT_LOGOUT_URL = 'https://buy.itunes.apple.com/account/web/logout';

/**
 * The request MusicKit's 2026 build makes on sign-out, except that it never follows a
 * redirect: a redirect would carry the Music User Token to whatever host it names.
 */
export function logoutRequest(developerToken: string, musicUserToken: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${developerToken}`,
      'Media-User-Token': musicUserToken,
      Accept: 'application/json',
    },
    // Apple's cookies ride along, so its web session (music.apple.com) ends too.
    credentials: 'include',
    redirect: 'error',
    // The page may navigate away right after signing out; the call should still land.
    keepalive: true,
  };
}

/**
 * Tells Apple the user signed out. Best effort: resolves whatever happens (network error,
 * CORS refusal, redirect, HTTP error), so sign-out never waits on it or fails because of it.
 */
export async function logoutBestEffort(
  url: string,
  developerToken: string,
  musicUserToken: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<boolean> {
  try {
    const response = await fetchImpl(url, logoutRequest(developerToken, musicUserToken));
    return response.ok;
  } catch {
    return false;
  }
}
