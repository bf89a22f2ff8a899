// <am-library-list query> (library search) and the users without a library, against the
// emulator: debounce, stale answers aborted and never shown, paging, "no matches",
// "no library" through the sign-in popup, and axe on each new state.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { realClick } from '../support/dom.js';
import { resetEmulator } from '../support/emulator.js';
import { apiGet, mountList, part, requests, scrollToEnd, setLatency, signIn, text, untilState } from '../support/library.js';

/** Records every library search the page sends, with its signal. */
function watchSearches() {
  const original = window.fetch;
  const calls: { term: string; signal?: AbortSignal | null }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    if (url.pathname === '/v1/me/library/search') calls.push({ term: url.searchParams.get('term')!, signal: init?.signal });
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

describe('<am-library-list query>: library search', () => {
  let restore: (() => void) | undefined;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('sends one request for a burst of keystrokes, aborts a stale one, and shows only the latest term’s results', async function () {
    this.timeout(20000);
    const token = await signIn();
    const songs = (await apiGet('/v1/me/library/songs?limit=100', token)).data as { attributes: { name: string } }[];
    const [first, second] = [songs[10], songs[40]].map((song) => song.attributes.name.split(' ').at(-1)!);
    expect(first).not.to.equal(second);
    const watch = watchSearches();
    restore = watch.restore;
    const { list, loads } = await mountList('<am-library-list type="songs"></am-library-list>');
    await untilState(list, 'list');
    await setLatency(600);
    // Typing: each keystroke sets the property; only the pause after the last one sends.
    for (const partial of [first.slice(0, 1), first.slice(0, 2), first]) {
      list.query = partial;
      await list.updateComplete;
    }
    await waitUntil(() => watch.calls.length === 1, 'one search request');
    expect(watch.calls[0].term).to.equal(first);
    expect(list.getAttribute('state')).to.equal('loading');
    // A new term while that answer is on its way: it is aborted and never shown.
    list.query = second;
    await waitUntil(() => watch.calls.length === 2, 'the second search');
    expect(watch.calls[0].signal!.aborted).to.be.true;
    await untilState(list, 'list');
    expect(loads.filter((e) => e.detail.query).map((e) => e.detail.query)).to.deep.equal([second]);
    for (const item of list.items) {
      const { name, artistName, albumName } = item.attributes as Record<string, string>;
      expect(`${name}\n${artistName}\n${albumName}`.toLowerCase()).to.contain(second.toLowerCase());
    }
    const expected = (await apiGet(`/v1/me/library/search?term=${encodeURIComponent(second)}&types=library-songs&limit=25`, token)).results[
      'library-songs'
    ].data;
    expect(list.items.map((item) => item.id)).to.deep.equal(expected.map((song: { id: string }) => song.id).slice(0, list.items.length));
    // Clearing the search brings the whole list back at once.
    await setLatency(0);
    list.query = '';
    await untilState(list, 'list');
    await waitUntil(() => list.items.length === 100, 'the songs again');
    expect(list.items[0].type).to.equal('library-songs');
  });

  it('pages results by 25 as the user scrolls, the term and type carried to every page', async function () {
    this.timeout(20000);
    await signIn();
    const { list, loads } = await mountList('<am-library-list type="songs" query="e"></am-library-list>');
    await untilState(list, 'list');
    await scrollToEnd(list, loads);
    const logged = await requests('/v1/me/library/search');
    expect(logged.length).to.be.greaterThan(2);
    expect(logged.map((r) => [r.query.term, r.query.types, r.query.limit, r.query.offset ?? '0'])).to.deep.equal(
      logged.map((_, k) => ['e', 'library-songs', '25', String(k * 25)]),
    );
    expect(list.items.length).to.be.greaterThan(50);
    expect(new Set(list.items.map((item) => item.id)).size).to.equal(list.items.length);
    expect(list.items.every((item) => item.type === 'library-songs')).to.be.true;
  });

  it('says "no matches" (not "empty"), with the term, in its own slot; axe finds nothing', async () => {
    await signIn();
    const { list } = await mountList('<am-library-list type="albums" query="zzqqxx"></am-library-list>');
    await untilState(list, 'no-matches');
    expect(text(part(list, 'no-matches'))).to.equal('No matches for “zzqqxx”.');
    expect(part(list, 'empty')).to.equal(null);
    await expect(list).to.be.accessible();
    list.noMatchesText = 'Aucun résultat pour « {query} ».';
    await list.updateComplete;
    expect(text(part(list, 'no-matches'))).to.equal('Aucun résultat pour « zzqqxx ».');
    const own = document.createElement('p');
    own.slot = 'no-matches';
    own.textContent = 'Try another word';
    list.append(own);
    expect(list.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=no-matches]')!.assignedElements()).to.deep.equal([own]);
  });

  it('refuses to search recently-added with a clear error, and ignores query under parent', async () => {
    const token = await signIn();
    const { list } = await mountList('<am-library-list type="recently-added" query="a"></am-library-list>');
    await untilState(list, 'error');
    expect(text(part(list, 'error'))).to.contain('recently-added cannot be searched');
    const [album] = (await apiGet('/v1/me/library/albums?limit=1', token)).data;
    list.parent = album.id;
    await untilState(list, 'list');
    expect(list.items).to.have.length(album.attributes.trackCount);
  });
});

describe('<am-library-list>: a user without iCloud Music Library', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('shows the no-library guidance (not an error, not "empty"); axe finds nothing', async () => {
    await signIn('none');
    const { list, errors } = await mountList('<am-library-list type="songs"></am-library-list>');
    await untilState(list, 'no-library');
    expect(text(part(list, 'no-library'))).to.contain('turn on Sync Library');
    expect([part(list, 'error'), part(list, 'empty')]).to.deep.equal([null, null]);
    expect(errors).to.deep.equal([]);
    await expect(list).to.be.accessible();
    // Searching changes nothing: there is no library to search.
    list.query = 'a';
    await untilState(list, 'loading');
    await untilState(list, 'no-library');
  });

  it('gets there through the sign-in popup (library=none), and the slot replaces the text', async function () {
    this.timeout(15000);
    const { list } = await mountList(
      '<am-library-list type="albums"><p slot="no-library">Turn on Sync Library, then come back.</p></am-library-list>',
      { switches: 'outcome=authorize&library=none' },
    );
    await untilState(list, 'signed-out');
    await realClick(list.shadowRoot!.querySelector('am-authorize-button')!);
    await untilState(list, 'no-library');
    const slot = list.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=no-library]')!;
    expect(slot.assignedElements().map((element) => element.textContent)).to.deep.equal(['Turn on Sync Library, then come back.']);
  });

  it('a library that answers empty shows "empty"', async () => {
    await signIn('empty');
    const { list } = await mountList('<am-library-list type="playlists"></am-library-list>');
    await untilState(list, 'empty');
    expect(text(part(list, 'empty'))).to.equal('Nothing here yet.');
  });
});
