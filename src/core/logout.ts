/** MusicKit's best-effort logout endpoint (SPEC §1.7). */
export const DEFAULT_LOGOUT_URL = 'https://play.itunes.apple.com/WebObjects/MZPlay.woa/wa/webPlayerLogout';

/**
 * Tells Apple the user signed out. Best effort: resolves whatever happens (network error,
 * CORS refusal, HTTP error), so sign-out never waits on it or fails because of it.
 */
export async function logoutBestEffort(
  url: string,
  developerToken: string,
  musicUserToken: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<boolean> {
  // The 2026 build posts to buy.itunes.apple.com/account/web/logout, naming the header differently.
  const userTokenHeader = url.includes('/account/web/logout') ? 'Media-User-Token' : 'X-Apple-Music-User-Token';
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      keepalive: true,
      headers: {
        Authorization: `Bearer ${developerToken}`,
        [userTokenHeader]: musicUserToken,
        'Content-Type': 'application/json',
      },
    });
    return response.ok;
  } catch {
    return false;
  }
}
