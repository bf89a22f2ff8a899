// React wrappers (@lit/react) for React 18 and earlier, which set every prop on a custom
// element as a string attribute and cannot listen for its events: with these, props the element
// has as properties are set as properties (numbers, objects, functions such as `renderItem`),
// and events are props named `onAmAuthorize`, `onAmLibrarySelect`, … typed with their detail.
// React 19 handles custom elements itself: use the tags (JSX types: `am-elements/react/jsx`).
// Importing this module defines the elements, as `am-elements` does.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { AmAuthProvider as AuthProviderElement } from '../am-auth-provider.js';
import { AmAuthorizeButton as AuthorizeButtonElement } from '../am-authorize-button.js';
import { AmUnauthorizeButton as UnauthorizeButtonElement } from '../am-unauthorize-button.js';
import { AmLibraryList as LibraryListElement } from '../am-library-list.js';
import { ELEMENT_EVENTS, eventProps } from './events.js';

export type { EventProp, EventProps } from './events.js';

/** `<am-auth-provider>`: `onAmAuthorize`, `onAmStatusChange`, `onAmUnauthorize`, … */
export const AmAuthProvider = createComponent({
  react: React,
  tagName: 'am-auth-provider',
  elementClass: AuthProviderElement,
  events: eventProps(...ELEMENT_EVENTS['am-auth-provider']),
  displayName: 'AmAuthProvider',
});

/** `<am-authorize-button>`: `onAmAuthorize`, `onAmDecline`, `onAmUnavailable`, `onAmCancel`, `onAmError`. */
export const AmAuthorizeButton = createComponent({
  react: React,
  tagName: 'am-authorize-button',
  elementClass: AuthorizeButtonElement,
  events: eventProps(...ELEMENT_EVENTS['am-authorize-button']),
  displayName: 'AmAuthorizeButton',
});

/** `<am-unauthorize-button>`: `onAmUnauthorize`. */
export const AmUnauthorizeButton = createComponent({
  react: React,
  tagName: 'am-unauthorize-button',
  elementClass: UnauthorizeButtonElement,
  events: eventProps(...ELEMENT_EVENTS['am-unauthorize-button']),
  displayName: 'AmUnauthorizeButton',
});

/** `<am-library-list>`: `onAmLibraryLoad`, `onAmLibrarySelect`, `onAmError`. */
export const AmLibraryList = createComponent({
  react: React,
  tagName: 'am-library-list',
  elementClass: LibraryListElement,
  events: eventProps(...ELEMENT_EVENTS['am-library-list']),
  displayName: 'AmLibraryList',
});
