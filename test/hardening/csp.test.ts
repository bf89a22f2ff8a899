import { expect } from '@open-wc/testing';
import { emulatorOrigin, resetEmulator } from '../support/emulator.js';
import { realClickInFrame } from '../support/dom.js';

describe('Content-Security-Policy from SECURITY.md', () => {
  it('signs in and reads the library under script-src self, with no violation', async () => {
    localStorage.clear();
    await resetEmulator();
    const origin = await emulatorOrigin();
    const frame = document.createElement('iframe');
    const message = (key: string) =>
      new Promise<any>((resolve) =>
        window.addEventListener(
          'message',
          (event) => event.source === frame.contentWindow && Object(event.data)[key] !== undefined && resolve(event.data),
        ),
      );
    const ready = message('ready');
    const answer = message('result');
    frame.src = `/_test/csp-page?emulator=${encodeURIComponent(origin)}`;
    document.body.append(frame);
    await ready;
    await realClickInFrame(frame, frame.contentDocument!.querySelector('#sign-in')!);
    const result = await answer;
    frame.remove();
    expect(result).to.deep.equal({ result: 'authorized', albums: 3, violations: [] });
  });
});
