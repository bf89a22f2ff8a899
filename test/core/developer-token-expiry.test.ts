import { expect } from '@open-wc/testing';
import { expiringMessage, expiringOnce, expiringSoon } from '../../src/core/developer-token-expiry.js';
import { DeveloperTokenSource } from '../../src/core/developer-token-source.js';
import { fakeDeveloperToken } from '../support/tokens.js';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2027, 0, 1);
const info = (daysLeft: number, fromUrl = false) => ({ teamId: 'TEAMID1234', expiresAt: NOW + daysLeft * DAY_MS, fromUrl });

describe('developer token expiry', () => {
  it('a token given as an attribute is announced 14 days ahead', () => {
    expect(expiringSoon(info(15), NOW)).to.be.undefined;
    expect(expiringSoon(info(14.01), NOW)).to.be.undefined;
    expect(expiringSoon(info(14), NOW)).to.deep.equal({ expiresAt: NOW + 14 * DAY_MS, daysLeft: 14 });
    expect(expiringSoon(info(13), NOW)).to.deep.equal({ expiresAt: NOW + 13 * DAY_MS, daysLeft: 13 });
    expect(expiringSoon(info(12.9), NOW)?.daysLeft).to.equal(13);
    expect(expiringSoon(info(0.2), NOW)?.daysLeft).to.equal(0);
  });

  it("a token from a URL only within its server's renewal window (7 days)", () => {
    expect(expiringSoon(info(13, true), NOW)).to.be.undefined;
    expect(expiringSoon(info(7.01, true), NOW)).to.be.undefined;
    expect(expiringSoon(info(7, true), NOW)?.daysLeft).to.equal(7);
    expect(expiringSoon(info(3, true), NOW)?.daysLeft).to.equal(3);
  });

  it('is announced once per token and page load', () => {
    const token = { ...info(13), token: `token-${Math.random()}` };
    expect(expiringOnce(token, NOW)?.daysLeft).to.equal(13);
    expect(expiringOnce(token, NOW)).to.be.undefined;
    expect(expiringOnce({ ...token, token: `${token.token}-other` }, NOW)?.daysLeft).to.equal(13);
    const later = { ...info(30), token: `token-${Math.random()}` };
    expect(expiringOnce(later, NOW)).to.be.undefined;
    expect(expiringOnce(later, NOW + 20 * DAY_MS)?.daysLeft, 'not marked while it was fine').to.equal(10);
  });

  it('the warning says when, and what to do, for both kinds', () => {
    const detail = { expiresAt: NOW + 13 * DAY_MS, daysLeft: 13 };
    expect(expiringMessage(detail))
      .to.contain('expires on 2027-01-14T00:00:00.000Z (13 days left)')
      .and.contain('serve renewed ones from developer-token-url');
    expect(expiringMessage({ ...detail, daysLeft: 1 })).to.contain('(1 day left)');
    expect(expiringMessage({ ...detail, daysLeft: 0 })).to.contain('(0 days left)');
    expect(expiringMessage(detail, true))
      .to.contain('developer-token-url answers a token that expires')
      .and.contain('does not renew')
      .and.contain('"Developer tokens"');
  });
});

describe('developer token source: renewal ahead of expiry', () => {
  const seconds = (days: number) => Math.floor(Date.now() / 1000) + days * 86_400;
  /** A URL answering `tokens` in turn (the last one from then on); records each request's cache mode. */
  function serving(...tokens: string[]) {
    const modes: (RequestCache | undefined)[] = [];
    const source = new DeveloperTokenSource(
      () => ({ url: '/token' }),
      async (_url, init) => {
        modes.push(init?.cache);
        return new Response(tokens[Math.min(modes.length, tokens.length) - 1]);
      },
    );
    return { source, modes };
  }

  it('a token with more than a week left: fetched once, marked as from the URL', async () => {
    const token = fakeDeveloperToken({ exp: seconds(13) });
    const { source, modes } = serving(token);
    expect(await source.get()).to.include({ token, fromUrl: true });
    expect(modes).to.deep.equal([undefined]);
  });

  it('a token within a week of expiry: asked once more past caches, and the later one is kept', async () => {
    const fresh = fakeDeveloperToken({ exp: seconds(180) });
    const { source, modes } = serving(fakeDeveloperToken({ exp: seconds(3) }), fresh);
    expect((await source.get()).token).to.equal(fresh);
    expect(modes).to.deep.equal([undefined, 'no-cache']);
    expect(source.current()?.token).to.equal(fresh);
  });

  it('keeps the first when the second is no later, or fails', async () => {
    const stale = fakeDeveloperToken({ exp: seconds(3) });
    const same = serving(stale, fakeDeveloperToken({ exp: seconds(2) }));
    expect((await same.source.get()).token).to.equal(stale);
    let calls = 0;
    const failing = new DeveloperTokenSource(
      () => ({ url: '/token' }),
      async () => (++calls === 1 ? new Response(stale) : new Response('down', { status: 503 })),
    );
    expect((await failing.get()).token).to.equal(stale);
    expect(calls).to.equal(2);
  });

  it('an expired answer (a stale cache) is asked for once more past caches', async () => {
    const fresh = fakeDeveloperToken({ exp: seconds(180) });
    const { source, modes } = serving(fakeDeveloperToken({ exp: 1_600_000_000 }), fresh);
    expect((await source.get()).token).to.equal(fresh);
    expect(modes).to.deep.equal([undefined, 'no-cache']);
    const expired = serving(fakeDeveloperToken({ exp: 1_600_000_000 }));
    const error = await expired.source.get().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.contain('expired');
    expect(expired.modes).to.deep.equal([undefined, 'no-cache']);
  });

  it('refresh() after a 401 asks past caches', async () => {
    const { source, modes } = serving(fakeDeveloperToken({ exp: seconds(100) }));
    await source.get();
    await source.refresh();
    expect(modes).to.deep.equal([undefined, 'no-cache']);
  });
});
