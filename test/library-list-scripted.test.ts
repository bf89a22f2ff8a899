// <am-library-list> with a scripted API behind a plain context provider: what the emulator
// cannot easily produce (10,000 songs, hostile artwork URLs, a `next` to another origin, an
// empty library) and custom rows.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { emulatorOrigin } from './support/emulator.js';
import type { AmLibraryList, LibraryResource } from '../src/index.js';
import { provideSignedIn } from './support/signed-in.js';

const API = 'https://api.music.apple.com';

type Make = (index: number) => LibraryResource;
const song: Make = (i) => ({
  id: `i.${i}`,
  type: 'library-songs',
  attributes: { name: `Song ${i}`, artistName: 'Ada Hart', albumName: 'Hours', durationInMillis: 180_000 + i },
});

/**
 * A fake Apple for `count` items (Apple-style `next` carrying only the offset). `answer` may
 * replace any answer.
 */
function fakeApple(count: number, make: Make = song, answer?: (url: URL) => unknown) {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url.href);
    const replaced = answer?.(url);
    const limit = Number(url.searchParams.get('limit') ?? 25);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const data = [];
    for (let i = offset; i < Math.min(count, offset + limit); i++) data.push(make(i));
    const body = replaced ?? {
      data,
      meta: { total: count },
      ...(offset + limit < count ? { next: `${url.pathname}?offset=${offset + limit}` } : {}),
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}

/** A signed-in context around a fresh `<am-library-list>`, its API answering from `apple`. */
async function mount(apple: ReturnType<typeof fakeApple>, { type = 'songs', style = '' } = {}) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideSignedIn(host, apple.fetch, { apiUrl: API });
  const loads: CustomEvent[] = [];
  const list = document.createElement('am-library-list');
  list.type = type as AmLibraryList['type'];
  if (style) list.setAttribute('style', style);
  list.addEventListener('am-library-load', (event) => loads.push(event));
  host.append(list);
  await list.updateComplete;
  return { list, loads };
}

const part = (list: AmLibraryList, name: string) => list.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`);
const rows = (list: AmLibraryList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part=item]')];
const rowIndex = (row: Element | null | undefined) => Number(row?.getAttribute('aria-posinset')) - 1;

async function untilState(list: AmLibraryList, state: string): Promise<void> {
  await waitUntil(() => list.getAttribute('state') === state, `state "${state}" (is "${list.getAttribute('state')}")`, { timeout: 5000 });
  await list.updateComplete;
}

async function settle(list: AmLibraryList): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await nextFrame();
    await list.updateComplete;
  }
}

async function scrollTo(list: AmLibraryList, top: number): Promise<void> {
  part(list, 'list')!.scrollTop = top;
  await settle(list);
}

describe('<am-library-list> with a scripted API', () => {
  it('keeps at most a screenful of rows in the DOM with 10,000 songs, to the end and back', async function () {
    this.timeout(30000);
    const apple = fakeApple(10_000);
    const { list, loads } = await mount(apple);
    await untilState(list, 'list');
    let most = 0;
    while (!loads.at(-1)?.detail.done) {
      const before = loads.length;
      const box = part(list, 'list')!;
      box.scrollTop = box.scrollHeight;
      await waitUntil(() => loads.length > before, 'the next page');
      most = Math.max(most, rows(list).length);
    }
    await scrollTo(list, part(list, 'list')!.scrollHeight);
    expect(list.items).to.have.length(10_000);
    expect(apple.urls).to.have.length(100);
    expect(apple.urls.every((url) => new URL(url).searchParams.get('limit') === '100')).to.be.true;
    const atEnd = rows(list);
    most = Math.max(most, atEnd.length);
    expect(most).to.be.at.most(300);
    expect(atEnd.length).to.be.below(50);
    expect(rowIndex(atEnd.at(-1))).to.equal(9999);
    expect(atEnd.at(-1)!.querySelector('[part=title]')!.textContent).to.equal('Song 9999');
    expect(atEnd.at(-1)!.getAttribute('aria-setsize')).to.equal('10000');
    // Every row in the DOM sits where its index says, inside or near the visible box.
    const box = part(list, 'list')!.getBoundingClientRect();
    for (const row of atEnd) {
      expect(row.getBoundingClientRect().top).to.be.closeTo(box.top + rowIndex(row) * 56 - part(list, 'list')!.scrollTop, 1);
    }
    // The middle and back to the top.
    await scrollTo(list, 5000 * 56);
    const middle = rows(list);
    expect(middle.length).to.be.below(50);
    expect(rowIndex(middle[0])).to.be.within(4970, 5000);
    expect(middle.map(rowIndex)).to.deep.equal(middle.map((_, k) => rowIndex(middle[0]) + k));
    await scrollTo(list, 0);
    expect(rowIndex(rows(list)[0])).to.equal(0);
    expect(apple.urls).to.have.length(100);
  });

  it('paints the first page with only the rows that show, and adds the rows beyond the edge after that frame', async () => {
    const apple = fakeApple(300);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideSignedIn(host, apple.fetch, { apiUrl: API });
    const list = document.createElement('am-library-list');
    list.setAttribute('style', 'height: 280px');
    // The render that takes the first page (asked for right after the event), before anything else runs.
    const firstRender = new Promise<number[]>((resolve) =>
      list.addEventListener(
        'am-library-load',
        () => queueMicrotask(() => void list.updateComplete.then(() => resolve(rows(list).map(rowIndex)))),
        { once: true },
      ),
    );
    host.append(list);
    // What fits in 280 px of 56 px rows: 5 (and one more where the list's edge cuts a row).
    const first = await firstRender;
    expect(first.length).to.be.within(5, 6);
    expect(first).to.deep.equal([...first.keys()]);
    // Once that frame has painted, the ten rows below the edge follow, in a later render.
    await waitUntil(() => rows(list).length > first.length, 'the rows beyond the edge');
    expect(rows(list).map(rowIndex)).to.deep.equal([...Array(first.length + 10).keys()]);
    expect(apple.urls).to.have.length(1);
  });

  it('keyboard focus follows into rows that were not rendered (End, Home) at 10,000 items', async function () {
    this.timeout(30000);
    const apple = fakeApple(10_000);
    const { list, loads } = await mount(apple);
    await untilState(list, 'list');
    while (!loads.at(-1)?.detail.done) {
      const before = loads.length;
      part(list, 'list')!.scrollTop = part(list, 'list')!.scrollHeight;
      await waitUntil(() => loads.length > before, 'the next page');
    }
    await scrollTo(list, 0);
    rows(list)[0].focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 9999, 'focus on the last row');
    expect(rows(list).length).to.be.below(50);
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 9998, 'focus one up');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 0, 'focus on the first row');
    expect(part(list, 'list')!.scrollTop).to.equal(0);
    // Scrolling the focused row away parks focus on the list; the arrows continue from it.
    await scrollTo(list, 3000 * 56);
    expect(list.shadowRoot!.activeElement).to.equal(part(list, 'list'));
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => rowIndex(list.shadowRoot!.activeElement) === 1, 'focus on the second row');
  });

  it('requests artwork for the rendered size × devicePixelRatio', async () => {
    const origin = await emulatorOrigin();
    const apple = fakeApple(3, (i) => ({
      id: `l.${i}`,
      type: 'library-albums',
      attributes: { name: `Album ${i}`, artwork: { url: `${origin}/artwork/l.${i}/{w}x{h}bb.{f}`, width: 3000, height: 3000 } },
    }));
    const { list } = await mount(apple, { type: 'albums', style: '--am-artwork-size: 64px; --am-row-height: 80px' });
    await untilState(list, 'list');
    await settle(list);
    const img = rows(list)[1].querySelector('img')!;
    const px = Math.ceil(64 * devicePixelRatio);
    expect(img.getAttribute('src')).to.equal(`${origin}/artwork/l.1/${px}x${px}bb.jpg`);
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['64', '64']);
    expect(rows(list)[1].getBoundingClientRect().height).to.equal(80);
  });

  it('holds covers back while the list skips rows, and shows them once it stops', async () => {
    const origin = await emulatorOrigin();
    const apple = fakeApple(100, (i) => ({
      id: `l.${i}`,
      type: 'library-albums',
      attributes: { name: `Album ${i}`, artwork: { url: `${origin}/artwork/l.${i}/{w}x{h}.svg`, width: 600, height: 600 } },
    }));
    const { list } = await mount(apple, { type: 'albums' });
    await untilState(list, 'list');
    expect(rows(list)[0].querySelector('img')).to.exist;
    // Looked at in the render that follows the jump (the list measures in its scroll event;
    // this listener runs after its own), not a moment later: the covers come back 150 ms after
    // scrolling stops, which a loaded machine can let pass before a later look.
    const box = part(list, 'list')!;
    const afterJump = new Promise<{ first: number; images: number }>((resolve) => {
      const look = async () => {
        await list.updateComplete;
        resolve({ first: rowIndex(rows(list)[0]), images: list.shadowRoot!.querySelectorAll('img').length });
      };
      box.addEventListener('scroll', look, { once: true });
    });
    box.scrollTop = 60 * 56;
    const { first, images } = await afterJump;
    expect(first).to.be.above(40);
    expect(images).to.equal(0);
    await waitUntil(() => list.shadowRoot!.querySelectorAll('img').length === rows(list).length, 'covers after the scroll');
    expect(rows(list)[0].querySelector('img')!.getAttribute('src')).to.equal(`${origin}/artwork/l.${rowIndex(rows(list)[0])}/40x40.svg`);
  });

  it('renders no image for artwork that is not http(s)', async () => {
    const origin = await emulatorOrigin();
    const urls = [
      'javascript:alert(document.domain)//{w}x{h}',
      'data:image/svg+xml,<svg onload=alert(1)>',
      '/relative/{w}x{h}.jpg',
      `${origin}/artwork/l.3/{w}x{h}.svg`,
    ];
    const apple = fakeApple(urls.length, (i) => ({
      id: `l.${i}`,
      type: 'library-albums',
      attributes: { name: `Album ${i}`, artwork: { url: urls[i], width: 100, height: 100 } },
    }));
    const { list } = await mount(apple, { type: 'albums' });
    await untilState(list, 'list');
    const images = rows(list).map((row) => row.querySelector('img')?.getAttribute('src') ?? null);
    expect(images.slice(0, 3)).to.deep.equal([null, null, null]);
    expect(images[3]).to.equal(`${origin}/artwork/l.3/40x40.svg`);
    expect(rows(list).map((row) => row.querySelector('[part=artwork]')!.localName)).to.deep.equal(['span', 'span', 'span', 'img']);
    expect(list.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  it('refuses a next on another origin and shows the error state', async () => {
    const apple = fakeApple(300, song, (url) =>
      url.searchParams.has('offset') ? undefined : { data: [song(0), song(1)], next: 'https://evil.example/v1/me/library/songs?offset=2' },
    );
    const { list } = await mount(apple);
    // Two items fill less than two screens, so the next page is asked for at once.
    await waitUntil(() => part(list, 'error'), 'the error');
    expect(part(list, 'error')!.textContent).to.contain('another site');
    expect(apple.urls.map((url) => new URL(url).origin)).to.deep.equal([API]);
    expect(list.items).to.have.length(2);
  });

  it('shows the empty state (default and slotted) and is accessible', async () => {
    const { list } = await mount(fakeApple(0));
    await untilState(list, 'empty');
    expect(part(list, 'empty')!.textContent).to.equal('Nothing here yet.');
    await expect(list).to.be.accessible();
    const own = document.createElement('p');
    own.slot = 'empty';
    own.textContent = 'No songs yet';
    list.append(own);
    const slot = list.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=empty]')!;
    expect(slot.assignedElements()).to.deep.equal([own]);
  });

  it('uses renderItem for custom rows, rendering returned strings as text', async () => {
    const apple = fakeApple(5, (i) => ({ id: `i.${i}`, type: 'library-songs', attributes: { name: `<b>Song ${i}</b>` } }));
    const { list } = await mount(apple);
    list.renderItem = (item, index) =>
      index === 0 ? html`<strong class="custom">${item.attributes!.name}</strong>` : `${index}: ${item.attributes!.name}`;
    await untilState(list, 'list');
    await list.updateComplete;
    const [first, second] = rows(list);
    expect(first.querySelector('strong.custom')!.textContent).to.equal('<b>Song 0</b>');
    expect(second.textContent!.trim()).to.equal('1: <b>Song 1</b>');
    expect(part(list, 'list')!.querySelector('b')).to.equal(null);
    // Custom rows keep the row's role, focus and selection.
    expect([second.getAttribute('role'), second.getAttribute('part')]).to.deep.equal(['listitem', 'item']);
  });

  it('names the list from the host aria-label and reports an unknown type', async () => {
    const { list } = await mount(fakeApple(3));
    list.setAttribute('aria-label', 'My songs');
    await untilState(list, 'list');
    expect(part(list, 'list')!.getAttribute('aria-label')).to.equal('My songs');
    list.setAttribute('type', 'podcasts');
    await untilState(list, 'error');
    expect(part(list, 'error')!.textContent).to.contain('unknown type "podcasts"');
  });
});
