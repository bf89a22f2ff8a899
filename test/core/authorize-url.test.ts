import { expect } from '@open-wc/testing';
import {
  buildAuthorizeUrl,
  buildThirdPartyInfo,
  encodeJsonBase64,
  findAppIcon,
  linkParametersOf,
  authorizeOriginOf,
} from '../../src/core/authorize-url.js';

const decodeA = (url: string) => JSON.parse(atob(new URL(url).searchParams.get('a')!));

describe('authorize URL', () => {
  it('builds Apple’s URL with a, referrer, app and p in that order', () => {
    const url = buildAuthorizeUrl({
      developerToken: 'dev.tok.en',
      host: 'example.com:8080',
      referrer: 'https://example.com:8080/page?x=1',
    });
    expect(url.startsWith('https://authorize.music.apple.com/woa?a=')).to.be.true;
    const keys = [...new URL(url).searchParams.keys()];
    expect(keys).to.deep.equal(['a', 'referrer', 'app', 'p']);
    expect(url).to.contain(`&referrer=${encodeURIComponent('https://example.com:8080/page?x=1')}&app=music&p=subscribe`);
    expect(decodeA(url)).to.deep.equal({ thirdPartyName: 'example.com:8080', thirdPartyToken: 'dev.tok.en' });
  });

  it('puts link parameters first and does not repeat app or p', () => {
    const url = buildAuthorizeUrl({
      developerToken: 't',
      host: 'h',
      referrer: 'https://h/',
      linkParameters: { at: 'aff 1', ct: 'camp', app: 'itunes' },
    });
    const keys = [...new URL(url).searchParams.keys()];
    expect(keys).to.deep.equal(['at', 'ct', 'app', 'a', 'referrer', 'p']);
    expect(url).to.contain('at=aff%201');
  });

  it('includes the icon first when known, and keeps a query already on authorize-url', () => {
    const url = buildAuthorizeUrl({
      developerToken: 't',
      host: 'h',
      referrer: 'https://h/',
      iconUrl: 'https://h/icon.png',
      authorizeUrl: 'http://127.0.0.1:9/woa?outcome=decline',
    });
    expect(url.startsWith('http://127.0.0.1:9/woa?outcome=decline&a=')).to.be.true;
    expect(Object.keys(decodeA(url))).to.deep.equal(['thirdPartyIconURL', 'thirdPartyName', 'thirdPartyToken']);
  });

  it('does not repeat app or p already on authorize-url', () => {
    const url = buildAuthorizeUrl({ developerToken: 't', host: 'h', referrer: 'https://h/', authorizeUrl: 'https://a.test/woa?p=browse' });
    expect(new URL(url).searchParams.getAll('p')).to.deep.equal(['browse']);
    expect(new URL(url).searchParams.getAll('app')).to.deep.equal(['music']);
  });

  it('encodes non-ASCII without throwing and decodes identically', () => {
    const value = { name: 'Café “Ünïcode” 音楽 😀', token: 'x' };
    const encoded = encodeJsonBase64(value);
    expect(() => btoa(JSON.stringify(value))).to.throw();
    expect(JSON.parse(atob(encoded))).to.deep.equal(value);
    expect(/^[A-Za-z0-9+/=]+$/.test(encoded)).to.be.true;
  });

  it('thirdPartyInfo is a JSON string with parameters and the token', () => {
    const info = buildThirdPartyInfo({ developerToken: 'tok', host: 'a.test', linkParameters: { at: '1' } });
    expect(typeof info).to.equal('string');
    expect(JSON.parse(info)).to.deep.equal({ thirdPartyName: 'a.test', thirdPartyParameters: { at: '1' }, thirdPartyToken: 'tok' });
  });

  it('sends the affiliate and campaign tokens as at and ct, first in the URL and again in thirdPartyParameters', () => {
    const linkParameters = linkParametersOf({ affiliateToken: ' 1000lJFj ', campaignToken: 'spring sale' });
    expect(linkParameters).to.deep.equal({ at: '1000lJFj', ct: 'spring sale' });
    const input = { developerToken: 't', host: 'h.test', referrer: 'https://h.test/', linkParameters };
    const url = buildAuthorizeUrl(input);
    expect(url.startsWith('https://authorize.music.apple.com/woa?at=1000lJFj&ct=spring%20sale&a=')).to.be.true;
    expect(JSON.parse(buildThirdPartyInfo(input))).to.deep.equal({
      thirdPartyName: 'h.test',
      thirdPartyParameters: { at: '1000lJFj', ct: 'spring sale' },
      thirdPartyToken: 't',
    });
  });

  it('leaves blank or missing tokens out, so thirdPartyParameters is then empty', () => {
    expect(linkParametersOf({})).to.deep.equal({});
    expect(linkParametersOf({ affiliateToken: '  ', campaignToken: null })).to.deep.equal({});
    expect(linkParametersOf({ campaignToken: 'c' })).to.deep.equal({ ct: 'c' });
    expect(JSON.parse(buildThirdPartyInfo({ developerToken: 't', host: 'h' })).thirdPartyParameters).to.deep.equal({});
  });

  it('knows the authorize origin only for http(s) URLs', () => {
    expect(authorizeOriginOf('https://authorize.music.apple.com/woa')).to.equal('https://authorize.music.apple.com');
    expect(authorizeOriginOf('javascript:alert(1)')).to.be.undefined;
    expect(authorizeOriginOf('not a url')).to.be.undefined;
  });
});

describe('app icon discovery', () => {
  const makeDoc = (links: string) => new DOMParser().parseFromString(`<head>${links}</head>`, 'text/html');

  it('prefers apple-music-app-icon, then precomposed, then apple-touch-icon', () => {
    const doc = makeDoc(
      `<link rel="apple-touch-icon" href="https://x/touch.png"><link rel="apple-touch-icon-precomposed" href="https://x/pre.png">`,
    );
    expect(findAppIcon(doc)).to.equal('https://x/pre.png');
    const doc2 = makeDoc(
      `<link rel="apple-touch-icon" href="https://x/touch.png"><link rel="apple-music-app-icon" href="https://x/music.png">`,
    );
    expect(findAppIcon(doc2)).to.equal('https://x/music.png');
  });

  it('prefers sizes="120x120", else the first; undefined when none', () => {
    const doc = makeDoc(
      `<link rel="apple-touch-icon" sizes="180x180" href="https://x/180.png"><link rel="apple-touch-icon" sizes="120x120" href="https://x/120.png">`,
    );
    expect(findAppIcon(doc)).to.equal('https://x/120.png');
    const doc2 = makeDoc(
      `<link rel="apple-touch-icon" sizes="180x180" href="https://x/180.png"><link rel="apple-touch-icon" sizes="152x152" href="https://x/152.png">`,
    );
    expect(findAppIcon(doc2)).to.equal('https://x/180.png');
    expect(findAppIcon(makeDoc('<link rel="icon" href="https://x/f.ico">'))).to.be.undefined;
  });

  it('takes the 120×120 link from any of the three kinds, as MusicKit does', () => {
    const doc = makeDoc(
      `<link rel="apple-music-app-icon" href="https://x/music.png"><link rel="apple-touch-icon-precomposed" sizes="152x152" href="https://x/pre.png"><link rel="apple-touch-icon" sizes="120x120" href="https://x/touch-120.png">`,
    );
    expect(findAppIcon(doc)).to.equal('https://x/touch-120.png');
  });

  it('orders the list by kind, not by place in the page', () => {
    const both120 = makeDoc(
      `<link rel="apple-touch-icon" sizes="120x120" href="https://x/touch.png"><link rel="apple-music-app-icon" sizes="120x120" href="https://x/music.png">`,
    );
    expect(findAppIcon(both120)).to.equal('https://x/music.png');
    const none120 = makeDoc(
      `<link rel="apple-touch-icon" href="https://x/touch.png"><link rel="apple-touch-icon-precomposed" href="https://x/pre.png">`,
    );
    expect(findAppIcon(none120)).to.equal('https://x/pre.png');
  });
});
