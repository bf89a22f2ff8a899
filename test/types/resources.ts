// Type test (tsc -p tsconfig.types.json): Apple's resources as a consumer of the package sees
// them. Each `@ts-expect-error` line must fail to compile (tsc fails if it compiles).
import {
  artworkUrl,
  type AmAuthProvider,
  type AmLibraryList,
  type AmLibraryLoadDetail,
  type Artwork,
  type LibraryAlbum,
  type LibraryItem,
  type LibraryPlaylist,
  type LibrarySong,
  type PlayParameters,
  type Preview,
  type ResourceList,
  type Song,
} from 'am-elements';

export async function typedApi(provider: AmAuthProvider): Promise<string[]> {
  const names: string[] = [];
  for await (const songs of provider.api.paginate<LibrarySong>('/v1/me/library/songs', { include: 'catalog' })) {
    for (const song of songs) {
      const twin: Song | undefined = song.relationships?.catalog?.data[0];
      const preview: Preview | undefined = twin?.attributes?.previews[0];
      const play: PlayParameters | undefined = song.attributes?.playParams;
      names.push(song.attributes?.name ?? '', preview?.url ?? '', play?.catalogId ?? '');
      // @ts-expect-error a library song has no `previews`: those are its catalog twin's
      names.push(song.attributes?.previews);
      // @ts-expect-error `durationInMillis` is a number
      names.push(song.attributes?.durationInMillis ?? '');
    }
  }
  const { data } = await provider.api.music<ResourceList<LibraryAlbum>>('/v1/me/library/albums/l.1');
  const album = data.data[0];
  const count: number | undefined = album?.attributes?.trackCount;
  names.push(String(count));
  // @ts-expect-error an album's `type` is 'library-albums'
  const wrong: LibraryAlbum = { id: 'l.1', type: 'library-songs' };
  names.push(wrong.id);
  return names;
}

export function typedArtwork(artwork: Artwork | undefined): string {
  const square = artworkUrl(artwork, 300);
  const wide = artworkUrl({ url: 'https://is1.example/{w}x{h}.{f}', width: 1200, height: 600 }, 600, 300);
  // @ts-expect-error the size is a number of pixels
  artworkUrl(artwork, '300');
  return square + wide;
}

export function typedEvents(list: AmLibraryList): void {
  list.addEventListener('am-library-load', (event) => {
    const detail: AmLibraryLoadDetail = event.detail;
    if (detail.type === 'songs') {
      const songs: LibrarySong[] = detail.items;
      songs.forEach((song) => song.attributes?.albumName);
    } else if (detail.type === 'tracks') {
      detail.items.forEach((track) => track.attributes?.durationInMillis);
      // @ts-expect-error tracks are songs and music videos, never playlists
      const playlists: LibraryPlaylist[] = detail.items;
      void playlists;
    }
  });
  list.addEventListener('am-library-select', ({ detail: { item } }) => {
    const any: LibraryItem = item;
    if (item.type === 'library-albums') item.attributes?.trackCount.toFixed();
    if (item.type === 'library-playlists') item.attributes?.description?.standard?.trim();
    // @ts-expect-error not every item has a track count: narrow by `type` first
    any.attributes?.trackCount;
  });
}

export function typedItems(songs: AmLibraryList<'songs'>, recent: AmLibraryList<'recently-added'>): void {
  const first: LibrarySong | undefined = songs.items[0];
  const mixed: readonly (LibraryAlbum | LibraryPlaylist)[] = recent.items;
  // @ts-expect-error a songs list holds no albums
  const albums: readonly LibraryAlbum[] = songs.items;
  void [first, mixed, albums];
}
