// What <am-auth-provider> puts on the wire and in storage, checked against what MusicKit JS v3
// (2026 build) does: link parameters, the sign-out call, and Apple's edge cases (docs/protocol.md).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { AmAuthProvider } from '../src/index.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, emulatorRequests, resetEmulator } from './support/emulator.js';
import { inClick, useCleanSlate } from './support/dom.js';

const TEAM = 'WIRETEAM01';
const developerToken = fakeDeveloperToken({ iss: TEAM });
const key = (name: string) => `music.${TEAM.toLowerCase()}.${name}`;
const MUSICKIT_KEYS = ['media-user-token', 'itre', 'itua', 'pldfltcid', 'pltvcid'].map(key);
const APPLE = 'https://authorize.music.apple.com';

async function provider(attributes: { authorizeUrl?: string; logoutUrl?: string; affiliate?: string; campaign?: string } = {}) {
  const origin = await emulatorOrigin();
  return fixture<AmAuthProvider>(html`
    <am-auth-provider
      developer-token=${developerToken}
      authorize-url=${attributes.authorizeUrl ?? `${origin}/woa?outcome=authorize`}
      api-url=${origin}
      logout-url=${attributes.logoutUrl ?? `${origin}/account/web/logout`}
      affiliate-token=${ifDefined(attributes.affiliate)}
      campaign-token=${ifDefined(attributes.campaign)}
    ></am-auth-provider>
  `);
}

/** Whether the emulator still accepts `token` (its logout endpoint revokes what it receives). */
async function stillValid(token: string): Promise<boolean> {
  const response = await fetch(`${await emulatorOrigin()}/v1/me/storefront`, {
    headers: { Authorization: `Bearer ${developerToken}`, 'Media-User-Token': token },
  });
  return response.status === 200;
}

describe('<am-auth-provider> link parameters (affiliate-token, campaign-token)', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('sends at and ct first in the popup URL, and again in thirdPartyParameters', async () => {
    // An iframe plays Apple's popup: a real window whose messages we can send and whose replies we read.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow!;
    const replies: unknown[] = [];
    (popup as any).postMessage = (message: unknown) => replies.push(message);
    const opened: string[] = [];
    const original = window.open;
    window.open = ((url: string) => (opened.push(url), popup)) as typeof window.open;
    restore = () => (window.open = original);

    const element = await provider({ authorizeUrl: `${APPLE}/woa`, affiliate: '1000lJFj', campaign: 'spring sale' });
    const attempt = element.authorize().catch((error) => error);
    expect(opened).to.have.length(1);
    expect([...new URL(opened[0]).searchParams.keys()]).to.deep.equal(['at', 'ct', 'a', 'referrer', 'app', 'p']);
    expect(opened[0]).to.contain('/woa?at=1000lJFj&ct=spring%20sale&a=');

    const send = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data, origin: APPLE, source: popup }));
    send({ jsonrpc: '2.0', id: 1, method: 'thirdPartyInfo' });
    const info = JSON.parse((replies[0] as { result: string }).result);
    expect(info.thirdPartyParameters).to.deep.equal({ at: '1000lJFj', ct: 'spring sale' });
    expect(Object.keys(info)).to.deep.equal(['thirdPartyName', 'thirdPartyParameters', 'thirdPartyToken']);
    send({ jsonrpc: '2.0', id: 2, method: 'decline' });
    expect((await attempt).code).to.equal('declined');
  });
});

describe('<am-auth-provider> signing out as MusicKit JS 2026 does', () => {
  useCleanSlate(resetEmulator);

  it('clears the four keys and pltvcid before the logout call, which then revokes the token', async () => {
    const element = await provider();
    const token = await inClick(() => element.authorize());
    localStorage.setItem(key('pltvcid'), 'written-by-musickit-player');
    const seenAtCall: (string | null)[][] = [];
    const originalFetch = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).endsWith('/account/web/logout')) seenAtCall.push(MUSICKIT_KEYS.map((k) => localStorage.getItem(k)));
      return originalFetch(input, init);
    };
    try {
      await element.unauthorize();
    } finally {
      window.fetch = originalFetch;
    }
    expect(seenAtCall).to.deep.equal([[null, null, null, null, null]]);
    await waitUntil(
      async () => (await emulatorRequests('/account/web/logout')).some((request) => request.status === 200),
      'the logout call lands',
      { timeout: 5000 },
    );
    expect(await stillValid(token)).to.be.false;
  });

  it('never waits for the call: signed out while Apple has not answered yet', async () => {
    const element = await provider();
    await inClick(() => element.authorize());
    await fetch(`${await emulatorOrigin()}/_emulator/latency`, { method: 'POST', body: JSON.stringify({ ms: 5000 }) });
    await element.unauthorize();
    expect(element.status).to.equal('not-determined');
    expect(localStorage.getItem(key('media-user-token'))).to.be.null;
    // Seen after sign-out finished, still unanswered: sign-out did not wait for Apple's answer.
    const logoutCalls = () => emulatorRequests('/account/web/logout');
    await waitUntil(async () => (await logoutCalls()).length > 0, 'the logout call reaches Apple', { timeout: 5000 });
    expect((await logoutCalls()).map((request) => request.status)).to.deep.equal([0]);
  });
});

describe('<am-auth-provider> Apple’s edge cases', () => {
  const outcomes = useCleanSlate(resetEmulator);

  it('an empty cid from Apple is not written to storage', async () => {
    const element = await provider({ authorizeUrl: `${await emulatorOrigin()}/woa?outcome=authorize&cid=` });
    await inClick(() => element.authorize());
    expect(localStorage.getItem(key('media-user-token'))).to.be.a('string');
    expect(localStorage.getItem(key('pldfltcid'))).to.be.null;
    expect(outcomes.events.find((event) => event.type === 'am-authorize')!.detail.cid).to.equal('');
  });

  it('an empty token from Apple is an error: nothing stored, still signed out, no API call made', async () => {
    const element = await provider({ authorizeUrl: `${await emulatorOrigin()}/woa?outcome=authorize&token=` });
    const error = await inClick(() => element.authorize()).catch((reason) => reason);
    expect(error.code).to.equal('invalid-response');
    expect(outcomes.events.map((event) => event.type)).to.deep.equal(['am-error']);
    expect(element.status).to.equal('not-determined');
    expect(MUSICKIT_KEYS.map((k) => localStorage.getItem(k))).to.deep.equal([null, null, null, null, null]);
    expect(await emulatorRequests('/v1/')).to.deep.equal([]);
  });
});
