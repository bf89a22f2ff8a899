// The API client with the browser's own fetch against the local Apple emulator (a second
// origin, so CORS preflights for the token headers are real too).
import { expect } from '@open-wc/testing';
import { AppleMusicApi, type ApiClientOptions, type ApiPage } from '../../src/core/api-client.js';
import { AppleMusicApiError } from '../../src/core/errors.js';
import { control, emulatorOrigin } from '../support/emulator.js';
import { rejection } from '../support/rejection.js';
import { fakeDeveloperToken } from '../support/tokens.js';

const DEVELOPER_TOKEN = fakeDeveloperToken({ iss: 'TEAM123456' });

let origin: string;

describe('AppleMusicApi against the emulator', () => {
  let userToken: string;
  let rejected: number;

  const client = (overrides: Partial<ApiClientOptions> = {}) =>
    new AppleMusicApi({
      apiUrl: origin,
      getDeveloperToken: async () => DEVELOPER_TOKEN,
      getMusicUserToken: () => userToken,
      getStorefrontId: () => 'us',
      onUserTokenRejected: () => {
        rejected++;
      },
      retryBaseMs: 1,
      ...overrides,
    });

  before(async () => {
    origin = await emulatorOrigin();
    expect(origin).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  beforeEach(async () => {
    await control('reset', {});
    userToken = (await control('issue', {})).musicUserToken;
    rejected = 0;
  });

  after(async () => {
    await control('reset', {});
  });

  it('reads the storefront', async () => {
    const { data } = await client().music<{ data: { id: string }[] }>('/v1/me/storefront');
    expect(data.data[0]!.id).to.equal('us');
  });

  it('pages through a library list to the end, keeping the limit on every page', async () => {
    const pages: ApiPage<{ id: string }>[] = [];
    for await (const page of client().paginatePages<{ id: string }>('v1/me/library/songs', { limit: 10 })) {
      pages.push(page);
    }
    const ids = pages.flatMap((page) => page.data.map((item) => item.id));
    expect(pages.length).to.be.greaterThan(1);
    expect(ids.length).to.equal(pages[0]!.total);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(pages.at(-1)!.next).to.equal(undefined);
    const { requests } = await control('requests?path=/v1/me/library/songs');
    expect(requests).to.have.length(pages.length);
    for (const request of requests) expect(request.query.limit).to.equal('10');
  });

  it("keeps a limit given in the path on every page, though Apple's next carries only the offset", async () => {
    const pages: ApiPage<{ id: string }>[] = [];
    for await (const page of client().paginatePages<{ id: string }>('v1/me/library/songs?limit=10')) pages.push(page);
    expect(pages.length).to.be.greaterThan(1);
    const { requests } = await control('requests?path=/v1/me/library/songs');
    expect(requests).to.have.length(pages.length);
    for (const request of requests) expect(request.query.limit).to.equal('10');
  });

  it('pages one group of a library search with `results`, carrying the term, type and limit', async () => {
    const pages: ApiPage<{ id: string; type: string }>[] = [];
    const query = { term: 'e', types: 'library-songs,library-albums', limit: 25 };
    for await (const page of client().paginatePages<{ id: string; type: string }>('/v1/me/library/search', query, {
      results: 'library-songs',
    }))
      pages.push(page);
    expect(pages.length).to.be.greaterThan(1);
    const ids = pages.flatMap((page) => page.data.map((item) => item.id));
    expect(new Set(ids).size).to.equal(ids.length);
    expect(pages.every((page) => page.data.every((item) => item.type === 'library-songs'))).to.be.true;
    const { requests } = await control('requests?path=/v1/me/library/search');
    expect(requests.map((r: { query: Record<string, string> }) => [r.query.term, r.query.limit])).to.deep.equal(
      requests.map(() => ['e', '25']),
    );
    // A search without matches leaves the group out: an empty last page.
    const none = await client().page('/v1/me/library/search', { term: 'zzqqxx', types: 'library-songs' }, { results: 'library-songs' });
    expect([none.data, none.next]).to.deep.equal([[], undefined]);
    // Anything but a search answer is refused as such.
    const error = await rejection(client().page('/v1/me/library/songs', { limit: 1 }, { results: 'library-songs' }));
    expect((error as AppleMusicApiError).code).to.equal('INVALID_RESPONSE');
  });

  it('ends on an empty page that carries a next, instead of following it', async () => {
    await control('faults', { path: '/v1/me/library/songs', body: 'empty-page', count: 20 });
    const pages: unknown[][] = [];
    for await (const page of client().paginate('v1/me/library/songs', { limit: 100 })) pages.push(page);
    expect(pages).to.deep.equal([[]]);
    expect(await control('requests?path=/v1/me/library/songs'))
      .to.have.property('requests')
      .with.length(1);
  });

  it('retries after a 503 and a 429 with Retry-After', async () => {
    await control('faults', [
      { path: '/v1/me/storefront', status: 503 },
      { path: '/v1/me/storefront', status: 429, retryAfter: 0 },
    ]);
    const { response } = await client().music('v1/me/storefront');
    expect(response.status).to.equal(200);
    const { requests } = await control('requests?path=/v1/me/storefront');
    expect(requests.map((r: { status: number }) => r.status)).to.deep.equal([503, 429, 200]);
  });

  it('retries after a dropped connection', async () => {
    await control('faults', { path: '/v1/me/storefront', status: 500, body: 'drop' });
    const { response } = await client().music('v1/me/storefront');
    expect(response.status).to.equal(200);
  });

  it('fails clearly on an HTML error page once retries are used up', async () => {
    await control('faults', { path: '/v1/me/storefront', status: 502, body: 'html', count: 2 });
    const error = await rejection(client({ retries: 1 }).music('v1/me/storefront'));
    expect(error).to.be.instanceOf(AppleMusicApiError);
    expect(error.status).to.equal(502);
    expect(error.message).to.contain('not JSON');
  });

  it('reports a revoked Music User Token (403)', async () => {
    await control('revoke', { token: userToken });
    const error = await rejection(client().music('v1/me/library/albums'));
    expect(error).to.be.instanceOf(AppleMusicApiError);
    expect(error.status).to.equal(403);
    expect(rejected).to.equal(1);
  });

  it('refetches an expired developer token once', async () => {
    const expired = fakeDeveloperToken({ iss: 'TEAM123456', exp: 1 });
    let refreshed = 0;
    const api = client({
      getDeveloperToken: async () => expired,
      refreshDeveloperToken: async () => {
        refreshed++;
        return DEVELOPER_TOKEN;
      },
    });
    await api.music('v1/me/storefront');
    expect(refreshed).to.equal(1);
  });

  it('aborts a slow request', async () => {
    await control('latency', { ms: 5000 });
    const controller = new AbortController();
    const call = client().music('v1/me/storefront', undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(call);
    expect(error.name).to.equal('AbortError');
  });
});
