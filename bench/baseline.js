// The comparison, measured in the same run: loading the whole song library the way a
// MusicKit-style client does by default — `GET /v1/me/library/songs` without `limit` (Apple's
// default page of 25), then following `next` — against ours, 100 per page. Both run in a
// signed-in page on the same origin as the library bench, one request after another:
//   - musickit25: a plain fetch loop, Apple's default page (25);
//   - plain100:   the same loop with `limit=100`, so page size is the only difference;
//   - ours100:    `provider.api.paginatePages(…, {limit: 100})`, our client, as the list uses it.
// The order of the three rotates from run to run; a storefront call first opens the connection.
import { developerToken, TEAM, watchErrors } from './harness.js';
import { ms } from './stats.js';

export const METHODS = ['musickit25', 'plain100', 'ours100'];
const PATH = '/v1/me/library/songs';

export function fetchPage(apiUrl) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>paging baseline</title>
<script type="module" src="/am-elements.js"></script>
<am-auth-provider developer-token="${developerToken()}" api-url="${apiUrl}" logout-url=""></am-auth-provider>
</html>`;
}

/** Runs in the page: loads every item of `path` with `method`; returns requests, items, time. */
async function loadLibrary({ method, path, team }) {
  const provider = document.querySelector('am-auth-provider');
  await customElements.whenDefined('am-auth-provider');
  const api = provider.apiUrl;
  const headers = {
    Authorization: `Bearer ${provider.developerToken}`,
    'Music-User-Token': localStorage.getItem(`music.${team}.media-user-token`),
  };
  const start = performance.now();
  let requests = 0;
  let items = 0;
  if (method === 'ours100') {
    for await (const page of provider.api.paginatePages(path, { limit: 100 })) {
      requests++;
      items += page.data.length;
    }
  } else {
    // What a MusicKit-style client does: GET, then follow `next` until there is none.
    let url = `${api}${path}${method === 'plain100' ? '?limit=100' : ''}`;
    while (url) {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.json();
      requests++;
      items += body.data.length;
      // Apple's next carries only the offset: plain100 puts its limit back, as any client must.
      url = body.next ? `${api}${body.next}${method === 'plain100' ? '&limit=100' : ''}` : null;
    }
  }
  return { requests, items, timeMs: performance.now() - start };
}

/** One run of the three methods (in the order `order`) at `latency` ms; `songs` must all arrive. */
export async function baselineRun(harness, url, { latency, songs, order = METHODS }) {
  harness.emulator.state.latency = latency;
  const context = await harness.context({ signedIn: true });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => document.querySelector('am-auth-provider')?.isAuthorized);
    // Open the connection (and pay the first preflight) before anything is timed.
    await tab.evaluate(() => document.querySelector('am-auth-provider').api.music('/v1/me/storefront'));
    const result = {};
    for (const method of order) {
      const run = await tab.evaluate(loadLibrary, { method, path: PATH, team: TEAM.toLowerCase() });
      if (run.items !== songs) throw new Error(`${method}: expected ${songs} songs, got ${run.items}`);
      result[method] = { requests: run.requests, timeMs: ms(run.timeMs), perRequestMs: ms(run.timeMs / run.requests) };
    }
    errors.check();
    return result;
  } finally {
    await context.close();
  }
}
