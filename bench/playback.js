// Playback, timed in the page from the click: click → the first `am-playback-change` saying
// `playing`, and click → audible (the engine's position has advanced past 0: the browser is
// really decoding audio). Previews signed out; full length signed in, through the emulator's
// MusicKit stand-in with a DRM key system stubbed in (this Chromium has none), loaded on hover
// as `preload="intent"` does (the pointer rests 300 ms on the button before clicking). Each at
// 0 and 100 ms of API latency.
import { developerToken, watchErrors } from './harness.js';

export const LATENCIES = [0, 100];
export const MODES = ['preview', 'full'];
const SONG = '1000000001';

export function playbackPage(emulatorOrigin) {
  return `<!doctype html><meta charset="utf-8"><title>playback bench</title>
<script type="module" src="/am-elements.js"></script>
<am-auth-provider developer-token="${developerToken()}" api-url="${emulatorOrigin}" authorize-url="${emulatorOrigin}/woa"
  logout-url="" musickit-url="${emulatorOrigin}/musickit/v3/musickit.js">
  <am-play-button song-id="${SONG}"></am-play-button>
  <am-player></am-player>
</am-auth-provider>
<script>
  window.bench = { click: 0, playing: 0, audible: 0, mode: '' };
  addEventListener('click', (event) => (bench.click = event.timeStamp), { capture: true });
  document.addEventListener('am-playback-change', (event) => {
    if (event.detail.state !== 'playing' || bench.playing) return;
    bench.playing = performance.now();
    bench.mode = event.detail.mode;
    const provider = document.querySelector('am-auth-provider');
    requestAnimationFrame(function poll() {
      if (provider.player.position > 0) bench.audible = performance.now();
      else requestAnimationFrame(poll);
    });
  });
</script>`;
}

/** One click on a fresh page; `full` signs in and pretends the browser has DRM. */
export async function playbackRun(harness, url, { mode, latency }) {
  const context = await harness.context({ signedIn: mode === 'full' });
  if (mode === 'full') {
    await context.addInitScript(() => {
      navigator.requestMediaKeySystemAccess = () => Promise.resolve({});
    });
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(url);
    await page.waitForFunction(() => customElements.get('am-play-button') && document.querySelector('am-auth-provider').player);
    if (mode === 'full') await page.waitForFunction(() => document.querySelector('am-auth-provider').isAuthorized);
    harness.emulator.state.latency = latency;
    // Hover first and dwell as a hand does (300 ms) before clicking: preload="intent" loads
    // MusicKit and resolves the song there, so the click can start audio at once.
    await page.hover('am-play-button');
    await page.waitForTimeout(300);
    await page.click('am-play-button');
    await page.waitForFunction(() => window.bench.audible > 0, undefined, { timeout: 30_000 });
    const result = await page.evaluate(() => ({ ...window.bench }));
    errors.check();
    if (result.mode !== mode) throw new Error(`played in ${result.mode} mode, wanted ${mode}`);
    return { clickToPlayingMs: result.playing - result.click, clickToAudibleMs: result.audible - result.click };
  } finally {
    harness.emulator.state.latency = 0;
    await context.close();
  }
}
