import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { AmAuthProvider } from '../src/index.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { clearRequests, emulatorOrigin, emulatorRequests, injectFault, issueToken, resetEmulator } from './support/emulator.js';
import { inClick, realClick, sleep, startInClick, useCleanSlate } from './support/dom.js';

const TEAM = 'TEAMID1234';
const KEYS = ['media-user-token', 'itre', 'itua', 'pldfltcid'].map((k) => `music.${TEAM.toLowerCase()}.${k}`);
const developerToken = fakeDeveloperToken({ iss: TEAM });

interface Setup {
  switches?: string;
  timeout?: number;
  logoutUrl?: string;
  token?: string;
  acceptHandOff?: boolean;
}

async function setup({ switches = 'outcome=authorize', timeout, logoutUrl, token = developerToken, acceptHandOff = false }: Setup = {}) {
  const origin = await emulatorOrigin();
  const provider = await fixture<AmAuthProvider>(html`
    <am-auth-provider
      developer-token=${token}
      authorize-url=${`${origin}/woa?${switches}`}
      api-url=${origin}
      logout-url=${logoutUrl ?? `${origin}/WebObjects/MZPlay.woa/wa/webPlayerLogout`}
      popup-timeout=${ifDefined(timeout)}
      ?accept-hand-off=${acceptHandOff}
    >
      <am-authorize-button></am-authorize-button>
      <am-unauthorize-button></am-unauthorize-button>
    </am-auth-provider>
  `);
  const authorizeButton = provider.querySelector('am-authorize-button')!;
  const unauthorizeButton = provider.querySelector('am-unauthorize-button')!;
  await authorizeButton.updateComplete;
  return { provider, authorizeButton, unauthorizeButton, origin };
}

/** Wraps window.open to record its calls (and optionally replace it). */
function watchWindowOpen(replacement?: (...args: any[]) => Window | null) {
  const original = window.open;
  const calls: any[][] = [];
  window.open = (...args: any[]) => {
    calls.push(args);
    return replacement ? replacement(...args) : original.apply(window, args as any);
  };
  return { calls, restore: () => (window.open = original) };
}

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error) => error.code as string,
  );

describe('<am-auth-provider> signing in against the emulator', () => {
  const outcomes = useCleanSlate(resetEmulator);
  let restoreOpen: (() => void) | undefined;

  afterEach(() => {
    restoreOpen?.();
    restoreOpen = undefined;
  });

  it('opens Apple’s URL in a popup on click and signs in (authorize)', async () => {
    const { provider, authorizeButton, unauthorizeButton, origin } = await setup();
    const open = watchWindowOpen();
    restoreOpen = open.restore;
    expect(provider.getAttribute('status')).to.equal('not-determined');
    expect(unauthorizeButton.shadowRoot!.querySelector('button')!.disabled).to.be.true;

    await realClick(authorizeButton);
    const event = await outcomes.next();

    const [url, name, features] = open.calls[0];
    expect(url.startsWith(`${origin}/woa?outcome=authorize&a=`)).to.be.true;
    expect(url).to.contain(`&referrer=${encodeURIComponent(location.href)}&app=music&p=subscribe`);
    expect(name).to.equal('apple-music-service-view');
    expect(features).to.match(/^height=650,menubar=no,resizable=no,scrollbars=no,status=no,toolbar=no,width=650,left=/);

    expect(event.type).to.equal('am-authorize');
    expect(event.target).to.equal(authorizeButton);
    expect(event.detail).to.include({ restricted: false, storefrontId: 'us', fromStorage: false });
    expect(event.detail.musicUserToken).to.be.a('string').and.not.empty;
    expect(event.detail.cid).to.be.a('string');
    await authorizeButton.updateComplete;
    expect(provider.status).to.equal('authorized');
    expect(provider.getAttribute('status')).to.equal('authorized');
    expect(authorizeButton.getAttribute('status')).to.equal('authorized');
    expect(provider.isAuthorized).to.be.true;
    expect(provider.musicUserToken).to.equal(event.detail.musicUserToken);
    expect(localStorage.getItem(KEYS[0])).to.equal(event.detail.musicUserToken);
    expect(localStorage.getItem(KEYS[1])).to.equal('0');
    expect(localStorage.getItem(KEYS[2])).to.equal('us');
    expect(localStorage.getItem(KEYS[3])).to.equal(event.detail.cid);
    expect(unauthorizeButton.shadowRoot!.querySelector('button')!.disabled).to.be.false;
    // The storefront was asked for with the new token (docs/protocol.md: MusicKit asks it after authorize).
    expect((await emulatorRequests('/v1/me/storefront')).map((r) => r.status)).to.deep.equal([200]);
    // The token never shows up in markup.
    expect(provider.outerHTML).not.to.contain(event.detail.musicUserToken);
    // Deliberately a fixed wait: it proves that no second outcome follows (nothing to wait for).
    await sleep(600);
    expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-authorize']);
  });

  it('reports a restricted account ("1")', async () => {
    const { provider, authorizeButton } = await setup({ switches: 'outcome=restricted' });
    await realClick(authorizeButton);
    const event = await outcomes.next();
    expect(event.detail.restricted).to.be.true;
    expect(provider.status).to.equal('restricted');
    expect(provider.restricted).to.be.true;
    expect(localStorage.getItem(KEYS[1])).to.equal('1');
  });

  const failures = [
    { switches: 'outcome=decline', type: 'am-decline', code: 'declined', status: 'denied', detail: {} },
    { switches: 'outcome=unavailable', type: 'am-unavailable', code: 'unavailable', status: 'unavailable', detail: {} },
    { switches: 'outcome=switch-user', type: 'am-cancel', code: 'cancelled', status: 'not-determined', detail: { reason: 'switch-user' } },
    { switches: 'outcome=close', type: 'am-cancel', code: 'cancelled', status: 'not-determined', detail: { reason: 'closed' } },
    { switches: 'outcome=none', timeout: 500, type: 'am-cancel', code: 'timeout', status: 'not-determined', detail: { reason: 'timeout' } },
  ];
  for (const { switches, timeout, type, code, status, detail } of failures) {
    it(`${switches}${timeout ? ` with popup-timeout=${timeout}` : ''} → ${type} ${JSON.stringify(detail)}, rejects "${code}"`, async () => {
      const { provider, authorizeButton } = await setup({ switches, timeout });
      expect(await errorCode(inClick(() => provider.authorize()))).to.equal(code);
      const [event] = outcomes.events;
      expect(event.type).to.equal(type);
      expect(event.target).to.equal(provider);
      expect(event.detail).to.include(detail);
      if (type === 'am-cancel') expect(event.detail.message).to.be.a('string').and.not.empty;
      expect(provider.status).to.equal(status);
      expect(KEYS.map((key) => localStorage.getItem(key))).to.deep.equal([null, null, null, null]);
      await authorizeButton.updateComplete;
      expect(authorizeButton.hasAttribute('busy')).to.be.false;
      // Deliberately a fixed wait: it proves that no second outcome follows.
      await sleep(100);
      expect(outcomes.events).to.have.length(1);
    });
  }

  it('reports a blocked popup instead of hanging', async () => {
    const { provider, authorizeButton } = await setup();
    restoreOpen = watchWindowOpen(() => null).restore;
    await realClick(authorizeButton);
    const event = await outcomes.next();
    expect(event.type).to.equal('am-error');
    expect(event.target).to.equal(authorizeButton);
    expect(event.detail.code).to.equal('popup-blocked');
    expect(event.detail.message).to.match(/blocked/);
    expect(provider.status).to.equal('not-determined');
    await authorizeButton.updateComplete;
    expect(authorizeButton.shadowRoot!.querySelector('button')!.disabled).to.be.false;
  });

  it('reports popup-blocked, once, and clears busy when window.open throws (extensions, webview shims, Firefox sandboxes)', async () => {
    const { provider, authorizeButton } = await setup();
    restoreOpen = watchWindowOpen(() => {
      throw new DOMException('window.open is not allowed here', 'InvalidAccessError');
    }).restore;
    await realClick(authorizeButton);
    const event = await outcomes.next();
    expect(event.type).to.equal('am-error');
    expect(event.target).to.equal(authorizeButton);
    expect(event.detail.code).to.equal('popup-blocked');
    expect(provider.status).to.equal('not-determined');
    await authorizeButton.updateComplete;
    expect(authorizeButton.hasAttribute('busy')).to.be.false;
    expect(await errorCode(provider.authorize())).to.equal('popup-blocked');
    expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-error', 'am-error']);
  });

  it('opens one popup for a double click and reports one outcome', async () => {
    const { authorizeButton } = await setup({ switches: 'outcome=authorize&delay=2000' });
    const open = watchWindowOpen();
    restoreOpen = open.restore;
    await realClick(authorizeButton);
    await authorizeButton.updateComplete;
    expect(authorizeButton.hasAttribute('busy')).to.be.true;
    expect(authorizeButton.shadowRoot!.querySelector('[part=spinner]')).to.exist;
    await realClick(authorizeButton);
    await outcomes.next();
    // Deliberately a fixed wait: it proves that the second click opens no popup and reports nothing.
    await sleep(300);
    expect(open.calls).to.have.length(1);
    expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-authorize']);
  });

  it('returns the same promise to a second authorize() while the popup is open', async () => {
    const { provider } = await setup({ switches: 'outcome=authorize&delay=500' });
    const open = watchWindowOpen();
    restoreOpen = open.restore;
    const {
      result: [first, second],
    } = await startInClick(() => [provider.authorize(), provider.authorize()]);
    expect(second).to.equal(first);
    expect(await first).to.be.a('string');
    expect(open.calls).to.have.length(1);
    expect(outcomes.events).to.have.length(1);
  });

  it('resolves at once from a stored token, without a popup', async () => {
    const token = await issueToken();
    localStorage.setItem(KEYS[0], token);
    localStorage.setItem(KEYS[1], '0');
    localStorage.setItem(KEYS[2], 'gb');
    const { provider, authorizeButton } = await setup();
    const open = watchWindowOpen();
    restoreOpen = open.restore;
    expect(provider.status).to.equal('authorized');
    // Signed in, the button hides itself unless persistent.
    authorizeButton.setAttribute('persistent', '');
    await realClick(authorizeButton);
    const event = await outcomes.next();
    expect(event.detail).to.deep.include({ musicUserToken: token, fromStorage: true, storefrontId: 'gb' });
    expect(open.calls).to.have.length(0);
  });

  it('does not keep a token the API rejects right after sign-in', async () => {
    const { provider } = await setup();
    await injectFault({ path: '/v1/me/storefront', status: 403, count: 1 });
    expect(await errorCode(inClick(() => provider.authorize()))).to.equal('invalid-response');
    expect(outcomes.events.map((e) => [e.type, e.detail.code])).to.deep.equal([['am-error', 'invalid-response']]);
    expect(localStorage.getItem(KEYS[0])).to.be.null;
    expect(provider.status).to.equal('not-determined');
  });

  it('keeps the token when only the storefront lookup fails (5xx), with storefront us', async () => {
    const { provider } = await setup();
    await injectFault({ path: '/v1/me/storefront', status: 503, count: 10 });
    await inClick(() => provider.authorize());
    expect(provider.status).to.equal('authorized');
    expect(provider.storefrontId).to.equal('us');
  });

  it('reports a missing or expired developer token as am-error', async () => {
    const { provider } = await setup({ token: '' });
    expect(await errorCode(provider.authorize())).to.equal('no-developer-token');
    provider.developerToken = fakeDeveloperToken({ exp: 1_600_000_000 });
    expect(await errorCode(provider.authorize())).to.equal('no-developer-token');
    expect(outcomes.events.map((e) => e.detail.code)).to.deep.equal(['no-developer-token', 'no-developer-token']);
    expect(outcomes.events[1].detail.message).to.match(/expired/);
  });

  it('signs in with storage that throws, keeping the token in memory', async () => {
    const { setItem, getItem } = Storage.prototype;
    Storage.prototype.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    try {
      const { provider } = await setup();
      const token = await inClick(() => provider.authorize());
      expect(provider.status).to.equal('authorized');
      expect(provider.musicUserToken).to.equal(token);
      expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-authorize']);
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.getItem = getItem;
    }
    expect(localStorage.length).to.equal(0);
  });
});

describe('<am-auth-provider> attempts back to back', () => {
  useCleanSlate(resetEmulator);

  it('a new attempt while Apple’s page is still closing itself gets a popup of its own', async () => {
    // Without a fresh name, window.open by MusicKit's name returns the dying popup, which then
    // closes under the new attempt ("closed before contact"). Reproduced every other attempt.
    const { provider } = await setup({ switches: 'outcome=decline' });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push(await errorCode(inClick(() => provider.authorize())));
    expect(codes).to.deep.equal(['declined', 'declined', 'declined', 'declined']);
  });
});

describe('<am-auth-provider> ignores forged and junk messages', () => {
  const outcomes = useCleanSlate(resetEmulator);

  it('from this window, a same-origin frame and synthetic events claiming Apple’s origin', async () => {
    const { provider, origin } = await setup({ switches: 'outcome=close&delay=1500' });
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const { result: attempt } = await startInClick(() => errorCode(provider.authorize()));
    const forged = { jsonrpc: '2.0', id: 1, method: 'authorize', params: ['forged-token', '0', 'x'] };
    window.postMessage(forged, '*');
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentWindow!.parent.postMessage(forged, '*');
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin, source: frame.contentWindow }));
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin, source: null }));
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: 'https://authorize.music.apple.com', source: window }));
    const junk: unknown[] = [
      null,
      'decline',
      42,
      [],
      { jsonrpc: '2.0' },
      { jsonrpc: '2.0', id: 1, method: 'decline', params: 'x' },
      JSON.stringify(forged),
      { __proto__: { jsonrpc: '2.0', id: 1, method: 'decline' } },
    ];
    for (const data of junk) window.dispatchEvent(new MessageEvent('message', { data, origin, source: window }));
    expect(await attempt).to.equal('cancelled');
    window.removeEventListener('error', onError);
    frame.remove();
    expect(errors).to.deep.equal([]);
    expect(outcomes.events.map((e) => [e.type, e.detail.reason])).to.deep.equal([['am-cancel', 'closed']]);
    expect(localStorage.getItem(KEYS[0])).to.be.null;
    expect(provider.status).to.equal('not-determined');
  });
});

describe('<am-auth-provider> signing out', () => {
  const outcomes = useCleanSlate(resetEmulator);
  /** The calls to the logout endpoint the provider uses by default (`status` is 0 until answered). */
  const logoutCalls = () => emulatorRequests('/WebObjects');

  it('clears the four keys, calls Apple’s logout, and reports am-unauthorize from the button', async () => {
    const { provider, unauthorizeButton, origin } = await setup();
    const token = await inClick(() => provider.authorize());
    await unauthorizeButton.updateComplete;
    const statusChange = oneEvent(provider, 'am-status-change');
    await realClick(unauthorizeButton);
    expect((await statusChange).detail).to.deep.equal({ status: 'not-determined', previousStatus: 'authorized', reason: 'unauthorized' });
    const event = outcomes.events.find((e) => e.type === 'am-unauthorize')!;
    expect(event.target).to.equal(unauthorizeButton);
    expect(KEYS.map((key) => localStorage.getItem(key))).to.deep.equal([null, null, null, null]);
    expect(provider.musicUserToken).to.be.undefined;
    // The emulator revokes the token on logout (a call sign-out does not wait for): once it has
    // answered, the token no longer works.
    await waitUntil(async () => (await logoutCalls()).some((r) => r.status === 200), 'the logout call is answered');
    const check = await fetch(`${origin}/v1/me/storefront`, {
      headers: { Authorization: `Bearer ${developerToken}`, 'Music-User-Token': token },
    });
    expect(check.status).to.equal(403);
  });

  for (const [name, logoutUrl] of [
    ['unreachable', 'http://127.0.0.1:9/logout'],
    ['failing with 500', undefined],
  ] as const) {
    it(`signs out even when the logout endpoint is ${name}`, async () => {
      const { provider } = await setup({ logoutUrl });
      await inClick(() => provider.authorize());
      await injectFault({ path: '/WebObjects', status: 500, count: 1 });
      await provider.unauthorize();
      expect(provider.status).to.equal('not-determined');
      expect(localStorage.getItem(KEYS[0])).to.be.null;
      expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-authorize', 'am-unauthorize']);
      // Sign-out does not wait for the logout call: let it land here, not in the next test's count.
      if (logoutUrl === undefined)
        await waitUntil(async () => (await logoutCalls()).some((r) => r.status === 500), 'the logout call is answered');
    });
  }

  it('skips the logout call when logout-url is empty', async () => {
    const { provider } = await setup({ logoutUrl: '' });
    await inClick(() => provider.authorize());
    await clearRequests();
    await provider.unauthorize();
    // Deliberately a fixed wait: it proves that no logout call is made (nothing to wait for).
    await sleep(200);
    expect(await logoutCalls()).to.have.length(0);
  });
});

describe('<am-auth-provider> across tabs and redirects', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  /** A same-origin frame is "another tab" for storage events: they fire in every other document. */
  function otherTab() {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    return { storage: frame.contentWindow!.localStorage, close: () => frame.remove() };
  }

  it('follows sign-in and sign-out made in another tab', async () => {
    const { provider, authorizeButton } = await setup();
    const tab = otherTab();
    const token = await issueToken();
    let change = oneEvent(provider, 'am-status-change');
    tab.storage.setItem(KEYS[1], '0');
    tab.storage.setItem(KEYS[0], token);
    expect((await change).detail).to.deep.equal({ status: 'authorized', previousStatus: 'not-determined', reason: 'other-tab' });
    await authorizeButton.updateComplete;
    expect(authorizeButton.getAttribute('status')).to.equal('authorized');
    change = oneEvent(provider, 'am-status-change');
    tab.storage.clear();
    expect((await change).detail).to.deep.equal({ status: 'not-determined', previousStatus: 'authorized', reason: 'other-tab' });
    tab.close();
  });

  it('accepts the #… hand-off on load when opted in (accept-hand-off), removes it from the URL, and learns the storefront', async () => {
    const token = await issueToken('H'.repeat(240));
    const before = location.href;
    history.replaceState(null, '', `#${btoa(JSON.stringify({ musicUserToken: token, itre: '0', cid: 'c1' }))}`);
    const { provider } = await setup({ acceptHandOff: true });
    expect(provider.status).to.equal('authorized');
    expect(localStorage.getItem(KEYS[0])).to.equal(token);
    expect(localStorage.getItem(KEYS[3])).to.equal('c1');
    expect(location.hash).to.equal('');
    history.replaceState(null, '', before);
    // No storefront came with the hand-off: it is asked for, as after a popup sign-in.
    await waitUntil(() => localStorage.getItem(KEYS[2]) === 'us', 'the storefront is stored');
    expect(provider.status).to.equal('authorized');
  });
});

describe('<am-auth-provider> lifecycle', () => {
  const outcomes = useCleanSlate(resetEmulator);

  it('removed mid-attempt: closes the popup and ends the attempt once', async () => {
    const { provider } = await setup({ switches: 'outcome=none' });
    const opened: Window[] = [];
    const original = window.open;
    window.open = (...args: Parameters<typeof window.open>) => {
      const popup = original.apply(window, args);
      if (popup) opened.push(popup);
      return popup;
    };
    const cancelled = oneEvent(provider, 'am-cancel');
    const { result: attempt } = await startInClick(() => {
      const started = errorCode(provider.authorize());
      window.open = original;
      provider.remove();
      return started;
    });
    expect((await cancelled).detail.reason).to.equal('closed');
    expect(await attempt).to.equal('cancelled');
    expect(opened).to.have.length(1);
    await waitUntil(() => opened[0].closed, 'the popup is closed');
  });

  it('moved in the DOM mid-attempt (disconnected and reconnected at once): the attempt goes on', async () => {
    const { provider } = await setup({ switches: 'outcome=authorize&delay=300' });
    const { result: attempt } = await startInClick(() => provider.authorize());
    const parent = provider.parentElement!;
    const wrapper = document.createElement('div');
    parent.append(wrapper);
    wrapper.append(provider);
    expect(await attempt).to.be.a('string');
    expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-authorize']);
  });

  it('a sign-out while the new sign-in is checked wins: the new token is not kept', async () => {
    const { provider } = await setup();
    // Signed out (say, in another tab) the moment /v1/me/storefront is asked, before it answers:
    // the attempt must not store its token afterwards.
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).includes('/v1/me/storefront')) void provider.unauthorize();
      return realFetch(input, init);
    };
    try {
      expect(await errorCode(inClick(() => provider.authorize()))).to.equal('cancelled');
    } finally {
      window.fetch = realFetch;
    }
    expect(localStorage.getItem(KEYS[0])).to.be.null;
    expect(provider.status).to.equal('not-determined');
  });

  it('a developer token removed while signed in ends the signed-in status', async () => {
    const { provider } = await setup();
    await inClick(() => provider.authorize());
    const change = oneEvent(provider, 'am-status-change');
    provider.removeAttribute('developer-token');
    expect((await change).detail).to.deep.equal({
      status: 'not-determined',
      previousStatus: 'authorized',
      reason: 'developer-token-changed',
    });
  });

  it('accepts the hand-off once a developer-token-url answers, and clears it from the URL', async () => {
    const origin = await emulatorOrigin();
    const before = location.href;
    const token = await issueToken('U'.repeat(240));
    history.replaceState(null, '', `#${btoa(JSON.stringify({ musicUserToken: token, itre: '0', cid: 'c' }))}`);
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token-url="/_test/developer-token" api-url=${origin} accept-hand-off></am-auth-provider>`,
    );
    await oneEvent(provider, 'am-status-change');
    expect(provider.status).to.equal('authorized');
    expect(provider.musicUserToken).to.equal(token);
    expect(location.hash).to.equal('');
    history.replaceState(null, '', before);
  });
});
