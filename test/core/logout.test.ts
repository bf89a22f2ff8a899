import { expect } from '@open-wc/testing';
import { DEFAULT_LOGOUT_URL, logoutBestEffort } from '../../src/core/logout.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, issueToken, resetEmulator } from '../support/emulator.js';

/** Whether the emulator still accepts `token` (it revokes a token its logout endpoint receives). */
async function stillValid(token: string): Promise<boolean> {
  const response = await fetch(`${await emulatorOrigin()}/v1/me/storefront`, {
    headers: { Authorization: `Bearer ${fakeDeveloperToken()}`, 'Music-User-Token': token },
  });
  return response.status === 200;
}

describe('sign-out call (MusicKit JS 2026)', () => {
  beforeEach(() => resetEmulator());

  it('goes to buy.itunes.apple.com/account/web/logout by default', () => {
    expect(DEFAULT_LOGOUT_URL).to.equal('https://buy.itunes.apple.com/account/web/logout');
  });

  it('makes MusicKit’s request: POST, Bearer, Media-User-Token, Accept, cookies, and never a redirect', async () => {
    const calls: [RequestInfo | URL, RequestInit | undefined][] = [];
    const fake = async (input: RequestInfo | URL, init?: RequestInit) => (calls.push([input, init]), new Response('{}'));
    expect(await logoutBestEffort(DEFAULT_LOGOUT_URL, 'dev.tok.en', 'mut+/=', fake)).to.be.true;
    expect(calls).to.have.length(1);
    const [url, init] = calls[0];
    expect(url).to.equal(DEFAULT_LOGOUT_URL);
    expect(init).to.deep.include({ method: 'POST', credentials: 'include', redirect: 'error' });
    expect(init!.headers).to.deep.equal({ Authorization: 'Bearer dev.tok.en', 'Media-User-Token': 'mut+/=', Accept: 'application/json' });
    expect(init!.body).to.be.undefined;
  });

  it('resolves false, never rejects, when the endpoint fails or is unreachable', async () => {
    expect(await logoutBestEffort('https://x.test/logout', 'd', 'm', async () => new Response('', { status: 500 }))).to.be.false;
    expect(await logoutBestEffort('https://x.test/logout', 'd', 'm', async () => Promise.reject(new TypeError('Failed to fetch')))).to.be
      .false;
    expect(await logoutBestEffort('http://127.0.0.1:9/logout', 'd', 'm')).to.be.false;
  });

  it('reaches the emulator with the browser’s credentials and revokes the token there', async () => {
    const token = await issueToken();
    expect(await logoutBestEffort(`${await emulatorOrigin()}/account/web/logout`, fakeDeveloperToken(), token)).to.be.true;
    expect(await stillValid(token)).to.be.false;
  });

  it('does not follow a 307 to another origin: the Music User Token never arrives there', async () => {
    const token = await issueToken();
    const target = `${await emulatorOrigin()}/account/web/logout`;
    const redirecting = `/_test/redirect?to=${encodeURIComponent(target)}`;
    expect(await logoutBestEffort(redirecting, fakeDeveloperToken(), token)).to.be.false;
    expect(await stillValid(token)).to.be.true;
  });
});
