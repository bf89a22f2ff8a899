// @ts-check
// The emulator's Apple Music catalog, generated once at start like the library: a fixed
// "store" part whose ids never change (so tests and docs can name them), plus the catalog
// twins of the library's songs, albums and music videos. Uploaded library albums have no twin.
import { prng, pick, between, hash } from './random.js';
import { artworkFor } from './artwork.js';
import { albumIndexOfSong } from './library.js';

/** Catalog ids are numeric strings, as Apple's; each kind and origin has its own range. */
export const IDS = Object.freeze({
  storeSong: 1_000_000_001,
  twinSong: 1_500_000_001,
  storeAlbum: 2_000_000_001,
  twinAlbum: 2_500_000_001,
  storeVideo: 3_000_000_001,
  twinVideo: 3_500_000_001,
});
export const STORE = Object.freeze({ albums: 24, tracksPerAlbum: 10, playlists: 8, videos: 12 });

/** Songs and music videos whose numeric id is 2 modulo 25 have an empty `previews` list. */
export const hasPreview = (/** @type {string} */ id) => Number(id) % 25 !== 2;
/** Every tenth library album (indexes 9, 19, 29, …) is an upload: it and its songs have no twin. */
export const isUploadedAlbum = (/** @type {number} */ albumIndex) => albumIndex % 10 === 9;

/**
 * A catalog playlist id: `pl.` and 32 hex digits, as Apple's, from the index alone.
 * @param {number} index
 */
export function storePlaylistId(index) {
  let hex = '';
  for (let part = 0; part < 4; part++) hex += hash(`emulator-playlist:${index}:${part}`).toString(16).padStart(8, '0');
  return `pl.${hex}`;
}

/**
 * @typedef {object} CatalogSong
 * @property {'songs' | 'music-videos'} type
 * @property {string} id
 * @property {string} name
 * @property {string} artistName
 * @property {string} albumName
 * @property {string} albumId '' for music videos
 * @property {number} durationInMillis
 * @property {number} trackNumber
 * @property {string[]} genreNames
 * @property {string} releaseDate
 * @property {ReturnType<typeof artworkFor>} artwork
 * @property {string} isrc
 */

/**
 * @typedef {object} CatalogAlbum
 * @property {string} id
 * @property {string} name
 * @property {string} artistName
 * @property {string[]} genreNames
 * @property {string} releaseDate
 * @property {ReturnType<typeof artworkFor>} artwork
 * @property {CatalogSong[]} tracks
 */

/**
 * @typedef {object} CatalogPlaylist
 * @property {string} id
 * @property {string} name
 * @property {string} description
 * @property {string} lastModifiedDate
 * @property {ReturnType<typeof artworkFor>} artwork
 * @property {CatalogSong[]} tracks
 */

const ARTIST_A = ['Aurora', 'Cobalt', 'Juniper', 'Marigold', 'Saffron', 'Indigo', 'Harbor', 'Ember', 'Willow', 'Nova'];
const ARTIST_B = ['Lane', 'Collective', 'Brothers', 'Quartet', 'Avenue', 'Society', 'Club', 'Choir', 'Youth', 'Atlas'];
const WORD_A = ['Paper', 'Velvet', 'Northern', 'Hidden', 'Silver', 'Gentle', 'Neon', 'Wandering', 'Open', 'Evening', 'Amber', 'Hollow'];
const WORD_B = ['Lights', 'Rivers', 'Season', 'Machines', 'Gardens', 'Signals', 'Shores', 'Stories', 'Hearts', 'Winds', 'Rooms', 'Roads'];
const GENRES = ['Pop', 'Alternative', 'Electronic', 'Jazz', 'Classical', 'Singer/Songwriter', 'Dance', 'Ambient'];
const PLAYLIST_NAMES = [
  'Emulator Essentials',
  'Focus Flow',
  'Morning Run',
  'Quiet Evening',
  'Weekend Mix',
  'Deep Cuts',
  'New Arrivals',
  'Long Drive',
];
const NEWEST = Date.UTC(2026, 0, 15);

/** @param {number} n @param {number} year */
const isrcOf = (n, year) => `USEM1${String(year % 100).padStart(2, '0')}${String(n % 100000).padStart(5, '0')}`;

/**
 * @param {{seed: number, origin: string, library: ReturnType<typeof import('./library.js').createLibrary>}} options
 */
export function createCatalog({ seed, origin, library }) {
  // Its own stream, so the library's names do not shift when the catalog changes.
  const random = prng((seed ^ 0x5eed_ca7a) >>> 0);
  const artist = () => `${pick(random, ARTIST_A)} ${pick(random, ARTIST_B)}`;
  const title = () => `${pick(random, WORD_A)} ${pick(random, WORD_B)}`;
  const date = () => new Date(NEWEST - Math.floor(random() * 20 * 365) * 86_400_000).toISOString().slice(0, 10);

  /** @type {Map<string, CatalogSong>} */
  const songs = new Map();
  /** @type {Map<string, CatalogAlbum>} */
  const albums = new Map();
  /** @type {Map<string, CatalogPlaylist>} */
  const playlists = new Map();

  for (let a = 0; a < STORE.albums; a++) {
    const id = String(IDS.storeAlbum + a);
    const album = {
      id,
      name: title(),
      artistName: artist(),
      genreNames: [pick(random, GENRES)],
      releaseDate: date(),
      artwork: artworkFor(origin, id),
      tracks: /** @type {CatalogSong[]} */ ([]),
    };
    for (let t = 0; t < STORE.tracksPerAlbum; t++) {
      const n = a * STORE.tracksPerAlbum + t;
      /** @type {CatalogSong} */
      const song = {
        type: 'songs',
        id: String(IDS.storeSong + n),
        name: title(),
        artistName: album.artistName,
        albumName: album.name,
        albumId: id,
        durationInMillis: between(random, 120, 300) * 1000 + between(random, 0, 999),
        trackNumber: t + 1,
        genreNames: album.genreNames,
        releaseDate: album.releaseDate,
        artwork: album.artwork,
        isrc: isrcOf(n, Number(album.releaseDate.slice(0, 4))),
      };
      album.tracks.push(song);
      songs.set(song.id, song);
    }
    albums.set(id, album);
  }

  const storeSongs = [...songs.values()];
  for (let p = 0; p < STORE.playlists; p++) {
    const id = storePlaylistId(p);
    // The first playlist holds every store song (more than one page of tracks); the rest a few.
    const count = p === 0 ? storeSongs.length : between(random, 12, 40);
    const order = storeSongs.map((song) => ({ song, key: random() })).sort((x, y) => x.key - y.key);
    const name = PLAYLIST_NAMES[p % PLAYLIST_NAMES.length];
    playlists.set(id, {
      id,
      name,
      description: `${name}, picked by the emulator.`,
      lastModifiedDate: `${date()}T08:00:00Z`,
      artwork: artworkFor(origin, id),
      tracks: order.slice(0, count).map((entry) => entry.song),
    });
  }

  /** @type {Map<string, CatalogSong>} */
  const videos = new Map();
  for (let v = 0; v < STORE.videos; v++) {
    const id = String(IDS.storeVideo + v);
    videos.set(id, {
      type: 'music-videos',
      id,
      name: `${title()} (Official Video)`,
      artistName: artist(),
      albumName: '',
      albumId: '',
      durationInMillis: between(random, 150, 330) * 1000,
      trackNumber: 0,
      genreNames: [pick(random, GENRES)],
      releaseDate: date(),
      artwork: artworkFor(origin, id),
      isrc: isrcOf(90000 + v, 2020),
    });
  }

  const twins = linkLibrary(library, { songs, albums, videos });
  return { songs, albums, playlists, videos, ...twins, storeSongs };
}

/**
 * Builds the catalog twins of the library's songs, albums and music videos, and gives each
 * library song with a twin Apple's `playParams.catalogId`/`reportingId`.
 * @param {ReturnType<typeof import('./library.js').createLibrary>} library
 * @param {{songs: Map<string, CatalogSong>, albums: Map<string, CatalogAlbum>, videos: Map<string, CatalogSong>}} catalog
 */
function linkLibrary(library, catalog) {
  const librarySongs = library.lists.songs;
  const libraryAlbums = library.lists.albums;
  /** Library id → its catalog twin (songs, albums and music videos); uploads are absent. */
  /** @type {Map<string, CatalogSong | CatalogAlbum>} */
  const twinOf = new Map();
  /** Library album id → its library songs, in track order. */
  /** @type {Map<string, import('./library.js').Resource[]>} */
  const albumSongs = new Map(libraryAlbums.map((album) => [album.id, []]));

  /** @type {(CatalogAlbum | undefined)[]} */
  const albumTwins = libraryAlbums.map((album, a) => {
    if (isUploadedAlbum(a)) return undefined;
    const attributes = /** @type {any} */ (album.attributes);
    const id = String(IDS.twinAlbum + a);
    /** @type {CatalogAlbum} */
    const twin = {
      id,
      name: attributes.name,
      artistName: attributes.artistName,
      genreNames: attributes.genreNames,
      releaseDate: attributes.releaseDate,
      artwork: attributes.artwork,
      tracks: [],
    };
    catalog.albums.set(id, twin);
    twinOf.set(album.id, twin);
    return twin;
  });

  librarySongs.forEach((song, i) => {
    const attributes = /** @type {any} */ (song.attributes);
    const a = libraryAlbums.length ? albumIndexOfSong(i, librarySongs.length, libraryAlbums.length) : -1;
    if (a >= 0) albumSongs.get(libraryAlbums[a].id)?.push(song);
    const album = a >= 0 ? albumTwins[a] : undefined;
    if (a >= 0 && !album) return; // an upload
    const id = String(IDS.twinSong + i);
    /** @type {CatalogSong} */
    const twin = {
      type: 'songs',
      id,
      name: attributes.name,
      artistName: attributes.artistName,
      albumName: attributes.albumName,
      albumId: album?.id ?? '',
      durationInMillis: attributes.durationInMillis,
      trackNumber: attributes.trackNumber,
      genreNames: attributes.genreNames,
      releaseDate: attributes.releaseDate,
      artwork: attributes.artwork,
      isrc: isrcOf(i, Number(String(attributes.releaseDate).slice(0, 4))),
    };
    album?.tracks.push(twin);
    catalog.songs.set(id, twin);
    twinOf.set(song.id, twin);
    Object.assign(attributes.playParams, { reporting: true, catalogId: id, reportingId: id });
  });

  library.lists['music-videos'].forEach((video, v) => {
    const attributes = /** @type {any} */ (video.attributes);
    const id = String(IDS.twinVideo + v);
    /** @type {CatalogSong} */
    const twin = {
      type: 'music-videos',
      id,
      name: attributes.name,
      artistName: attributes.artistName,
      albumName: '',
      albumId: '',
      durationInMillis: attributes.durationInMillis,
      trackNumber: 0,
      genreNames: attributes.genreNames,
      releaseDate: attributes.releaseDate,
      artwork: attributes.artwork,
      isrc: isrcOf(50000 + v, 2024),
    };
    catalog.videos.set(id, twin);
    twinOf.set(video.id, twin);
    Object.assign(attributes.playParams, { catalogId: id });
  });

  return { twinOf, albumSongs, playlistSongs: playlistSongsOf(library) };
}

/** The first library playlist holds this many tracks (the library's songs, repeated if there are fewer). */
export const LONG_PLAYLIST_TRACKS = 5000;

/**
 * Library playlist id → its library songs: the first playlist is long (LONG_PLAYLIST_TRACKS
 * entries, the songs in a shuffled order, distinct while the library has enough songs); every
 * other holds a few dozen picked from its id alone (uploads included, as in a real library).
 * @param {ReturnType<typeof import('./library.js').createLibrary>} library
 */
function playlistSongsOf(library) {
  const songs = library.lists.songs;
  /** @type {Map<string, import('./library.js').Resource[]>} */
  const result = new Map();
  library.lists.playlists.forEach((playlist, p) => {
    const random = prng(hash(playlist.id));
    const tracks = [];
    if (p === 0 && songs.length) {
      const order = songs.map((song) => ({ song, key: random() })).sort((x, y) => x.key - y.key);
      for (let k = 0; k < LONG_PLAYLIST_TRACKS; k++) tracks.push(order[k % order.length].song);
    } else {
      const count = songs.length ? Math.min(songs.length, between(random, 8, 40)) : 0;
      for (let k = 0; k < count; k++) tracks.push(songs[Math.floor(random() * songs.length)]);
    }
    result.set(playlist.id, tracks);
  });
  return result;
}
