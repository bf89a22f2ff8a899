import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AmAuthProvider } from '../../src/index.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, issueToken, resetEmulator } from '../support/emulator.js';
import { inClick, startInClick } from '../support/dom.js';

const KEY = 'music.teamid1234.media-user-token';
const developerToken = fakeDeveloperToken();

/** A same-origin frame with its own provider: "another tab" as far as storage events go. */
async function openTab(origin: string) {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({
    'developer-token': developerToken,
    'authorize-url': `${origin}/woa?outcome=authorize`,
    'api-url': origin,
  });
  const ready = new Promise((resolve) => window.addEventListener('message', (event) => event.data?.tabReady && resolve(undefined)));
  frame.src = `/test/fixtures/tab.html?${query}`;
  document.body.append(frame);
  await ready;
  const provider = frame.contentDocument!.querySelector('am-auth-provider') as AmAuthProvider;
  return { provider, storage: frame.contentWindow!.localStorage, close: () => frame.remove() };
}

describe('storage and tabs', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('a change in another tab is applied in the same task as its storage event', async () => {
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token=${developerToken} api-url=${origin}></am-auth-provider>`,
    );
    const tab = await openTab(origin);
    const token = await issueToken();
    // Registered after the provider's own listener, so it runs later in the same task.
    // Only our key: opening a store elsewhere probes storage, which other documents also hear.
    const statusAfter = () =>
      new Promise<string>((resolve) => {
        const listener = (event: StorageEvent) => {
          if (event.key !== KEY) return;
          window.removeEventListener('storage', listener);
          resolve(provider.status);
        };
        window.addEventListener('storage', listener);
      });
    const seen = statusAfter();
    tab.storage.setItem(KEY, token);
    expect(await seen).to.equal('authorized');
    const cleared = statusAfter();
    tab.storage.removeItem(KEY);
    expect(await cleared).to.equal('not-determined');
    tab.close();
  });

  it('starts hearing other tabs only after the first frame: the status shows without it', async () => {
    const opened: string[] = [];
    const { BroadcastChannel: Channel, addEventListener } = window;
    window.BroadcastChannel = class extends Channel {
      constructor(name: string) {
        super(name);
        opened.push(`channel ${name}`);
      }
    };
    window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
      if (args[0] === 'storage') opened.push('storage listener');
      return addEventListener.apply(this, args);
    } as Window['addEventListener'];
    const provider = document.createElement('am-auth-provider') as AmAuthProvider;
    try {
      provider.setAttribute('developer-token', developerToken);
      document.body.append(provider);
      await provider.updateComplete;
      expect(provider.getAttribute('status')).to.equal('not-determined');
      // A hidden page paints nothing, so it hears other tabs at once.
      expect(opened).to.deep.equal(document.visibilityState === 'hidden' ? ['storage listener', 'channel am-elements:auth'] : []);
      await waitUntil(() => opened.length === 2, 'the listener and the channel start after a frame');
      expect(opened).to.deep.equal(['storage listener', 'channel am-elements:auth']);
    } finally {
      provider.remove();
      window.BroadcastChannel = Channel;
      window.addEventListener = addEventListener;
    }
  });

  it('two tabs signing in at once end with the same token and status', async () => {
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token=${developerToken} authorize-url="${origin}/woa?outcome=authorize&delay=400" api-url=${origin}></am-auth-provider>`,
    );
    const tab = await openTab(origin);
    const { result: here } = await startInClick(() => provider.authorize());
    // The other tab finishes its own sign-in while this tab's popup is still open.
    const otherToken = await issueToken();
    const otherArrived = oneEvent(provider, 'am-status-change');
    tab.storage.setItem(KEY, otherToken);
    expect((await otherArrived).detail.reason).to.equal('other-tab');
    const ours = await here;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(localStorage.getItem(KEY)).to.equal(ours);
    expect(provider.musicUserToken).to.equal(ours);
    expect(tab.provider.musicUserToken).to.equal(ours);
    expect([provider.status, tab.provider.status]).to.deep.equal(['authorized', 'authorized']);
    // Signing out here signs the other tab out too.
    await provider.unauthorize();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tab.provider.status).to.equal('not-determined');
    tab.close();
  });
});

describe('several providers on one page', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  for (const storage of ['local', 'session', 'memory']) {
    it(`follow each other's sign-in and sign-out (storage=${storage})`, async () => {
      const origin = await emulatorOrigin();
      const host = await fixture<HTMLElement>(html`<div>
        <am-auth-provider id="a" storage=${storage} developer-token=${developerToken} authorize-url="${origin}/woa?outcome=authorize" api-url=${origin} logout-url=""></am-auth-provider>
        <am-auth-provider id="b" storage=${storage} developer-token=${developerToken} api-url=${origin}></am-auth-provider>
      </div>`);
      const [a, b] = [...host.querySelectorAll('am-auth-provider')] as AmAuthProvider[];
      const followed = oneEvent(b, 'am-status-change');
      const token = await inClick(() => a.authorize());
      expect((await followed).detail).to.include({ status: 'authorized', reason: 'other-tab' });
      expect(b.musicUserToken).to.equal(token);
      const signedOut = oneEvent(b, 'am-status-change');
      await a.unauthorize();
      expect((await signedOut).detail.status).to.equal('not-determined');
      sessionStorage.clear();
    });
  }
});
