import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { AmAuthProvider, AmAuthorizeButton } from '../src/index.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, resetEmulator } from './support/emulator.js';
import { inClick, startInClick, trackPopups } from './support/dom.js';

async function setup(switches = 'outcome=decline') {
  const origin = await emulatorOrigin();
  const provider = await fixture<AmAuthProvider>(html`
    <am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?${switches}" api-url=${origin} logout-url="">
      <am-authorize-button></am-authorize-button>
      <am-unauthorize-button>Sign out</am-unauthorize-button>
    </am-auth-provider>
  `);
  const authorize = provider.querySelector('am-authorize-button') as AmAuthorizeButton;
  await authorize.updateComplete;
  return { provider, authorize, unauthorize: provider.querySelector('am-unauthorize-button')! };
}

const inner = (element: Element) => element.shadowRoot!.querySelector('button')!;

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

  it('are accessible signed out, busy and signed in', async function () {
    this.timeout(20000); // four axe runs and a real popup
    const { provider, authorize, unauthorize } = await setup('outcome=authorize&delay=1500');
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
});
