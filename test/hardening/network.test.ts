// The API client against a misbehaving peer: every failure is bounded, clear and caught.
import { expect } from '@open-wc/testing';
import { AppleMusicApi } from '../../src/core/api-client.js';
import { AppleMusicApiError } from '../../src/core/errors.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { clearRequests, emulatorOrigin, emulatorRequests, injectFault, issueToken, resetEmulator } from '../support/emulator.js';

const SONGS = '/v1/me/library/songs';
const RETRIES = 3;

let fetchCalls = 0;
const countingFetch: typeof fetch = (...args) => (fetchCalls++, fetch(...args));

async function client() {
  const userToken = await issueToken();
  fetchCalls = 0;
  return new AppleMusicApi({
    fetch: countingFetch,
    apiUrl: await emulatorOrigin(),
    getDeveloperToken: async () => fakeDeveloperToken(),
    getMusicUserToken: () => userToken,
    getStorefrontId: () => 'us',
    onUserTokenRejected: () => undefined,
    retries: RETRIES,
    retryBaseMs: 1,
  });
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error) => error,
  );

describe('network hardening', () => {
  const unhandled: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  before(() => window.addEventListener('unhandledrejection', onRejection));
  after(() => window.removeEventListener('unhandledrejection', onRejection));
  beforeEach(async () => {
    await resetEmulator();
    unhandled.length = 0;
  });
  afterEach(() => expect(unhandled, 'unhandled rejections').to.deep.equal([]));

  const storms = [
    { name: 'a 429 storm', fault: { status: 429, retryAfter: 0 }, status: 429 },
    { name: 'a 503 burst', fault: { status: 503 }, status: 503 },
    { name: 'dropped connections', fault: { status: 500, body: 'drop' }, status: 0 },
    { name: 'HTML error pages', fault: { status: 502, body: 'html' }, status: 502 },
    { name: 'malformed JSON error bodies', fault: { status: 500, body: 'malformed-json' }, status: 500 },
  ];
  for (const { name, fault, status } of storms) {
    it(`gives up on ${name} after ${RETRIES} retries with a clear error`, async () => {
      const api = await client();
      await clearRequests();
      await injectFault({ path: SONGS, count: 50, ...fault });
      const error = await failureOf(api.music(SONGS));
      expect(error).to.be.instanceOf(AppleMusicApiError);
      expect(error.status).to.equal(status);
      expect(error.message).to.be.a('string').and.not.empty;
      // Counted at our fetch: Chromium itself may resend a request whose reused socket was cut.
      expect(fetchCalls).to.equal(RETRIES + 1);
      if (fault.body !== 'drop') expect((await emulatorRequests(SONGS)).length).to.equal(RETRIES + 1);
    });

    it(`recovers from a short burst of ${name}`, async () => {
      const api = await client();
      await injectFault({ path: SONGS, count: 2, ...fault });
      const { data } = await api.music<{ data: unknown[] }>(SONGS, { limit: 3 });
      expect(data.data).to.have.length(3);
    });
  }

  it('leaves no request running once aborted, even while the peer is slow', async () => {
    const api = await client();
    await fetch(`${await emulatorOrigin()}/_emulator/latency`, { method: 'POST', body: JSON.stringify({ ms: 800 }) });
    await clearRequests();
    const controller = new AbortController();
    const pending = failureOf(api.music(SONGS, undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error.name).to.equal('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 900));
    // The one request that started was cut off; no retry followed it.
    expect((await emulatorRequests(SONGS)).length).to.be.at.most(1);
  });
});
