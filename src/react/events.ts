import type { EventName } from '@lit/react';
import type { AmEventDetails } from '../events.js';

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** The React prop of an event: `am-library-select` → `onAmLibrarySelect`. */
export type EventProp<E extends string> = `on${Pascal<E>}`;

/** `{onAmAuthorize: 'am-authorize', …}` for @lit/react's `events`, each typed with its detail. */
export type EventProps<E extends keyof AmEventDetails> = { [K in E as EventProp<K>]: EventName<CustomEvent<AmEventDetails[K]>> };

/** The React prop of an event, at run time. */
export const eventProp = <E extends string>(event: E): EventProp<E> =>
  `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}` as EventProp<E>;

/** @lit/react's `events` option for these events. */
export function eventProps<E extends keyof AmEventDetails>(...events: E[]): EventProps<E> {
  return Object.fromEntries(events.map((event) => [eventProp(event), event])) as unknown as EventProps<E>;
}

const OUTCOMES = ['am-authorize', 'am-decline', 'am-unavailable', 'am-cancel', 'am-error'] as const;

/**
 * The events each element dispatches itself (its `@fires` in the manifest), which its wrapper
 * takes as props. They bubble, so an ancestor's handler hears its descendants' events too.
 */
export const ELEMENT_EVENTS = {
  'am-auth-provider': [...OUTCOMES, 'am-unauthorize', 'am-status-change', 'am-playback-change', 'am-developer-token-expiring'],
  'am-authorize-button': OUTCOMES,
  'am-unauthorize-button': ['am-unauthorize'],
  'am-library-list': ['am-library-load', 'am-library-select', 'am-error'],
  'am-player': [],
  'am-play-button': [],
} as const satisfies Record<string, readonly (keyof AmEventDetails)[]>;
