// @ts-check
// MusicKit stand-in, part 1 of 2: the stored token, what `setQueue` accepts, and how items
// and their audio are fetched from the emulator. A module for the type checker and the tests;
// index.js joins both parts into the one classic script browsers load. Written for this
// project; no code of Apple's.

export class MKError extends Error {
  /** @param {string} errorCode @param {string} message */
  constructor(errorCode, message) {
    super(message);
    this.name = 'MKError';
    this.errorCode = errorCode;
  }
}
const invalidArgument = (/** @type {string} */ message) => new MKError('INVALID_ARGUMENTS', message);

/** localStorage, where MusicKit and am-elements keep the Music User Token. */
export const storage = {
  get(/** @type {string} */ key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage blocked (sandboxed frames, some privacy modes)
    }
  },
  remove(/** @type {string} */ key) {
    try {
      localStorage.removeItem(key);
    } catch {}
  },
};

/** The developer token's team id (`iss`), which names the storage keys. */
export function teamIdOf(/** @type {unknown} */ token) {
  try {
    const iss = JSON.parse(atob(String(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss;
    return typeof iss === 'string' && iss ? iss : undefined;
  } catch {
    return undefined;
  }
}

export const ID = {
  catalog: /^\d{1,20}$/,
  song: /^i\.[\w-]{1,64}$/,
  album: /^l\.[\w-]{1,64}$/,
  playlist: /^p\.[\w-]{1,64}$/,
  catalogPlaylist: /^pl\.[\w-]{1,64}$/,
};

/**
 * What `setQueue` was asked to play.
 * @typedef {{kind: 'songs', ids: string[]} | {kind: 'album' | 'playlist', id: string, library: boolean}} Descriptor
 */

/**
 * @param {any} options
 * @returns {Descriptor}
 */
export function descriptorOf(options) {
  if (!options || typeof options !== 'object') throw invalidArgument('setQueue needs an options object');
  if (options.url !== undefined) return descriptorOfUrl(options.url);
  if (options.song !== undefined) return descriptorOf({ songs: [options.song] });
  if (options.songs !== undefined) {
    const ids = Array.isArray(options.songs) ? options.songs.map(String) : [];
    if (!ids.length || ids.some((/** @type {string} */ id) => !ID.catalog.test(id) && !ID.song.test(id))) {
      throw invalidArgument('songs must be catalog or library (i.…) song ids');
    }
    return { kind: 'songs', ids };
  }
  if (options.album !== undefined) {
    const id = String(options.album);
    if (!ID.catalog.test(id) && !ID.album.test(id)) throw invalidArgument('album must be a catalog or library (l.…) album id');
    return { kind: 'album', id, library: ID.album.test(id) };
  }
  if (options.playlist !== undefined) {
    const id = String(options.playlist);
    if (!ID.catalogPlaylist.test(id) && !ID.playlist.test(id)) {
      throw invalidArgument('playlist must be a catalog (pl.…) or library (p.…) playlist id');
    }
    return { kind: 'playlist', id, library: ID.playlist.test(id) };
  }
  throw invalidArgument('setQueue needs song, songs, album, playlist or url');
}

/** music.apple.com links: /{storefront}/album/{name}/{id}[?i={song}], /song/…, /playlist/…. */
function descriptorOfUrl(/** @type {unknown} */ value) {
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw invalidArgument('url is not a URL');
  }
  const [, , kind, , id] = url.pathname.split('/');
  const song = url.searchParams.get('i');
  if (kind === 'album' && song) return descriptorOf({ song });
  if (kind === 'album' || kind === 'song' || kind === 'playlist') return descriptorOf({ [kind]: id });
  throw invalidArgument('url must link to a song, album or playlist');
}

/** A MediaItem: the API resource plus the fields players read. */
export function mediaItem(/** @type {any} */ resource) {
  const attributes = resource.attributes ?? {};
  return {
    id: resource.id,
    type: resource.type,
    href: resource.href,
    attributes,
    playParams: attributes.playParams,
    title: attributes.name,
    artistName: attributes.artistName,
    albumName: attributes.albumName,
    artwork: attributes.artwork,
    playbackDuration: attributes.durationInMillis,
  };
}
/** @typedef {ReturnType<typeof mediaItem>} MediaItem */

export class Queue {
  /** @param {MediaItem[]} items */
  constructor(items) {
    this.items = items;
    this.position = items.length ? 0 : -1;
  }
  get length() {
    return this.items.length;
  }
  get isEmpty() {
    return this.items.length === 0;
  }
}

/** Track lists are read 100 at a time. */
const PAGE_SIZE = 100;

/**
 * The API and licence calls of one instance. Tokens go to the given hosts only, never through
 * a redirect.
 */
export class ItemSource {
  /**
   * @param {{api: string, play: string}} hosts origins of the API and of the licence call
   * @param {string} developerToken
   * @param {() => string | undefined} userToken the current Music User Token
   * @param {(token: string) => void} onRefused called when the emulator refuses that token
   */
  constructor(hosts, developerToken, userToken, onRefused) {
    this.hosts = hosts;
    this.developerToken = developerToken;
    this.userToken = userToken;
    this.onRefused = onRefused;
  }

  /**
   * The resources a descriptor names, in order; ids the API does not know are left out.
   * @param {Descriptor} descriptor
   * @param {string} storefront
   */
  async resolve(descriptor, storefront) {
    if (descriptor.kind === 'songs') {
      const catalogIds = descriptor.ids.filter((id) => ID.catalog.test(id));
      /** @type {Map<string, any>} */
      const found = new Map();
      for (let i = 0; i < catalogIds.length; i += 300) {
        const body = await this.get(`/v1/catalog/${storefront}/songs?ids=${catalogIds.slice(i, i + 300).join(',')}`, false);
        for (const resource of body?.data ?? []) found.set(resource.id, resource);
      }
      for (const id of descriptor.ids.filter((id) => ID.song.test(id))) {
        const body = await this.get(`/v1/me/library/songs/${encodeURIComponent(id)}`, true);
        if (body?.data?.[0]) found.set(id, body.data[0]);
      }
      return descriptor.ids.map((id) => found.get(id)).filter(Boolean);
    }
    const base = descriptor.library ? `/v1/me/library/${descriptor.kind}s` : `/v1/catalog/${storefront}/${descriptor.kind}s`;
    const tracks = await this.pages(`${base}/${encodeURIComponent(descriptor.id)}/tracks`, descriptor.library);
    if (!tracks) throw new MKError('CONTENT_UNAVAILABLE', `No ${descriptor.kind} ${descriptor.id}`);
    return tracks;
  }

  /**
   * Where an item's audio is: the full song after a licence call (the Music User Token is
   * checked there), or its preview when there is no user or `previewOnly` is set.
   * @param {MediaItem} item
   * @param {boolean} previewOnly
   * @returns {Promise<string>}
   */
  async audioUrl(item, previewOnly) {
    const token = this.userToken();
    if (!token || previewOnly) {
      const url = item.attributes.previews?.[0]?.url;
      if (!url)
        throw new MKError(token ? 'CONTENT_UNAVAILABLE' : 'AUTHORIZATION_ERROR', 'No preview, and full length needs a signed-in user');
      return url;
    }
    const body = item.type.startsWith('library-') ? { universalLibraryId: item.id } : { salableAdamId: item.id };
    const response = await fetch(`${this.hosts.play}/WebObjects/MZPlay.woa/wa/webPlayback`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.developerToken}`, 'Media-User-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'error',
    }).catch(() => {
      throw new MKError('NETWORK_ERROR', 'The licence request failed');
    });
    if (response.status === 403) {
      this.onRefused(token);
      throw new MKError('AUTHORIZATION_ERROR', 'The Music User Token was refused');
    }
    if (!response.ok) {
      throw new MKError(
        response.status === 404 ? 'CONTENT_UNAVAILABLE' : 'SERVER_ERROR',
        `The licence request answered ${response.status}`,
      );
    }
    return (await response.json()).songList[0].assetUrl;
  }

  /**
   * Every page of a track list, or undefined when the list does not exist.
   * @param {string} path
   * @param {boolean} library
   */
  async pages(path, library) {
    const all = [];
    const seen = new Set();
    let next = `${path}?limit=${PAGE_SIZE}`;
    while (next && !seen.has(next)) {
      seen.add(next);
      const body = await this.get(next, library);
      if (!body) return all.length ? all : undefined;
      all.push(...(body.data ?? []));
      if (!body.data?.length || !body.next) break;
      // Apple's `next` may carry only the offset: keep asking for full pages.
      next = /[?&]limit=/.test(body.next) ? body.next : `${body.next}${body.next.includes('?') ? '&' : '?'}limit=${PAGE_SIZE}`;
    }
    return all;
  }

  /**
   * GET from the API: the body, or null for 404.
   * @param {string} path
   * @param {boolean} library library calls carry the Music User Token in `Media-User-Token`
   */
  async get(path, library) {
    /** @type {Record<string, string>} */
    const headers = { Authorization: `Bearer ${this.developerToken}` };
    const token = this.userToken();
    if (library) {
      if (!token) throw new MKError('AUTHORIZATION_ERROR', 'Library items need a signed-in user');
      headers['Media-User-Token'] = token;
    }
    const response = await fetch(`${this.hosts.api}${path}`, { headers, redirect: 'error' }).catch(() => {
      throw new MKError('NETWORK_ERROR', `The request for ${path} failed`);
    });
    if (response.status === 404) return null;
    if (response.status === 401) throw new MKError('UNAUTHORIZED_ERROR', 'The developer token was refused');
    if (response.status === 403 && token && library) {
      this.onRefused(token);
      throw new MKError('AUTHORIZATION_ERROR', 'The Music User Token was refused');
    }
    if (!response.ok) throw new MKError('SERVER_ERROR', `${path} answered ${response.status}`);
    return response.json();
  }
}
