import { expect } from '@open-wc/testing';
import { TokenStore, storageKeys } from '../../src/core/token-store.js';

/** A stand-in for `globalThis` whose storages throw, as in a sandboxed iframe or with storage disabled. */
const throwingScope = (what: 'access' | 'write') => {
  const broken = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('quota', 'QuotaExceededError');
    },
    removeItem: () => undefined,
  };
  const scope = {} as typeof globalThis;
  Object.defineProperty(scope, 'localStorage', {
    get() {
      if (what === 'access') throw new DOMException('denied', 'SecurityError');
      return broken;
    },
  });
  return scope;
};

describe('token store', () => {
  afterEach(() => localStorage.clear());

  it('uses MusicKit’s key names, lower-casing the team id', () => {
    expect(storageKeys('ABCDE12345')).to.deep.equal({
      musicUserToken: 'music.abcde12345.media-user-token',
      restricted: 'music.abcde12345.itre',
      storefrontId: 'music.abcde12345.itua',
      cid: 'music.abcde12345.pldfltcid',
    });
  });

  it('writes the four keys exactly as MusicKit does, and reads them back', () => {
    const store = new TokenStore('TEAM123456', 'local');
    store.write({ musicUserToken: 'mut', restricted: true, storefrontId: 'gb', cid: 'cid-1' });
    expect(localStorage.getItem('music.team123456.media-user-token')).to.equal('mut');
    expect(localStorage.getItem('music.team123456.itre')).to.equal('1');
    expect(localStorage.getItem('music.team123456.itua')).to.equal('gb');
    expect(localStorage.getItem('music.team123456.pldfltcid')).to.equal('cid-1');
    expect(new TokenStore('TEAM123456').read()).to.deep.equal({
      musicUserToken: 'mut',
      restricted: true,
      storefrontId: 'gb',
      cid: 'cid-1',
    });
    store.clear();
    expect(localStorage.length).to.equal(0);
    expect(store.read()).to.be.undefined;
  });

  it('clears MusicKit’s pltvcid with the four keys on sign-out, and nothing else', () => {
    const store = new TokenStore('TEAM123456', 'local');
    store.write({ musicUserToken: 'mut', restricted: false, storefrontId: 'us', cid: 'c' });
    localStorage.setItem('music.team123456.pltvcid', 'player-cid');
    localStorage.setItem('music.otherteam1.pltvcid', 'other team');
    localStorage.setItem('unrelated', 'kept');
    store.clear();
    expect(Object.keys(localStorage).sort()).to.deep.equal(['music.otherteam1.pltvcid', 'unrelated']);
  });

  it('writes no pldfltcid when Apple sends an empty cid, and drops a previous one', () => {
    const store = new TokenStore('TEAM123456', 'local');
    localStorage.setItem('music.team123456.pldfltcid', 'previous-account');
    store.write({ musicUserToken: 'mut', restricted: false, cid: '' });
    expect(localStorage.getItem('music.team123456.pldfltcid')).to.be.null;
    expect(store.read()).to.deep.equal({ musicUserToken: 'mut', restricted: false, storefrontId: undefined, cid: undefined });
  });

  it('picks up a token MusicKit stored', () => {
    localStorage.setItem('music.team123456.media-user-token', 'from-musickit');
    localStorage.setItem('music.team123456.itre', '0');
    expect(new TokenStore('team123456').read()?.musicUserToken).to.equal('from-musickit');
  });

  it('keeps session and memory storage apart from local', () => {
    const session = new TokenStore('T1', 'session');
    session.write({ musicUserToken: 's', restricted: false });
    expect(sessionStorage.getItem('music.t1.media-user-token')).to.equal('s');
    expect(localStorage.getItem('music.t1.media-user-token')).to.be.null;
    session.clear();
    const memory = new TokenStore('T1', 'memory');
    memory.write({ musicUserToken: 'm', restricted: false });
    expect(memory.kind).to.equal('memory');
    expect(memory.read()?.musicUserToken).to.equal('m');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('falls back to memory when storage cannot even be opened', () => {
    const store = new TokenStore('T1', 'local', throwingScope('access'));
    expect(store.kind).to.equal('memory');
    store.write({ musicUserToken: 'm', restricted: false });
    expect(store.read()?.musicUserToken).to.equal('m');
  });

  it('falls back to memory when a write throws, losing nothing', () => {
    const store = new TokenStore('T1', 'local', throwingScope('write'));
    expect(store.kind).to.equal('memory');
    store.write({ musicUserToken: 'm', restricted: true, storefrontId: 'jp' });
    expect(store.read()).to.deep.equal({ musicUserToken: 'm', restricted: true, storefrontId: 'jp', cid: undefined });
  });

  it('moves to memory when storage starts throwing later (quota)', () => {
    let full = false;
    const backing = new Map<string, string>();
    const scope = {
      localStorage: {
        getItem: (k: string) => backing.get(k) ?? null,
        setItem: (k: string, v: string) => {
          if (full) throw new DOMException('full', 'QuotaExceededError');
          backing.set(k, v);
        },
        removeItem: (k: string) => backing.delete(k),
      },
    } as unknown as typeof globalThis;
    const store = new TokenStore('T1', 'local', scope);
    expect(store.kind).to.equal('local');
    full = true;
    store.write({ musicUserToken: 'after-full', restricted: false });
    expect(store.kind).to.equal('memory');
    expect(store.read()?.musicUserToken).to.equal('after-full');
  });

  it('treats an unknown storage value as local, the documented default', () => {
    const store = new TokenStore('T2', 'Local' as never);
    store.write({ musicUserToken: 'x', restricted: false });
    expect(localStorage.getItem('music.t2.media-user-token')).to.equal('x');
    expect(sessionStorage.getItem('music.t2.media-user-token')).to.be.null;
  });

  it('recognises its own keys in storage events', () => {
    const store = new TokenStore('T1');
    expect(store.concerns('music.t1.media-user-token')).to.be.true;
    expect(store.concerns(null)).to.be.true;
    expect(store.concerns('music.other.media-user-token')).to.be.false;
  });
});
