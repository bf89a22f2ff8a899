// The provider warns before the developer token breaks sign-in: one console warning and one
// am-developer-token-expiring per token and page load; a developer-token-url is asked again
// instead, and warns only when its server does not renew.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { AmAuthProvider } from '../src/elements/auth-provider/auth-provider.js';
import type { AmDeveloperTokenExpiringDetail } from '../src/events.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin } from './support/emulator.js';

const DAY = 86_400;
let teams = 0;
/** A distinct team id per token: warnings are once per token and page load. */
const team = () => `EXPIRY${String(++teams).padStart(4, '0')}`;
const expiringIn = (days: number) => fakeDeveloperToken({ iss: team(), exp: Math.floor(Date.now() / 1000) + days * DAY });

describe('developer token expiry warning (README, "Developer tokens")', () => {
  let warnings: string[];
  let events: CustomEvent<AmDeveloperTokenExpiringDetail>[];
  const originalWarn = console.warn;
  const record = (event: Event) => events.push(event as CustomEvent<AmDeveloperTokenExpiringDetail>);

  beforeEach(() => {
    warnings = [];
    events = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    document.addEventListener('am-developer-token-expiring', record);
  });
  afterEach(() => {
    console.warn = originalWarn;
    document.removeEventListener('am-developer-token-expiring', record);
  });

  /** Resolves once the provider has read its token (a URL token is fetched first). */
  async function provider(attributes: { token?: string; url?: string }) {
    const api = await emulatorOrigin();
    const element = await fixture<AmAuthProvider>(
      attributes.url
        ? html`<am-auth-provider developer-token-url=${attributes.url} api-url=${api}></am-auth-provider>`
        : html`<am-auth-provider developer-token=${attributes.token!} api-url=${api}></am-auth-provider>`,
    );
    // An API call waits for the token fetch the provider started on connection, and ends after it.
    if (attributes.url) await element.api.music('/v1/catalog/us/songs/none').catch(() => undefined);
    return element;
  }

  it('a token 13 days from expiry: one warning and one event {expiresAt, daysLeft: 13}, from the provider', async () => {
    const token = expiringIn(13);
    const element = await provider({ token });
    expect(events).to.have.length(1);
    expect(events[0].target).to.equal(element);
    expect(events[0].bubbles && events[0].composed).to.be.true;
    const expiresAt = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
    expect(events[0].detail).to.deep.equal({ expiresAt, daysLeft: 13 });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(new Date(expiresAt).toISOString()).and.contain('13 days left').and.contain('Renew it');
    expect(warnings[0]).not.to.contain(token.split('.')[1]);
  });

  it('a token 15 days from expiry: no warning, no event', async () => {
    await provider({ token: expiringIn(15) });
    expect(events).to.have.length(0);
    expect(warnings).to.have.length(0);
  });

  it('once per token and page load: several providers, reconnection and re-setting the token stay silent', async () => {
    const token = expiringIn(13);
    const first = await provider({ token });
    await provider({ token });
    first.remove();
    document.body.append(first);
    first.developerToken = expiringIn(30);
    await first.updateComplete;
    first.developerToken = token;
    await first.updateComplete;
    expect(events).to.have.length(1);
    expect(warnings).to.have.length(1);
    // Another token that expires soon is announced too.
    first.developerToken = expiringIn(2);
    await first.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(events.map((event) => event.detail.daysLeft)).to.deep.equal([13, 2]);
  });

  const requests = async (key: string): Promise<string[]> =>
    (await (await fetch(`/_test/developer-token-requests?key=${key}`)).json()).requests;
  const tokenUrl = (key: string, query: string) => `/_test/developer-token?key=${key}&iss=${team()}&format=json&${query}`;

  it('developer-token-url answering a token 3 days from expiry: asked again past caches; no warning when the fresh one is renewed', async () => {
    const key = `renewing-${Date.now()}`;
    await provider({ url: tokenUrl(key, `expiresIn=${3 * DAY}&renewedExpiresIn=${180 * DAY}`) });
    expect(await requests(key)).to.deep.equal(['', 'max-age=0']);
    expect(events).to.have.length(0);
    expect(warnings).to.have.length(0);
  });

  it("developer-token-url whose server does not renew (3 days left, asked again): one warning naming the URL's server", async () => {
    const key = `stale-${Date.now()}`;
    const element = await provider({ url: tokenUrl(key, `expiresIn=${3 * DAY}`) });
    expect(await requests(key)).to.deep.equal(['', 'max-age=0']);
    expect(events.map((event) => [event.target, event.detail.daysLeft])).to.deep.equal([[element, 3]]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('developer-token-url').and.contain('does not renew');
  });

  it('developer-token-url answering a token 13 days from expiry: its server renews it later, so no refetch and no warning', async () => {
    const key = `fresh-${Date.now()}`;
    await provider({ url: tokenUrl(key, `expiresIn=${13 * DAY}`) });
    expect(await requests(key)).to.deep.equal(['']);
    expect(events).to.have.length(0);
    expect(warnings).to.have.length(0);
  });
});
