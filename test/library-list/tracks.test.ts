// <am-library-list> in depth against the emulator: `parent` (a 5,000-track playlist, an
// album), and `drill-down` in and out by keyboard and pointer, focus and scroll restored.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AmLibraryList } from '../../src/index.js';
import { realClick } from '../support/dom.js';
import { clearRequests, resetEmulator } from '../support/emulator.js';
import {
  activeRowIndex,
  apiGet,
  mountList,
  part,
  requests,
  rowIndex,
  rows,
  scrollToEnd,
  settle,
  signIn,
  text,
  untilState,
} from '../support/library.js';

/** Every id of a paged library path, straight from the emulator. */
async function allIds(path: string, total: number, token: string): Promise<string[]> {
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(total / 100) }, (_, k) => apiGet(`${path}?limit=100&offset=${k * 100}`, token)),
  );
  return pages.flatMap((page) => page.data.map((item: { id: string }) => item.id));
}

/** Moves keyboard focus to row `index` of `list`, from its first row. */
async function focusRow(list: AmLibraryList, index: number): Promise<void> {
  rows(list)[0].focus();
  for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
  await waitUntil(() => activeRowIndex(list) === index, `focus on row ${index}`);
  await settle(list);
}

describe('<am-library-list parent>: every track of a library playlist or album', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('pages a 5,000-track playlist to the end: 50 requests of 100, each page once, the tracks in Apple’s order', async function () {
    this.timeout(120000);
    const token = await signIn();
    const [playlist] = (await apiGet('/v1/me/library/playlists?limit=1', token)).data;
    await clearRequests();
    const { list, loads } = await mountList(`<am-library-list parent="${playlist.id}" aria-label="Tracks"></am-library-list>`);
    await untilState(list, 'list');
    expect(list.getAttribute('state')).to.equal('list');
    await scrollToEnd(list, loads, 15000);
    const path = `/v1/me/library/playlists/${playlist.id}/tracks`;
    const logged = await requests(path);
    expect(logged.map((r) => r.query.offset ?? '0')).to.deep.equal(Array.from({ length: 50 }, (_, k) => String(k * 100)));
    expect(new Set(logged.map((r) => r.query.limit))).to.deep.equal(new Set(['100']));
    expect(logged.every((r) => r.status === 200)).to.be.true;
    expect(loads.map((e) => e.detail.type)).to.deep.equal(Array(50).fill('tracks'));
    expect(loads.every((e) => e.detail.parent === playlist.id && e.detail.total === 5000)).to.be.true;
    expect(list.items.map((item) => item.id)).to.deep.equal(await allIds(path, 5000, token));
    // Only a window of rows is in the DOM, ending at the last track.
    const shown = rows(list);
    expect(shown.length).to.be.below(60);
    expect(rowIndex(shown.at(-1))).to.equal(4999);
    expect(shown.at(-1)!.getAttribute('aria-setsize')).to.equal('5000');
    expect(part(list, 'load-more')).to.equal(null);
  });

  it('lists an album’s tracks in order, and refuses an id that is neither an album nor a playlist', async () => {
    const token = await signIn();
    const [album] = (await apiGet('/v1/me/library/albums?limit=1', token)).data;
    const { list } = await mountList(`<am-library-list parent="${album.id}"></am-library-list>`);
    await untilState(list, 'list');
    const expected = (await apiGet(`/v1/me/library/albums/${album.id}/tracks?limit=100`, token)).data;
    expect(list.items.map((item) => item.id)).to.deep.equal(expected.map((track: { id: string }) => track.id));
    expect(list.items).to.have.length(album.attributes.trackCount);
    expect(list.items.every((item) => item.type === 'library-songs')).to.be.true;

    list.parent = 'i.notacollection';
    await untilState(list, 'error');
    expect(text(part(list, 'error'))).to.contain('parent must be a library album (l.…) or playlist (p.…) id');
  });

  it('shows an unknown album or playlist as empty: Apple answers an empty one with 404 too', async () => {
    await signIn();
    const { list, errors } = await mountList('<am-library-list parent="p.doesnotexist"></am-library-list>');
    await untilState(list, 'empty');
    expect(errors).to.deep.equal([]);
  });
});

describe('<am-library-list drill-down>: an album or playlist opens in place', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('Enter opens an album under a header; Escape returns to the same row, scrolled as before', async function () {
    this.timeout(20000);
    await signIn();
    const { list, loads, selects } = await mountList('<am-library-list type="albums" drill-down aria-label="Albums"></am-library-list>');
    await untilState(list, 'list');
    await focusRow(list, 20);
    const box = part(list, 'list')!;
    const scrolled = box.scrollTop;
    expect(scrolled).to.be.greaterThan(0);
    const album = list.items[20];

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => loads.at(-1)?.detail.type === 'tracks', 'the album’s tracks');
    await untilState(list, 'list');
    expect(selects.map((e) => e.detail.item)).to.deep.equal([album]);
    expect(loads.at(-1)!.detail.parent).to.equal(album.id);
    // The header: back (focused), cover, name, count; the list is named after the album.
    const attributes = album.attributes as { name: string; trackCount: number };
    expect(list.shadowRoot!.activeElement).to.equal(part(list, 'back'));
    expect(text(part(list, 'back'))).to.equal('Back');
    expect(text(part(list, 'heading'))).to.equal(attributes.name);
    expect(text(part(list, 'count'))).to.equal(`${attributes.trackCount} track${attributes.trackCount === 1 ? '' : 's'}`);
    expect(part(list, 'header-artwork')!.localName).to.equal('img');
    expect(part(list, 'list')!.getAttribute('aria-label')).to.equal(attributes.name);
    expect(part(list, 'list')!.scrollTop).to.equal(0);
    expect(rows(list)).to.have.length(attributes.trackCount);
    expect(list.items[20]).to.equal(album, '`items` keeps the list’s own items');
    await expect(list).to.be.accessible();

    // Tab reaches the tracks; Enter on one selects it (and does not open anything).
    await sendKeys({ press: 'Tab' });
    expect(activeRowIndex(list)).to.equal(0);
    const selected = oneEvent(list, 'am-library-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.item.type).to.equal('library-songs');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => activeRowIndex(list) === 20, 'focus back on the album’s row');
    expect(part(list, 'header')).to.equal(null);
    expect(part(list, 'list')!.scrollTop).to.equal(scrolled);
    expect(part(list, 'list')!.getAttribute('aria-label')).to.equal('Albums');
    expect(
      text(
        rows(list)
          .find((row) => rowIndex(row) === 20)!
          .querySelector('[part=title]'),
      ),
    ).to.equal(attributes.name);
    // The keyboard goes on from there.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => activeRowIndex(list) === 21, 'arrows continue from the row');
  });

  it('a click on a playlist opens it with its track count from Apple; the back button returns', async function () {
    this.timeout(20000);
    await signIn();
    const { list, loads } = await mountList('<am-library-list type="playlists" drill-down></am-library-list>');
    await untilState(list, 'list');
    const [first] = rows(list);
    await realClick(first);
    await waitUntil(() => loads.at(-1)?.detail.type === 'tracks', 'the playlist’s first page');
    await untilState(list, 'list');
    // The first playlist is the long one: 5,000 tracks, the first 100 loaded.
    expect(text(part(list, 'count'))).to.equal('5000 tracks');
    expect(list.items[0].type).to.equal('library-playlists');
    await realClick(part(list, 'back')!);
    await waitUntil(() => activeRowIndex(list) === 0 && !part(list, 'header'), 'back on the first row');
    expect(rows(list)[0].querySelector('[part=title]')!.textContent).to.equal((list.items[0].attributes as { name: string }).name);
  });

  it('without drill-down, activating an album only selects it', async () => {
    await signIn();
    const { list, selects } = await mountList('<am-library-list type="albums"></am-library-list>');
    await untilState(list, 'list');
    rows(list)[2].click();
    expect(selects).to.have.length(1);
    await list.updateComplete;
    expect(part(list, 'header')).to.equal(null);
    expect(list.getAttribute('state')).to.equal('list');
  });
});
