import { expect } from '@open-wc/testing';
import { emulatorOrigin, resetEmulator } from '../support/emulator.js';

describe('Content-Security-Policy from SECURITY.md', () => {
  it('signs in and reads the library under script-src self, with no violation', async () => {
    localStorage.clear();
    await resetEmulator();
    const origin = await emulatorOrigin();
    const frame = document.createElement('iframe');
    const answer = new Promise<any>((resolve) => window.addEventListener('message', (event) => event.source === frame.contentWindow && resolve(event.data)));
    frame.src = `/_test/csp-page?emulator=${encodeURIComponent(origin)}`;
    document.body.append(frame);
    const result = await answer;
    frame.remove();
    expect(result).to.deep.equal({ result: 'authorized', albums: 3, violations: [] });
  });
});
