// <am-library-list playable> against the emulator: a real click (or Enter) on a row plays it
// through the provider's player, from the catalog twin the list asked for with include=catalog;
// uploads are marked.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/playback.js';
import type { AmLibraryList, LibrarySong } from '../../src/index.js';
import type { PlaybackEngine } from '../../src/am-player.js';
import { realClick } from '../support/dom.js';
import { resetEmulator } from '../support/emulator.js';
import { mountList, part, requests, rows, settle, signIn, text, untilState } from '../support/library.js';

/** Waits until the engine plays and its position really advances (the browser decodes the audio). */
async function audible(engine: PlaybackEngine) {
  await waitUntil(() => engine.state === 'playing', `playing (is ${engine.state})`, { timeout: 8000 });
  const start = engine.position;
  await waitUntil(() => engine.position > start + 0.25, 'the position advances', { timeout: 8000 });
}

/** The first rendered row whose song has a catalog twin with a preview. */
function rowWithPreview(list: AmLibraryList<'songs'>): HTMLElement {
  const index = list.items.findIndex((song) => song.relationships?.catalog?.data[0]?.attributes?.previews.length);
  const row = rows(list).find((element) => Number(element.getAttribute('aria-posinset')) === index + 1);
  if (!row) throw new Error('no row with a preview on screen');
  return row;
}

describe('<am-library-list playable>', () => {
  let engine: PlaybackEngine | undefined;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => engine?.stop());

  it('asks for catalog twins, and a real click on a song plays its preview', async function () {
    this.timeout(20000);
    await signIn();
    const { provider, list, selects } = await mountList('<am-library-list type="songs" playable></am-library-list>');
    await untilState(list, 'list');
    expect((await requests('/v1/me/library/songs')).map((r) => r.query.include)).to.deep.equal(['catalog']);
    const songs = list as unknown as AmLibraryList<'songs'>;
    const row = rowWithPreview(songs);
    const song = songs.items[Number(row.getAttribute('aria-posinset')) - 1] as LibrarySong;
    await realClick(row);
    engine = provider.player!;
    await audible(engine);
    expect(engine.mode).to.equal('preview');
    expect(engine.nowPlaying?.sourceId).to.equal(song.id);
    expect(engine.nowPlaying?.id).to.equal(song.relationships!.catalog!.data[0].id);
    expect(selects.map((e) => e.detail.item)).to.deep.equal([song]);
  });

  it('Enter on a focused row plays it too', async function () {
    this.timeout(20000);
    await signIn();
    const { provider, list } = await mountList('<am-library-list type="songs" playable></am-library-list>');
    await untilState(list, 'list');
    const row = rowWithPreview(list as unknown as AmLibraryList<'songs'>);
    row.focus();
    await sendKeys({ press: 'Enter' });
    engine = provider.player!;
    await audible(engine);
    expect(engine.nowPlaying?.sourceId).to.equal(list.items[Number(row.getAttribute('aria-posinset')) - 1].id);
  });

  it('marks uploads “Uploaded”, the same with and without catalog twins', async () => {
    await signIn();
    // Songs of every tenth album are uploads (cli/emulator/README.md): the 40s are on screen.
    const marked = async (markup: string) => {
      const { list } = await mountList(markup);
      await untilState(list, 'list');
      part(list, 'list')!.scrollTop = 40 * 56;
      await settle(list);
      const shown = rows(list).map((row) => ({ row, song: list.items[Number(row.getAttribute('aria-posinset')) - 1] as LibrarySong }));
      return { list, shown, ids: shown.filter(({ row }) => row.querySelector('[part=upload]')).map(({ song }) => song.id) };
    };
    const withTwins = await marked('<am-library-list type="songs" playable></am-library-list>');
    const uploads = withTwins.shown.filter(({ song }) => song.relationships?.catalog?.data.length === 0).map(({ song }) => song.id);
    expect(uploads.length).to.be.greaterThan(0);
    expect(uploads.length).to.be.lessThan(withTwins.shown.length);
    expect(withTwins.ids).to.deep.equal(uploads);
    const without = await marked('<am-library-list type="songs"></am-library-list>');
    expect(without.ids).to.deep.equal(uploads);
    const badge = part(without.list, 'upload')!;
    expect(text(badge)).to.equal('Uploaded');
    expect(badge.getBoundingClientRect().width).to.be.greaterThan(10);
    without.list.uploadText = 'Importé';
    await without.list.updateComplete;
    expect(text(part(without.list, 'upload'))).to.equal('Importé');
    await expect(without.list).to.be.accessible();
  });
});
