import { expect } from '@open-wc/testing';
import { PopupSession, popupFeatures, openAuthorizePopup, POPUP_NAME } from '../../src/core/popup-session.js';

const AUTH_ORIGIN = 'https://authorize.music.apple.com';

/** An iframe stands in for the popup: a real WindowProxy whose postMessage we can watch. */
function fakePopup() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const popup = frame.contentWindow!;
  const replies: { message: any; target: string }[] = [];
  (popup as any).postMessage = (message: unknown, target: string) => replies.push({ message, target });
  return { popup, frame, replies };
}

function send(data: unknown, { origin = AUTH_ORIGIN, source }: { origin?: string; source: Window | null }) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const request = (method: string, params?: unknown[], id: number | string = 1) => ({
  jsonrpc: '2.0',
  id,
  method,
  ...(params ? { params } : {}),
});

describe('popup session', () => {
  let sessions: PopupSession[] = [];
  const start = (popup: Window, timeoutMs = 5000) => {
    const session = new PopupSession({
      popup,
      authorizeOrigin: AUTH_ORIGIN,
      thirdPartyInfo: '{"thirdPartyName":"x"}',
      timeoutMs,
      pollMs: 20,
    });
    sessions.push(session);
    return session;
  };
  afterEach(() => {
    sessions.forEach((s) => s.dispose());
    sessions = [];
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('opens a centred 650×650 window named like MusicKit’s', () => {
    const features = popupFeatures(window);
    expect(features).to.match(/^height=650,menubar=no,resizable=no,scrollbars=no,status=no,toolbar=no,width=650,left=-?\d+,top=-?\d+$/);
    const calls: unknown[][] = [];
    const win = {
      open: (...args: unknown[]) => (calls.push(args), null),
      innerWidth: 1000,
      innerHeight: 800,
      screenLeft: 10,
      screenTop: 20,
      screen: {},
    } as unknown as Window;
    expect(openAuthorizePopup('https://a/woa', win)).to.be.null;
    expect(calls[0]).to.deep.equal([
      'https://a/woa',
      POPUP_NAME,
      'height=650,menubar=no,resizable=no,scrollbars=no,status=no,toolbar=no,width=650,left=185,top=95',
    ]);
  });

  it('never opens by the name of a window that exists: one of our popups still open, or the page itself', () => {
    const calls: string[] = [];
    const { frame, popup } = fakePopup();
    const host = {
      open: (_url: string, name: string) => (calls.push(name), popup),
      name: '',
      innerWidth: 1000,
      innerHeight: 800,
      screen: {},
    } as unknown as Window;
    openAuthorizePopup('https://a/woa', host);
    // Still open (another provider's attempt, or Apple's page closing itself after an outcome).
    openAuthorizePopup('https://a/woa', host);
    frame.remove();
    openAuthorizePopup('https://a/woa', host);
    (host as { name: string }).name = POPUP_NAME;
    const other = { ...host, open: (_url: string, name: string) => (calls.push(name), null), name: POPUP_NAME } as unknown as Window;
    openAuthorizePopup('https://a/woa', other);
    const fresh = new RegExp(`^${POPUP_NAME}-[a-z0-9]+$`);
    expect(calls[0]).to.equal(POPUP_NAME);
    expect(calls[1]).to.match(fresh);
    expect(calls[2]).to.equal(POPUP_NAME, 'MusicKit’s name again once it is gone');
    expect(calls[3]).to.match(fresh, 'the page’s own window is named like MusicKit’s popup');
  });

  it('reports a window.open that throws as blocked (null)', () => {
    const host = {
      open: () => {
        throw new DOMException('no', 'InvalidAccessError');
      },
      name: '',
      innerWidth: 1,
      innerHeight: 1,
      screen: {},
    } as unknown as Window;
    expect(openAuthorizePopup('https://a/woa', host)).to.be.null;
  });

  it('ignores every message until it knows its thirdPartyInfo, then navigates the popup and answers', async () => {
    const { popup, replies } = fakePopup();
    const session = new PopupSession({ popup, authorizeOrigin: AUTH_ORIGIN, timeoutMs: 5000, pollMs: 20 });
    sessions.push(session);
    send(request('thirdPartyInfo'), { source: popup });
    send(request('authorize', ['mut', '0', 'c']), { source: popup });
    expect(replies).to.deep.equal([]);
    session.navigate('about:blank#apple', '{"thirdPartyName":"y"}');
    send(request('thirdPartyInfo'), { source: popup });
    expect(replies[0].message.result).to.equal('{"thirdPartyName":"y"}');
  });

  it('answers thirdPartyInfo with the JSON string, only to the authorize origin', async () => {
    const { popup, replies } = fakePopup();
    start(popup);
    send(request('thirdPartyInfo', undefined, 'a1'), { source: popup });
    expect(replies).to.deep.equal([{ message: { jsonrpc: '2.0', id: 'a1', result: '{"thirdPartyName":"x"}' }, target: AUTH_ORIGIN }]);
  });

  it('settles authorize with the token, restricted flag and cid', async () => {
    const { popup, replies } = fakePopup();
    const session = start(popup);
    send(request('authorize', ['mut', '1', 'cid-9']), { source: popup });
    expect(await session.outcome).to.deep.equal({ kind: 'authorized', musicUserToken: 'mut', restricted: true, cid: 'cid-9' });
    expect(replies[0].message).to.deep.equal({ jsonrpc: '2.0', id: 1, result: undefined });
  });

  it('treats only the string "1" as restricted', async () => {
    const { popup } = fakePopup();
    const session = start(popup);
    send(request('authorize', ['mut', 1, null]), { source: popup });
    expect(await session.outcome).to.deep.equal({ kind: 'authorized', musicUserToken: 'mut', restricted: false, cid: '' });
  });

  for (const [method, outcome] of [
    ['decline', { kind: 'declined' }],
    ['unavailable', { kind: 'unavailable' }],
    ['switchUserId', { kind: 'cancelled', reason: 'switch-user' }],
  ] as const) {
    it(`settles ${method}`, async () => {
      const { popup } = fakePopup();
      const session = start(popup);
      send(request(method), { source: popup });
      expect(await session.outcome).to.deep.equal(outcome);
    });
  }

  it('reports an authorize without a token as an invalid response', async () => {
    const { popup, replies } = fakePopup();
    const session = start(popup);
    send(request('authorize', ['', '0', '']), { source: popup });
    expect((await session.outcome).kind).to.equal('invalid-response');
    expect(replies[0].message.error.code).to.equal(-32602);
  });

  it('answers close without settling, and −32601 for every other name', async () => {
    const { popup, replies } = fakePopup();
    const session = start(popup);
    const names = [
      'close',
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'toLocaleString',
      'Authorize',
      'authorize ',
      'eval',
    ];
    names.forEach((name, id) => send(request(name, undefined, id), { source: popup }));
    expect(replies[0].message).to.deep.equal({ jsonrpc: '2.0', id: 0, result: undefined });
    for (const reply of replies.slice(1)) expect(reply.message.error).to.deep.equal({ code: -32601, message: 'Method not found' });
    expect(replies).to.have.length(names.length);
    let settled = false;
    void session.outcome.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).to.be.false;
  });

  it('ignores messages from the right origin but another window, and from the popup with another origin', async () => {
    const { popup, replies } = fakePopup();
    const other = fakePopup();
    const session = start(popup);
    send(request('authorize', ['forged', '0', '']), { source: other.popup });
    send(request('authorize', ['forged', '0', '']), { source: window });
    send(request('authorize', ['forged', '0', '']), { source: null });
    send(request('authorize', ['forged', '0', '']), { source: popup, origin: 'https://evil.example' });
    send(request('authorize', ['forged', '0', '']), { source: popup, origin: 'https://authorize.music.apple.com.evil.example' });
    send(request('authorize', ['forged', '0', '']), { source: popup, origin: 'http://authorize.music.apple.com' });
    send(JSON.stringify(request('authorize', ['forged', '0', ''])), { source: popup });
    expect(replies.length + other.replies.length).to.equal(0);
    send(request('decline'), { source: popup });
    expect(await session.outcome).to.deep.equal({ kind: 'declined' });
  });

  it('ignores everything after the outcome', async () => {
    const { popup, replies } = fakePopup();
    const session = start(popup);
    send(request('decline', undefined, 1), { source: popup });
    send(request('authorize', ['late', '0', ''], 2), { source: popup });
    expect(await session.outcome).to.deep.equal({ kind: 'declined' });
    expect(replies).to.have.length(1);
  });

  it('notices a closed popup by polling', async () => {
    const { popup, frame } = fakePopup();
    const session = start(popup);
    frame.remove();
    expect(await session.outcome).to.deep.equal({ kind: 'cancelled', reason: 'closed', beforeContact: true });
  });

  it('notices when a popup that did talk to us closes', async () => {
    const { popup, frame } = fakePopup();
    const session = start(popup);
    send(request('thirdPartyInfo'), { source: popup });
    frame.remove();
    expect(await session.outcome).to.deep.equal({ kind: 'cancelled', reason: 'closed', beforeContact: false });
  });

  it('times out', async () => {
    const { popup } = fakePopup();
    const session = start(popup, 60);
    expect(await session.outcome).to.deep.equal({ kind: 'cancelled', reason: 'timeout', beforeContact: true });
  });
});
