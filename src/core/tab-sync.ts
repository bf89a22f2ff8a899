import type { TokenStore } from './token-store.js';

const SYNC_CHANNEL = 'am-elements:auth';

/**
 * Hears that the stored sign-in changed elsewhere, and says so when it changes here. Storage
 * events reach other documents only; the BroadcastChannel also reaches other providers on this
 * page, and users of sessionStorage or memory. Messages carry the team id, never a token.
 */
export class TabSync {
  #channel?: BroadcastChannel;

  constructor(
    private readonly win: Window,
    /** The store the session uses now (its team and storage area). */
    private readonly store: () => TokenStore | undefined,
    private readonly changed: () => void,
  ) {}

  start(): void {
    this.win.addEventListener('storage', this.#onStorage);
    if (typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(SYNC_CHANNEL);
    this.#channel.onmessage = (event: MessageEvent) => {
      if (event.data?.teamId === this.store()?.teamId) this.changed();
    };
  }

  stop(): void {
    this.win.removeEventListener('storage', this.#onStorage);
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Tells other providers (this page and other tabs) that the stored sign-in changed. */
  announce(): void {
    this.#channel?.postMessage({ teamId: this.store()?.teamId });
  }

  readonly #onStorage = (event: StorageEvent): void => {
    const store = this.store();
    if (store?.concerns(event.key) && event.storageArea === store.area) this.changed();
  };
}
