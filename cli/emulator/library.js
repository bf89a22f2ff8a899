// @ts-check
// The emulator's music library: generated once at start from a seed, so every page is an O(1)
// array slice and the same seed always gives the same ids, names and order.
import { prng, pick, between } from './random.js';
import { artworkFor } from './artwork.js';

export const LIBRARY_TYPES = /** @type {const} */ (['albums', 'songs', 'playlists', 'artists', 'music-videos']);
/** @typedef {typeof LIBRARY_TYPES[number]} LibraryType */

/** @typedef {{id: string, type: string, href: string, attributes: Record<string, unknown>}} Resource */

const FIRST = [
  'Ada',
  'Milo',
  'Nina',
  'Otis',
  'Iris',
  'Jonah',
  'Lena',
  'Theo',
  'Mara',
  'Felix',
  'Zoe',
  'Ravi',
  'Elif',
  'Kofi',
  'Sade',
  'Hugo',
  'Noor',
  'Ines',
  'Yuki',
  'Luca',
];
const LAST = [
  'Marlowe',
  'Vance',
  'Okafor',
  'Lindqvist',
  'Reyes',
  'Hart',
  'Calloway',
  'Ibarra',
  'Sato',
  'Brandt',
  'Moreau',
  'Quill',
  'Achebe',
  'Novak',
  'Winter',
  'Delacroix',
];
const BAND_A = [
  'Velvet',
  'Paper',
  'Neon',
  'Silver',
  'Hollow',
  'Midnight',
  'Golden',
  'Glass',
  'Electric',
  'Quiet',
  'Wild',
  'Crimson',
  'Lunar',
  'Static',
];
const BAND_B = [
  'Harbors',
  'Foxes',
  'Satellites',
  'Orchards',
  'Engines',
  'Lanterns',
  'Tides',
  'Parades',
  'Ghosts',
  'Rivers',
  'Canyons',
  'Signals',
];
const ADJ = [
  'Blue',
  'Endless',
  'Northern',
  'Slow',
  'Bright',
  'Distant',
  'Sweet',
  'Broken',
  'Open',
  'Secret',
  'Summer',
  'Late',
  'Soft',
  'Electric',
  'Little',
  'Golden',
  'Faded',
  'Restless',
];
const NOUN = [
  'Light',
  'Hours',
  'Highway',
  'Garden',
  'Weather',
  'Letters',
  'Skyline',
  'Horizon',
  'Dreams',
  'Motel',
  'Static',
  'Echoes',
  'Coastline',
  'Window',
  'Fever',
  'Machines',
  'Hearts',
  'Rain',
];
const SONG_A = [
  'Call Me',
  'Running',
  'Falling',
  'Waiting',
  'Dancing',
  'Drive',
  'Hold On',
  'Stay',
  'Come Back',
  'Lost',
  'Tell Me',
  'Carry Me',
  'Wake Up',
  'Let Go',
];
const SONG_B = [
  'Home',
  'Tonight',
  'in the Dark',
  'to the Sea',
  'Again',
  'Slowly',
  'Forever',
  'with You',
  'Through the Night',
  'for a While',
  'Under Neon',
  'on Repeat',
];
const GENRES = [
  'Pop',
  'Alternative',
  'Rock',
  'Electronic',
  'Hip-Hop/Rap',
  'R&B/Soul',
  'Jazz',
  'Classical',
  'Singer/Songwriter',
  'Indie Pop',
  'Dance',
  'Country',
  'Ambient',
];
const PLAYLIST = [
  'Morning Coffee',
  'Late Night Drive',
  'Focus',
  'Gym Mix',
  'Rainy Day',
  'Sunday Slow',
  'Road Trip',
  'Dinner Party',
  'Throwbacks',
  'Deep Work',
  'Summer 2025',
  'Chill Evening',
];

/**
 * Names that exercise escaping and non-ASCII rendering. They sit at the top of each list so a
 * first page always shows them.
 */
const SPECIAL = {
  artists: ['Björk Guðmundsdóttir & <b>Friends</b>', '坂本 龍一', 'Sigur Rós'],
  albums: ['<b>Bold</b> & "Quoted" \'Title\'', 'Café Müller — Été', '東京の夜 (Tokyo Nights)', 'حبيبي Habibi'],
  songs: ['<script>alert("x")</script>', 'Ça plane pour moi', 'Señorita ♥ 🌙', 'Don\'t Stop <Me> Now & "Then"'],
  playlists: ['My <i>Favourites</i> & "Co"', 'Café ☕ Mornings'],
  'music-videos': ['Live at <Budokan> & "Friends"'],
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Date of the newest item: fixed, so output does not depend on the clock. */
const NEWEST = Date.UTC(2026, 0, 15, 12, 0, 0);
const SIX_YEARS = 6 * 365 * 24 * 3600 * 1000;

/**
 * Splits `size` over the types roughly as a real library (mostly songs).
 * @param {number} size
 * @returns {Record<LibraryType, number>}
 */
export function librarySplit(size) {
  const n = Math.max(0, Math.floor(size));
  const artists = Math.round(n * 0.08);
  const albums = Math.round(n * 0.15);
  const playlists = Math.round(n * 0.03);
  const videos = Math.round(n * 0.04);
  return { artists, albums, playlists, 'music-videos': videos, songs: n - artists - albums - playlists - videos };
}

/**
 * Which album (by index) holds the `index`-th song: songs are spread evenly over the albums,
 * in album order, so an album's songs are one contiguous run.
 * @param {number} index
 * @param {number} songCount
 * @param {number} albumCount
 */
export const albumIndexOfSong = (index, songCount, albumCount) => Math.floor((index * albumCount) / songCount);

/**
 * @param {{size: number, seed: number, origin: string}} options
 */
export function createLibrary({ size, seed, origin }) {
  const random = prng(seed);
  const split = librarySplit(size);
  /** @type {Set<string>} */
  const usedIds = new Set();
  const newId = (/** @type {string} */ prefix) => {
    for (;;) {
      let id = prefix;
      for (let i = 0; i < 15; i++) id += BASE62[Math.floor(random() * 62)];
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const dateAdded = () => new Date(NEWEST - Math.floor(random() * SIX_YEARS)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const releaseDate = () =>
    `${between(random, 1968, 2025)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
  /** @param {keyof typeof SPECIAL} type @param {number} i @param {() => string} make */
  const name = (type, i, make) => SPECIAL[type]?.[i] ?? make();
  const personOrBand = () =>
    random() < 0.55
      ? `${pick(random, FIRST)} ${pick(random, LAST)}`
      : `${random() < 0.5 ? 'The ' : ''}${pick(random, BAND_A)} ${pick(random, BAND_B)}`;

  /** @type {Resource[]} */
  const artists = [];
  for (let i = 0; i < split.artists; i++) {
    const id = newId('r.');
    artists.push({
      id,
      type: 'library-artists',
      href: `/v1/me/library/artists/${id}`,
      attributes: { name: name('artists', i, personOrBand) },
    });
  }
  const artistName = () => (artists.length ? /** @type {string} */ (pick(random, artists).attributes.name) : personOrBand());

  /** @type {Resource[]} */
  const albums = [];
  for (let i = 0; i < split.albums; i++) {
    const id = newId('l.');
    albums.push({
      id,
      type: 'library-albums',
      href: `/v1/me/library/albums/${id}`,
      attributes: {
        name: name('albums', i, () => `${pick(random, ADJ)} ${pick(random, NOUN)}`),
        artistName: artistName(),
        artwork: artworkFor(origin, id),
        trackCount: 0,
        dateAdded: dateAdded(),
        genreNames: [pick(random, GENRES)],
        releaseDate: releaseDate(),
        playParams: { id, kind: 'album', isLibrary: true },
      },
    });
  }

  // Songs are spread evenly over albums, in album order, so trackCount matches the songs.
  /** @type {Resource[]} */
  const songs = [];
  for (let i = 0; i < split.songs; i++) {
    const id = newId('i.');
    const album = albums.length ? albums[albumIndexOfSong(i, split.songs, albums.length)] : undefined;
    const albumAttributes = album?.attributes;
    if (albumAttributes) albumAttributes.trackCount = /** @type {number} */ (albumAttributes.trackCount) + 1;
    songs.push({
      id,
      type: 'library-songs',
      href: `/v1/me/library/songs/${id}`,
      attributes: {
        name: name('songs', i, () =>
          random() < 0.5 ? `${pick(random, SONG_A)} ${pick(random, SONG_B)}` : `${pick(random, ADJ)} ${pick(random, NOUN)}`,
        ),
        albumName: albumAttributes?.name ?? 'Singles',
        artistName: albumAttributes?.artistName ?? artistName(),
        artwork: album ? albumAttributes?.artwork : artworkFor(origin, id),
        durationInMillis: between(random, 95, 420) * 1000 + between(random, 0, 999),
        trackNumber: albumAttributes ? /** @type {number} */ (albumAttributes.trackCount) : 1,
        discNumber: 1,
        dateAdded: albumAttributes?.dateAdded ?? dateAdded(),
        genreNames: albumAttributes?.genreNames ?? [pick(random, GENRES)],
        releaseDate: albumAttributes?.releaseDate ?? releaseDate(),
        hasLyrics: random() < 0.7,
        playParams: { id, kind: 'song', isLibrary: true, reporting: false },
      },
    });
  }

  /** @type {Resource[]} */
  const playlists = [];
  for (let i = 0; i < split.playlists; i++) {
    const id = newId('p.');
    const title = name('playlists', i, () => `${pick(random, PLAYLIST)}${random() < 0.4 ? ` ${between(random, 2, 9)}` : ''}`);
    const added = dateAdded();
    playlists.push({
      id,
      type: 'library-playlists',
      href: `/v1/me/library/playlists/${id}`,
      attributes: {
        name: title,
        description: { standard: `Songs for ${title.toLowerCase()}, picked by the emulator.` },
        artwork: artworkFor(origin, id),
        canEdit: random() < 0.8,
        isPublic: random() < 0.3,
        hasCatalog: false,
        dateAdded: added,
        lastModifiedDate: added,
        playParams: { id, kind: 'playlist', isLibrary: true },
      },
    });
  }

  /** @type {Resource[]} */
  const videos = [];
  for (let i = 0; i < split['music-videos']; i++) {
    const id = newId('mv.');
    videos.push({
      id,
      type: 'library-music-videos',
      href: `/v1/me/library/music-videos/${id}`,
      attributes: {
        name: name('music-videos', i, () => `${pick(random, SONG_A)} ${pick(random, SONG_B)} (Official Video)`),
        artistName: artistName(),
        artwork: artworkFor(origin, id),
        durationInMillis: between(random, 150, 360) * 1000,
        dateAdded: dateAdded(),
        genreNames: [pick(random, GENRES)],
        releaseDate: releaseDate(),
        has4K: random() < 0.3,
        hasHDR: random() < 0.2,
        playParams: { id, kind: 'musicVideo', isLibrary: true },
      },
    });
  }

  // Apple's recently-added mixes albums and playlists, newest first.
  const recentlyAdded = [...albums, ...playlists].sort((a, b) =>
    String(b.attributes.dateAdded).localeCompare(String(a.attributes.dateAdded)),
  );

  /** @type {Record<string, Resource[]>} */
  const lists = { artists, albums, songs, playlists, 'music-videos': videos, 'recently-added': recentlyAdded };
  /** @type {Map<string, Resource>} */
  const byId = new Map();
  for (const type of LIBRARY_TYPES) for (const item of lists[type]) byId.set(`${type}/${item.id}`, item);
  return { lists, byId, split };
}
