import { expect } from '@open-wc/testing';
import { readHandOff } from '../../src/core/hand-off.js';

const hashOf = (value: unknown) => `#${btoa(JSON.stringify(value))}`;
const longToken = 'M'.repeat(220);

describe('redirect hand-off', () => {
  it('reads {musicUserToken, itre, cid} from a long base64 hash', () => {
    expect(readHandOff(hashOf({ musicUserToken: longToken, itre: '1', cid: 'c' }))).to.deep.equal({
      musicUserToken: longToken,
      restricted: true,
      cid: 'c',
    });
  });

  it('ignores short, non-base64, non-JSON and tokenless hashes without throwing', () => {
    expect(readHandOff('#section-2')).to.be.undefined;
    expect(readHandOff(`#${'%'.repeat(300)}`)).to.be.undefined;
    expect(readHandOff(`#${btoa('x'.repeat(200))}`)).to.be.undefined;
    expect(readHandOff(hashOf({ musicUserToken: '', pad: 'x'.repeat(200) }))).to.be.undefined;
    expect(readHandOff(hashOf({ other: 'x'.repeat(200) }))).to.be.undefined;
  });
});
