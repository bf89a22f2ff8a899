// The list's events: where a loader's page or failure becomes a DOM event, for the list and its
// opened album or playlist alike.
import { emit } from '../../events.js';
import type { LoaderEvents } from './library-loader.js';
import { errorMessage, type ErrorTexts } from './rows.js';

/** `am-library-load` for each page; `am-error` for a failed one, with the message the list shows. */
export function listEvents(host: EventTarget & ErrorTexts): LoaderEvents {
  return {
    loaded: (detail) => emit(host, 'am-library-load', detail),
    failed: (error) =>
      emit(host, 'am-error', {
        code: 'api-error',
        message: errorMessage(error, host),
        error: error instanceof Error ? error : new Error(String(error)),
      }),
  };
}
