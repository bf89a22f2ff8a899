// Playback elements, as one import: `import 'am-elements/playback.js'`. Not part of the
// sign-in entry, so pages without a player load no playback code.
export * from './am-player.js';
export * from './am-play-button.js';
