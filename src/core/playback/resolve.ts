// Turning "play this" into tracks: resources and ids of the catalog or the library, through the
// API (docs/protocol.md, "Catalog and previews").
import type { AppleMusicApi } from '../api-client.js';
import type { LibraryResource } from '../../events.js';
import type { PlayIds, PlayRequest, PlaybackTrack } from './types.js';

type Resource = LibraryResource & { relationships?: Record<string, { data?: unknown } | undefined> };

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const isResource = (value: unknown): value is Resource =>
  typeof value === 'object' && value !== null && typeof (value as Resource).id === 'string' && typeof (value as Resource).type === 'string';

/** The resources of a relationship (`tracks`, `catalog`), skipping anything that is not one. */
function related(resource: Resource, name: string): Resource[] {
  const data = resource.relationships?.[name]?.data;
  return Array.isArray(data) ? data.filter(isResource) : [];
}

/** A song or music video as a track; its catalog twin (if loaded) gives the preview and the id MusicKit plays. */
export function trackOf(resource: Resource): PlaybackTrack | undefined {
  if (!/(^|-)(songs|music-videos)$/.test(resource.type)) return undefined;
  const twin = resource.type.startsWith('library-') ? related(resource, 'catalog')[0] : resource;
  const attributes = { ...twin?.attributes, ...resource.attributes } as Record<string, unknown>;
  const previews = (twin?.attributes as { previews?: unknown } | undefined)?.previews;
  const preview = Array.isArray(previews) ? text((previews[0] as { url?: unknown } | undefined)?.url) : undefined;
  const artwork = attributes.artwork as PlaybackTrack['artwork'] | undefined;
  return {
    id: twin?.id ?? resource.id,
    sourceId: resource.id,
    title: text(attributes.name) ?? '',
    artistName: text(attributes.artistName),
    albumName: text(attributes.albumName),
    artwork: artwork && typeof artwork.url === 'string' ? artwork : undefined,
    previewUrl: preview && /^https?:/.test(preview) ? preview : undefined,
    durationMs: typeof attributes.durationInMillis === 'number' ? attributes.durationInMillis : undefined,
  };
}

/** Where the tracks of a resource or id live, and whether they come paged. */
function sourceOf(request: Resource | PlayIds): { path: string; paged: boolean } | undefined {
  if (isResource(request)) {
    const { type, id } = request;
    const library = type.startsWith('library-');
    const kind = type.replace(/^library-/, '');
    if (kind === 'songs' || kind === 'music-videos') {
      return {
        path: library ? `/v1/me/library/${kind}/${id}?include=catalog` : `/v1/catalog/{{storefrontId}}/${kind}/${id}`,
        paged: false,
      };
    }
    if (kind === 'albums' || kind === 'playlists') return sourceOf(kind === 'albums' ? { albumId: id } : { playlistId: id });
    return undefined;
  }
  const { songId, albumId, playlistId } = request;
  if (songId) return sourceOf({ id: songId, type: songId.startsWith('i.') ? 'library-songs' : 'songs' });
  if (albumId) {
    return albumId.startsWith('l.')
      ? { path: `/v1/me/library/albums/${albumId}/tracks?include=catalog`, paged: true }
      : { path: `/v1/catalog/{{storefrontId}}/albums/${albumId}/tracks`, paged: true };
  }
  if (playlistId) {
    return playlistId.startsWith('p.')
      ? { path: `/v1/me/library/playlists/${playlistId}/tracks?include=catalog`, paged: true }
      : { path: `/v1/catalog/{{storefrontId}}/playlists/${playlistId}/tracks`, paged: true };
  }
  return undefined;
}

/**
 * The tracks to queue for `request`, at once when the request already holds them (a song
 * resource with its catalog twin, or tracks), else undefined: `resolveTracks` fetches them.
 */
export function tracksAtHand(request: PlayRequest): PlaybackTrack[] | undefined {
  if (Array.isArray(request)) return request;
  if (!isResource(request)) return undefined;
  const track = trackOf(request);
  const needsTwin = request.type.startsWith('library-') && related(request, 'catalog').length === 0 && !request.relationships?.catalog;
  return track && !needsTwin ? [track] : undefined;
}

/** Fetches the tracks of `request` (all pages of an album or playlist). Uploads keep their library id. */
export async function resolveTracks(api: AppleMusicApi, request: PlayRequest, signal?: AbortSignal): Promise<PlaybackTrack[]> {
  const atHand = tracksAtHand(request);
  if (atHand) return atHand;
  const source = sourceOf(request as Resource | PlayIds);
  if (!source) return [];
  const resources: unknown[] = [];
  if (source.paged) {
    for await (const page of api.paginate(source.path, { limit: 100 }, { signal })) resources.push(...page);
  } else {
    const { data } = await api.music<{ data?: unknown[] }>(source.path, undefined, { signal });
    resources.push(...(data?.data ?? []));
  }
  return resources
    .filter(isResource)
    .map(trackOf)
    .filter((track): track is PlaybackTrack => track !== undefined);
}

/** A stable key for a request, so a play button can tell whether its item is the one playing. */
export function requestKey(request: PlayRequest): string | undefined {
  if (Array.isArray(request)) return request[0]?.sourceId;
  if (isResource(request)) return request.id;
  return (request as PlayIds).songId ?? (request as PlayIds).albumId ?? (request as PlayIds).playlistId;
}
