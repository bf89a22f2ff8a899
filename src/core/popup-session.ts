import {
  parseRpcRequest,
  rpcError,
  rpcResult,
  RPC_INVALID_PARAMS,
  RPC_METHOD_NOT_FOUND,
  type RpcReply,
  type RpcRequest,
} from './json-rpc.js';

export const POPUP_NAME = 'apple-music-service-view';
export const POPUP_SIZE = 650;
export const CLOSED_POLL_MS = 500;
export const DEFAULT_POPUP_TIMEOUT_MS = 300_000;

/** MusicKit's feature string, centred on the opener window (docs/protocol.md, "The popup"). */
export function popupFeatures(win: Window): string {
  const half = POPUP_SIZE / 2;
  const screenLike = win.screen as Screen & { availLeft?: number; availTop?: number };
  const left = win.innerWidth / 2 - half + (win.screenLeft ?? screenLike.availLeft ?? 0);
  const top = win.innerHeight / 2 - half + (win.screenTop ?? screenLike.availTop ?? 0);
  return (
    `height=${POPUP_SIZE},menubar=no,resizable=no,scrollbars=no,status=no,toolbar=no,` +
    `width=${POPUP_SIZE},left=${Math.round(left)},top=${Math.round(top)}`
  );
}

/**
 * Per opener, every popup a session opened that may still be open. A name is a window's
 * identity: `window.open` by the name of a window that exists navigates that window instead
 * of opening one. So a popup still open for another attempt (another provider's, or Apple's
 * page closing itself after an outcome), or the page's own window when it carries MusicKit's
 * name, must never be reached by name.
 */
const openedPopups = new WeakMap<Window, Set<Window>>();

function isClosed(popup: Window): boolean {
  try {
    return popup.closed;
  } catch {
    return true;
  }
}

/** MusicKit's name when no window we know of has it, else a name nobody has. */
function freePopupName(win: Window): string {
  const ours = openedPopups.get(win) ?? new Set<Window>();
  for (const popup of ours) if (isClosed(popup)) ours.delete(popup);
  openedPopups.set(win, ours);
  if (ours.size === 0 && win.name !== POPUP_NAME) return POPUP_NAME;
  return `${POPUP_NAME}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Opens the authorize popup. Must run synchronously in the click task (Safari blocks popups
 * opened after an `await`). Returns null when the browser blocked it — by returning null, or
 * by throwing, as Firefox does in a sandboxed frame and some extensions and webview shims do.
 */
export function openAuthorizePopup(url: string, win: Window = window): Window | null {
  let popup: Window | null;
  try {
    popup = win.open(url, freePopupName(win), popupFeatures(win));
  } catch {
    return null;
  }
  if (popup) openedPopups.get(win)!.add(popup);
  return popup;
}

export type PopupOutcome =
  | { kind: 'authorized'; musicUserToken: string; restricted: boolean; cid: string }
  | { kind: 'declined' }
  | { kind: 'unavailable' }
  | { kind: 'cancelled'; reason: 'closed' | 'switch-user' | 'timeout'; beforeContact?: boolean }
  | { kind: 'invalid-response'; message: string };

export interface PopupSessionOptions {
  popup: Window;
  /** Only messages from this exact origin count, and replies go only there. */
  authorizeOrigin: string;
  /**
   * The JSON string answered to `thirdPartyInfo` (it carries the developer token). Absent while
   * the popup waits on `about:blank` for the developer token; `navigate` sets it.
   */
  thirdPartyInfo?: string;
  timeoutMs?: number;
  /** The window whose `message` events are heard; the opener. */
  host?: Window;
  pollMs?: number;
}

/**
 * One authorize popup, from open to outcome, and its only owner: navigates it, serves its
 * JSON-RPC requests, closes it, and settles `outcome` exactly once — on an answer, when the
 * popup closes, on timeout, or on `dispose`. The closed-popup poll and the timeout start at
 * once, so they also cover the wait for a developer token before Apple's page is loaded.
 */
export class PopupSession {
  readonly outcome: Promise<PopupOutcome>;
  #settle!: (outcome: PopupOutcome) => void;
  readonly #host: Window;
  readonly #pollTimer: ReturnType<typeof setInterval>;
  readonly #timeoutTimer: ReturnType<typeof setTimeout>;
  #done = false;
  #thirdPartyInfo?: string;
  /** Whether the popup ever sent a valid request; a popup that "closes" before it did may only have been cut off. */
  #contacted = false;

  constructor(private readonly options: PopupSessionOptions) {
    this.#host = options.host ?? window;
    this.#thirdPartyInfo = options.thirdPartyInfo;
    this.outcome = new Promise((resolve) => (this.#settle = resolve));
    this.#host.addEventListener('message', this.#onMessage);
    this.#pollTimer = setInterval(() => {
      if (this.#isPopupClosed()) this.#finish({ kind: 'cancelled', reason: 'closed', beforeContact: !this.#contacted });
    }, options.pollMs ?? CLOSED_POLL_MS);
    this.#timeoutTimer = setTimeout(() => {
      this.#finish({ kind: 'cancelled', reason: 'timeout', beforeContact: !this.#contacted });
      this.#closePopup();
    }, options.timeoutMs ?? DEFAULT_POPUP_TIMEOUT_MS);
  }

  /** Sends the waiting popup to Apple's page, answering `thirdPartyInfo` with `thirdPartyInfo` from then on. */
  navigate(url: string, thirdPartyInfo: string): void {
    this.#thirdPartyInfo = thirdPartyInfo;
    try {
      this.options.popup.location.href = url;
    } catch {
      // A popup cut off or closed meanwhile: the poll reports it.
    }
  }

  focus(): void {
    try {
      this.options.popup.focus();
    } catch {
      // A severed or closed popup cannot be focused; the poll will notice it closed.
    }
  }

  /** Ends the session as cancelled (its owner left, or gave up) and closes the popup, which nobody would hear. */
  dispose(): void {
    this.#finish({ kind: 'cancelled', reason: 'closed' });
    this.#closePopup();
  }

  readonly #onMessage = (event: MessageEvent): void => {
    if (this.#done || this.#thirdPartyInfo === undefined) return;
    // Origin and source together: same-origin frames or other windows of Apple's origin do not count.
    if (event.origin !== this.options.authorizeOrigin || event.source !== this.options.popup) return;
    const request = parseRpcRequest(event.data);
    if (!request) return;
    this.#contacted = true;
    const { reply, outcome } = this.#handle(request);
    this.#reply(reply);
    if (outcome) this.#finish(outcome);
  };

  #handle(request: RpcRequest): { reply: RpcReply; outcome?: PopupOutcome } {
    const { id, params = [] } = request;
    switch (request.method) {
      case 'thirdPartyInfo':
        return { reply: rpcResult(id, this.#thirdPartyInfo!) };
      case 'authorize': {
        const [musicUserToken, restricted, cid] = params;
        if (typeof musicUserToken !== 'string' || musicUserToken.length === 0) {
          return {
            reply: rpcError(id, RPC_INVALID_PARAMS, 'Invalid params'),
            outcome: { kind: 'invalid-response', message: 'Apple returned no Music User Token.' },
          };
        }
        return {
          reply: rpcResult(id, undefined),
          outcome: {
            kind: 'authorized',
            musicUserToken,
            restricted: restricted === '1',
            cid: typeof cid === 'string' ? cid : '',
          },
        };
      }
      case 'decline':
        return { reply: rpcResult(id, undefined), outcome: { kind: 'declined' } };
      case 'unavailable':
        return { reply: rpcResult(id, undefined), outcome: { kind: 'unavailable' } };
      case 'switchUserId':
        return { reply: rpcResult(id, undefined), outcome: { kind: 'cancelled', reason: 'switch-user' } };
      case 'close':
        return { reply: rpcResult(id, undefined) };
      default:
        return { reply: rpcError(id, RPC_METHOD_NOT_FOUND, 'Method not found') };
    }
  }

  #reply(reply: RpcReply): void {
    try {
      // Never '*': the thirdPartyInfo reply carries the developer token.
      this.options.popup.postMessage(reply, this.options.authorizeOrigin);
    } catch {
      // The popup went away between its request and our reply; the poll reports it.
    }
  }

  #isPopupClosed(): boolean {
    return isClosed(this.options.popup);
  }

  #closePopup(): void {
    try {
      this.options.popup.close();
    } catch {
      // Nothing to do: it is gone or not ours to close.
    }
  }

  #finish(outcome: PopupOutcome): void {
    if (this.#done) return;
    this.#done = true;
    clearInterval(this.#pollTimer);
    clearTimeout(this.#timeoutTimer);
    this.#host.removeEventListener('message', this.#onMessage);
    this.#settle(outcome);
  }
}

/** `popup-timeout` as the provider accepts it: a whole number of ms from 1 to 2^31 − 1 (setTimeout's range), else undefined. */
export function validPopupTimeout(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 2_147_483_647 ? value : undefined;
}
