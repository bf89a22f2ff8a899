// Apple Music API resources as TypeScript types, written from the attribute lists of Apple's
// documentation (developer.apple.com/documentation/applemusicapi). An attribute Apple marks
// as optional, or is known to leave out (uploads without artwork, library items without play
// parameters), is optional here. Types, not interfaces, so each is assignable to the loose
// `LibraryResource` the elements accept.

/** An image: `url` holds `{w}` and `{h}` (sometimes `{f}`) placeholders; fill them with `artworkUrl()`. */
export type Artwork = {
  url: string;
  /** The largest width available; Apple sends `null` for some library artwork. */
  width?: number | null;
  height?: number | null;
  bgColor?: string;
  textColor1?: string;
  textColor2?: string;
  textColor3?: string;
  textColor4?: string;
};

/** What a player needs to play an item. Library items add `isLibrary`, and `catalogId` when they have a catalog twin. */
export type PlayParameters = {
  id: string;
  kind: string;
  isLibrary?: boolean;
  catalogId?: string;
  reportingId?: string;
  reporting?: boolean;
  globalId?: string;
};

/** A catalog preview: about 30 s of AAC (`.m4a`; music videos `.m4v` and `hlsUrl`), playable without a token. */
export type Preview = {
  url: string;
  hlsUrl?: string;
  artwork?: Artwork;
};

/** Text written by Apple's editors (catalog) or the user (a library playlist's `description`). */
export type EditorialNotes = {
  standard?: string;
  short?: string;
  name?: string;
  tagline?: string;
};

/** A to-many relationship, or one page of it: `next` leads to the following page. */
export type Relationship<T> = {
  href?: string;
  next?: string;
  data: T[];
  meta?: { total?: number };
};

/** What a relationship holds at least: the related resources' identifiers. */
export type ResourceIdentifier = { id: string; type: string; href?: string };

/**
 * Any resource: `attributes` and `relationships` are absent where Apple sends only the
 * identifiers (`id`, `type`, `href`), e.g. inside another resource's relationship.
 */
export type Resource<
  Type extends string = string,
  Attributes = Record<string, unknown>,
  Relationships = Record<string, Relationship<ResourceIdentifier> | undefined>,
> = {
  id: string;
  type: Type;
  href?: string;
  attributes?: Attributes;
  relationships?: Relationships;
};

/** A list answer (`{data, next?, meta?}`), as `music()` resolves its `data` for list paths. */
export type ResourceList<T> = {
  data: T[];
  next?: string;
  meta?: { total?: number };
};

/** Apple's `contentRating`. */
export type ContentRating = 'clean' | 'explicit';

// Catalog.

export type SongAttributes = {
  albumName: string;
  artistName: string;
  artistUrl?: string;
  artwork: Artwork;
  attribution?: string;
  audioVariants?: string[];
  composerName?: string;
  contentRating?: ContentRating;
  discNumber?: number;
  durationInMillis: number;
  editorialNotes?: EditorialNotes;
  genreNames: string[];
  hasLyrics: boolean;
  isAppleDigitalMaster: boolean;
  isrc?: string;
  movementCount?: number;
  movementName?: string;
  movementNumber?: number;
  name: string;
  playParams?: PlayParameters;
  previews: Preview[];
  releaseDate?: string;
  trackNumber?: number;
  url: string;
  workName?: string;
};
export type Song = Resource<'songs', SongAttributes>;

export type AlbumAttributes = {
  artistName: string;
  artistUrl?: string;
  artwork: Artwork;
  audioVariants?: string[];
  contentRating?: ContentRating;
  copyright?: string;
  editorialNotes?: EditorialNotes;
  genreNames: string[];
  isCompilation: boolean;
  isComplete: boolean;
  isMasteredForItunes: boolean;
  isSingle: boolean;
  name: string;
  playParams?: PlayParameters;
  recordLabel?: string;
  releaseDate?: string;
  trackCount: number;
  upc?: string;
  url: string;
};
export type Album = Resource<'albums', AlbumAttributes, { tracks?: Relationship<Song | MusicVideo> }>;

export type PlaylistAttributes = {
  artwork?: Artwork;
  curatorName: string;
  description?: EditorialNotes;
  isChart: boolean;
  lastModifiedDate?: string;
  name: string;
  playlistType: 'editorial' | 'external' | 'personal-mix' | 'replay' | 'user-shared' | (string & {});
  playParams?: PlayParameters;
  trackTypes?: string[];
  url: string;
};
export type Playlist = Resource<'playlists', PlaylistAttributes, { tracks?: Relationship<Song | MusicVideo> }>;

export type MusicVideoAttributes = {
  albumName?: string;
  artistName: string;
  artistUrl?: string;
  artwork: Artwork;
  contentRating?: ContentRating;
  durationInMillis: number;
  editorialNotes?: EditorialNotes;
  genreNames: string[];
  has4K: boolean;
  hasHDR: boolean;
  isrc?: string;
  name: string;
  playParams?: PlayParameters;
  previews: Preview[];
  releaseDate?: string;
  trackNumber?: number;
  url: string;
  videoSubType?: string;
  workName?: string;
};
export type MusicVideo = Resource<'music-videos', MusicVideoAttributes>;

// Library. Artwork is optional throughout: uploads and some playlists have none.

/** A library item's catalog twin; `data` is empty for uploads, which have none. */
type CatalogRelationship<T> = { catalog?: Relationship<T> };

export type LibrarySongAttributes = {
  albumName?: string;
  artistName: string;
  artwork?: Artwork;
  contentRating?: ContentRating;
  discNumber?: number;
  durationInMillis: number;
  genreNames: string[];
  hasLyrics: boolean;
  name: string;
  playParams?: PlayParameters;
  releaseDate?: string;
  trackNumber?: number;
};
export type LibrarySong = Resource<'library-songs', LibrarySongAttributes, CatalogRelationship<Song>>;

export type LibraryAlbumAttributes = {
  artistName: string;
  artwork?: Artwork;
  contentRating?: ContentRating;
  dateAdded?: string;
  genreNames: string[];
  name: string;
  playParams?: PlayParameters;
  releaseDate?: string;
  trackCount: number;
};
export type LibraryAlbum = Resource<
  'library-albums',
  LibraryAlbumAttributes,
  CatalogRelationship<Album> & { tracks?: Relationship<LibrarySong | LibraryMusicVideo> }
>;

export type LibraryPlaylistAttributes = {
  artwork?: Artwork;
  canEdit: boolean;
  dateAdded?: string;
  description?: EditorialNotes;
  hasCatalog: boolean;
  isPublic: boolean;
  lastModifiedDate?: string;
  name: string;
  playParams?: PlayParameters;
  trackTypes?: string[];
};
export type LibraryPlaylist = Resource<
  'library-playlists',
  LibraryPlaylistAttributes,
  CatalogRelationship<Playlist> & { tracks?: Relationship<LibrarySong | LibraryMusicVideo> }
>;

export type LibraryArtistAttributes = {
  name: string;
};
export type LibraryArtist = Resource<'library-artists', LibraryArtistAttributes, { albums?: Relationship<LibraryAlbum> }>;

export type LibraryMusicVideoAttributes = {
  albumName?: string;
  artistName: string;
  artwork?: Artwork;
  contentRating?: ContentRating;
  durationInMillis: number;
  genreNames: string[];
  name: string;
  playParams?: PlayParameters;
  releaseDate?: string;
  trackNumber?: number;
};
export type LibraryMusicVideo = Resource<'library-music-videos', LibraryMusicVideoAttributes, CatalogRelationship<MusicVideo>>;

/** Every library resource `<am-library-list>` shows. */
export type LibraryItem = LibrarySong | LibraryAlbum | LibraryPlaylist | LibraryArtist | LibraryMusicVideo;

/** What a list holds, by its `type` (`tracks`: the tracks of a library album or playlist). */
export type LibraryItems = {
  albums: LibraryAlbum;
  songs: LibrarySong;
  playlists: LibraryPlaylist;
  artists: LibraryArtist;
  'music-videos': LibraryMusicVideo;
  'recently-added': LibraryAlbum | LibraryPlaylist;
  tracks: LibrarySong | LibraryMusicVideo;
};

/** A kind of list: a `type` of `<am-library-list>`, or `tracks`. */
export type ListedKind = keyof LibraryItems;
