export * from './am-auth-provider.js';
export * from './am-authorize-button.js';
export * from './am-unauthorize-button.js';
export * from './am-library-list.js';
export { authContext, type AuthState, type AuthController } from './context.js';
export * from './events.js';
export { AuthorizationError, AppleMusicApiError, type AuthorizationErrorCode, type AppleMusicErrorObject } from './core/errors.js';
export { AppleMusicApi, type ApiPage, type ApiResponse, type PageOptions, type Query, type RequestOptions } from './core/api-client.js';
export { artworkUrl } from './core/artwork.js';
export type * from './core/resources.js';
export type { AuthorizationStatus } from './core/status.js';
export type { StorageKind } from './core/token-store.js';
export { VERSION } from './define.js';
// Types only: the playback elements and engine load from 'am-elements/playback.js', so importing
// this module brings no playback code.
export type {
  AmPlayer,
  AmPlayButton,
  PlaybackEngine,
  PlaybackError,
  PlaybackMode,
  PlaybackModePreference,
  PlaybackSnapshot,
  PlaybackState,
  PlaybackTrack,
  PlayIds,
  PlayRequest,
} from './playback.js';
