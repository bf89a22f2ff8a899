import { expect } from '@open-wc/testing';
import { queryKeys, withQuery } from '../../src/core/query.js';
import { abortable, backoffDelay, parseRetryAfter, sleep } from '../../src/core/retry.js';
import { rejection } from '../support/rejection.js';

describe('withQuery', () => {
  it('returns the URL unchanged without a query', () => {
    expect(withQuery('https://a.test/v1/x')).to.equal('https://a.test/v1/x');
    expect(withQuery('https://a.test/v1/x?y=1', {})).to.equal('https://a.test/v1/x?y=1');
  });

  it('encodes names and values with encodeURIComponent and joins arrays with commas', () => {
    expect(withQuery('/p', { 'a b': 'c&d=e', list: ['x,y', 'z'], n: 0, f: false })).to.equal('/p?a%20b=c%26d%3De&list=x%2Cy,z&n=0&f=false');
  });

  it('drops undefined (and null) values', () => {
    expect(withQuery('/p', { a: undefined, b: null as unknown as undefined, c: '' })).to.equal('/p?c=');
  });

  it('keeps existing parameters and replaces those set again', () => {
    expect(withQuery('/p?offset=10&limit=5&x=%20', { limit: 100, y: 'z' })).to.equal('/p?offset=10&x=%20&limit=100&y=z');
    expect(withQuery('/p?fields%5Balbums%5D=name', { 'fields[albums]': ['name', 'artwork'] })).to.equal(
      '/p?fields%5Balbums%5D=name,artwork',
    );
  });

  it('keeps a query-less path and drops a fragment', () => {
    expect(withQuery('/p#frag', { a: 1 })).to.equal('/p?a=1');
    expect(withQuery('/p?#frag')).to.equal('/p');
  });

  it('lists the parameter names of a URL', () => {
    expect([...queryKeys('/v1/me/library/songs?offset=100&fields%5Bsongs%5D=name&flag')]).to.deep.equal([
      'offset',
      'fields[songs]',
      'flag',
    ]);
    expect(queryKeys('/v1/me/library/songs').size).to.equal(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).to.equal(0);
    expect(parseRetryAfter(' 120 ', now)).to.equal(120_000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).to.equal(0);
  });

  it('returns undefined when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('', now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
  });
});

describe('backoffDelay', () => {
  it('doubles each attempt, between half and all of the step', () => {
    expect([0, 1, 2].map((n) => backoffDelay(n, 100, 10_000, () => 0))).to.deep.equal([50, 100, 200]);
    expect([0, 1, 2].map((n) => backoffDelay(n, 100, 10_000, () => 0.999999))).to.deep.equal([100, 200, 400]);
  });

  it('is capped', () => {
    expect(backoffDelay(20, 500, 30_000, () => 0.999999)).to.equal(30_000);
  });
});

describe('sleep and abortable', () => {
  it('sleep resolves after the delay', async () => {
    await sleep(1);
  });

  it('sleep rejects at once when the signal aborts, and when already aborted', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    expect((await rejection(waiting)).name).to.equal('AbortError');
    expect((await rejection(sleep(60_000, AbortSignal.abort()))).name).to.equal('AbortError');
  });

  it('abortable passes results and errors through', async () => {
    const controller = new AbortController();
    expect(await abortable(Promise.resolve(1), controller.signal)).to.equal(1);
    expect(await abortable(Promise.resolve(2))).to.equal(2);
    const boom = new Error('boom');
    expect(await rejection(abortable(Promise.reject(boom), controller.signal))).to.equal(boom);
  });

  it('abortable rejects with the abort reason while the promise is pending', async () => {
    const controller = new AbortController();
    const pending = abortable(new Promise(() => {}), controller.signal);
    controller.abort();
    const error = await rejection(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
  });
});
