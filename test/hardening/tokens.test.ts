import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { AmAuthProvider } from '../../src/index.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, resetEmulator, revokeToken } from '../support/emulator.js';
import { inClick, realClick } from '../support/dom.js';

const KEY = 'music.teamid1234.media-user-token';

/** Every attribute value in the document, through open shadow roots. */
function allAttributeValues(root: Document | ShadowRoot = document): string[] {
  const values: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) values.push(attribute.value);
    if (element.shadowRoot) values.push(...allAttributeValues(element.shadowRoot));
  }
  return values;
}

describe('where the Music User Token may appear', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('only in am-authorize: never in attributes, console output, the URL or other events', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((name) => console[name]);
    methods.forEach((name) => (console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '))));
    const events: { type: string; detail: unknown }[] = [];
    const types = [
      'am-authorize',
      'am-decline',
      'am-unavailable',
      'am-cancel',
      'am-error',
      'am-unauthorize',
      'am-status-change',
      'am-library-load',
      'am-library-select',
    ];
    const record = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
    types.forEach((type) => document.addEventListener(type, record));
    try {
      const origin = await emulatorOrigin();
      const provider = await fixture<AmAuthProvider>(html`
        <am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?outcome=authorize" api-url=${origin} logout-url="${origin}/WebObjects/MZPlay.woa/wa/webPlayerLogout">
          <am-authorize-button></am-authorize-button>
          <am-unauthorize-button></am-unauthorize-button>
        </am-auth-provider>
      `);
      await realClick(provider.querySelector('am-authorize-button')!);
      const { detail } = await oneEvent(provider, 'am-authorize');
      const token = detail.musicUserToken as string;
      await provider.api.music('/v1/me/library/albums', { limit: 5 });
      await provider.updateComplete;
      const attributesWhileSignedIn = allAttributeValues();
      const unauthorized = oneEvent(provider, 'am-unauthorize');
      await realClick(provider.querySelector('am-unauthorize-button')!);
      await unauthorized;

      expect(attributesWhileSignedIn.filter((value) => value.includes(token))).to.deep.equal([]);
      expect(logged.filter((line) => line.includes(token))).to.deep.equal([]);
      expect(location.href).not.to.contain(token);
      const carrying = events.filter((event) => JSON.stringify(event.detail ?? {}).includes(token)).map((event) => event.type);
      expect(carrying).to.deep.equal(['am-authorize']);
    } finally {
      methods.forEach((name, index) => (console[name] = originals[index]));
      types.forEach((type) => document.removeEventListener(type, record));
    }
  });

  it('a revoked token (403 from /v1/me/…) signs the user out, with reason user-token-rejected', async () => {
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?outcome=authorize" api-url=${origin}></am-auth-provider>`,
    );
    const token = await inClick(() => provider.authorize());
    await revokeToken(token);
    const change = oneEvent(provider, 'am-status-change');
    const failure = await provider.api.music('/v1/me/library/songs').then(
      () => undefined,
      (error) => error,
    );
    expect(failure?.status).to.equal(403);
    expect((await change).detail).to.deep.equal({ status: 'not-determined', previousStatus: 'authorized', reason: 'user-token-rejected' });
    expect(localStorage.getItem(KEY)).to.be.null;
    expect(provider.musicUserToken).to.be.undefined;
  });

  it('authorize({popup}) uses a window the page opened itself', async () => {
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?outcome=authorize" api-url=${origin}></am-auth-provider>`,
    );
    // Opened in a click, as a page must with the popup blocker on; authorize() can come later.
    const popup = (await inClick(() => window.open('about:blank', 'my-own-window', 'width=400,height=400')))!;
    const original = window.open;
    let opened = 0;
    window.open = (...args: Parameters<typeof window.open>) => (opened++, original.apply(window, args));
    try {
      const token = await provider.authorize({ popup });
      expect(token).to.be.a('string').and.not.empty;
    } finally {
      window.open = original;
    }
    expect(opened).to.equal(0);
    expect(provider.status).to.equal('authorized');
  });
});
