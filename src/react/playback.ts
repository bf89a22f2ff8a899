// React wrappers (@lit/react) for the playback elements, apart from `am-elements/react` so that
// an app without playback loads no playback code. See ./index.ts. They dispatch no events of
// their own: playback changes and errors come from the provider (`onAmPlaybackChange`, `onAmError`).
import * as React from 'react';
import { createComponent } from '@lit/react';
import { AmPlayer as PlayerElement } from '../am-player.js';
import { AmPlayButton as PlayButtonElement } from '../am-play-button.js';
import { ELEMENT_EVENTS, eventProps } from './events.js';

/** `<am-player>`. */
export const AmPlayer = createComponent({
  react: React,
  tagName: 'am-player',
  elementClass: PlayerElement,
  events: eventProps(...ELEMENT_EVENTS['am-player']),
  displayName: 'AmPlayer',
});

/** `<am-play-button>`: set `item` to a library or catalog resource (an object: React 18 needs this wrapper for it). */
export const AmPlayButton = createComponent({
  react: React,
  tagName: 'am-play-button',
  elementClass: PlayButtonElement,
  events: eventProps(...ELEMENT_EVENTS['am-play-button']),
  displayName: 'AmPlayButton',
});
