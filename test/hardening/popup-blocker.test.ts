// Each engine's own popup blocker (Firefox and WebKit run the browser tests with it on, as users
// have it; Chromium's is checked in test/e2e/popup-blocker.test.js, see web-test-runner.config.js):
// authorize() without a user gesture is refused and reported; the same call from a real click
// opens Apple's window and signs in over the cross-origin conversation.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AmAuthProvider } from '../../src/index.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, resetEmulator } from '../support/emulator.js';
import { inClick, trackPopups, useCleanSlate } from '../support/dom.js';
import { itIn } from '../support/engine.js';

describe('the engine’s popup blocker', () => {
  const outcomes = useCleanSlate(resetEmulator);
  let popups: ReturnType<typeof trackPopups>;
  beforeEach(() => (popups = trackPopups()));
  afterEach(() => popups.closeAll());

  async function setup() {
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(html`
      <am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?outcome=authorize" api-url=${origin} logout-url="">
        <am-authorize-button></am-authorize-button>
      </am-auth-provider>
    `);
    await provider.querySelector('am-authorize-button')!.updateComplete;
    return provider;
  }

  itIn(
    ['firefox', 'webkit'],
    'Chromium runs this suite with its blocker off; test/e2e/popup-blocker.test.js checks it on',
    'refuses authorize() without a user gesture: popup-blocked, once, busy cleared, no window',
    async () => {
      const provider = await setup();
      // An earlier test's click may still count as a gesture for a few seconds: wait it out.
      await waitUntil(() => !navigator.userActivation?.isActive, 'no user activation left', { timeout: 8000 });
      const code = await provider.authorize().then(
        () => 'signed in',
        (error) => error.code,
      );
      expect(code).to.equal('popup-blocked');
      expect(outcomes.events.map((e) => [e.type, e.detail.code])).to.deep.equal([['am-error', 'popup-blocked']]);
      expect(popups.popups).to.deep.equal([]);
      expect(provider.status).to.equal('not-determined');
      await provider.querySelector('am-authorize-button')!.updateComplete;
      expect(provider.querySelector('am-authorize-button')!.hasAttribute('busy')).to.be.false;
      // The engine's blocker itself refused: a plain window.open without a gesture gets null too.
      expect(window.open('about:blank', 'control-window')).to.be.null;
    },
  );

  it('lets the same call through from a real click: Apple’s window opens and the sign-in completes', async () => {
    const provider = await setup();
    const token = await inClick(() => provider.authorize());
    expect(token).to.be.a('string').and.not.empty;
    expect(popups.popups).to.have.length(1);
    expect(outcomes.events.map((e) => e.type)).to.deep.equal(['am-authorize']);
    expect(provider.status).to.equal('authorized');
  });
});
