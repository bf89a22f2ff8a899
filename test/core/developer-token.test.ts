import { expect } from '@open-wc/testing';
import { DeveloperTokenError, parseDeveloperToken } from '../../src/core/developer-token.js';
import { DeveloperTokenSource, tokenFromResponseText } from '../../src/core/developer-token-source.js';
import { fakeDeveloperToken } from '../support/tokens.js';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as DeveloperTokenError;
  }
  throw new Error('expected a throw');
};

describe('developer token parsing', () => {
  it('reads iss, kid, exp and origin', () => {
    const exp = Math.floor(Date.now() / 1000) + 100;
    const info = parseDeveloperToken(fakeDeveloperToken({ iss: 'ABCDE12345', exp, origin: ['https://a.test'] }));
    expect(info).to.deep.equal({ teamId: 'ABCDE12345', keyId: 'KEYID12345', expiresAt: exp * 1000, origins: ['https://a.test'] });
  });

  for (const [name, token] of [
    ['empty', ''],
    ['two parts', 'a.b'],
    ['not base64', 'a.b!c.d'],
    ['not JSON', `${btoa('x')}.${btoa('y')}.z`],
    ['no iss', `${btoa('{}')}.${btoa(JSON.stringify({ exp: 9e9 })).replace(/=/g, '')}.z`],
    ['string exp', `${btoa('{}')}.${btoa(JSON.stringify({ iss: 'T', exp: 'soon' })).replace(/=/g, '')}.z`],
  ]) {
    it(`rejects a malformed token: ${name}`, () => {
      const error = errorOf(() => parseDeveloperToken(token));
      expect(error).to.be.instanceOf(DeveloperTokenError);
      expect(error.code).to.equal('malformed');
      expect(error.message).to.match(/developer token/);
    });
  }

  it('rejects an expired token, saying when it expired', () => {
    const error = errorOf(() => parseDeveloperToken(fakeDeveloperToken({ exp: 1_600_000_000 })));
    expect(error.code).to.equal('expired');
    expect(error.message).to.contain('2020-09-13');
  });

  it('never puts the token itself in an error message', () => {
    const token = fakeDeveloperToken({ exp: 1 });
    expect(errorOf(() => parseDeveloperToken(token)).message).not.to.contain(token);
  });
});

describe('developer token source', () => {
  const respond =
    (body: string, status = 200) =>
    async () =>
      new Response(body, { status });

  it('reads text or {"token"} answers', () => {
    expect(tokenFromResponseText(' abc \n')).to.equal('abc');
    expect(tokenFromResponseText('{"token":"abc"}')).to.equal('abc');
    expect(() => tokenFromResponseText('{"nope":1}')).to.throw(DeveloperTokenError);
    expect(() => tokenFromResponseText('{broken')).to.throw(/broken JSON/);
  });

  it('fetches a URL token once and shares the fetch between callers', async () => {
    let calls = 0;
    const token = fakeDeveloperToken();
    const source = new DeveloperTokenSource(
      () => ({ url: '/token' }),
      async () => {
        calls++;
        return new Response(token);
      },
    );
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a.token).to.equal(token);
    expect(b).to.equal(a);
    expect(source.current()?.token).to.equal(token);
    await source.get();
    expect(calls).to.equal(1);
    await source.refresh();
    expect(calls).to.equal(2);
  });

  it('refetches a URL token that is about to expire', async () => {
    let calls = 0;
    const source = new DeveloperTokenSource(
      () => ({ url: '/token' }),
      async () => {
        calls++;
        return new Response(fakeDeveloperToken({ exp: Math.floor(Date.now() / 1000) + 30 }));
      },
    );
    await source.get();
    expect(source.current()).to.be.undefined;
    await source.get();
    // Each load also asks once more past caches, the token being within a week of expiry.
    expect(calls).to.equal(4);
  });

  it('gives clear errors for an HTTP failure, a network failure and an expired answer', async () => {
    const failing = new DeveloperTokenSource(() => ({ url: '/t' }), respond('nope', 500));
    const offline = new DeveloperTokenSource(
      () => ({ url: '/t' }),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    );
    const expired = new DeveloperTokenSource(() => ({ url: '/t' }), respond(fakeDeveloperToken({ exp: 1 })));
    const messages = await Promise.all(
      [failing, offline, expired].map((s) =>
        s.get().then(
          () => '',
          (e: Error) => e.message,
        ),
      ),
    );
    expect(messages[0]).to.contain('HTTP 500');
    expect(messages[1]).to.contain('could not be reached');
    expect(messages[2]).to.contain('expired');
  });

  it('does not refetch a fixed token', async () => {
    const source = new DeveloperTokenSource(() => ({ token: fakeDeveloperToken() }));
    expect(await source.refresh()).to.be.undefined;
  });
});
