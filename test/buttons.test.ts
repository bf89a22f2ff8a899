import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { LitElement } from 'lit';
import type { AmAuthProvider, AmAuthorizeButton, AmUnauthorizeButton } from '../src/index.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, resetEmulator } from './support/emulator.js';
import { inClick, realClick, startInClick, trackPopups } from './support/dom.js';

async function setup(switches = 'outcome=decline', { persistent = false, css = '' } = {}) {
  const origin = await emulatorOrigin();
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <style>${css}</style>
    <am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?${switches}" api-url=${origin} logout-url="">
      <am-authorize-button ?persistent=${persistent}></am-authorize-button>
      <am-unauthorize-button ?persistent=${persistent}>Sign out</am-unauthorize-button>
    </am-auth-provider>
  </div>`);
  const provider = wrapper.querySelector<AmAuthProvider>('am-auth-provider')!;
  const authorize = provider.querySelector('am-authorize-button') as AmAuthorizeButton;
  const unauthorize = provider.querySelector('am-unauthorize-button') as AmUnauthorizeButton;
  await authorize.updateComplete;
  await unauthorize.updateComplete;
  return { provider, authorize, unauthorize };
}

const inner = (element: Element) => element.shadowRoot!.querySelector('button')!;
/** Whether each button takes room on the page (`[authorize, unauthorize]`). */
const shown = (...buttons: Element[]) => buttons.map((button) => button.checkVisibility() && button.getBoundingClientRect().width > 0);

/** Lets both buttons take the provider's latest state. */
async function settle(...buttons: LitElement[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await Promise.all(buttons.map((button) => button.updateComplete));
  }
}

describe('<am-authorize-button> and <am-unauthorize-button>', () => {
  let popups: ReturnType<typeof trackPopups>;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
    popups = trackPopups();
  });
  afterEach(() => popups.closeAll());

  it('render native buttons with the documented parts and slotted labels', async () => {
    const { authorize, unauthorize } = await setup();
    const parts = [...authorize.shadowRoot!.querySelectorAll('[part]')].map((el) => el.getAttribute('part'));
    expect(parts).to.deep.equal(['button', 'icon', 'label']);
    expect(inner(authorize).localName).to.equal('button');
    expect(inner(authorize).textContent).to.contain('Connect Apple Music');
    const slot = unauthorize.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Sign out']);
  });

  it('are accessible signed out, busy and signed in (both shown: persistent)', async function () {
    this.timeout(30000); // axe in three states and a real popup: slow on a loaded machine
    const { provider, authorize, unauthorize } = await setup('outcome=authorize&delay=1500', { persistent: true });
    await expect(authorize).to.be.accessible();
    await expect(unauthorize).to.be.accessible();
    const { result: attempt } = await startInClick(() => provider.authorize());
    await provider.updateComplete;
    await authorize.updateComplete;
    expect(inner(authorize).getAttribute('aria-busy')).to.equal('true');
    expect(authorize.shadowRoot!.querySelector('[part=spinner]')).to.exist;
    await expect(authorize).to.be.accessible();
    await attempt;
    await unauthorize.updateComplete;
    await expect(unauthorize).to.be.accessible();
    expect(inner(unauthorize).disabled).to.be.false;
  });

  it('sign in with the keyboard alone, and focus comes back to the button after the popup', async () => {
    const { provider, authorize } = await setup('outcome=decline&delay=1500');
    inner(authorize).focus();
    const declined = oneEvent(authorize, 'am-decline');
    await sendKeys({ press: 'Enter' });
    await authorize.updateComplete;
    // Busy but still focused: aria-disabled, not disabled.
    expect(inner(authorize).getAttribute('aria-disabled')).to.equal('true');
    expect(authorize.shadowRoot!.activeElement).to.equal(inner(authorize));
    await declined;
    await new Promise((resolve) => setTimeout(resolve));
    await authorize.updateComplete;
    expect(provider.status).to.equal('denied');
    expect(document.activeElement).to.equal(authorize);
    expect(authorize.shadowRoot!.activeElement).to.equal(inner(authorize));
    expect(inner(authorize).getAttribute('aria-disabled')).to.equal('false');
  });

  it('reflect the provider status on the host for styling', async () => {
    const { provider, authorize, unauthorize } = await setup('outcome=authorize');
    expect(authorize.getAttribute('status')).to.equal('not-determined');
    await inClick(() => provider.authorize());
    await authorize.updateComplete;
    await unauthorize.updateComplete;
    expect(authorize.getAttribute('status')).to.equal('authorized');
    expect(unauthorize.getAttribute('status')).to.equal('authorized');
  });

  describe('default visibility: one toggle on an unstyled page', () => {
    it('Connect shows while signed out and busy, Disconnect only while signed in', async () => {
      const { provider, authorize, unauthorize } = await setup('outcome=authorize&delay=400');
      expect(shown(authorize, unauthorize), 'signed out').to.deep.equal([true, false]);
      expect(getComputedStyle(unauthorize).display).to.equal('none');
      const { result: attempt } = await startInClick(() => provider.authorize());
      await settle(authorize, unauthorize);
      expect(authorize.hasAttribute('busy')).to.be.true;
      expect(shown(authorize, unauthorize), 'busy').to.deep.equal([true, false]);
      await attempt;
      await settle(authorize, unauthorize);
      expect(shown(authorize, unauthorize), 'signed in').to.deep.equal([false, true]);
      await provider.unauthorize();
      await settle(authorize, unauthorize);
      expect(shown(authorize, unauthorize), 'signed out again').to.deep.equal([true, false]);
    });

    it('a restricted account counts as signed in', async () => {
      const { provider, authorize, unauthorize } = await setup('outcome=authorize&restricted=1');
      await inClick(() => provider.authorize());
      await settle(authorize, unauthorize);
      expect(provider.status).to.equal('restricted');
      expect(shown(authorize, unauthorize)).to.deep.equal([false, true]);
    });

    it('without a provider, Connect shows (disabled) and Disconnect does not', async () => {
      const lonely = await fixture<HTMLDivElement>(
        html`<div><am-authorize-button></am-authorize-button><am-unauthorize-button></am-unauthorize-button></div>`,
      );
      const [authorize, unauthorize] = [...lonely.children] as LitElement[];
      await settle(authorize, unauthorize);
      expect(shown(authorize, unauthorize)).to.deep.equal([true, false]);
      expect(inner(authorize).disabled).to.be.true;
    });

    it('persistent keeps both visible in every state; Disconnect is disabled while signed out', async () => {
      const { provider, authorize, unauthorize } = await setup('outcome=authorize', { persistent: true });
      expect(shown(authorize, unauthorize), 'signed out').to.deep.equal([true, true]);
      expect(inner(unauthorize).disabled).to.be.true;
      await inClick(() => provider.authorize());
      await settle(authorize, unauthorize);
      expect(shown(authorize, unauthorize), 'signed in').to.deep.equal([true, true]);
      expect(inner(unauthorize).disabled).to.be.false;
    });

    it('the persistent property reflects, so setting it from script (or a framework) works too', async () => {
      const { authorize, unauthorize } = await setup();
      unauthorize.persistent = true;
      await unauthorize.updateComplete;
      expect(unauthorize.hasAttribute('persistent')).to.be.true;
      expect(shown(authorize, unauthorize)).to.deep.equal([true, true]);
      unauthorize.removeAttribute('persistent');
      await unauthorize.updateComplete;
      expect(unauthorize.persistent).to.be.false;
      expect(shown(authorize, unauthorize)).to.deep.equal([true, false]);
    });

    it('page CSS that gives the buttons a display does not bring back the one with nothing to do', async () => {
      const { authorize, unauthorize } = await setup('outcome=decline', {
        css: 'am-authorize-button, am-unauthorize-button { display: block !important; }',
      });
      expect(getComputedStyle(authorize).display).to.equal('block');
      expect(shown(authorize, unauthorize)).to.deep.equal([true, false]);
    });

    it('hover styles apply only where the device can hover', async () => {
      const { authorize } = await setup();
      const rules = [...authorize.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])];
      const hovers = rules.flatMap((rule) =>
        rule instanceof CSSMediaRule
          ? [...rule.cssRules].map((inside) => ({ media: rule.conditionText, text: inside.cssText }))
          : [{ media: '', text: rule.cssText }],
      );
      const withHover = hovers.filter(({ text }) => text.includes(':hover'));
      expect(withHover).to.have.length.above(0);
      for (const { media } of withHover) expect(media).to.equal('(hover: hover)');
    });
  });

  describe('keyboard focus when a button hides itself', () => {
    it('Enter on Connect signs in and focus lands on the Disconnect button that appeared', async () => {
      const { provider, authorize, unauthorize } = await setup('outcome=authorize&delay=200');
      authorize.focus();
      expect(authorize.shadowRoot!.activeElement).to.equal(inner(authorize));
      const signedIn = oneEvent(authorize, 'am-authorize');
      await sendKeys({ press: 'Enter' });
      await signedIn;
      await waitUntil(() => unauthorize.shadowRoot!.activeElement === inner(unauthorize), 'focus on Disconnect');
      expect(document.activeElement).to.equal(unauthorize);
      expect(provider.isAuthorized).to.be.true;
      expect(shown(authorize, unauthorize)).to.deep.equal([false, true]);
    });

    it('Enter on Disconnect signs out and focus lands on the Connect button that appeared', async () => {
      const { provider, authorize, unauthorize } = await setup('outcome=authorize');
      await inClick(() => provider.authorize());
      await settle(authorize, unauthorize);
      unauthorize.focus();
      const signedOut = oneEvent(unauthorize, 'am-unauthorize');
      await sendKeys({ press: 'Enter' });
      await signedOut;
      await waitUntil(() => authorize.shadowRoot!.activeElement === inner(authorize), 'focus on Connect');
      expect(document.activeElement).to.equal(authorize);
      expect(shown(authorize, unauthorize)).to.deep.equal([true, false]);
    });

    it('a persistent Connect keeps focus after sign-in', async () => {
      const { authorize, unauthorize } = await setup('outcome=authorize&delay=200', { persistent: true });
      authorize.focus();
      const signedIn = oneEvent(authorize, 'am-authorize');
      await sendKeys({ press: 'Enter' });
      await signedIn;
      await settle(authorize, unauthorize);
      await authorize.updateComplete;
      expect(document.activeElement).to.equal(authorize);
      expect(authorize.shadowRoot!.activeElement).to.equal(inner(authorize));
    });

    it('a click with the mouse does not pull focus anywhere it was not', async () => {
      const { authorize, unauthorize } = await setup('outcome=authorize&delay=200');
      const outside = document.createElement('input');
      authorize.parentElement!.append(outside);
      outside.focus();
      const signedIn = oneEvent(authorize, 'am-authorize');
      // A click that does not focus the button (as in Safari): its click() inside a real click
      // on the focused field, which gives the gesture a popup needs.
      outside.addEventListener('click', () => inner(authorize).click(), { once: true });
      await realClick(outside);
      await signedIn;
      await settle(authorize, unauthorize);
      expect(document.activeElement).to.equal(outside);
    });
  });
});
