import { expect } from '@open-wc/testing';
import { AppleMusicApi, type ApiClientOptions, type ApiPage } from '../../src/core/api-client.js';
import { AppleMusicApiError } from '../../src/core/errors.js';
import { rejection } from '../support/rejection.js';

const API = 'https://api.music.apple.com';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  init: RequestInit;
}
type Step = Response | Error | ((call: Call) => Response | Promise<Response>);

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function appleError(status: number, code: string, headers: Record<string, string> = {}): Response {
  return json(
    { errors: [{ id: 'E1', title: `Title ${status}`, detail: `Detail ${status}`, status: String(status), code }] },
    status,
    headers,
  );
}

const ok = (data: unknown = [{ id: '1' }]) => json({ data });

/** A client whose fetch plays `steps` in order and records every request. */
function setup(steps: Step[], overrides: Partial<ApiClientOptions> = {}) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const counts = { rejected: 0, developerToken: 0, refresh: 0 };
  const fakeFetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), method: init.method ?? 'GET', headers: new Headers(init.headers), init };
    calls.push(call);
    const step = steps.shift();
    if (!step) throw new Error(`unexpected fetch of ${call.url}`);
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(call) : step;
  }) as typeof fetch;
  const api = new AppleMusicApi({
    apiUrl: API,
    getDeveloperToken: async () => {
      counts.developerToken++;
      return 'dev-1';
    },
    getMusicUserToken: () => 'mut-1',
    getStorefrontId: () => 'gb',
    onUserTokenRejected: () => {
      counts.rejected++;
    },
    fetch: fakeFetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { api, calls, sleeps, counts };
}

async function apiError(promise: Promise<unknown>): Promise<AppleMusicApiError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(AppleMusicApiError);
  return error;
}

/** Lets pending promise callbacks and timers run until `condition` holds (no timing asserted). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition(), 'condition never held').to.be.true;
}

/** A response that only settles when the request's signal aborts. */
const hangUntilAborted = (call: Call) =>
  new Promise<Response>((_, reject) => {
    const signal = call.init.signal!;
    signal.addEventListener('abort', () => reject(signal.reason));
  });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('AppleMusicApi.music() — requests', () => {
  it('calls apiUrl + path with the developer token and resolves with {data, response}', async () => {
    const { api, calls } = setup([ok([{ id: 'a' }])]);
    const result = await api.music('v1/catalog/us/songs/1');
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal(`${API}/v1/catalog/us/songs/1`);
    expect(calls[0]!.method).to.equal('GET');
    expect(calls[0]!.headers.get('Authorization')).to.equal('Bearer dev-1');
    expect(calls[0]!.init.redirect).to.equal('error');
    expect(result.data).to.deep.equal({ data: [{ id: 'a' }] });
    expect(result.response).to.be.instanceOf(Response);
    expect(result.response.status).to.equal(200);
  });

  it('accepts a path with or without a leading slash, and an apiUrl with a trailing slash', async () => {
    const { api, calls } = setup([ok(), ok(), ok()]);
    await api.music('v1/catalog/us/songs');
    await api.music('/v1/catalog/us/songs');
    const slashed = setup([ok()], { apiUrl: `${API}/` });
    await slashed.api.music('/v1/catalog/us/songs');
    expect(calls.map((c) => c.url)).to.deep.equal([`${API}/v1/catalog/us/songs`, `${API}/v1/catalog/us/songs`]);
    expect(slashed.calls[0]!.url).to.equal(`${API}/v1/catalog/us/songs`);
  });

  it('keeps a path prefix of apiUrl (a proxy or local emulator)', async () => {
    const { api, calls } = setup([ok()], { apiUrl: 'http://127.0.0.1:9000/apple/' });
    await api.music('/v1/me/library/albums');
    expect(calls[0]!.url).to.equal('http://127.0.0.1:9000/apple/v1/me/library/albums');
    expect(calls[0]!.headers.get('Music-User-Token')).to.equal('mut-1');
  });

  it('replaces {{storefrontId}} with the storefront', async () => {
    const { api, calls } = setup([ok()]);
    await api.music('v1/catalog/{{storefrontId}}/search', { term: 'x' });
    expect(calls[0]!.url).to.equal(`${API}/v1/catalog/gb/search?term=x`);
  });

  it('builds the query: arrays joined with commas, undefined dropped, values encoded', async () => {
    const { api, calls } = setup([ok()]);
    await api.music('v1/catalog/us/search', {
      term: 'AC/DC & friends',
      types: ['songs', 'albums'],
      limit: 25,
      'with-x': true,
      skipped: undefined,
      'fields[albums]': ['name', 'artistName'],
    });
    const url = new URL(calls[0]!.url);
    expect(url.search).to.equal('?term=AC%2FDC%20%26%20friends&types=songs,albums&limit=25&with-x=true&fields%5Balbums%5D=name,artistName');
    expect(url.searchParams.get('term')).to.equal('AC/DC & friends');
  });

  it('merges the query into a path that already has a query string', async () => {
    const { api, calls } = setup([ok()]);
    await api.music('/v1/me/library/albums?offset=100&limit=10', { limit: 100, include: ['artists'] });
    expect(calls[0]!.url).to.equal(`${API}/v1/me/library/albums?offset=100&limit=100&include=artists`);
  });

  it('sends the Music User Token on /v1/me/… calls', async () => {
    const { api, calls } = setup([ok(), ok()]);
    await api.music('v1/me/library/albums');
    await api.music('/v1/me/storefront');
    for (const call of calls) expect(call.headers.get('Music-User-Token')).to.equal('mut-1');
  });

  it('prefers an explicit musicUserToken option over the stored one', async () => {
    const { api, calls } = setup([ok()]);
    await api.music('v1/me/storefront', undefined, { musicUserToken: 'fresh-mut' });
    expect(calls[0]!.headers.get('Music-User-Token')).to.equal('fresh-mut');
  });

  it('never sends the Music User Token to paths outside /v1/me', async () => {
    const { api, calls } = setup([ok(), ok(), ok()]);
    await api.music('v1/catalog/us/songs/1');
    await api.music('v1/meta/x');
    await api.music('v1/catalog/us/search', { path: '/v1/me/library' });
    for (const call of calls) {
      expect(call.headers.has('Music-User-Token'), call.url).to.be.false;
      expect(call.headers.get('Authorization')).to.equal('Bearer dev-1');
    }
  });

  it('fails with NO_USER_TOKEN, without fetching, when a /v1/me call has no token', async () => {
    const { api, calls } = setup([], { getMusicUserToken: () => undefined });
    const error = await apiError(api.music('v1/me/library/songs'));
    expect(error.status).to.equal(0);
    expect(error.code).to.equal('NO_USER_TOKEN');
    expect(error.message).to.contain('/v1/me/library/songs');
    expect(calls).to.have.length(0);
  });

  it('accepts an absolute URL on the API origin', async () => {
    const { api, calls } = setup([ok()]);
    await api.music(`${API}/v1/me/library/songs?offset=25`);
    expect(calls[0]!.url).to.equal(`${API}/v1/me/library/songs?offset=25`);
    expect(calls[0]!.headers.get('Music-User-Token')).to.equal('mut-1');
  });

  for (const url of [
    'https://evil.example/v1/me/library/songs',
    '//evil.example/v1/me/library/songs',
    'http://api.music.apple.com/v1/me/library/songs',
    'https://api.music.apple.com.evil.example/v1/me/library/songs',
    'javascript:alert(1)',
  ]) {
    it(`refuses ${url} without sending any token`, async () => {
      const { api, calls, counts } = setup([ok()]);
      const error = await apiError(api.music(url));
      expect(error.code).to.equal('CROSS_ORIGIN');
      expect(error.status).to.equal(0);
      expect(calls).to.have.length(0);
      expect(counts.developerToken).to.equal(0);
    });
  }

  it('resolves with data undefined for an empty success body (202/204)', async () => {
    const { api } = setup([new Response(null, { status: 204 })]);
    const { data, response } = await api.music('v1/me/library', undefined, { fetchOptions: { method: 'POST' } });
    expect(data).to.equal(undefined);
    expect(response.status).to.equal(204);
  });

  it('passes fetchOptions for writes, without letting them replace the tokens', async () => {
    const { api, calls } = setup([new Response(null, { status: 202 })]);
    await api.music(
      'v1/me/library',
      { 'ids[songs]': ['1', '2'] },
      {
        fetchOptions: {
          method: 'post',
          body: '{}',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer forged', 'Music-User-Token': 'forged' },
        },
      },
    );
    const call = calls[0]!;
    expect(call.method).to.equal('POST');
    expect(call.init.body).to.equal('{}');
    expect(call.url).to.equal(`${API}/v1/me/library?ids%5Bsongs%5D=1,2`);
    expect(call.headers.get('Content-Type')).to.equal('application/json');
    expect(call.headers.get('Authorization')).to.equal('Bearer dev-1');
    expect(call.headers.get('Music-User-Token')).to.equal('mut-1');
  });
});

describe('AppleMusicApi.paginate()', () => {
  const pages = () => [
    json({ data: [{ id: 'l.1' }, { id: 'l.2' }], next: '/v1/me/library/albums?offset=2', meta: { total: 5 } }),
    json({ data: [{ id: 'l.3' }, { id: 'l.4' }], next: '/v1/me/library/albums?offset=4', meta: { total: 5 } }),
    json({ data: [{ id: 'l.5' }], meta: { total: 5 } }),
  ];

  it('follows next to the end, yielding each page of resources', async () => {
    const { api, calls } = setup(pages());
    const result = await collect(api.paginate('v1/me/library/albums', { limit: 2 }));
    expect(result).to.deep.equal([[{ id: 'l.1' }, { id: 'l.2' }], [{ id: 'l.3' }, { id: 'l.4' }], [{ id: 'l.5' }]]);
    expect(calls.map((c) => c.url)).to.deep.equal([
      `${API}/v1/me/library/albums?limit=2`,
      `${API}/v1/me/library/albums?offset=2&limit=2`,
      `${API}/v1/me/library/albums?offset=4&limit=2`,
    ]);
    for (const call of calls) expect(call.headers.get('Music-User-Token')).to.equal('mut-1');
  });

  it("lets next's own parameters win over the carried query", async () => {
    const { api, calls } = setup([json({ data: [{ id: '1' }], next: '/v1/me/library/songs?offset=100&limit=50' }), json({ data: [] })]);
    await collect(api.paginate('v1/me/library/songs', { limit: 100, offset: 0 }));
    expect(calls[1]!.url).to.equal(`${API}/v1/me/library/songs?offset=100&limit=50`);
  });

  it('paginatePages exposes next and meta.total', async () => {
    const { api } = setup(pages());
    const result: ApiPage[] = await collect(api.paginatePages('v1/me/library/albums'));
    expect(result.map((p) => [p.data.length, p.next, p.total])).to.deep.equal([
      [2, '/v1/me/library/albums?offset=2', 5],
      [2, '/v1/me/library/albums?offset=4', 5],
      [1, undefined, 5],
    ]);
    expect(result[0]!.response.status).to.equal(200);
  });

  it('stops requesting when the loop breaks', async () => {
    const { api, calls } = setup(pages());
    for await (const page of api.paginate('v1/me/library/albums')) {
      expect(page).to.have.length(2);
      break;
    }
    expect(calls).to.have.length(1);
  });

  for (const next of ['https://evil.example/v1/me/library/albums?offset=2', '//evil.example/v1/me/library/albums']) {
    it(`refuses a next link to another origin (${next})`, async () => {
      const { api, calls } = setup([json({ data: [{ id: 'l.1' }], next }), ok()]);
      const seen: unknown[] = [];
      const error = await apiError(
        (async () => {
          for await (const page of api.paginate('v1/me/library/albums')) seen.push(page);
        })(),
      );
      expect(error.code).to.equal('CROSS_ORIGIN');
      expect(seen).to.deep.equal([[{ id: 'l.1' }]]);
      expect(calls).to.have.length(1);
    });
  }

  it('accepts an absolute next link on the API origin', async () => {
    const { api, calls } = setup([json({ data: [{ id: '1' }], next: `${API}/v1/me/library/songs?offset=1` }), ok([])]);
    await collect(api.paginate('v1/me/library/songs'));
    expect(calls[1]!.url).to.equal(`${API}/v1/me/library/songs?offset=1`);
  });

  it('fails instead of looping when a next link repeats', async () => {
    const loop = () => json({ data: [{ id: '1' }], next: '/v1/me/library/songs?offset=1' });
    const { api, calls } = setup([loop(), loop(), loop()]);
    const error = await apiError(collect(api.paginate('v1/me/library/songs')));
    expect(error.code).to.equal('INVALID_RESPONSE');
    expect(calls).to.have.length(2);
  });

  it('puts back the limit of the first request when a next link carries only the offset', async () => {
    const { api, calls } = setup(pages());
    await collect(api.paginate('v1/me/library/albums?limit=2'));
    expect(calls.map((c) => c.url)).to.deep.equal([
      `${API}/v1/me/library/albums?limit=2`,
      `${API}/v1/me/library/albums?offset=2&limit=2`,
      `${API}/v1/me/library/albums?offset=4&limit=2`,
    ]);
  });

  it('page() fetches one page; its next carries the limit asked for', async () => {
    const { api, calls } = setup(pages());
    const page = await api.page('v1/me/library/albums', { limit: 2 });
    expect([page.data, page.next, page.total, page.skipped]).to.deep.equal([
      [{ id: 'l.1' }, { id: 'l.2' }],
      '/v1/me/library/albums?offset=2&limit=2',
      5,
      0,
    ]);
    expect(calls).to.have.length(1);
  });

  it('ends on an empty page even when it carries a next (no request loop)', async () => {
    const empty = (offset: number) => json({ data: [], next: `/v1/me/library/songs?offset=${offset}` });
    const { api, calls } = setup([
      json({ data: [{ id: '1' }], next: '/v1/me/library/songs?offset=1' }),
      empty(2),
      empty(3),
      empty(4),
      empty(5),
    ]);
    const result = await collect(api.paginate('v1/me/library/songs'));
    expect(result).to.deep.equal([[{ id: '1' }], []]);
    expect(calls).to.have.length(2);
  });

  it('skips entries that are not resources (null, numbers, strings, arrays) and counts them', async () => {
    const body = { data: [null, { id: '1' }, 7, 'x', [], { id: '2' }, false], next: '/v1/me/library/songs?offset=7' };
    const { api } = setup([json(body), json(body), ok([{ id: '3' }])]);
    const page = await api.page('v1/me/library/songs');
    expect([page.data, page.skipped, page.next]).to.deep.equal([[{ id: '1' }, { id: '2' }], 5, '/v1/me/library/songs?offset=7']);
    const result = await collect(api.paginate('v1/me/library/songs'));
    expect(result).to.deep.equal([[{ id: '1' }, { id: '2' }], [{ id: '3' }]]);
  });

  it('ends on a page whose entries are all unusable, even with a next', async () => {
    const junk = (offset: number) => json({ data: [null, 1], next: `/v1/me/library/songs?offset=${offset}` });
    const { api, calls } = setup([junk(2), junk(4), junk(6)]);
    const result = await collect(api.paginate('v1/me/library/songs'));
    expect(result).to.deep.equal([[]]);
    expect(calls).to.have.length(1);
  });

  it('fails clearly on a body that is not a page of resources', async () => {
    const { api } = setup([json({ results: {} })]);
    const error = await apiError(collect(api.paginate('v1/me/library/songs')));
    expect(error.code).to.equal('INVALID_RESPONSE');
  });

  it('aborts between pages', async () => {
    const controller = new AbortController();
    const { api, calls } = setup(pages());
    const error = await rejection(
      (async () => {
        for await (const _ of api.paginate('v1/me/library/albums', undefined, { signal: controller.signal })) {
          controller.abort();
        }
      })(),
    );
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
    expect(calls).to.have.length(1);
  });
});

describe('AppleMusicApi errors', () => {
  it("carries Apple's error objects", async () => {
    const { api } = setup([appleError(404, '40400')]);
    const error = await apiError(api.music('v1/catalog/us/songs/nope'));
    expect(error.name).to.equal('AppleMusicApiError');
    expect(error.status).to.equal(404);
    expect(error.code).to.equal('40400');
    expect(error.title).to.equal('Title 404');
    expect(error.detail).to.equal('Detail 404');
    expect(error.errors).to.deep.equal([{ id: 'E1', title: 'Title 404', detail: 'Detail 404', status: '404', code: '40400' }]);
  });

  it('gives a clear error for an HTML error page', async () => {
    const html = new Response('<html><body>Bad gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });
    const { api } = setup([html]);
    const error = await apiError(api.music('v1/me/library', undefined, { fetchOptions: { method: 'POST' } }));
    expect(error.status).to.equal(502);
    expect(error.code).to.equal('50200');
    expect(error.errors).to.deep.equal([]);
    expect(error.message).to.contain('not JSON');
  });

  it('gives a clear error for a JSON error body without errors[]', async () => {
    const { api } = setup([json({ message: 'nope' }, 400)]);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(400);
    expect(error.code).to.equal('40000');
    expect(error.errors).to.deep.equal([]);
  });

  it('gives INVALID_RESPONSE for malformed JSON on a 200', async () => {
    const { api, calls } = setup([new Response('{"data": [', { status: 200 })]);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(200);
    expect(error.code).to.equal('INVALID_RESPONSE');
    expect(calls).to.have.length(1);
  });

  it('ignores malformed entries in errors[]', async () => {
    const { api } = setup([json({ errors: [null, 'x', { title: 42, code: '40001' }] }, 400)]);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.errors).to.have.length(1);
    expect(error.code).to.equal('40001');
    expect(error.title).to.equal('42');
  });

  it('fails with an AppleMusicApiError when the developer token source fails, without fetching', async () => {
    const boom = new Error('no token');
    const { api, calls } = setup([ok()], { getDeveloperToken: () => Promise.reject(boom) });
    const error = await rejection(api.music('v1/catalog/us/songs'));
    expect(error).to.be.instanceOf(AppleMusicApiError);
    expect([error.status, error.code, error.cause]).to.deep.equal([0, 'NO_DEVELOPER_TOKEN', boom]);
    expect(error.message).to.contain('no token');
    expect(calls).to.have.length(0);
  });
});

describe('AppleMusicApi 401 (developer token)', () => {
  it('refetches the developer token once and retries', async () => {
    const { api, calls, counts } = setup([appleError(401, '40100'), ok()], {
      refreshDeveloperToken: async () => {
        counts.refresh++;
        return 'dev-2';
      },
    });
    await api.music('v1/catalog/us/songs');
    expect(counts.refresh).to.equal(1);
    expect(calls.map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer dev-1', 'Bearer dev-2']);
  });

  it('fails with the 401 when the refreshed token is also refused (no loop)', async () => {
    const { api, calls, counts } = setup([appleError(401, '40100'), appleError(401, '40100'), ok()], {
      refreshDeveloperToken: async () => {
        counts.refresh++;
        return 'dev-2';
      },
    });
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(401);
    expect(calls).to.have.length(2);
    expect(counts.refresh).to.equal(1);
  });

  it('fails at once without refreshDeveloperToken', async () => {
    const { api, calls } = setup([appleError(401, '40100'), ok()]);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(401);
    expect(error.code).to.equal('40100');
    expect(calls).to.have.length(1);
  });
});

describe('AppleMusicApi 403 (Music User Token)', () => {
  it('calls onUserTokenRejected on a /v1/me call, then fails', async () => {
    const { api, calls, counts } = setup([appleError(403, '40300'), ok()]);
    const error = await apiError(api.music('v1/me/library/songs'));
    expect(error.status).to.equal(403);
    expect(error.code).to.equal('40300');
    expect(counts.rejected).to.equal(1);
    expect(calls).to.have.length(1);
  });

  it('does not sign out when an explicit musicUserToken was given', async () => {
    const { api, counts } = setup([appleError(403, '40300')]);
    await apiError(api.music('v1/me/library/songs', undefined, { musicUserToken: 'other' }));
    expect(counts.rejected).to.equal(0);
  });

  it('does not sign out on a 403 outside /v1/me', async () => {
    const { api, counts } = setup([appleError(403, '40300')]);
    await apiError(api.music('v1/catalog/us/songs'));
    expect(counts.rejected).to.equal(0);
  });

  it('does not sign out when the stored token changed while the call was in flight', async () => {
    let stored = 'mut-1';
    const { api, counts } = setup(
      [
        () => {
          stored = 'mut-new';
          return appleError(403, '40300');
        },
      ],
      { getMusicUserToken: () => stored },
    );
    await apiError(api.music('v1/me/library/songs'));
    expect(counts.rejected).to.equal(0);
  });

  // fetch throws a TypeError for such a header value: it must not pass for a network error.
  for (const [name, token] of [
    ['a line break', 'mut\n2'],
    ['a NUL', 'mut\u00002'],
    ['a control character', 'mut\u00012'],
    ['DEL', 'mut\u007f2'],
    ['a character beyond Latin-1', 'mut\u26032'],
  ]) {
    it(`treats a stored token with ${name} as rejected: cleared, no request, no retry`, async () => {
      const { api, calls, sleeps, counts } = setup([ok(), ok(), ok(), ok()], { getMusicUserToken: () => token });
      const error = await apiError(api.music('v1/me/library/songs'));
      expect([error.status, error.code]).to.deep.equal([0, 'INVALID_USER_TOKEN']);
      expect(error.message).not.to.contain(token);
      expect(counts.rejected).to.equal(1);
      expect(calls).to.have.length(0);
      expect(sleeps).to.have.length(0);
    });
  }

  it('refuses an explicit musicUserToken that cannot be sent, without signing out', async () => {
    const { api, calls, counts } = setup([ok()]);
    const error = await apiError(api.music('v1/me/storefront', undefined, { musicUserToken: 'bad\u2603' }));
    expect(error.code).to.equal('INVALID_USER_TOKEN');
    expect(counts.rejected).to.equal(0);
    expect(calls).to.have.length(0);
  });

  it('still fails with the 403 when onUserTokenRejected throws', async () => {
    const { api } = setup([appleError(403, '40300')], {
      onUserTokenRejected: () => {
        throw new Error('listener bug');
      },
    });
    const error = await apiError(api.music('v1/me/library/songs'));
    expect(error.status).to.equal(403);
  });
});

describe('AppleMusicApi 429 (rate limit)', () => {
  it('waits Retry-After seconds, then retries', async () => {
    const { api, calls, sleeps } = setup([appleError(429, '42900', { 'Retry-After': '2' }), ok()]);
    await api.music('v1/catalog/us/songs');
    expect(sleeps).to.deep.equal([2000]);
    expect(calls).to.have.length(2);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    const { api, calls, sleeps } = setup([appleError(429, '42900', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:05 GMT' }), ok()], {
      now: () => now,
    });
    await api.music('v1/catalog/us/songs');
    expect(sleeps).to.deep.equal([5000]);
    expect(calls).to.have.length(2);
  });

  it('backs off exponentially without Retry-After', async () => {
    const { api, sleeps } = setup([appleError(429, '42900'), appleError(429, '42900'), appleError(429, '42900'), ok()]);
    await api.music('v1/catalog/us/songs');
    // retryBaseMs 500 × 2^n, random 0.5 → three quarters of each step.
    expect(sleeps).to.deep.equal([375, 750, 1500]);
  });

  it('fails with the 429 once the retries are used up', async () => {
    const steps = Array.from({ length: 5 }, () => appleError(429, '42900', { 'Retry-After': '1' }));
    const { api, calls, sleeps } = setup(steps);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(429);
    expect(error.code).to.equal('42900');
    expect(calls).to.have.length(4);
    expect(sleeps).to.deep.equal([1000, 1000, 1000]);
  });

  it('honours the retries option', async () => {
    const { api, calls } = setup([appleError(429, '42900'), appleError(429, '42900'), ok()], { retries: 1 });
    await apiError(api.music('v1/catalog/us/songs'));
    expect(calls).to.have.length(2);
  });

  it('fails at once when Retry-After asks for longer than maxRetryDelayMs', async () => {
    const { api, calls, sleeps } = setup([appleError(429, '42900', { 'Retry-After': '3600' }), ok()]);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(429);
    expect(calls).to.have.length(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('retries a POST too (a 429 was not processed)', async () => {
    const { api, calls } = setup([appleError(429, '42900', { 'Retry-After': '0' }), new Response(null, { status: 202 })]);
    await api.music('v1/me/library', undefined, { fetchOptions: { method: 'POST' } });
    expect(calls).to.have.length(2);
  });
});

describe('AppleMusicApi 5xx and network errors', () => {
  it('retries a GET after a 503', async () => {
    const { api, calls, sleeps } = setup([appleError(503, '50300'), ok([{ id: 'x' }])]);
    const { data } = await api.music('v1/me/library/songs');
    expect(data).to.deep.equal({ data: [{ id: 'x' }] });
    expect(calls).to.have.length(2);
    expect(sleeps).to.deep.equal([375]);
  });

  it('retries a GET after a network error (fetch rejects with TypeError)', async () => {
    const { api, calls } = setup([new TypeError('Failed to fetch'), ok()]);
    await api.music('v1/catalog/us/songs');
    expect(calls).to.have.length(2);
  });

  it('fails with NETWORK once network retries are used up', async () => {
    const failure = () => new TypeError('Failed to fetch');
    const { api, calls } = setup([failure(), failure(), failure(), failure()]);
    const error = await apiError(api.music('v1/catalog/us/songs'));
    expect(error.status).to.equal(0);
    expect(error.code).to.equal('NETWORK');
    expect(error.cause).to.be.instanceOf(TypeError);
    expect(calls).to.have.length(4);
  });

  it('caps the backoff at maxRetryDelayMs, with jitter', async () => {
    const steps = Array.from({ length: 6 }, () => appleError(500, '50000'));
    const { api, sleeps } = setup(steps, { retries: 5, retryBaseMs: 400, maxRetryDelayMs: 1000, random: () => 0.999 });
    await apiError(api.music('v1/catalog/us/songs'));
    expect(sleeps).to.have.length(5);
    for (const ms of sleeps) expect(ms).to.be.within(200, 1000);
    expect(sleeps.slice(2)).to.deep.equal([1000, 1000, 1000]);
  });

  it('does not retry a POST after a 5xx', async () => {
    const { api, calls } = setup([appleError(503, '50300'), ok()]);
    const error = await apiError(api.music('v1/me/library', undefined, { fetchOptions: { method: 'POST' } }));
    expect(error.status).to.equal(503);
    expect(calls).to.have.length(1);
  });

  it('does not retry a POST after a network error', async () => {
    const { api, calls } = setup([new TypeError('Failed to fetch'), ok()]);
    const error = await apiError(api.music('v1/me/library', undefined, { fetchOptions: { method: 'POST' } }));
    expect(error.code).to.equal('NETWORK');
    expect(calls).to.have.length(1);
  });
});

describe('AppleMusicApi abort', () => {
  const isAbortError = (error: unknown) => {
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  };

  it('aborts a request in flight', async () => {
    const controller = new AbortController();
    const { api, calls } = setup([hangUntilAborted, ok()]);
    const call = api.music('v1/me/library/songs', undefined, { signal: controller.signal });
    await until(() => calls.length === 1);
    expect(calls[0]!.init.signal).to.equal(controller.signal);
    controller.abort();
    isAbortError(await rejection(call));
    expect(calls).to.have.length(1);
  });

  it('rejects at once even when a custom fetch ignores the signal', async () => {
    const controller = new AbortController();
    const { api } = setup([() => new Promise<Response>(() => {})]);
    const call = api.music('v1/catalog/us/songs', undefined, { signal: controller.signal });
    await until(() => true);
    controller.abort();
    isAbortError(await rejection(call));
  });

  it('aborts during a backoff sleep and makes no further request', async () => {
    const controller = new AbortController();
    const sleeps: number[] = [];
    const { api, calls } = setup([appleError(503, '50300'), ok()], {
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise(() => {});
      },
    });
    const call = api.music('v1/catalog/us/songs', undefined, { signal: controller.signal });
    await until(() => sleeps.length === 1);
    controller.abort();
    isAbortError(await rejection(call));
    await until(() => true);
    expect(calls).to.have.length(1);
  });

  it('aborts the default (real) sleep immediately', async () => {
    const controller = new AbortController();
    const { api, calls } = setup([appleError(429, '42900', { 'Retry-After': '20' }), ok()], { sleep: undefined });
    const call = api.music('v1/catalog/us/songs', undefined, { signal: controller.signal });
    await until(() => calls.length === 1);
    for (let i = 0; i < 5; i++) await until(() => true); // let it reach the sleep
    controller.abort();
    isAbortError(await rejection(call));
    expect(calls).to.have.length(1);
  });

  it('aborts while the developer token is being fetched', async () => {
    const controller = new AbortController();
    const { api, calls } = setup([ok()], { getDeveloperToken: () => new Promise(() => {}) });
    const call = api.music('v1/catalog/us/songs', undefined, { signal: controller.signal });
    controller.abort();
    isAbortError(await rejection(call));
    expect(calls).to.have.length(0);
  });

  it('does nothing with an already aborted signal', async () => {
    const { api, calls, counts } = setup([ok()]);
    isAbortError(await rejection(api.music('v1/catalog/us/songs', undefined, { signal: AbortSignal.abort() })));
    expect(calls).to.have.length(0);
    expect(counts.developerToken).to.equal(0);
  });

  it("rejects with the signal's own reason when one is given", async () => {
    const { api } = setup([ok()]);
    const reason = new Error('gone');
    expect(await rejection(api.music('v1/catalog/us/songs', undefined, { signal: AbortSignal.abort(reason) }))).to.equal(reason);
  });
});
