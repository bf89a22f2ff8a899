// <am-library-list> against the Apple emulator (a second origin): paging, every failure path,
// sign-in and sign-out from other elements and other tabs, removal, keyboard and selection.
import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { AmAuthProvider, AmLibraryList, LibraryResource } from '../src/index.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, emulatorRequests, injectFault, issueToken, resetEmulator, revokeToken } from './support/emulator.js';
import { inClick, realClick, sleep } from './support/dom.js';

const TEAM = 'TEAMID1234';
const key = (name: string) => `music.${TEAM.toLowerCase()}.${name}`;
const developerToken = fakeDeveloperToken({ iss: TEAM });

/** Signs in without a popup: a valid token from the emulator, stored where the provider reads it. */
async function signIn(storage: Storage = localStorage): Promise<string> {
  const token = await issueToken();
  storage.setItem(key('itre'), '0');
  storage.setItem(key('media-user-token'), token);
  return token;
}

async function setLatency(ms: number): Promise<void> {
  await fetch(`${await emulatorOrigin()}/_emulator/latency`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
}

type LoggedRequest = { path: string; status: number; query: Record<string, string> };
const libraryRequests = async (path = '/v1/me/library') => (await emulatorRequests(path)) as unknown as LoggedRequest[];

interface Mount {
  type?: string;
  pageSize?: number;
  limit?: number;
  switches?: string;
}

/** A provider pointed at the emulator with a list (and a sign-out button) inside. */
async function mount({ type = 'albums', pageSize, limit, switches = 'outcome=authorize' }: Mount = {}) {
  const origin = await emulatorOrigin();
  const loads: CustomEvent[] = [];
  const provider = await fixture<AmAuthProvider>(html`
    <am-auth-provider developer-token=${developerToken} authorize-url=${`${origin}/woa?${switches}`} api-url=${origin} logout-url="">
      <am-unauthorize-button></am-unauthorize-button>
      <am-library-list
        type=${type}
        page-size=${ifDefined(pageSize)}
        limit=${ifDefined(limit)}
        @am-library-load=${(event: CustomEvent) => loads.push(event)}
      ></am-library-list>
    </am-auth-provider>
  `);
  const list = provider.querySelector('am-library-list')!;
  await list.updateComplete;
  return { provider, list, origin, loads, unauthorizeButton: provider.querySelector('am-unauthorize-button')! };
}

const part = (list: AmLibraryList, name: string) => list.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`);
const rows = (list: AmLibraryList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part=item]')];
const rowIndex = (row: Element | null | undefined) => Number(row?.getAttribute('aria-posinset')) - 1;
const activeRow = (list: AmLibraryList) => list.shadowRoot!.activeElement;
const names = (items: readonly LibraryResource[]) => items.map((item) => item.attributes?.name);

async function untilState(list: AmLibraryList, state: string, timeout = 5000): Promise<void> {
  // The message names the state when the wait gave up, not when it began.
  await waitUntil(() => list.getAttribute('state') === state, undefined, { timeout }).catch(() => {
    throw new Error(`Timeout: state "${state}" (is "${list.getAttribute('state')}")`);
  });
  await list.updateComplete;
}

/** Scrolls the list to its end until a page says `done`. */
async function scrollToEnd(list: AmLibraryList, loads: CustomEvent[]): Promise<void> {
  while (!loads.at(-1)?.detail.done) {
    const before = loads.length;
    const box = part(list, 'list')!;
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => loads.length > before || list.getAttribute('state') === 'error', 'the next page', { timeout: 5000 });
    expect(list.getAttribute('state')).not.to.equal('error');
  }
  await settle(list, () => {
    const box = part(list, 'list')!;
    box.scrollTop = box.scrollHeight;
  });
}

/** Runs `action`, then lets scroll events and the re-render that follows them happen. */
async function settle(list: AmLibraryList, action = () => {}): Promise<void> {
  action();
  await nextFrame();
  await list.updateComplete;
  await nextFrame();
  await list.updateComplete;
}

/** Records every fetch the page makes to the library API, with its signal. */
function watchFetch() {
  const original = window.fetch;
  const calls: { url: string; signal?: AbortSignal | null }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).includes('/v1/me/library')) calls.push({ url: String(input), signal: init?.signal });
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

describe('<am-library-list> against the emulator', () => {
  let restoreFetch: (() => void) | undefined;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => {
    restoreFetch?.();
    restoreFetch = undefined;
  });

  describe('loading and paging', () => {
    it('shows the first page with artwork, title and subtitle, from one request of 100', async () => {
      await signIn();
      const { list, loads, origin } = await mount({ type: 'albums' });
      await untilState(list, 'list');
      // The emulator's 300-item library has 45 albums: one page.
      expect(list.items).to.have.length(45);
      expect((await libraryRequests()).map((r) => [r.path, r.query.limit, r.status])).to.deep.equal([
        ['/v1/me/library/albums', '100', 200],
      ]);
      expect(loads.map((e) => [e.detail.type, e.detail.items.length, e.detail.total, e.detail.done])).to.deep.equal([
        ['albums', 45, 45, true],
      ]);
      const [first] = rows(list);
      const album = list.items[0].attributes as Record<string, any>;
      expect(first.getAttribute('role')).to.equal('listitem');
      expect(first.querySelector('[part=title]')!.textContent).to.equal(album.name);
      expect(first.querySelector('[part=subtitle]')!.textContent).to.equal(album.artistName);
      const img = first.querySelector('img')!;
      const size = 40 * devicePixelRatio;
      expect(img.getAttribute('part')).to.equal('artwork');
      expect(img.src).to.equal(album.artwork.url.replace('{w}', size).replace('{h}', size));
      expect(img.src.startsWith(`${origin}/artwork/`)).to.be.true;
      expect([img.alt, img.getAttribute('loading'), img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal([
        '',
        'lazy',
        '40',
        '40',
      ]);
      expect(part(list, 'list')!.getAttribute('role')).to.equal('list');
      expect(first.getAttribute('aria-setsize')).to.equal('45');
      expect(part(list, 'load-more')).to.equal(null);
      expect(list.getAttribute('aria-busy')).to.equal('false');
    });

    it('renders names with markup as text', async () => {
      await signIn();
      for (const type of ['albums', 'songs', 'artists', 'playlists', 'music-videos']) {
        const { list } = await mount({ type });
        await untilState(list, 'list');
        // The rows below the visible ones follow once those have painted.
        await waitUntil(() => rows(list).length >= 4, 'four rows');
        const titles = rows(list)
          .slice(0, 4)
          .map((row) => row.querySelector('[part=title]')!.textContent);
        expect(
          titles.some((title) => /[<&"]/.test(title!)),
          `${type}: a name with markup is on the first rows`,
        ).to.be.true;
        expect(titles).to.deep.equal(names(list.items.slice(0, 4)));
        expect(part(list, 'list')!.querySelector('b, i, script, img:not([part=artwork])'), type).to.equal(null);
      }
    });

    it('writes a subtitle that fits each type', async () => {
      await signIn();
      const subtitle = async (type: string) => {
        const { list } = await mount({ type });
        await untilState(list, 'list');
        // Row 5 may be below the visible rows, which follow once the first ones have painted.
        await waitUntil(() => rows(list).length > 5, 'row 5');
        return { list, text: rows(list)[5].querySelector('[part=subtitle]')!.textContent! };
      };
      const songs = await subtitle('songs');
      const song = songs.list.items[5].attributes as Record<string, any>;
      expect(songs.text).to.match(/^.+ · .+ · \d+:\d\d$/);
      expect(songs.text.startsWith(`${song.artistName} · ${song.albumName} · `)).to.be.true;
      const playlists = await subtitle('playlists');
      expect(playlists.text).to.equal((playlists.list.items[5].attributes as any).description.standard);
      expect((await subtitle('artists')).text).to.equal('');
      const videos = await subtitle('music-videos');
      expect(videos.text).to.equal((videos.list.items[5].attributes as any).artistName);
    });

    it('loads songs page by page to the end as the user scrolls', async () => {
      await signIn();
      const { list, loads } = await mount({ type: 'songs' });
      await untilState(list, 'list');
      expect(list.items).to.have.length(100);
      expect(part(list, 'load-more')).to.exist;
      await scrollToEnd(list, loads);
      // 210 songs in the emulator's library: 100 + 100 + 10, with Apple's largest page.
      expect((await libraryRequests()).map((r) => [r.query.offset, r.query.limit])).to.deep.equal([
        [undefined, '100'],
        ['100', '100'],
        ['200', '100'],
      ]);
      expect(loads.map((e) => [e.detail.items.length, e.detail.total, e.detail.done])).to.deep.equal([
        [100, 210, false],
        [100, 210, false],
        [10, 210, true],
      ]);
      expect(list.items).to.have.length(210);
      const shown = rows(list);
      expect(rowIndex(shown.at(-1))).to.equal(209);
      expect(shown.at(-1)!.querySelector('[part=title]')!.textContent).to.equal(list.items[209].attributes!.name);
      expect(shown.length).to.be.below(60);
      expect(part(list, 'load-more')).to.equal(null);
    });

    it('stops at limit, asking only for what is missing', async () => {
      await signIn();
      const { list, loads } = await mount({ type: 'songs', limit: 150 });
      await untilState(list, 'list');
      await scrollToEnd(list, loads);
      expect(list.items).to.have.length(150);
      expect((await libraryRequests()).map((r) => r.query.limit)).to.deep.equal(['100', '50']);
      expect(loads.map((e) => [e.detail.items.length, e.detail.total, e.detail.done])).to.deep.equal([
        [100, 150, false],
        [50, 150, true],
      ]);
    });

    it('honours page-size (clamped to 1–100) together with limit', async () => {
      await signIn();
      const small = await mount({ type: 'songs', pageSize: 40, limit: 90 });
      await untilState(small.list, 'list');
      await scrollToEnd(small.list, small.loads);
      expect((await libraryRequests()).map((r) => r.query.limit)).to.deep.equal(['40', '40', '10']);
      await resetEmulator();
      const big = await mount({ type: 'albums', pageSize: 500 });
      await untilState(big.list, 'list');
      expect((await libraryRequests()).map((r) => r.query.limit)).to.deep.equal(['100']);
    });

    it('loads the next page from the "Load more" button, then focuses its first row', async () => {
      await signIn();
      const { list } = await mount({ type: 'songs' });
      await untilState(list, 'list');
      part(list, 'load-more')!.focus();
      const page = oneEvent(list, 'am-library-load');
      await sendKeys({ press: 'Enter' });
      expect((await page).detail.items).to.have.length(100);
      await waitUntil(() => rowIndex(activeRow(list)) === 100, 'focus on the first new row');
      expect(list.items).to.have.length(200);
    });

    it('reloads when the type changes, aborting the previous load', async () => {
      await signIn();
      await setLatency(400);
      const watch = watchFetch();
      restoreFetch = watch.restore;
      const { list, loads } = await mount({ type: 'albums' });
      await waitUntil(() => watch.calls.length === 1, 'the albums request');
      list.type = 'songs';
      await untilState(list, 'list');
      expect(watch.calls.map((c) => new URL(c.url).pathname)).to.deep.equal(['/v1/me/library/albums', '/v1/me/library/songs']);
      expect(watch.calls[0].signal!.aborted).to.be.true;
      expect(loads.map((e) => e.detail.type)).to.deep.equal(['songs']);
      expect(list.items[0].type).to.equal('library-songs');
      expect(list.getAttribute('type')).to.equal('songs');
    });

    it('reload() starts again from the first page', async () => {
      await signIn();
      const { list } = await mount({ type: 'playlists' });
      await untilState(list, 'list');
      list.reload();
      await waitUntil(async () => (await libraryRequests()).length === 2, 'a second request');
      await untilState(list, 'list');
      expect((await libraryRequests()).map((r) => r.query.offset)).to.deep.equal([undefined, undefined]);
    });

    it('lists recently added albums and playlists, 25 per request', async () => {
      await signIn();
      const { list } = await mount({ type: 'recently-added' });
      await untilState(list, 'list');
      expect(new Set(list.items.map((item) => item.type))).to.deep.equal(new Set(['library-albums', 'library-playlists']));
      // Apple refuses more than 25 per request there (the emulator too): page-size 100 asks for 25.
      expect((await libraryRequests()).map((r) => [r.status, r.query.limit])).to.deep.equal([[200, '25']]);
    });

    it('is accessible in the list state', async () => {
      await signIn();
      const { list } = await mount({ type: 'songs' });
      await untilState(list, 'list');
      await expect(list).to.be.accessible();
    });
  });

  describe('failures', () => {
    it('rides out a 429 with Retry-After without showing an error', async () => {
      await signIn();
      await injectFault({ path: '/v1/me/library', status: 429, count: 1, retryAfter: 0 });
      const { list } = await mount();
      await untilState(list, 'list');
      expect((await libraryRequests()).map((r) => r.status)).to.deep.equal([429, 200]);
    });

    it('429 beyond the retries: a clear error, announced, and a retry button that recovers', async () => {
      await signIn();
      await injectFault({ path: '/v1/me/library', status: 429, count: 4, retryAfter: 0 });
      const { list } = await mount();
      await untilState(list, 'error');
      expect(part(list, 'error')!.textContent).to.match(/Too many requests/);
      expect(list.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/Too many requests/);
      await expect(list).to.be.accessible();
      part(list, 'retry')!.click();
      await untilState(list, 'list');
      expect(list.items).to.have.length(45);
      expect(list.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('');
      expect((await libraryRequests()).map((r) => r.status)).to.deep.equal([429, 429, 429, 429, 200]);
    });

    it('503 after the retries: says Apple is not responding; retry recovers', async function () {
      this.timeout(20000);
      await signIn();
      await injectFault({ path: '/v1/me/library', status: 503, count: 4 });
      const errors: any[] = [];
      const onError = (event: Event) => errors.push((event as CustomEvent).detail);
      document.addEventListener('am-error', onError);
      const { list } = await mount();
      await untilState(list, 'error', 15000);
      document.removeEventListener('am-error', onError);
      expect(part(list, 'error')!.textContent).to.contain('not responding (HTTP 503)');
      // An API failure is also an am-error, from the list.
      expect(errors.map((detail) => [detail.code, detail.error.status])).to.deep.equal([['api-error', 503]]);
      expect(errors[0].message).to.contain('not responding (HTTP 503)');
      await realClick(part(list, 'retry')!);
      await untilState(list, 'list');
      expect((await libraryRequests()).map((r) => r.status)).to.deep.equal([503, 503, 503, 503, 200]);
    });

    it('a dropped connection: says Apple could not be reached; retry recovers', async function () {
      this.timeout(20000);
      await signIn();
      // Browsers silently resend a request whose connection was cut (Chromium once, Firefox up
      // to 10 times), so queue enough drops for every attempt of every retry, and clear what
      // is left before retrying.
      await injectFault({ path: '/v1/me/library', status: 503, body: 'drop', count: 60 });
      const { list } = await mount();
      await untilState(list, 'error', 15000);
      expect(part(list, 'error')!.textContent).to.contain('could not be reached');
      await resetEmulator();
      part(list, 'retry')!.click();
      await untilState(list, 'list');
    });

    it('keeps the rows when a later page fails, and continues from there', async function () {
      this.timeout(20000);
      await signIn();
      const { list, loads } = await mount({ type: 'songs' });
      await untilState(list, 'list');
      await injectFault({ path: '/v1/me/library/songs', status: 500, count: 4 });
      const box = part(list, 'list')!;
      box.scrollTop = box.scrollHeight;
      await untilState(list, 'list');
      await waitUntil(() => !!part(list, 'error'), 'the error below the rows', { timeout: 15000 });
      expect(list.items).to.have.length(100);
      expect(rows(list).length).to.be.above(0);
      expect(part(list, 'error')!.textContent).to.contain('HTTP 500');
      part(list, 'retry')!.click();
      await waitUntil(() => loads.length === 2, 'the second page');
      await scrollToEnd(list, loads);
      expect(list.items).to.have.length(210);
      expect((await libraryRequests()).map((r) => [r.query.offset, r.status])).to.deep.equal([
        [undefined, 200],
        ['100', 500],
        ['100', 500],
        ['100', 500],
        ['100', 500],
        ['100', 200],
        ['200', 200],
      ]);
    });

    it('403 (token revoked): back to signed out, with a working Connect button', async () => {
      const token = await signIn();
      await revokeToken(token);
      const { list, provider } = await mount();
      await untilState(list, 'signed-out');
      expect(provider.status).to.equal('not-determined');
      expect(localStorage.getItem(key('media-user-token'))).to.equal(null);
      expect(list.items).to.have.length(0);
      const connect = list.shadowRoot!.querySelector('am-authorize-button')!;
      await connect.updateComplete;
      const button = connect.shadowRoot!.querySelector('button')!;
      expect(button.disabled).to.be.false;
      expect(button.textContent).to.contain('Connect Apple Music');
      await realClick(connect);
      await untilState(list, 'list', 8000);
      expect(provider.status).to.equal('authorized');
      expect(list.items).to.have.length(45);
    });

    it('a stored token that cannot be sent as a header: signed out (user-token-rejected), no request, no retries', async () => {
      localStorage.setItem(key('itre'), '0');
      localStorage.setItem(key('media-user-token'), `${await issueToken()}\u0001`);
      const changes: CustomEvent[] = [];
      const onChange = (event: Event) => changes.push(event as CustomEvent);
      document.addEventListener('am-status-change', onChange);
      try {
        const { list, provider } = await mount();
        await untilState(list, 'signed-out');
        expect(provider.status).to.equal('not-determined');
        expect(changes.map((event) => event.detail.reason)).to.deep.equal(['stored-token', 'user-token-rejected']);
      } finally {
        document.removeEventListener('am-status-change', onChange);
      }
      expect(localStorage.getItem(key('media-user-token'))).to.equal(null);
      expect(await emulatorRequests('/v1')).to.have.length(0);
    });

    it('skips entries that are not resources: the good ones render, the load event counts the rest', async () => {
      await signIn();
      await injectFault({ path: '/v1/me/library/albums', status: 200, body: 'null-entries' });
      const { list, loads } = await mount({ type: 'albums' });
      await untilState(list, 'list');
      expect(list.items).to.have.length(45);
      expect(list.items.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))).to.be.true;
      expect(rows(list)[1].querySelector('[part=title]')!.textContent).to.equal(list.items[1].attributes!.name);
      expect(loads.map((e) => [e.detail.items.length, e.detail.skipped, e.detail.total, e.detail.done])).to.deep.equal([[45, 4, 45, true]]);
    });

    it('an empty first page that carries a next: the empty state, after one request', async () => {
      await signIn();
      await injectFault({ path: '/v1/me/library/songs', status: 200, body: 'empty-page', count: 50 });
      const { list, loads } = await mount({ type: 'songs' });
      await untilState(list, 'empty');
      expect((await libraryRequests()).map((r) => [r.query.offset, r.status])).to.deep.equal([[undefined, 200]]);
      expect(loads.map((e) => [e.detail.items.length, e.detail.done])).to.deep.equal([[0, true]]);
    });

    it('an empty later page that carries a next: the list ends there', async () => {
      await signIn();
      const { list, loads } = await mount({ type: 'songs' });
      await untilState(list, 'list');
      await injectFault({ path: '/v1/me/library/songs', status: 200, body: 'empty-page', count: 50 });
      await scrollToEnd(list, loads);
      expect(list.items).to.have.length(100);
      expect(part(list, 'load-more')).to.equal(null);
      expect((await libraryRequests()).map((r) => r.query.offset)).to.deep.equal([undefined, '100']);
      expect(loads.map((e) => [e.detail.items.length, e.detail.total, e.detail.done])).to.deep.equal([
        [100, 210, false],
        [0, 100, true],
      ]);
    });

    it('is accessible in the signed-out state', async () => {
      const { list } = await mount();
      await untilState(list, 'signed-out');
      await expect(list).to.be.accessible();
    });
  });

  describe('follows the session', () => {
    it('signs in and out through the provider and another element', async () => {
      const { list, provider, unauthorizeButton } = await mount({ type: 'artists' });
      await untilState(list, 'signed-out');
      expect(await libraryRequests()).to.have.length(0);
      await inClick(() => provider.authorize());
      await untilState(list, 'list');
      expect(list.items.length).to.be.above(0);
      await realClick(unauthorizeButton);
      await untilState(list, 'signed-out');
      expect(list.items).to.have.length(0);
      expect(rows(list)).to.have.length(0);
      await inClick(() => provider.authorize());
      await untilState(list, 'list');
      await provider.unauthorize();
      await untilState(list, 'signed-out');
    });

    it('follows sign-in and sign-out made in another tab', async () => {
      const { list } = await mount();
      await untilState(list, 'signed-out');
      const frame = document.createElement('iframe');
      document.body.append(frame);
      try {
        await signIn(frame.contentWindow!.localStorage);
        await untilState(list, 'list');
        expect(list.items).to.have.length(45);
        frame.contentWindow!.localStorage.clear();
        await untilState(list, 'signed-out');
        expect(list.items).to.have.length(0);
      } finally {
        frame.remove();
      }
    });

    it('aborts its request when removed mid-load, and resumes when put back', async () => {
      await signIn();
      await setLatency(400);
      const watch = watchFetch();
      restoreFetch = watch.restore;
      const { list, provider, loads } = await mount({ type: 'songs' });
      await waitUntil(() => watch.calls.length === 1, 'the first request');
      const parent = provider.parentNode!;
      provider.remove();
      expect(watch.calls[0].signal!.aborted).to.be.true;
      // Deliberately a fixed wait, longer than the emulator's latency: it proves that the aborted
      // answer is not used.
      await sleep(600);
      expect(loads).to.have.length(0);
      expect(list.items).to.have.length(0);
      parent.append(provider);
      await untilState(list, 'list');
      expect(loads).to.have.length(1);
      expect(watch.calls).to.have.length(2);
      expect(watch.calls[1].signal!.aborted).to.be.false;
    });
  });

  describe('keyboard and selection', () => {
    it('moves focus with arrows, Page keys, Home and End; one Tab stop', async () => {
      await signIn();
      const { list } = await mount({ type: 'albums' });
      await untilState(list, 'list');
      expect(rows(list).filter((row) => row.tabIndex === 0)).to.have.length(1);
      rows(list)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await list.updateComplete;
      expect(rowIndex(activeRow(list))).to.equal(1);
      await sendKeys({ press: 'End' });
      await waitUntil(() => rowIndex(activeRow(list)) === 44, 'focus on the last row');
      await sendKeys({ press: 'ArrowDown' });
      await list.updateComplete;
      expect(rowIndex(activeRow(list))).to.equal(44);
      await sendKeys({ press: 'Home' });
      await waitUntil(() => rowIndex(activeRow(list)) === 0, 'focus on the first row');
      await sendKeys({ press: 'ArrowUp' });
      expect(rowIndex(activeRow(list))).to.equal(0);
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => rowIndex(activeRow(list)) > 1, 'a page down');
      const focused = activeRow(list) as HTMLElement;
      expect(focused.tabIndex).to.equal(0);
      expect(rows(list).filter((row) => row.tabIndex === 0)).to.deep.equal([focused]);
      // The focused row is inside the list's visible box.
      const box = part(list, 'list')!.getBoundingClientRect();
      const rect = focused.getBoundingClientRect();
      expect(rect.top).to.be.at.least(box.top - 1);
      expect(rect.bottom).to.be.at.most(box.bottom + 1);
    });

    it('selects with Enter, Space and click', async () => {
      await signIn();
      const { list } = await mount({ type: 'albums' });
      await untilState(list, 'list');
      const selected: string[] = [];
      list.addEventListener('am-library-select', (e) => selected.push(e.detail.item.id));
      rows(list)[0].focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: ' ' });
      await realClick(rows(list)[3]);
      expect(selected).to.deep.equal([list.items[0].id, list.items[1].id, list.items[3].id]);
      const event = oneEvent(list, 'am-library-select');
      rows(list)[2].click();
      const { detail, bubbles, composed } = await event;
      expect([detail.item, bubbles, composed]).to.deep.equal([list.items[2], true, true]);
      expect(rowIndex(activeRow(list))).to.equal(3);
    });
  });
});
