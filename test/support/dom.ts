import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

// Mouse commands one after the other: WebDriver refuses an action while another is underway,
// and `startInClick` goes on before its click command has answered.
let mouse: Promise<unknown> = Promise.resolve();
function clickAt(x: number, y: number): Promise<void> {
  const click = mouse.then(() => sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] }));
  mouse = click.catch(() => undefined);
  return click;
}

/** A real, trusted click in the middle of `element` (a user gesture, as popups need). */
export async function realClick(element: Element): Promise<void> {
  const target = (element.shadowRoot?.querySelector('button') ?? element) as HTMLElement;
  const rect = target.getBoundingClientRect();
  await clickAt(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/** A real click in the middle of `element`, which is inside the same-origin `frame`. */
export async function realClickInFrame(frame: HTMLIFrameElement, element: Element): Promise<void> {
  const outer = frame.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  await clickAt(outer.x + frame.clientLeft + rect.x + rect.width / 2, outer.y + frame.clientTop + rect.y + rect.height / 2);
}

/**
 * Runs `action` in the handler of a real click on a throwaway button, so it has the user
 * activation `window.open` needs: every engine runs the tests with its popup blocker on.
 * Resolves once the click has run it, with its result unawaited (`{result}`), so a test can
 * look at an attempt in flight.
 */
export async function startInClick<T>(action: () => T): Promise<{ result: T }> {
  const button = document.createElement('button');
  button.textContent = 'user gesture';
  button.style.cssText = 'position:fixed;left:0;top:0;width:48px;height:48px;margin:0;z-index:2147483647';
  const clicked = new Promise<{ result: T }>((resolve, reject) => {
    button.addEventListener(
      'click',
      () => {
        try {
          resolve({ result: action() });
        } catch (error) {
          reject(error);
        }
      },
      { once: true },
    );
  });
  document.body.append(button);
  const click = realClick(button);
  click.catch(() => undefined); // reported through the race below
  try {
    // Settles as soon as the handler has run: the command itself may answer much later (or,
    // over WebDriver, before the event has run).
    return await Promise.race([clicked, click.then(() => clicked)]);
  } finally {
    button.remove();
  }
}

/** `action` run in a real click (see `startInClick`), awaited: `await inClick(() => provider.authorize())`. */
export async function inClick<T>(action: () => T): Promise<Awaited<T>> {
  return await (
    await startInClick(action)
  ).result;
}

export const OUTCOME_EVENTS = ['am-authorize', 'am-decline', 'am-unavailable', 'am-cancel', 'am-error'] as const;

/** Records every outcome event that reaches the document, with the element it came from. */
export function recordOutcomes() {
  const events: { type: string; target: EventTarget | null; detail: any }[] = [];
  const listener = (event: Event) =>
    events.push({ type: event.type, target: event.composedPath()[0], detail: (event as CustomEvent).detail });
  for (const type of [...OUTCOME_EVENTS, 'am-unauthorize']) document.addEventListener(type, listener);
  return {
    events,
    /** Resolves with the first outcome event. */
    next: () =>
      new Promise<{ type: string; target: EventTarget | null; detail: any }>((resolve) => {
        const check = () => (events.length ? resolve(events[0]) : setTimeout(check, 10));
        check();
      }),
    stop: () => {
      for (const type of [...OUTCOME_EVENTS, 'am-unauthorize']) document.removeEventListener(type, listener);
    },
  };
}

/**
 * A fixed wait, only for proving that something does NOT happen within a time (say so where it
 * is used). Anything else waits for an event or a condition (`oneEvent`, `waitUntil`).
 */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records the windows the page opens, so a test can wait until they have closed: Apple's page
 * closes itself just after answering, and a popup opened in that moment would reuse it by name.
 */
export function trackPopups() {
  const original = window.open;
  const popups: Window[] = [];
  window.open = (...args: Parameters<typeof window.open>) => {
    const popup = original.apply(window, args);
    if (popup) popups.push(popup);
    return popup;
  };
  return {
    popups,
    async closeAll() {
      window.open = original;
      // Up to 2 s for them to close themselves; those still open are closed here.
      await waitUntil(() => popups.every((popup) => popup.closed), 'the popups close', { interval: 20, timeout: 2000 }).catch(() => {});
      popups.forEach((popup) => popup.close());
    },
  };
}

/**
 * Mocha hooks for a test that starts from nothing: empty storage, a reset emulator, and an
 * outcome recorder renewed for each test (the returned object always points at the current one).
 */
export function useCleanSlate(resetEmulator: () => Promise<unknown>) {
  let current = recordOutcomes();
  current.stop();
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
    current = recordOutcomes();
  });
  afterEach(() => current.stop());
  return {
    get events() {
      return current.events;
    },
    next: () => current.next(),
  };
}
