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
    for (let i = offset; i < Math.min(count, offset + limit); i++) data.push({ id: `i.${i}`, type: 'library-songs', attributes: { name: `Song ${i}` } });
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
    expect([clampPageSize(100), clampPageSize(250), clampPageSize(1), clampPageSize(25.7), clampPageSize(0), clampPageSize(-3), clampPageSize('x'), clampPageSize(undefined)]).to.deep.equal([
      100, 100, 1, 25, 100, 100, 100, 100,
    ]);
  });

  it('clamps recently-added pages to Apple’s 25', () => {
    expect([clampPageSize(100, 'recently-added'), clampPageSize(undefined, 'recently-added'), clampPageSize(10, 'recently-added'), clampPageSize(100, 'songs')]).to.deep.equal([25, 25, 10, 100]);
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
    const apple = fakeApple(250, { fail: (_call, n) => (n === 2 ? new Response('{"errors":[{"status":"503"}]}', { status: 503 }) : undefined) });
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
          ? new Response(JSON.stringify({ data: [{ id: 'i.0', type: 'library-songs' }], next: 'https://evil.example/v1/me/library/songs?offset=1' }), { status: 200 })
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
      fail: () => new Response(JSON.stringify({ data: [{ id: 'x', type: 'library-songs' }], next: '/v1/me/library/songs?offset=1' }), { status: 200 }),
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
    const apple = fakeApple(0, { fail: (call) => new Response(JSON.stringify({ data: [], next: `/v1/me/library/songs?offset=${call.url.searchParams.get('offset') ?? 0}1` }), { status: 200 }) });
    const { loader: l, pages } = loader();
    l.start(apple.api, { type: 'songs' });
    await loadAll(l);
    expect([l.state, l.items.length, apple.calls.length]).to.deep.equal(['done', 0, 1]);
    expect(pages).to.deep.equal([{ type: 'songs', items: [], total: 0, done: true }]);
  });

  it('skips entries that are not resources and counts them in the load detail', async () => {
    const song = { id: 'i.1', type: 'library-songs' };
    const apple = fakeApple(0, { fail: () => new Response(JSON.stringify({ data: [null, song, 3, 'x'], meta: { total: 1 } }), { status: 200 }) });
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
});
