import type { TokenStore } from './token-store.js';

const SYNC_CHANNEL = 'am-elements:auth';

/**
 * Hears that the stored sign-in changed elsewhere, and says so when it changes here. Storage
 * events reach other documents only; the BroadcastChannel also reaches other providers on this
 * page, and users of sessionStorage or memory. Messages carry the team id, never a token.
 */
export class TabSync {
  #channel?: BroadcastChannel;
  #started = false;
  #listening = false;

  constructor(
    private readonly win: Window,
    /** The store the session uses now (its team and storage area). */
    private readonly store: () => TokenStore | undefined,
    private readonly changed: () => void,
  ) {}

  start(): void {
    this.#started = true;
    this.#listenSoon();
  }

  stop(): void {
    this.#started = this.#listening = false;
    this.win.removeEventListener('storage', this.#onStorage);
    this.#channel?.close();
    this.#channel = undefined;
  }

  /**
   * The first `storage` listener makes the browser open every storage area of the page
   * (session storage too), a round trip to its process, and storage events only tell of other
   * tabs' changes; opening the channel costs too. Neither is needed to show the status, so the
   * page paints first: both start after the next frame (at once in a hidden page, which paints
   * nothing; within a second if frames stop), then `changed` catches up with anything that
   * changed before.
   */
  #listenSoon(): void {
    const listen = () => {
      if (!this.#started || this.#listening) return;
      this.#listening = true;
      this.win.addEventListener('storage', this.#onStorage);
      this.#openChannel();
      this.changed();
    };
    if (this.win.document.visibilityState === 'hidden') return listen();
    this.win.requestAnimationFrame(() => this.win.setTimeout(listen));
    this.win.setTimeout(listen, 1000);
  }

  /** Tells other providers (this page and other tabs) that the stored sign-in changed. */
  announce(): void {
    this.#openChannel()?.postMessage({ teamId: this.store()?.teamId });
  }

  /** The channel to other providers, opened once started: by the listener, or by an earlier announcement (a hand-off on load). */
  #openChannel(): BroadcastChannel | undefined {
    if (!this.#started || typeof BroadcastChannel !== 'function') return undefined;
    if (!this.#channel) {
      this.#channel = new BroadcastChannel(SYNC_CHANNEL);
      this.#channel.onmessage = (event: MessageEvent) => {
        if (event.data?.teamId === this.store()?.teamId) this.changed();
      };
    }
    return this.#channel;
  }

  readonly #onStorage = (event: StorageEvent): void => {
    const store = this.store();
    if (store?.concerns(event.key) && event.storageArea === store.area) this.changed();
  };
}
