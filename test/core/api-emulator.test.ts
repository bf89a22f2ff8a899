// The API client with the browser's own fetch against the local Apple emulator (a second
// origin, so CORS preflights for the token headers are real too).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { AppleMusicApi, type ApiClientOptions, type ApiPage } from '../../src/core/api-client.js';
import { AppleMusicApiError } from '../../src/core/errors.js';

const base64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
/** Looks like a developer token to the emulator (it cannot check Apple's signature). */
const DEVELOPER_TOKEN = `${base64url({ alg: 'ES256', kid: 'ABCDE12345' })}.${base64url({
  iss: 'TEAM123456',
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 3600,
})}.c2lnbmF0dXJl`;

let origin: string;

async function control(path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${origin}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

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
    origin = (await executeServerCommand('emulator-origin')) as string;
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
    const expired = DEVELOPER_TOKEN.replace(/\.[^.]+\./, `.${base64url({ iss: 'TEAM123456', exp: 1 })}.`);
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
