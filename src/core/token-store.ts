/** Where the Music User Token is kept. `memory` is also the fallback when storage throws. */
export type StorageKind = 'local' | 'session' | 'memory';

export interface StoredAuthorization {
  musicUserToken: string;
  restricted: boolean;
  /** Storefront country code (`itua`), e.g. `gb`. */
  storefrontId?: string;
  cid?: string;
}

/** MusicKit JS v3's key names (docs/protocol.md, "Storage"), so both libraries see the same sign-in. */
export function storageKeys(teamId: string) {
  const prefix = `music.${teamId.toLowerCase()}`;
  return {
    musicUserToken: `${prefix}.media-user-token`,
    restricted: `${prefix}.itre`,
    storefrontId: `${prefix}.itua`,
    cid: `${prefix}.pldfltcid`,
  } as const;
}

/** Written by MusicKit's player, never by us; MusicKit removes it on sign-out, and so do we. */
export const playerCidKey = (teamId: string) => `music.${teamId.toLowerCase()}.pltvcid`;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

class MemoryStore extends Map<string, string> implements KeyValueStore {
  getItem(key: string) {
    return this.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.set(key, String(value));
  }
  removeItem(key: string) {
    this.delete(key);
  }
}

// One memory store per team id and page, so several providers on a page share a sign-in.
const memoryStores = new Map<string, MemoryStore>();
const sharedMemory = (teamId: string) => {
  let store = memoryStores.get(teamId);
  if (!store) memoryStores.set(teamId, (store = new MemoryStore()));
  return store;
};

/** The browser storage for `kind`, or undefined when it is missing or throws on use. */
function openStorage(kind: StorageKind, scope: typeof globalThis): Storage | undefined {
  if (kind === 'memory') return undefined;
  try {
    // Anything but 'session' means local, the documented default (a typo must not change where tokens live).
    const storage = kind === 'session' ? scope.sessionStorage : scope.localStorage;
    const probe = '__am-elements-probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/**
 * Reads and writes the four MusicKit keys. Any storage error (disabled, quota, sandboxed
 * iframe) moves the store to memory for the rest of the page's life, keeping what it held.
 */
export class TokenStore {
  readonly keys: ReturnType<typeof storageKeys>;
  readonly teamId: string;
  #backing: KeyValueStore;
  #usingMemory: boolean;

  constructor(
    teamId: string,
    readonly requested: StorageKind = 'local',
    scope: typeof globalThis = globalThis,
  ) {
    this.teamId = teamId.toLowerCase();
    this.keys = storageKeys(teamId);
    const storage = openStorage(requested, scope);
    this.#backing = storage ?? sharedMemory(this.teamId);
    this.#usingMemory = !storage;
  }

  /** The storage actually in use. */
  get kind(): StorageKind {
    return this.#usingMemory ? 'memory' : this.requested;
  }

  /** The browser `Storage` in use, to match `storage` events against; undefined in memory. */
  get area(): Storage | undefined {
    return this.#usingMemory ? undefined : (this.#backing as Storage);
  }

  /** Whether a `storage` event's key is one of ours (a `null` key means storage was cleared). */
  concerns(key: string | null): boolean {
    return key === null || Object.values(this.keys).includes(key as never);
  }

  read(): StoredAuthorization | undefined {
    const musicUserToken = this.#get(this.keys.musicUserToken);
    if (!musicUserToken) return undefined;
    return {
      musicUserToken,
      restricted: this.#get(this.keys.restricted) === '1',
      storefrontId: this.#get(this.keys.storefrontId) ?? undefined,
      cid: this.#get(this.keys.cid) ?? undefined,
    };
  }

  write(auth: StoredAuthorization): void {
    this.#set(this.keys.musicUserToken, auth.musicUserToken);
    this.#set(this.keys.restricted, auth.restricted ? '1' : '0');
    if (auth.storefrontId) this.#set(this.keys.storefrontId, auth.storefrontId);
    // Apple may send no cid: write none rather than '' (and drop a previous account's).
    if (auth.cid) this.#set(this.keys.cid, auth.cid);
    else this.#attempt((store) => store.removeItem(this.keys.cid));
  }

  /** Removes the four keys and MusicKit's `pltvcid`, as MusicKit does on sign-out. */
  clear(): void {
    for (const key of [...Object.values(this.keys), playerCidKey(this.teamId)]) this.#attempt((store) => store.removeItem(key));
  }

  #get(key: string): string | null {
    return this.#attempt((store) => store.getItem(key)) ?? null;
  }

  #set(key: string, value: string): void {
    this.#attempt((store) => store.setItem(key, value));
  }

  /** Runs `use` on the backing store; on an error, copies what it can into memory and retries there. */
  #attempt<T>(use: (store: KeyValueStore) => T): T | undefined {
    try {
      return use(this.#backing);
    } catch {
      if (this.#usingMemory) return undefined;
      this.#fallBackToMemory();
      return use(this.#backing);
    }
  }

  #fallBackToMemory(): void {
    const memory = sharedMemory(this.teamId);
    for (const key of Object.values(this.keys)) {
      try {
        const value = this.#backing.getItem(key);
        if (value !== null) memory.setItem(key, value);
      } catch {
        // Unreadable storage: nothing to carry over.
      }
    }
    this.#backing = memory;
    this.#usingMemory = true;
  }
}
