import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AmAuthProvider } from '../../src/index.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, resetEmulator } from '../support/emulator.js';
import { inClick, realClick, realClickInFrame, useCleanSlate } from '../support/dom.js';

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error) => error as { code: string; message: string },
  );

describe('popup failures', () => {
  const outcomes = useCleanSlate(resetEmulator);

  it('explains a popup whose opener link a Cross-Origin-Opener-Policy cut', async () => {
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${location.origin}/_test/coop-popup"></am-auth-provider>`,
    );
    const error = await errorOf(inClick(() => provider.authorize()));
    expect(error?.code).to.equal('cancelled');
    expect(error?.message).to.contain('Cross-Origin-Opener-Policy');
    expect(outcomes.events.map((e) => [e.type, e.detail.reason])).to.deep.equal([['am-cancel', 'closed']]);
    expect(outcomes.events[0].detail.message).to.contain('Cross-Origin-Opener-Policy');
  });

  it('reports popup-blocked inside a sandboxed iframe without allow-popups (storage falls back to memory)', async () => {
    const origin = await emulatorOrigin();
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.srcdoc = `<script type="module">
      import '/src/index.ts';
      const provider = document.createElement('am-auth-provider');
      provider.setAttribute('developer-token', ${JSON.stringify(fakeDeveloperToken())});
      provider.setAttribute('authorize-url', '${origin}/woa?outcome=authorize');
      document.body.append(provider);
      const events = [];
      for (const type of ['am-authorize', 'am-error', 'am-cancel']) provider.addEventListener(type, (e) => events.push([e.type, e.detail.code]));
      // From a real click: the sandbox, not a missing gesture, is what blocks the popup.
      const button = document.createElement('button');
      button.textContent = 'Sign in';
      document.body.append(button);
      button.addEventListener('click', () => provider.authorize().then(
        () => parent.postMessage({ result: 'resolved', events }, '*'),
        (error) => parent.postMessage({ result: error.code, events }, '*'),
      ));
      parent.postMessage({ ready: true }, '*');
    </script>`;
    const message = (key: string) =>
      new Promise<any>((resolve) =>
        window.addEventListener(
          'message',
          (event) => event.source === frame.contentWindow && Object(event.data)[key] !== undefined && resolve(event.data),
        ),
      );
    const ready = message('ready');
    const answer = message('result');
    document.body.append(frame);
    await ready;
    await realClickInFrame(frame, frame.contentDocument!.querySelector('button')!);
    const { result, events } = await answer;
    frame.remove();
    expect(result).to.equal('popup-blocked');
    expect(events).to.deep.equal([['am-error', 'popup-blocked']]);
  });
});

describe('developer-token-url', () => {
  const outcomes = useCleanSlate(resetEmulator);

  async function setup(query: string) {
    const origin = await emulatorOrigin();
    return fixture<AmAuthProvider>(html`
      <am-auth-provider developer-token-url="/_test/developer-token?${query}" authorize-url="${origin}/woa?outcome=authorize" api-url=${origin} logout-url="">
        <am-authorize-button></am-authorize-button>
      </am-auth-provider>
    `);
  }

  it('opens about:blank in the click task while the token is fetched, then navigates it to Apple', async () => {
    const provider = await setup('delay=1500');
    const opened: string[] = [];
    const original = window.open;
    window.open = (...args: Parameters<typeof window.open>) => (opened.push(String(args[0])), original.apply(window, args));
    try {
      await realClick(provider.querySelector('am-authorize-button')!);
      expect(opened).to.deep.equal(['about:blank']);
      const event = await outcomes.next();
      expect(event.type).to.equal('am-authorize');
    } finally {
      window.open = original;
    }
    expect(provider.status).to.equal('authorized');
  });

  it('opens Apple’s URL directly once the token is cached (JSON answer)', async () => {
    const provider = await setup('format=json');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const opened: string[] = [];
    const original = window.open;
    window.open = (...args: Parameters<typeof window.open>) => (opened.push(String(args[0])), original.apply(window, args));
    try {
      await inClick(() => provider.authorize());
    } finally {
      window.open = original;
    }
    expect(opened[0]).to.match(/\/woa\?outcome=authorize&a=/);
  });

  for (const [name, query, pattern] of [
    ['fails (HTTP 500)', 'status=500', /HTTP 500/],
    ['answers an expired token', 'expiresIn=-10', /expired/],
  ] as const) {
    it(`reports am-error no-developer-token when the URL ${name}, closing the blank popup`, async () => {
      const provider = await setup(query);
      const error = await errorOf(inClick(() => provider.authorize()));
      expect(error?.code).to.equal('no-developer-token');
      expect(error?.message).to.match(pattern);
      expect(outcomes.events.map((e) => [e.type, e.detail.code])).to.deep.equal([['am-error', 'no-developer-token']]);
    });
  }
});
