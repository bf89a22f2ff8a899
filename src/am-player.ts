import { defineElement } from './define.js';
import { AmPlayer } from './elements/player/player.js';

export { AmPlayer };
export { PlaybackError } from './elements/player/install-player.js';
export type { PlaybackEngine, PlaybackErrorCode, PreloadPolicy } from './core/playback/playback-engine.js';
export type {
  PlaybackMode,
  PlaybackModePreference,
  PlaybackSnapshot,
  PlaybackState,
  PlaybackTrack,
  PlayIds,
  PlayRequest,
} from './core/playback/types.js';
defineElement('am-player', AmPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'am-player': AmPlayer;
  }
}
