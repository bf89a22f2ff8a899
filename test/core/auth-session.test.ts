// AuthSession on its own: the sign-in flow without Lit or any element. The page's own window
// opens the "popup" (an iframe's window, whose postMessage is watched) and Apple's side of the
// conversation is played here (docs/protocol.md, "The popup"); the storefront lookup goes to
// the emulator with a Music User Token it issued.
import { expect } from '@open-wc/testing';
import { AuthSession, type AuthSessionConfig } from '../../src/core/auth-session.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { emulatorOrigin, issueToken, resetEmulator } from '../support/emulator.js';

const AUTH_ORIGIN = 'https://authorize.music.apple.com';

describe('AuthSession (no element, no Lit)', () => {
  let cleanup: (() => void)[] = [];
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => {
    cleanup.reverse().forEach((undo) => undo()); // last in, first out: each start() restores what it found
    cleanup = [];
  });

  async function start(overrides: Partial<AuthSessionConfig> = {}) {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow!;
    const replies: { message: { id: number; result?: string }; target: string }[] = [];
    (popup as unknown as { postMessage: unknown }).postMessage = (message: { id: number; result?: string }, target: string) =>
      replies.push({ message, target });
    const opened: string[] = [];
    const open = window.open;
    window.open = ((url: string) => (opened.push(url), popup)) as typeof window.open;
    const config: AuthSessionConfig = {
      developerToken: fakeDeveloperToken(),
      storage: 'local',
      authorizeUrl: `${AUTH_ORIGIN}/woa`,
      apiUrl: await emulatorOrigin(),
      logoutUrl: '',
      popupTimeout: 10_000,
      acceptHandOff: false,
      ...overrides,
    };
    const changes: unknown[] = [];
    const session = new AuthSession({ config: () => config, onChange: (change) => change && changes.push(change) });
    session.connect();
    cleanup.push(() => {
      session.disconnect();
      window.open = open;
      frame.remove();
    });
    const fromApple = (method: string, id: number, params?: unknown[]) =>
      window.dispatchEvent(
        new MessageEvent('message', { data: { jsonrpc: '2.0', id, method, params }, origin: AUTH_ORIGIN, source: popup }),
      );
    return { session, config, replies, opened, changes, fromApple };
  }

  it('signs in through the popup and returns the outcome as a value; signs out', async () => {
    const { session, config, replies, opened, changes, fromApple } = await start();
    const result = session.authorize();
    expect(session.busy).to.be.true;
    expect(opened).to.have.length(1);
    expect(opened[0]).to.match(/^https:\/\/authorize\.music\.apple\.com\/woa\?/);
    fromApple('thirdPartyInfo', 1);
    expect(replies[0].target).to.equal(AUTH_ORIGIN);
    expect(JSON.parse(replies[0].message.result!).thirdPartyToken).to.equal(config.developerToken);
    const musicUserToken = await issueToken();
    fromApple('authorize', 2, [musicUserToken, '0', 'cid-1']);
    const end = await result;
    expect(end.kind).to.equal('authorized');
    expect(end.kind === 'authorized' && end.authorization.musicUserToken).to.equal(musicUserToken);
    expect(session.busy).to.be.false;
    expect(session.status).to.equal('authorized');
    expect(session.stored?.musicUserToken).to.equal(musicUserToken);
    expect(changes).to.deep.equal([{ status: 'authorized', previousStatus: 'not-determined', reason: 'authorized' }]);

    session.unauthorize();
    expect(session.status).to.equal('not-determined');
    expect(session.stored).to.be.undefined;
    expect(changes).to.have.length(2);
  });

  it('tells Apple the page’s 120×120 icon, unless app-icon names one: the explicit icon wins', async () => {
    const link = Object.assign(document.createElement('link'), { rel: 'apple-touch-icon', href: 'https://example.com/touch-120.png' });
    link.setAttribute('sizes', '120x120');
    document.head.append(link);
    cleanup.push(() => link.remove());
    const iconSent = async (appIcon?: string) => {
      const { session, replies, fromApple } = await start({ appIcon });
      const result = session.authorize();
      fromApple('thirdPartyInfo', 1);
      fromApple('decline', 2);
      await result;
      return JSON.parse(replies[0].message.result!).thirdPartyIconURL;
    };
    expect(await iconSent()).to.equal('https://example.com/touch-120.png');
    expect(await iconSent('https://example.com/explicit.png')).to.equal('https://example.com/explicit.png');
  });

  it('a decline is a value too: denied, nothing stored', async () => {
    const { session, fromApple } = await start();
    const result = session.authorize();
    fromApple('thirdPartyInfo', 1);
    fromApple('decline', 2);
    const end = await result;
    expect(end.kind).to.equal('declined');
    expect(session.status).to.equal('denied');
    expect(session.stored).to.be.undefined;
  });

  it('without a developer token: failed with no-developer-token, and no window opened', async () => {
    const { session, opened } = await start({ developerToken: '' });
    const end = await session.authorize();
    expect(end.kind).to.equal('failed');
    expect(end.kind === 'failed' && end.error.code).to.equal('no-developer-token');
    expect(opened).to.have.length(0);
    expect(session.busy).to.be.false;
  });
});
