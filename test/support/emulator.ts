import { executeServerCommand } from '@web/test-runner-commands';

let origin: string | undefined;

/** The emulator started by web-test-runner.config.js: Apple's stand-in on a second origin. */
export async function emulatorOrigin(): Promise<string> {
  origin ??= (await executeServerCommand('emulator-origin')) as string;
  return origin;
}

/** Calls the emulator's control API (`/_emulator/<path>`): GET without a body, POST with one. */
export async function control(path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${await emulatorOrigin()}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);
  return response.json();
}

export const resetEmulator = () => control('reset', {});
export const injectFault = (fault: { path: string; status: number; count?: number; retryAfter?: number | null; body?: string }) =>
  control('faults', fault);
export const revokeToken = (token: string) => control('revoke', { token });
/** A Music User Token the emulator accepts; `token` forces its value. */
export const issueToken = async (token?: string): Promise<string> => (await control('issue', token ? { token } : {})).musicUserToken;
export const emulatorRequests = async (path = ''): Promise<{ method: string; path: string; status: number }[]> =>
  (await control(`requests?path=${encodeURIComponent(path)}`)).requests;
/** How the MusicKit stand-in script (`/musickit/v3/musickit.js`) is served from now on; reset restores it. */
export const serveMusicKit = (switches: { delay?: number | 'never'; status?: number }) => control('musickit', switches);
/** The MusicKit stand-in's URL, for a provider's `musickit-url`. */
export const musicKitUrl = async () => `${await emulatorOrigin()}/musickit/v3/musickit.js`;
export const clearRequests = async () => {
  await fetch(`${await emulatorOrigin()}/_emulator/requests`, { method: 'DELETE' });
};
