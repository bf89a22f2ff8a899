// @ts-check
// Catalog routes (`/v1/catalog/{storefront}/…`, developer token only) and Apple's resource
// shapes for catalog songs, albums, playlists and music videos. Resources are built per
// storefront (their hrefs and urls carry it) and cached, so pages are string joins.
import { sendJson, sendAppleError } from './http.js';
import { sendPage } from './api.js';
import { hasPreview } from './catalog.js';

/** Catalog track lists page by 100 up to 300; search by 5 up to 25. */
const TRACK_LIMITS = { defaultLimit: 100, maxLimit: 300 };
const SEARCH_LIMITS = { defaultLimit: 5, maxLimit: 25 };
const MAX_IDS = 300;
const SEARCH_TYPES = /** @type {const} */ (['songs', 'albums', 'playlists', 'music-videos']);

/** @typedef {ReturnType<typeof import('./catalog.js').createCatalog>} Catalog */

/** @param {string} text */
const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'item';

/**
 * Builds and caches resources for one origin; `catalog` is the generated data.
 * @param {Catalog} catalog
 * @param {string} origin
 */
export function catalogResources(catalog, origin) {
  /** @type {Map<string, any>} */
  const cache = new Map();
  /** @param {string} key @param {() => any} make */
  const cached = (key, make) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make()));
    return value;
  };

  /** @param {import('./catalog.js').CatalogSong} song @param {string} sf */
  const song = (song, sf) =>
    cached(`${sf}/${song.type}/${song.id}`, () => {
      const previewUrl = `${origin}/audio/preview/${song.id}.wav`;
      const common = {
        artistName: song.artistName,
        artwork: song.artwork,
        durationInMillis: song.durationInMillis,
        genreNames: [...song.genreNames, 'Music'],
        isrc: song.isrc,
        name: song.name,
        releaseDate: song.releaseDate,
      };
      if (song.type === 'music-videos') {
        return {
          id: song.id,
          type: 'music-videos',
          href: `/v1/catalog/${sf}/music-videos/${song.id}`,
          attributes: {
            ...common,
            has4K: false,
            hasHDR: false,
            playParams: { id: song.id, kind: 'musicVideo' },
            previews: hasPreview(song.id) ? [{ url: previewUrl, artwork: song.artwork }] : [],
            url: `https://music.apple.com/${sf}/music-video/${slug(song.name)}/${song.id}`,
          },
        };
      }
      return {
        id: song.id,
        type: 'songs',
        href: `/v1/catalog/${sf}/songs/${song.id}`,
        attributes: {
          ...common,
          albumName: song.albumName,
          discNumber: 1,
          hasLyrics: true,
          isAppleDigitalMaster: false,
          playParams: { id: song.id, kind: 'song' },
          previews: hasPreview(song.id) ? [{ url: previewUrl }] : [],
          trackNumber: song.trackNumber,
          url: song.albumId
            ? `https://music.apple.com/${sf}/album/${slug(song.albumName)}/${song.albumId}?i=${song.id}`
            : `https://music.apple.com/${sf}/song/${slug(song.name)}/${song.id}`,
        },
      };
    });

  /** A song as fetched by id: with its album relationship, as Apple's default include. */
  const songWithAlbum = (/** @type {import('./catalog.js').CatalogSong} */ record, /** @type {string} */ sf) =>
    cached(`${sf}/full/${record.id}`, () => {
      const resource = song(record, sf);
      if (!record.albumId) return resource;
      const href = `/v1/catalog/${sf}/albums/${record.albumId}`;
      return {
        ...resource,
        relationships: { albums: { href: `${resource.href}/albums`, data: [{ id: record.albumId, type: 'albums', href }] } },
      };
    });

  /** @param {import('./catalog.js').CatalogAlbum} album @param {string} sf @param {boolean} withTracks */
  const album = (album, sf, withTracks) =>
    cached(`${sf}/albums/${album.id}/${withTracks}`, () => {
      const href = `/v1/catalog/${sf}/albums/${album.id}`;
      const resource = {
        id: album.id,
        type: 'albums',
        href,
        attributes: {
          artistName: album.artistName,
          artwork: album.artwork,
          copyright: `℗ ${album.releaseDate.slice(0, 4)} Emulator Records`,
          genreNames: [...album.genreNames, 'Music'],
          isCompilation: false,
          isComplete: true,
          isMasteredForItunes: false,
          isSingle: album.tracks.length === 1,
          name: album.name,
          playParams: { id: album.id, kind: 'album' },
          recordLabel: 'Emulator Records',
          releaseDate: album.releaseDate,
          trackCount: album.tracks.length,
          upc: `00${album.id}`.slice(-12),
          url: `https://music.apple.com/${sf}/album/${slug(album.name)}/${album.id}`,
        },
      };
      if (!withTracks) return resource;
      return { ...resource, relationships: { tracks: { href: `${href}/tracks`, data: album.tracks.map((track) => song(track, sf)) } } };
    });

  /** @param {import('./catalog.js').CatalogPlaylist} playlist @param {string} sf @param {boolean} withTracks */
  const playlist = (playlist, sf, withTracks) =>
    cached(`${sf}/playlists/${playlist.id}/${withTracks}`, () => {
      const href = `/v1/catalog/${sf}/playlists/${playlist.id}`;
      const resource = {
        id: playlist.id,
        type: 'playlists',
        href,
        attributes: {
          artwork: playlist.artwork,
          curatorName: 'Apple Music',
          description: { standard: playlist.description, short: playlist.description },
          isChart: false,
          lastModifiedDate: playlist.lastModifiedDate,
          name: playlist.name,
          playlistType: 'editorial',
          playParams: { id: playlist.id, kind: 'playlist' },
          url: `https://music.apple.com/${sf}/playlist/${slug(playlist.name)}/${playlist.id}`,
        },
      };
      if (!withTracks) return resource;
      // Like Apple, the relationship carries the first 100 tracks and a `next` to the rest.
      const tracks = { href: `${href}/tracks`, data: playlist.tracks.slice(0, 100).map((track) => song(track, sf)) };
      if (playlist.tracks.length > 100) Object.assign(tracks, { next: `${href}/tracks?offset=100` });
      return { ...resource, relationships: { tracks } };
    });

  return { song, songWithAlbum, album, playlist };
}

/**
 * Routes `/v1/catalog/…` once the developer token has been checked.
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {{catalog: Catalog, catalogResources: ReturnType<typeof catalogResources>}} state
 * @param {import('./faults.js').FaultBody} [fault] a page fault for track lists (see faults.js)
 */
export function handleCatalog(res, url, state, fault) {
  const path = url.pathname.replace(/\/+$/, '');
  const match = /^\/v1\/catalog\/([^/]+)\/([a-z-]+)(?:\/([^/]+))?(?:\/([a-z-]+))?$/.exec(path);
  if (!match) return sendAppleError(res, 404, `No resource at ${url.pathname}`);
  const [, sf, kind, rawId, relationship] = match;
  if (!/^[a-z]{2}$/.test(sf)) return sendAppleError(res, 404, `Storefront '${sf}' not found`);
  const { catalog, catalogResources: build } = state;
  if (kind === 'search' && !rawId) return search(res, url, sf, state);

  /** @type {Record<string, (id: string) => any>} */
  const fetchers = {
    songs: (id) => (catalog.songs.has(id) ? build.songWithAlbum(/** @type {any} */ (catalog.songs.get(id)), sf) : undefined),
    'music-videos': (id) => (catalog.videos.has(id) ? build.song(/** @type {any} */ (catalog.videos.get(id)), sf) : undefined),
    albums: (id) => (catalog.albums.has(id) ? build.album(/** @type {any} */ (catalog.albums.get(id)), sf, true) : undefined),
    playlists: (id) => (catalog.playlists.has(id) ? build.playlist(/** @type {any} */ (catalog.playlists.get(id)), sf, true) : undefined),
  };
  const fetch = fetchers[kind];
  if (!fetch) return sendAppleError(res, 404, `No resource at ${url.pathname}`);

  if (!rawId) {
    const ids = (url.searchParams.get('ids') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (!ids.length) return sendAppleError(res, 400, 'Parameter ids is required', 'ids');
    if (ids.length > MAX_IDS) return sendAppleError(res, 400, `At most ${MAX_IDS} ids`, 'ids');
    // Apple answers the ids it knows and leaves the others out.
    return sendJson(res, 200, { data: ids.map(fetch).filter(Boolean) });
  }
  const id = decodeURIComponent(rawId);
  const resource = fetch(id);
  if (!resource) return sendAppleError(res, 404, `No ${kind} resource with id ${id}`);
  if (!relationship) return sendJson(res, 200, { data: [resource] });
  if (relationship !== 'tracks' || (kind !== 'albums' && kind !== 'playlists')) {
    return sendAppleError(res, 404, `No relationship '${relationship}' on ${kind}`);
  }
  const record = /** @type {any} */ (kind === 'albums' ? catalog.albums.get(id) : catalog.playlists.get(id));
  sendPage(
    res,
    url,
    record.tracks.map((/** @type {any} */ track) => build.song(track, sf)),
    TRACK_LIMITS,
    fault,
  );
}

/**
 * `search?term=&types=`: every word of the term must appear in the name, artist or album.
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {string} sf
 * @param {{catalog: Catalog, catalogResources: ReturnType<typeof catalogResources>}} state
 */
function search(res, url, sf, state) {
  const term = (url.searchParams.get('term') ?? '').trim();
  if (!term) return sendAppleError(res, 400, 'Parameter term is required', 'term');
  const types = (url.searchParams.get('types') ?? '')
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  if (!types.length) return sendAppleError(res, 400, 'Parameter types is required', 'types');
  const limit = Number(url.searchParams.get('limit') ?? SEARCH_LIMITS.defaultLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMITS.maxLimit) {
    return sendAppleError(res, 400, `Value must be an integer between 1 and ${SEARCH_LIMITS.maxLimit}`, 'limit');
  }
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!Number.isInteger(offset) || offset < 0) return sendAppleError(res, 400, 'Value must be a non-negative integer', 'offset');

  const words = term
    .toLowerCase()
    .split(/[\s+]+/)
    .filter(Boolean);
  const matches = (/** @type {string[]} */ fields) => {
    const text = fields.join('\n').toLowerCase();
    return words.every((word) => text.includes(word));
  };
  const { catalog, catalogResources: build } = state;
  /** @type {Record<string, () => any[]>} */
  const finders = {
    songs: () => [...catalog.songs.values()].filter((s) => matches([s.name, s.artistName, s.albumName])).map((s) => build.song(s, sf)),
    albums: () => [...catalog.albums.values()].filter((a) => matches([a.name, a.artistName])).map((a) => build.album(a, sf, false)),
    playlists: () =>
      [...catalog.playlists.values()].filter((p) => matches([p.name, p.description])).map((p) => build.playlist(p, sf, false)),
    'music-videos': () => [...catalog.videos.values()].filter((v) => matches([v.name, v.artistName])).map((v) => build.song(v, sf)),
  };
  /** @type {Record<string, unknown>} */
  const results = {};
  const order = [];
  for (const type of types) {
    if (!SEARCH_TYPES.includes(/** @type {any} */ (type)) || type in results) continue;
    const found = finders[type]();
    const page = found.slice(offset, offset + limit);
    if (!page.length) continue;
    const at = (/** @type {number} */ from) =>
      `/v1/catalog/${sf}/search?${new URLSearchParams({ term, types: type, limit: String(limit), ...(from ? { offset: String(from) } : {}) })}`;
    /** @type {Record<string, unknown>} */
    const group = { href: at(offset), data: page };
    if (offset + limit < found.length) group.next = at(offset + limit);
    results[type] = group;
    order.push(type);
  }
  sendJson(res, 200, { results, meta: { results: { order, rawOrder: order } } });
}
