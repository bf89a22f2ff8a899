// Accessibility (docs/accessibility.md): axe in every state of every element, in light and
// dark; keyboard-only sign-in and library use; live announcements of sign-in, sign-out and load
// errors; prefers-reduced-motion.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { AmAuthProvider, AmAuthorizeButton, AmLibraryList } from '../src/index.js';
import { provideSignedIn } from './support/signed-in.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, injectFault, issueToken, resetEmulator } from './support/emulator.js';
import { inClick, realClick, startInClick, trackPopups } from './support/dom.js';
import { ENGINE, applyMediaRules, itIn, pressKeys } from './support/engine.js';

const TEAM = 'A11YTEAM01';
const developerToken = fakeDeveloperToken({ iss: TEAM });

/** Signs in without a popup: a valid emulator token where the provider reads it. */
async function storeSignIn(): Promise<void> {
  localStorage.setItem(`music.${TEAM.toLowerCase()}.itre`, '0');
  localStorage.setItem(`music.${TEAM.toLowerCase()}.media-user-token`, await issueToken());
}

async function setLatency(ms: number): Promise<void> {
  await fetch(`${await emulatorOrigin()}/_emulator/latency`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
}

/** A provider on the emulator with both buttons and a list. */
async function mount({ switches = 'outcome=authorize', type = 'albums', scheme = '' } = {}) {
  const origin = await emulatorOrigin();
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Before</button>
    <am-auth-provider developer-token=${developerToken} authorize-url=${`${origin}/woa?${switches}`} api-url=${origin} logout-url="">
      <am-authorize-button color-scheme=${ifDefined(scheme || undefined)}></am-authorize-button>
      <am-unauthorize-button color-scheme=${ifDefined(scheme || undefined)}></am-unauthorize-button>
      <am-library-list type=${type} aria-label="My library" color-scheme=${ifDefined(scheme || undefined)}></am-library-list>
    </am-auth-provider>
  </div>`);
  const provider = wrapper.querySelector<AmAuthProvider>('am-auth-provider')!;
  const authorize = wrapper.querySelector<AmAuthorizeButton>('am-authorize-button')!;
  const unauthorize = wrapper.querySelector('am-unauthorize-button')!;
  const list = wrapper.querySelector<AmLibraryList>('am-library-list')!;
  await list.updateComplete;
  await authorize.updateComplete;
  return { wrapper, provider, authorize, unauthorize, list };
}

/** A list behind a plain context provider whose API answers with `fetch`. */
async function scriptedList(fetch: typeof globalThis.fetch, attributes = '') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideSignedIn(host, fetch);
  host.innerHTML = `<am-library-list aria-label="Songs" ${attributes}></am-library-list>`;
  const list = host.querySelector('am-library-list')!;
  await list.updateComplete;
  return list;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const inner = (element: Element) => element.shadowRoot!.querySelector('button')!;
const live = (element: Element) => element.shadowRoot!.querySelector('[role=status]')!;
const part = (list: AmLibraryList, name: string) => list.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`);
const rowIndex = (row: Element | null | undefined) => Number(row?.getAttribute('aria-posinset')) - 1;

async function untilState(list: AmLibraryList, state: string, timeout = 8000): Promise<void> {
  // The message names the state when the wait gave up, not when it began.
  await waitUntil(() => list.getAttribute('state') === state, undefined, { timeout }).catch(() => {
    throw new Error(`Timeout: state "${state}" (is "${list.getAttribute('state')}")`);
  });
  await list.updateComplete;
}

/** Lets every element of the page take the provider's latest state. */
async function settle(...elements: Element[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await Promise.all(elements.map((element) => (element as AmAuthorizeButton).updateComplete));
  }
}

describe('accessibility', () => {
  let popups: ReturnType<typeof trackPopups>;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
    popups = trackPopups();
  });
  afterEach(async () => {
    await popups.closeAll();
    if (ENGINE === 'chromium') await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const scheme of ['', 'light', 'dark']) {
    const name = scheme ? `color-scheme="${scheme}"` : 'the page colours';
    describe(`axe-clean in every state (${name})`, () => {
      it('buttons: no provider, signed out, busy, signed in', async function () {
        this.timeout(20000); // four axe runs and a real popup
        const lonely = await fixture<HTMLDivElement>(
          html`<div><am-authorize-button></am-authorize-button><am-unauthorize-button></am-unauthorize-button></div>`,
        );
        if (scheme) lonely.querySelectorAll('*').forEach((element) => element.setAttribute('color-scheme', scheme));
        expect(inner(lonely.firstElementChild!).disabled).to.be.true;
        await expect(lonely).to.be.accessible();

        const { wrapper, provider, authorize, unauthorize } = await mount({ switches: 'outcome=authorize&delay=1500', scheme });
        await expect(wrapper).to.be.accessible();
        const { result: attempt } = await startInClick(() => provider.authorize());
        await settle(authorize);
        expect(authorize.hasAttribute('busy')).to.be.true;
        await expect(wrapper).to.be.accessible();
        await attempt;
        await settle(authorize, unauthorize);
        expect(inner(unauthorize).disabled).to.be.false;
        await expect(wrapper).to.be.accessible();
      });

      it('list: signed out, loading, list, error', async function () {
        this.timeout(20000);
        const { wrapper, list } = await mount({ scheme });
        await untilState(list, 'signed-out');
        await expect(wrapper).to.be.accessible();
        await storeSignIn();
        await setLatency(600);
        list.remove();
        wrapper.querySelector('am-auth-provider')!.remove();
        const again = await mount({ scheme });
        await untilState(again.list, 'loading');
        expect(part(again.list, 'loading')!.textContent).to.equal('Loading…');
        await expect(again.wrapper).to.be.accessible();
        await untilState(again.list, 'list');
        await expect(again.wrapper).to.be.accessible();
        await setLatency(0);
        await injectFault({ path: '/v1/me/library', status: 429, count: 8, retryAfter: 0 });
        again.list.reload();
        await untilState(again.list, 'error');
        await expect(again.wrapper).to.be.accessible();
      });

      it('list: empty, and an error below loaded rows', async () => {
        const empty = await scriptedList(async () => json({ data: [], meta: { total: 0 } }), scheme ? `color-scheme="${scheme}"` : '');
        await untilState(empty, 'empty');
        await expect(empty.parentElement!).to.be.accessible();
        let calls = 0;
        const failing = await scriptedList(
          async () =>
            ++calls === 1
              ? json({ data: [{ id: 'i.1', type: 'library-songs', attributes: { name: 'One' } }], next: '/v1/me/library/songs?offset=1' })
              : json({ errors: [{ status: '500', code: '50000', title: 'Oops' }] }, 500),
          scheme ? `color-scheme="${scheme}"` : '',
        );
        await waitUntil(() => part(failing, 'error'), 'the error below the rows');
        expect(failing.getAttribute('state')).to.equal('list');
        await expect(failing.parentElement!).to.be.accessible();
      });
    });
  }

  describe('keyboard only', () => {
    it('Tab to the list’s Connect button, Enter, then the first row has focus; arrows and Enter select', async function () {
      this.timeout(15000);
      const { wrapper, provider, list } = await mount({ type: 'songs' });
      // The page's own buttons are hidden: the list's default content is all there is.
      wrapper.querySelectorAll<HTMLElement>('am-authorize-button, am-unauthorize-button').forEach((element) => (element.hidden = true));
      await untilState(list, 'signed-out');
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      const connect = list.shadowRoot!.querySelector('am-authorize-button')!;
      expect(document.activeElement).to.equal(list);
      expect(list.shadowRoot!.activeElement).to.equal(connect);
      expect(connect.shadowRoot!.activeElement).to.equal(inner(connect));
      await sendKeys({ press: 'Enter' });
      await untilState(list, 'list');
      expect(provider.status).to.equal('authorized');
      await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 0, 'focus on the first row');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 1, 'focus on the second row');
      const selected = oneEvent(list, 'am-library-select');
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.item).to.equal(list.items[1]);
      // Tab leaves the rows (one Tab stop) for "Load more"; Enter there focuses the first new row.
      await sendKeys({ press: 'Tab' });
      expect(list.shadowRoot!.activeElement).to.equal(part(list, 'load-more'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 100, 'focus on the first new row');
      // Shift+Tab from a row goes back out of the list.
      await pressKeys('Shift', 'Tab');
      expect(document.activeElement).not.to.equal(list);
    });

    it('Disconnect from the keyboard hands focus to the Connect button, which shows itself again', async () => {
      await storeSignIn();
      const { provider, authorize, unauthorize } = await mount();
      await waitUntil(() => provider.isAuthorized, 'signed in from storage');
      await settle(authorize, unauthorize);
      unauthorize.focus();
      expect(unauthorize.shadowRoot!.activeElement, 'focus() reaches the inner button').to.equal(inner(unauthorize));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => authorize.shadowRoot!.activeElement === inner(authorize), 'focus on Connect');
      expect(provider.isAuthorized).to.be.false;
      expect(inner(unauthorize).disabled).to.be.true;
    });

    it('the retry button works from the keyboard and focus lands on the loaded row', async function () {
      this.timeout(15000);
      await storeSignIn();
      await injectFault({ path: '/v1/me/library', status: 429, count: 4, retryAfter: 0 });
      const { list } = await mount();
      await untilState(list, 'error');
      part(list, 'retry')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilState(list, 'list');
      await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 0, 'focus on the first row');
    });
  });

  describe('live announcements', () => {
    it('sign-in and sign-out are announced once, by the visible button', async () => {
      const { authorize, unauthorize } = await mount();
      expect([live(authorize).textContent, live(unauthorize).textContent]).to.deep.equal(['', '']);
      const signedIn = oneEvent(authorize, 'am-authorize');
      await realClick(authorize);
      await signedIn;
      await settle(authorize, unauthorize);
      // The clicked button hid itself: the one that appeared speaks.
      expect(live(unauthorize).textContent).to.equal('Connected to Apple Music');
      expect(live(authorize).textContent).to.equal('');
      expect(live(unauthorize).getAttribute('role')).to.equal('status');
      expect(inner(unauthorize).contains(live(unauthorize)), 'the region is not part of the button name').to.be.false;
      await realClick(unauthorize);
      await settle(authorize, unauthorize);
      expect(live(authorize).textContent).to.equal('Disconnected from Apple Music');
    });

    it('with both buttons visible (persistent), only one speaks', async () => {
      const { provider, authorize, unauthorize } = await mount();
      for (const button of [authorize, unauthorize]) button.setAttribute('persistent', '');
      await inClick(() => provider.authorize());
      await settle(authorize, unauthorize);
      const texts = [live(authorize).textContent, live(unauthorize).textContent];
      expect(texts.filter(Boolean)).to.deep.equal(['Connected to Apple Music']);
    });

    it('a sign-in restored from storage on load is not announced; the sign-out is', async () => {
      await storeSignIn();
      const { provider, authorize, unauthorize } = await mount();
      await settle(authorize, unauthorize);
      expect(provider.status).to.equal('authorized');
      expect([live(authorize).textContent, live(unauthorize).textContent]).to.deep.equal(['', '']);
      await provider.unauthorize();
      await settle(authorize, unauthorize);
      expect([live(authorize).textContent, live(unauthorize).textContent].filter(Boolean)).to.deep.equal(['Disconnected from Apple Music']);
    });

    it('texts come from connected-text and disconnected-text', async () => {
      const { provider, authorize, unauthorize } = await mount();
      for (const button of [authorize, unauthorize]) {
        button.setAttribute('connected-text', 'Connecté à Apple Music');
        button.setAttribute('disconnected-text', 'Déconnecté d’Apple Music');
      }
      await inClick(() => provider.authorize());
      await settle(authorize, unauthorize);
      expect(live(unauthorize).textContent).to.equal('Connecté à Apple Music');
      await provider.unauthorize();
      await settle(authorize, unauthorize);
      expect(live(authorize).textContent).to.equal('Déconnecté d’Apple Music');
    });

    it('a load error is announced by the list’s polite region, and cleared on success', async () => {
      await storeSignIn();
      await injectFault({ path: '/v1/me/library', status: 503, count: 8 });
      const { list } = await mount();
      await untilState(list, 'error', 15000);
      expect(live(list).textContent).to.contain('not responding (HTTP 503)');
      await resetEmulator();
      await storeSignIn();
      part(list, 'retry')!.click();
      await untilState(list, 'list');
      expect(live(list).textContent).to.equal('');
    }).timeout(20000);
  });

  describe('prefers-reduced-motion', () => {
    itIn(['chromium'], 'emulateMedia needs CDP', 'the busy spinner pulses instead of spinning', async () => {
      const { provider, authorize } = await mount({ switches: 'outcome=authorize&delay=1500' });
      const { result: attempt } = await startInClick(() => provider.authorize());
      await settle(authorize);
      const spinner = authorize.shadowRoot!.querySelector('[part=spinner]')!;
      expect(getComputedStyle(spinner).animationName).to.equal('am-spin');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(spinner).animationName).to.equal('am-pulse');
      await attempt;
    });

    it('the busy spinner’s reduced-motion rules make it pulse instead of spin (every engine)', async () => {
      const { provider, authorize } = await mount({ switches: 'outcome=authorize&delay=1500' });
      const { result: attempt } = await startInClick(() => provider.authorize());
      await settle(authorize);
      const spinner = authorize.shadowRoot!.querySelector('[part=spinner]')!;
      expect(getComputedStyle(spinner).animationName).to.equal('am-spin');
      const restore = applyMediaRules(authorize.shadowRoot!, 'prefers-reduced-motion: reduce');
      expect(getComputedStyle(spinner).animationName).to.equal('am-pulse');
      restore();
      await attempt;
    });

    /** Nothing in the list's shadow tree animates, transitions or scrolls smoothly. */
    const expectStill = (list: AmLibraryList) => {
      for (const element of list.shadowRoot!.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        expect([style.animationName, style.transitionDuration, style.scrollBehavior], element.outerHTML.slice(0, 60)).to.deep.equal([
          'none',
          '0s',
          'auto',
        ]);
      }
    };

    itIn(['chromium'], 'emulateMedia needs CDP', 'nothing in the list animates or transitions', async () => {
      await storeSignIn();
      await emulateMedia({ reducedMotion: 'reduce' });
      const { list } = await mount();
      await untilState(list, 'list');
      expectStill(list);
    });

    it('nothing in the list animates or transitions even without the preference: it has no motion to reduce (every engine)', async () => {
      await storeSignIn();
      const { list } = await mount();
      await untilState(list, 'list');
      expectStill(list);
    });
  });
});
