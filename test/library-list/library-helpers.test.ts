// The pure helpers behind <am-library-list>: row text, artwork URLs, the virtual window.
import { expect } from '@open-wc/testing';
import { countText, errorMessage, formatDuration, rowText } from '../../src/elements/library-list/rows.js';
import { artworkUrl } from '../../src/index.js';
import { focusTarget, nearEnd, rowRange } from '../../src/elements/library-list/virtual-window.js';
import { AppleMusicApiError } from '../../src/core/errors.js';
import '../../src/am-library-list.js';

/** The list's own defaults: the English texts a page gets without `*-text` attributes. */
const en = document.createElement('am-library-list');

describe('rows: formatDuration', () => {
  it('formats m:ss and h:mm:ss, rounding to the second', () => {
    expect(formatDuration(0)).to.equal('0:00');
    expect(formatDuration(59_499)).to.equal('0:59');
    expect(formatDuration(59_500)).to.equal('1:00');
    expect(formatDuration(245_000)).to.equal('4:05');
    expect(formatDuration(3_600_000)).to.equal('1:00:00');
    expect(formatDuration(3_725_000)).to.equal('1:02:05');
  });
  it('gives nothing for what is not a duration', () => {
    for (const value of [undefined, null, '245000', -1, NaN, Infinity, {}]) expect(formatDuration(value)).to.equal('');
  });
});

describe('rows: rowText per kind', () => {
  it('album → artist', () => {
    expect(
      rowText(
        { id: 'l.1', type: 'library-albums', attributes: { name: 'Blue Light', artistName: 'Ada Hart', trackCount: 9 } },
        en.tracksText,
      ),
    ).to.deep.equal({
      title: 'Blue Light',
      subtitle: 'Ada Hart',
    });
  });
  it('song → artist · album · m:ss, skipping what is missing', () => {
    expect(
      rowText(
        {
          id: 'i.1',
          type: 'library-songs',
          attributes: { name: 'Stay', artistName: 'Ada', albumName: 'Hours', durationInMillis: 201_000 },
        },
        en.tracksText,
      ).subtitle,
    ).to.equal('Ada · Hours · 3:21');
    expect(
      rowText({ id: 'i.2', type: 'library-songs', attributes: { name: 'Stay', albumName: 'Hours' } }, en.tracksText).subtitle,
    ).to.equal('Hours');
  });
  it('playlist → description (string, short or standard), else track count', () => {
    const playlist = (attributes: Record<string, unknown>) =>
      rowText({ id: 'p.1', type: 'library-playlists', attributes: { name: 'Focus', ...attributes } }, en.tracksText).subtitle;
    expect(playlist({ description: { standard: 'Long text', short: 'Short' } })).to.equal('Short');
    expect(playlist({ description: { standard: 'Long text' } })).to.equal('Long text');
    expect(playlist({ description: 'Plain' })).to.equal('Plain');
    expect(playlist({ trackCount: 12 })).to.equal('12 tracks');
    expect(playlist({ trackCount: 1 })).to.equal('1 track');
    expect(playlist({})).to.equal('');
  });
  it('artist → no subtitle; music video → artist', () => {
    expect(rowText({ id: 'r.1', type: 'library-artists', attributes: { name: 'Sigur Rós' } }, en.tracksText)).to.deep.equal({
      title: 'Sigur Rós',
      subtitle: '',
    });
    expect(
      rowText({ id: 'mv.1', type: 'library-music-videos', attributes: { name: 'Live', artistName: 'Ada' } }, en.tracksText).subtitle,
    ).to.equal('Ada');
  });
  it('passes markup through untouched as a string and drops non-string values', () => {
    const html = '<img src=x onerror=alert(1)> & "q"';
    expect(rowText({ id: 'l.1', type: 'library-albums', attributes: { name: html, artistName: html } }, en.tracksText)).to.deep.equal({
      title: html,
      subtitle: html,
    });
    expect(
      rowText({ id: 'l.1', type: 'library-albums', attributes: { name: { toString: () => 'x' }, artistName: 42 } }, en.tracksText),
    ).to.deep.equal({ title: '', subtitle: '' });
    expect(rowText({ id: 'l.1', type: 'library-albums' }, en.tracksText)).to.deep.equal({ title: '', subtitle: '' });
  });
});

describe('rows: errorMessage tells the failures apart', () => {
  const api = (status: number, code?: string) => new AppleMusicApiError({ status, code });
  it('429, 5xx, 403, network, cross-origin, anything else', () => {
    expect(errorMessage(api(429), en)).to.match(/too many requests/i);
    expect(errorMessage(api(503), en)).to.match(/not responding \(HTTP 503\)/);
    expect(errorMessage(api(500), en)).to.match(/HTTP 500/);
    expect(errorMessage(api(403), en)).to.match(/sign-in/);
    expect(errorMessage(api(0, 'NETWORK'), en)).to.match(/could not be reached/);
    expect(errorMessage(api(0, 'CROSS_ORIGIN'), en)).to.match(/another site/);
    expect(errorMessage(new AppleMusicApiError({ status: 404, message: 'No resource' }), en)).to.equal(
      'Could not load the library: HTTP 404: No resource',
    );
    expect(errorMessage(undefined, en)).to.equal('Could not load the library.');
  });
});

describe('rows: replaceable texts', () => {
  it('countText: singular|plural with {n}, or one form', () => {
    expect([0, 1, 2].map((n) => countText('{n} track|{n} tracks', n))).to.deep.equal(['0 tracks', '1 track', '2 tracks']);
    expect([1, 5].map((n) => countText('{n} titre|{n} titres', n))).to.deep.equal(['1 titre', '5 titres']);
    expect([1, 12].map((n) => countText('{n} 曲', n))).to.deep.equal(['1 曲', '12 曲']);
  });
  it('errorMessage uses the texts it is given, {status} filled in', () => {
    const fr = {
      errorText: 'Impossible de charger la bibliothèque',
      rateLimitedText: 'Trop de requêtes.',
      serverErrorText: 'Apple Music ne répond pas (HTTP {status}).',
      rejectedText: 'Connexion refusée.',
      offlineText: 'Apple Music est injoignable.',
      crossOriginText: 'Lien vers un autre site refusé.',
    };
    const api = (status: number, code?: string, message?: string) => new AppleMusicApiError({ status, code, message });
    expect(
      [api(429), api(502), api(403), api(0, 'NETWORK'), api(0, 'CROSS_ORIGIN'), api(404, undefined, 'x'), undefined].map((e) =>
        errorMessage(e, fr),
      ),
    ).to.deep.equal([
      'Trop de requêtes.',
      'Apple Music ne répond pas (HTTP 502).',
      'Connexion refusée.',
      'Apple Music est injoignable.',
      'Lien vers un autre site refusé.',
      'Impossible de charger la bibliothèque: HTTP 404: x',
      'Impossible de charger la bibliothèque.',
    ]);
  });
});

describe('artwork: artworkUrl (the one the list, the player and apps use)', () => {
  const art = (url: unknown, width: number | null = 1200, height: number | null = width) => ({ url, width, height }) as any;
  it('fills {w}, {h} with the size in device pixels and {f} with jpg', () => {
    expect(artworkUrl(art('https://is1.example/a/{w}x{h}bb.{f}'), 80)).to.equal('https://is1.example/a/80x80bb.jpg');
    expect(artworkUrl(art('https://is1.example/a/{w}x{h}.jpg'), 60)).to.equal('https://is1.example/a/60x60.jpg');
    expect(artworkUrl(art('http://127.0.0.1:9000/artwork/x/{w}x{h}.svg'), 40)).to.equal('http://127.0.0.1:9000/artwork/x/40x40.svg');
    expect(artworkUrl(art('https://is1.example/{w}x{h}/{w}.{f}'), 300, 200)).to.equal('https://is1.example/300x200/300.jpg');
  });
  it('never asks for more than the original, keeping the proportions', () => {
    expect(artworkUrl(art('https://is1.example/{w}x{h}.jpg', 50), 120)).to.equal('https://is1.example/50x50.jpg');
    expect(artworkUrl(art('https://is1.example/{w}x{h}.jpg', 100, 400), 200, 200)).to.equal('https://is1.example/100x100.jpg');
    // Apple sends null sizes for some library artwork: the asked size then stands.
    expect(artworkUrl(art('https://is1.example/{w}x{h}.jpg', null), 96)).to.equal('https://is1.example/96x96.jpg');
  });
  it('refuses anything but absolute http(s) URLs, and unusable sizes', () => {
    for (const url of [
      'javascript:alert(1)//{w}x{h}',
      ' JavaScript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:x',
      '/relative/{w}x{h}.jpg',
      '//protocol-relative/{w}.jpg',
      'https://',
      42,
      undefined,
    ]) {
      expect(artworkUrl(art(url), 40), String(url)).to.equal('');
    }
    expect(artworkUrl(undefined, 40)).to.equal('');
    expect(artworkUrl(null, 40)).to.equal('');
    expect(artworkUrl(art('https://is1.example/{w}x{h}.jpg'), 0)).to.equal('');
    expect(artworkUrl(art('https://is1.example/{w}x{h}.jpg'), NaN)).to.equal('');
  });
});

describe('virtual-window: rowRange', () => {
  it('renders the visible rows plus overscan, clamped to the list', () => {
    expect(rowRange(0, 400, 50, 10_000, 10)).to.deep.equal({ start: 0, end: 18 });
    expect(rowRange(5000, 5400, 50, 10_000, 10)).to.deep.equal({ start: 90, end: 118 });
    expect(rowRange(499_600, 500_000, 50, 10_000, 10)).to.deep.equal({ start: 9982, end: 10_000 });
    expect(rowRange(0, 400, 50, 3, 10)).to.deep.equal({ start: 0, end: 3 });
    expect(rowRange(0, 0, 50, 0, 10)).to.deep.equal({ start: 0, end: 0 });
  });
  it('stays small whatever the list length, and copes with an empty or inverted band', () => {
    for (const count of [100, 10_000, 1_000_000]) {
      const { start, end } = rowRange(1000, 1600, 56, count, 10);
      expect(end - start).to.be.at.most(32);
    }
    expect(rowRange(300, 100, 50, 100, 2)).to.deep.equal({ start: 4, end: 8 });
  });
});

describe('virtual-window: nearEnd', () => {
  it('is true within two screens of the end', () => {
    // 100 rows × 50 px = 5000 px; a 500 px screen.
    expect(nearEnd(0, 500, 50, 100)).to.be.false;
    expect(nearEnd(3400, 3900, 50, 100)).to.be.false;
    expect(nearEnd(3500, 4000, 50, 100)).to.be.true;
    expect(nearEnd(0, 0, 50, 0)).to.be.true;
    expect(nearEnd(0, 500, 50, 30)).to.be.true;
  });
});

describe('virtual-window: focusTarget', () => {
  it('moves by one, by a page, to the ends, and stays inside the list', () => {
    expect(focusTarget('ArrowDown', 3, 10, 4)).to.equal(4);
    expect(focusTarget('ArrowUp', 3, 10, 4)).to.equal(2);
    expect(focusTarget('ArrowUp', 0, 10, 4)).to.equal(0);
    expect(focusTarget('ArrowDown', 9, 10, 4)).to.equal(9);
    expect(focusTarget('PageDown', 8, 10, 4)).to.equal(9);
    expect(focusTarget('PageUp', 3, 10, 4)).to.equal(0);
    expect(focusTarget('Home', 7, 10, 4)).to.equal(0);
    expect(focusTarget('End', 0, 10_000, 4)).to.equal(9999);
  });
  it('ignores other keys and empty lists', () => {
    expect(focusTarget('a', 3, 10, 4)).to.equal(undefined);
    expect(focusTarget('Enter', 3, 10, 4)).to.equal(undefined);
    expect(focusTarget('ArrowDown', 0, 0, 4)).to.equal(undefined);
  });
});
