import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AmAuthProvider } from '../../src/index.js';
import { PopupSession } from '../../src/core/popup-session.js';
import { parseRpcRequest } from '../../src/core/json-rpc.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, resetEmulator } from '../support/emulator.js';
import { inClick, recordOutcomes, startInClick } from '../support/dom.js';
import { OBJECT_PROTOTYPE_NAMES, PROTOCOL_METHODS, randomMessage, seededRandom } from '../support/fuzz.js';

const AUTH_ORIGIN = 'https://authorize.music.apple.com';
const SETTLING = new Set(['authorize', 'decline', 'switchUserId', 'unavailable']);

/** Every request Apple's page could send, plus every Object.prototype name, correctly shaped. */
const WELL_FORMED = [
  ...PROTOCOL_METHODS.map((method, id) => ({
    jsonrpc: '2.0',
    id,
    method,
    params: method === 'authorize' ? ['forged-token', '0', 'cid'] : [],
  })),
  ...OBJECT_PROTOTYPE_NAMES.map((method, id) => ({ jsonrpc: '2.0', id: 100 + id, method })),
];

function watchErrors() {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('hostile messages: seeded fuzz against the popup session', () => {
  const frames: HTMLIFrameElement[] = [];
  /** Same-origin frames stand in for windows; their postMessage is replaced by a recorder. */
  function spyWindow(replies: { to: string; target: string; message: any }[], name: string) {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frames.push(frame);
    (frame.contentWindow as any).postMessage = (message: unknown, target: string) => replies.push({ to: name, target, message });
    return frame.contentWindow!;
  }
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('accepts none of 4,000 messages from other origins or windows', async () => {
    const replies: { to: string; target: string; message: any }[] = [];
    const popup = spyWindow(replies, 'popup');
    const other = spyWindow(replies, 'other');
    const session = new PopupSession({
      popup,
      authorizeOrigin: AUTH_ORIGIN,
      thirdPartyInfo: '{"thirdPartyToken":"dev"}',
      timeoutMs: 60_000,
    });
    let settled = false;
    void session.outcome.then(() => (settled = true));
    const watch = watchErrors();
    const random = seededRandom(20261122);
    const origins = [
      AUTH_ORIGIN,
      'https://evil.example',
      'null',
      'http://authorize.music.apple.com',
      'https://authorize.music.apple.com:443.evil',
      'https://music.apple.com',
      location.origin,
    ];
    const sources: (Window | null)[] = [popup, other, window, null];
    let sent = 0;
    while (sent < 4000) {
      const origin = random.pick(origins);
      const source = random.pick(sources);
      if (origin === AUTH_ORIGIN && source === popup) continue; // the one legitimate sender
      const data = random.next() < 0.3 ? random.pick(WELL_FORMED) : randomMessage(random);
      window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
      sent++;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    watch.stop();
    session.dispose();
    expect({ sent, replies: replies.length, settled, errors: watch.errors.length }).to.deep.equal({
      sent: 4000,
      replies: 0,
      settled: false,
      errors: 0,
    });
    expect(({} as any).polluted).to.be.undefined;
  });

  it('from the popup itself, 2,000 junk or unknown requests never settle and are answered only to Apple’s origin', async () => {
    const replies: { to: string; target: string; message: any }[] = [];
    const popup = spyWindow(replies, 'popup');
    const session = new PopupSession({
      popup,
      authorizeOrigin: AUTH_ORIGIN,
      thirdPartyInfo: '{"thirdPartyToken":"dev"}',
      timeoutMs: 60_000,
    });
    let settled = false;
    void session.outcome.then(() => (settled = true));
    const watch = watchErrors();
    const random = seededRandom(7);
    let sent = 0;
    let answerable = 0;
    while (sent < 2000) {
      const data = randomMessage(random);
      const request = parseRpcRequest(data);
      if (request && SETTLING.has(request.method)) continue; // a real answer, not junk
      if (request) answerable++;
      window.dispatchEvent(new MessageEvent('message', { data, origin: AUTH_ORIGIN, source: popup }));
      sent++;
    }
    watch.stop();
    session.dispose();
    expect(settled).to.be.false;
    expect(watch.errors).to.deep.equal([]);
    expect(replies).to.have.length(answerable);
    expect(replies.every((reply) => reply.to === 'popup' && reply.target === AUTH_ORIGIN)).to.be.true;
    const tokenReplies = replies.filter((reply) => typeof reply.message.result === 'string');
    expect(tokenReplies.every((reply) => reply.target === AUTH_ORIGIN)).to.be.true;
    const errorCodes = new Set(replies.filter((r) => r.message.error).map((r) => r.message.error.code));
    expect([...errorCodes]).to.deep.equal([-32601]);
    expect(({} as any).polluted).to.be.undefined;
  });

  it('ignores a replayed answer after the outcome', async () => {
    const replies: { to: string; target: string; message: any }[] = [];
    const popup = spyWindow(replies, 'popup');
    const session = new PopupSession({ popup, authorizeOrigin: AUTH_ORIGIN, thirdPartyInfo: '{}', timeoutMs: 60_000 });
    const authorize = { jsonrpc: '2.0', id: 5, method: 'authorize', params: ['t1', '0', 'c'] };
    window.dispatchEvent(new MessageEvent('message', { data: authorize, origin: AUTH_ORIGIN, source: popup }));
    window.dispatchEvent(
      new MessageEvent('message', { data: { ...authorize, params: ['t2', '1', 'c'] }, origin: AUTH_ORIGIN, source: popup }),
    );
    window.dispatchEvent(
      new MessageEvent('message', { data: { jsonrpc: '2.0', id: 4, method: 'decline' }, origin: AUTH_ORIGIN, source: popup }),
    );
    expect(await session.outcome).to.deep.equal({ kind: 'authorized', musicUserToken: 't1', restricted: false, cid: 'c' });
    expect(replies).to.have.length(1);
  });
});

describe('hostile messages: real windows against <am-auth-provider> with its popup open', () => {
  const jsonSafe = (messages: unknown[]) =>
    JSON.parse(
      JSON.stringify(messages, (_key, value) =>
        typeof value === 'bigint' ? String(value) : typeof value === 'string' ? value.slice(0, 80) : value,
      ),
    );

  function forgedBatch(seed: number) {
    const random = seededRandom(seed);
    return jsonSafe([...WELL_FORMED, ...Array.from({ length: 250 }, () => randomMessage(random))]);
  }

  /** Waits for the forger's `{forgeDone}` message from `source`. */
  const forgeDone = (isSource: (source: MessageEventSource | null) => boolean) =>
    new Promise<number>((resolve) => {
      const listener = (event: MessageEvent) => {
        if (isSource(event.source) && typeof event.data?.forgeDone === 'number') {
          window.removeEventListener('message', listener);
          resolve(event.data.forgeDone);
        }
      };
      window.addEventListener('message', listener);
    });

  it('accepts nothing from frames and windows that are not the popup, nor from the popup once it left Apple’s origin', async () => {
    localStorage.clear();
    await resetEmulator();
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(
      html`<am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa?outcome=none" api-url=${origin} popup-timeout="60000"></am-auth-provider>`,
    );
    const outcomes = recordOutcomes();
    const watch = watchErrors();
    let popup: Window | null = null;
    const open = window.open;
    window.open = (...args: Parameters<typeof window.open>) => (popup = open.apply(window, args));
    const { result: attempt } = await startInClick(() => provider.authorize().catch((error) => error.code));
    window.open = open;
    let total = 0;

    const plan = (messages: unknown[], to: 'parent' | 'opener') =>
      `#${encodeURIComponent(JSON.stringify({ to, target: location.origin, messages }))}`;
    const senders: [string, (messages: unknown[]) => Promise<number>][] = [
      [
        'a frame of Apple’s origin',
        async (messages) => {
          const frame = document.createElement('iframe');
          const done = forgeDone((source) => source === frame.contentWindow);
          frame.src = `${origin}/_emulator/forge${plan(messages, 'parent')}`;
          document.body.append(frame);
          const count = await done;
          frame.remove();
          return count;
        },
      ],
      [
        'another window of Apple’s origin',
        async (messages) => {
          let other: Window | null = null;
          const done = forgeDone((source) => source === other);
          other = await inClick(() => open.call(window, `${origin}/_emulator/forge${plan(messages, 'opener')}`, 'forger'));
          const count = await done;
          other!.close();
          return count;
        },
      ],
      [
        'a frame of this page’s origin',
        async (messages) => {
          const frame = document.createElement('iframe');
          const done = forgeDone((source) => source === frame.contentWindow);
          frame.src = `/test/fixtures/forge.html${plan(messages, 'parent')}`;
          document.body.append(frame);
          const count = await done;
          frame.remove();
          return count;
        },
      ],
    ];
    for (const [index, [, send]] of senders.entries()) total += await send(forgedBatch(index + 1));
    expect(provider.status).to.equal('not-determined');
    expect(outcomes.events).to.deep.equal([]);

    // Finally the popup itself, navigated away from Apple's origin, forges answers.
    const done = forgeDone((source) => source === popup);
    popup!.location.href = `${location.origin}/test/fixtures/forge.html${plan(forgedBatch(9), 'opener')}`;
    total += await done;
    expect(provider.status).to.equal('not-determined');
    popup!.close();
    expect(await attempt).to.equal('cancelled');
    watch.stop();
    outcomes.stop();
    expect(watch.errors).to.deep.equal([]);
    expect(outcomes.events.map((e) => [e.type, e.detail.reason])).to.deep.equal([['am-cancel', 'closed']]);
    expect(localStorage.length).to.equal(0);
    expect(total).to.equal(4 * (WELL_FORMED.length + 250));
  });
});
