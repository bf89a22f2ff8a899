// LibraryLoader: the paging state machine behind <am-library-list>, with a scripted fetch.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LibraryLoader, clampPageSize, type LoadState } from '../../src/elements/library-list/library-loader.js';
import type { AmLibraryLoadDetail } from '../../src/events.js';
import { scriptedApi } from '../support/signed-in.js';

const API = 'https://api.music.apple.com';

interface Call {
  url: URL;
  signal?: AbortSignal | null;
}

/** A fake Apple: `count` items under every library path, Apple-style `next` (offset only). */
function fakeApple(count: number, options: { fail?: (call: Call, n: number) => Response | Error | undefined; hold?: boolean } = {}) {
  const calls: Call[] = [];
  const held: (() => void)[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: new URL(String(input)), signal: init.signal };
    calls.push(call);
    if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
    const failure = options.fail?.(call, calls.length);
    if (failure instanceof Error) throw failure;
    if (failure) return failure;
    const limit = Number(call.url.searchParams.get('limit') ?? 25);
    const offset = Number(call.url.searchParams.get('offset') ?? 0);
    const data = [];
    for (let i = offset; i < Math.min(count, offset + limit); i++)
      data.push({ id: `i.${i}`, type: 'library-songs', attributes: { name: `Song ${i}` } });
    const body: Record<string, unknown> = { data, meta: { total: count } };
    if (offset + limit < count) body.next = `${call.url.pathname}?offset=${offset + limit}`;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const api = scriptedApi(fetch, API);
  return { api, calls, release: () => held.splice(0).forEach((resolve) => resolve()) };
}

/** A loader on a stand-in host that records the state at each update it asks for. */
function loader() {
  const pages: AmLibraryLoadDetail[] = [];
  const states: LoadState[] = [];
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (controller) => controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => states.push(instance.state),
    updateComplete: Promise.resolve(true),
  };
  const instance: LibraryLoader = new LibraryLoader(host, { loaded: (detail) => pages.push(detail) });
  return { loader: instance, pages, states, controllers };
}

/** Lets pending promise work run until `condition` holds (no timing involved). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve));
}

async function loadAll(l: LibraryLoader): Promise<void> {
  while (l.state === 'more') await l.more();
}

describe('LibraryLoader', () => {
  it('clamps page sizes to 1…100', () => {
    expect([
      clampPageSize(100),
      clampPageSize(250),
      clampPageSize(1),
      clampPageSize(25.7),
      clampPageSize(0),
      clampPageSize(-3),
      clampPageSize('x'),
      clampPageSize(undefined),
    ]).to.deep.equal([100, 100, 1, 25, 100, 100, 100, 100]);
  });

  it('clamps recently-added pages to Apple’s 25', () => {
    expect([
      clampPageSize(100, 'recently-added'),
      clampPageSize(undefined, 'recently-added'),
      clampPageSize(10, 'recently-added'),
      clampPageSize(100, 'songs'),
    ]).to.deep.equal([25, 25, 10, 100]);
  });

  it('is idle without an API (signed out) and loads nothing', async () => {
    const { loader: l, states } = loader();
    l.start(undefined, { type: 'songs' });
    await l.more();
    expect(l.state).to.equal('idle');
    expect(states).to.deep.equal(['idle']);
  });

  it('pages with the largest page to the end, one request per more()', async () => {
    const apple = fakeApple(250);
    const { loader: l, pages, states } = loader();
    l.start(apple.api, { type: 'songs' });
    expect(l.state).to.equal('more');
    await l.more();
    expect(l.items).to.have.length(100);
    expect(l.total).to.equal(250);
    expect(apple.calls).to.have.length(1);
    await loadAll(l);
    expect(l.state).to.equal('done');
    expect(l.items.map((item) => item.id).slice(98, 102)).to.deep.equal(['i.98', 'i.99', 'i.100', 'i.101']);
    expect(l.items).to.have.length(250);
    expect(apple.calls.map((c) => c.url.pathname + c.url.search)).to.deep.equal([
      '/v1/me/library/songs?limit=100',
      '/v1/me/library/songs?offset=100&limit=100',
      '/v1/me/library/songs?offset=200&limit=100',
    ]);
    expect(pages.map((p) => [p.type, p.items.length, p.total, p.done])).to.deep.equal([
      ['songs', 100, 250, false],
      ['songs', 100, 250, false],
      ['songs', 50, 250, true],
    ]);
    expect(states).to.deep.equal(['more', 'loading', 'more', 'loading', 'more', 'loading', 'done']);
    await l.more();
    expect(apple.calls).to.have.length(3);
  });

  it('asks for no more than limit, and stops there', async () => {
    const apple = fakeApple(1000);
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'albums', pageSize: 40, limit: 90 });
    await loadAll(l);
    expect(l.items).to.have.length(90);
    expect(apple.calls.map((c) => c.url.searchParams.get('limit'))).to.deep.equal(['40', '40', '10']);
    expect(pages.map((p) => [p.items.length, p.total, p.done])).to.deep.equal([
      [40, 90, false],
      [40, 90, false],
      [10, 90, true],
    ]);
  });

  it('treats a library smaller than limit as complete', async () => {
    const apple = fakeApple(30);
    const { loader: l } = loader();
    l.start(apple.api, { type: 'albums', limit: 500 });
    await loadAll(l);
    expect([l.items.length, l.total, l.state]).to.deep.equal([30, 30, 'done']);
  });

  it('is done with no items for an empty library', async () => {
    const apple = fakeApple(0);
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'playlists' });
    await l.more();
    expect([l.items.length, l.state]).to.deep.equal([0, 'done']);
    expect(pages).to.deep.equal([{ type: 'playlists', items: [], total: 0, done: true }]);
  });

  it('keeps the items and the cursor on an error, and retries the same page', async () => {
    const apple = fakeApple(250, {
      fail: (_call, n) => (n === 2 ? new Response('{"errors":[{"status":"503"}]}', { status: 503 }) : undefined),
    });
    const { loader: l } = loader();
    l.start(apple.api, { type: 'songs' });
    await l.more();
    await l.more();
    expect(l.state).to.equal('error');
    expect((l.error as { status: number }).status).to.equal(503);
    expect(l.items).to.have.length(100);
    await l.more();
    await loadAll(l);
    expect(l.items).to.have.length(250);
    expect(apple.calls.map((c) => c.url.searchParams.get('offset'))).to.deep.equal([null, '100', '100', '200']);
  });

  it('refuses a next on another origin (error, no request there)', async () => {
    const apple = fakeApple(250, {
      fail: (call) =>
        call.url.searchParams.get('offset') === null
          ? new Response(
              JSON.stringify({ data: [{ id: 'i.0', type: 'library-songs' }], next: 'https://evil.example/v1/me/library/songs?offset=1' }),
              { status: 200 },
            )
          : undefined,
    });
    const { loader: l } = loader();
    l.start(apple.api, { type: 'songs' });
    await l.more();
    expect(l.state).to.equal('more');
    await l.more();
    expect(l.state).to.equal('error');
    expect((l.error as { code: string }).code).to.equal('CROSS_ORIGIN');
    expect(apple.calls.every((c) => c.url.origin === API)).to.be.true;
    expect(apple.calls).to.have.length(1);
  });

  it('stops on a repeated next instead of loading forever', async () => {
    const apple = fakeApple(0, {
      fail: () =>
        new Response(JSON.stringify({ data: [{ id: 'x', type: 'library-songs' }], next: '/v1/me/library/songs?offset=1' }), {
          status: 200,
        }),
    });
    const { loader: l } = loader();
    l.start(apple.api, { type: 'songs' });
    await l.more();
    await l.more();
    expect(l.state).to.equal('error');
    expect((l.error as Error).message).to.match(/Repeated next/);
  });

  it('rejects an unknown type without a request', async () => {
    const apple = fakeApple(10);
    const { loader: l } = loader();
    l.start(apple.api, { type: '../storefront' });
    expect(l.state).to.equal('error');
    expect((l.error as Error).message).to.match(/unknown type/);
    await l.more();
    expect(apple.calls).to.have.length(0);
  });

  it('abort() aborts the request in flight; more() then fetches the same page', async () => {
    const apple = fakeApple(250, { hold: true });
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'songs' });
    const first = l.more();
    expect(l.state).to.equal('loading');
    await until(() => apple.calls.length === 1);
    l.abort();
    expect(apple.calls[0].signal!.aborted).to.be.true;
    expect(l.state).to.equal('more');
    apple.release();
    await first;
    expect(pages).to.have.length(0);
    expect(l.items).to.have.length(0);
    const second = l.more();
    await until(() => apple.calls.length === 2);
    apple.release();
    await second;
    expect(l.items).to.have.length(100);
    expect(apple.calls.map((c) => c.url.searchParams.get('offset'))).to.deep.equal([null, null]);
  });

  it('is a controller of its host: the host leaving the page aborts the request in flight', async () => {
    const apple = fakeApple(250, { hold: true });
    const { loader: l, controllers, pages } = loader();
    expect(controllers).to.deep.equal([l]);
    l.start(apple.api, { type: 'songs' });
    const first = l.more();
    await until(() => apple.calls.length === 1);
    l.hostDisconnected();
    expect(apple.calls[0].signal!.aborted).to.be.true;
    expect(l.state).to.equal('more');
    apple.release();
    await first;
    expect(pages).to.have.length(0);
  });

  it('ends on an empty page that carries a next', async () => {
    const apple = fakeApple(0, {
      fail: (call) =>
        new Response(JSON.stringify({ data: [], next: `/v1/me/library/songs?offset=${call.url.searchParams.get('offset') ?? 0}1` }), {
          status: 200,
        }),
    });
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'songs' });
    await loadAll(l);
    expect([l.state, l.items.length, apple.calls.length]).to.deep.equal(['done', 0, 1]);
    expect(pages).to.deep.equal([{ type: 'songs', items: [], total: 0, done: true }]);
  });

  it('skips entries that are not resources and counts them in the load detail', async () => {
    const song = { id: 'i.1', type: 'library-songs' };
    const apple = fakeApple(0, {
      fail: () => new Response(JSON.stringify({ data: [null, song, 3, 'x'], meta: { total: 1 } }), { status: 200 }),
    });
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'songs' });
    await l.more();
    expect(l.items).to.deep.equal([song]);
    expect(pages).to.deep.equal([{ type: 'songs', items: [song], total: 1, done: true, skipped: 3 }]);
  });

  it('start() drops the previous list and aborts its request', async () => {
    const apple = fakeApple(250, { hold: true });
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'albums' });
    const albums = l.more();
    await until(() => apple.calls.length === 1);
    l.start(apple.api, { type: 'songs' });
    expect(apple.calls[0].signal!.aborted).to.be.true;
    const songs = l.more();
    await until(() => apple.calls.length === 2);
    apple.release();
    await Promise.all([albums, songs]);
    expect(pages.map((p) => p.type)).to.deep.equal(['songs']);
    expect(l.items[0].id).to.equal('i.0');
    expect(apple.calls.map((c) => c.url.pathname)).to.deep.equal(['/v1/me/library/albums', '/v1/me/library/songs']);
  });

  describe('sources: tracks, search, no library', () => {
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const notFound = () => json({ errors: [{ status: '404', code: '40400', title: 'Resource Not Found' }] }, 404);

    it('lists the tracks of an album or playlist (with include=catalog when asked), and refuses other ids', async () => {
      const apple = fakeApple(150);
      const { loader: l, pages } = loader();
      l.start(apple.api, { type: 'albums', parent: 'p.a/b?c', catalog: true });
      await loadAll(l);
      expect(apple.calls.map((c) => c.url.pathname + c.url.search)).to.deep.equal([
        '/v1/me/library/playlists/p.a%2Fb%3Fc/tracks?include=catalog&limit=100',
        '/v1/me/library/playlists/p.a%2Fb%3Fc/tracks?offset=100&include=catalog&limit=100',
      ]);
      expect(pages.map((p) => [p.type, p.parent, p.items.length])).to.deep.equal([
        ['tracks', 'p.a/b?c', 100],
        ['tracks', 'p.a/b?c', 50],
      ]);
      for (const parent of ['i.123', 'x', 'l.', 'pl.1234']) {
        l.start(apple.api, { type: 'songs', parent });
        expect([l.state, (l.error as Error).message], parent).to.deep.equal([
          'error',
          `parent must be a library album (l.…) or playlist (p.…) id, not "${parent}"`,
        ]);
      }
      expect(apple.calls).to.have.length(2);
    });

    it('searches one type, 25 a page, reading that group of the answer; no group means no matches', async () => {
      const song = (i: number) => ({ id: `i.${i}`, type: 'library-songs' });
      const apple = fakeApple(0, {
        fail: (call) => {
          const offset = Number(call.url.searchParams.get('offset') ?? 0);
          if (call.url.searchParams.get('term') === 'none') return json({ results: {}, meta: { results: { order: [] } } });
          const group = {
            data: [song(offset), null, song(offset + 1)],
            ...(offset ? {} : { next: '/v1/me/library/search?offset=2&term=a%20b&types=library-songs' }),
          };
          return json({ results: { 'library-songs': group, 'library-albums': { data: [{ id: 'l.1', type: 'library-albums' }] } } });
        },
      });
      const { loader: l, pages } = loader();
      l.start(apple.api, { type: 'songs', query: '  a b ', pageSize: 100, catalog: true });
      await loadAll(l);
      expect(apple.calls.map((c) => c.url.pathname + c.url.search)).to.deep.equal([
        '/v1/me/library/search?term=a%20b&types=library-songs&limit=25',
        '/v1/me/library/search?offset=2&term=a%20b&types=library-songs&limit=25',
      ]);
      expect(l.items.map((item) => item.id)).to.deep.equal(['i.0', 'i.1', 'i.2', 'i.3']);
      expect(pages.map((p) => [p.type, p.query, p.skipped])).to.deep.equal([
        ['songs', 'a b', 1],
        ['songs', 'a b', 1],
      ]);
      l.start(apple.api, { type: 'songs', query: 'none' });
      await loadAll(l);
      expect([l.state, l.items.length]).to.deep.equal(['done', 0]);
      l.start(apple.api, { type: 'recently-added', query: 'x' });
      expect(l.state).to.equal('error');
      expect((l.error as Error).message).to.match(/recently-added cannot be searched/);
    });

    it('takes a 404 on the first page of a list or search as no library, not as an error', async () => {
      for (const request of [{ type: 'songs' }, { type: 'albums', query: 'x' }]) {
        const failed: unknown[] = [];
        const apple = fakeApple(0, { fail: () => notFound() });
        const l = new LibraryLoader(
          {
            addController: () => undefined,
            removeController: () => undefined,
            requestUpdate: () => undefined,
            updateComplete: Promise.resolve(true),
          },
          {
            loaded: () => undefined,
            failed: (error) => failed.push(error),
          },
        );
        l.start(apple.api, request);
        await l.more();
        expect([l.state, l.error, failed.length], JSON.stringify(request)).to.deep.equal(['no-library', undefined, 0]);
        await l.more();
        expect(apple.calls).to.have.length(1);
      }
    });

    it('takes a 404 on a later page as an error, and on an album’s tracks as an empty album', async () => {
      const later = fakeApple(300, { fail: (call) => (call.url.searchParams.get('offset') ? notFound() : undefined) });
      const { loader: l } = loader();
      l.start(later.api, { type: 'songs' });
      await l.more();
      await l.more();
      expect([l.state, l.items.length, (l.error as { status?: number }).status]).to.deep.equal(['error', 100, 404]);

      const empty = fakeApple(0, { fail: () => notFound() });
      const tracks = loader();
      tracks.loader.start(empty.api, { type: 'songs', parent: 'l.1' });
      await tracks.loader.more();
      expect([tracks.loader.state, tracks.loader.total]).to.deep.equal(['done', 0]);
      expect(tracks.pages).to.deep.equal([{ type: 'tracks', items: [], total: 0, done: true, parent: 'l.1' }]);
    });

    it('debounces a start: no request until the pause, and a newer start replaces a waiting one', async () => {
      const apple = fakeApple(0, {
        fail: (call) =>
          json({ results: { 'library-songs': { data: [{ id: `i.${call.url.searchParams.get('term')}`, type: 'library-songs' }] } } }),
      });
      const { loader: l } = loader();
      l.start(apple.api, { type: 'songs', query: 'a', debounce: 30 });
      await l.more();
      expect(apple.calls).to.have.length(0, 'more() waits for the pause');
      l.start(apple.api, { type: 'songs', query: 'ab', debounce: 30 });
      await until(() => l.state === 'done');
      expect(apple.calls.map((c) => c.url.searchParams.get('term'))).to.deep.equal(['ab']);
      expect(l.items.map((item) => item.id)).to.deep.equal(['i.ab']);
      // Removed from the page while waiting: the wait is dropped, and the next more() (the
      // list back on the page, scrolled) sends at once.
      l.start(apple.api, { type: 'songs', query: 'abc', debounce: 60_000 });
      l.hostDisconnected();
      await l.more();
      expect(apple.calls.map((c) => c.url.searchParams.get('term'))).to.deep.equal(['ab', 'abc']);
    });
  });
});
