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

/** MusicKit's feature string, centred on the opener window (SPEC §1.2). */
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
 * Per opener, the popup of the last session that ended. Apple's page closes itself after an
 * outcome; until it is gone, `window.open` by the same name returns that dying window, which
 * then closes under the new attempt.
 */
const endedPopups = new WeakMap<Window, Window>();
let freshNames = 0;

function isClosed(popup: Window): boolean {
  try {
    return popup.closed;
  } catch {
    return true;
  }
}

/**
 * Opens the authorize popup. Must run synchronously in the click task (Safari blocks popups
 * opened after an `await`). Returns null when the browser blocked it — by returning null, or
 * by throwing, as Firefox does in a sandboxed frame and some extensions and webview shims do.
 * Uses MusicKit's window name, or a fresh one while the previous popup is still closing.
 */
export function openAuthorizePopup(url: string, win: Window = window): Window | null {
  const ended = endedPopups.get(win);
  const name = ended && !isClosed(ended) ? `${POPUP_NAME}-${++freshNames}` : POPUP_NAME;
  try {
    return win.open(url, name, popupFeatures(win));
  } catch {
    return null;
  }
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
  /** The JSON string answered to `thirdPartyInfo` (it carries the developer token). */
  thirdPartyInfo: string;
  timeoutMs?: number;
  /** The window whose `message` events are heard; the opener. */
  host?: Window;
  pollMs?: number;
}

/**
 * One authorize popup, from open to outcome: serves the popup's JSON-RPC requests and
 * settles `outcome` exactly once — on an answer, when the popup closes, or on timeout.
 */
export class PopupSession {
  readonly outcome: Promise<PopupOutcome>;
  #settle!: (outcome: PopupOutcome) => void;
  readonly #host: Window;
  readonly #pollTimer: ReturnType<typeof setInterval>;
  readonly #timeoutTimer: ReturnType<typeof setTimeout>;
  #done = false;
  /** Whether the popup ever sent a valid request; a popup that "closes" before it did may only have been cut off. */
  #contacted = false;

  constructor(private readonly options: PopupSessionOptions) {
    this.#host = options.host ?? window;
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

  focus(): void {
    try {
      this.options.popup.focus();
    } catch {
      // A severed or closed popup cannot be focused; the poll will notice it closed.
    }
  }

  /** Ends the session as cancelled (its owner left the page) and closes the popup, which nobody would hear. */
  dispose(): void {
    this.#finish({ kind: 'cancelled', reason: 'closed' });
    this.#closePopup();
  }

  readonly #onMessage = (event: MessageEvent): void => {
    if (this.#done) return;
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
        return { reply: rpcResult(id, this.options.thirdPartyInfo) };
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
    endedPopups.set(this.#host, this.options.popup);
    this.#settle(outcome);
  }
}
