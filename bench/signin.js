// Sign-in, timed from both sides of the popup, against the emulator's /woa page answering
// Allow at once (`outcome=authorize`). Per run:
//   - click → window.open: from the first click listener (capture, on window) to the call
//     (and how long the call itself blocks),
//     and whether the call ran in the click's own task (a flag that a setTimeout(0) and a
//     MessageChannel message clear: if either ran, a task boundary was crossed) with the
//     user activation still active;
//   - thirdPartyInfo: on the popup's clock, from its request to our reply arriving there
//     (the popup's call() arms its reply timer right before it posts; we note that), and our
//     handler's own time in the page;
//   - authorize → am-authorize: from our handler receiving the popup's `authorize` to the
//     event, which includes the /v1/me/storefront call (its time is reported too);
//   - renders: every `update()` of each am-* element (patched on the class at define time),
//     by phase: load, click → am-authorize, and after it until the list shows its first rows.
import { developerToken, watchErrors } from './harness.js';
import { ms } from './stats.js';

export const LATENCIES = [0, 100];

/** Runs in the page and in the popup (an init script), before any of their scripts. */
function instrument() {
  const now = () => performance.now();
  if (location.pathname.startsWith('/woa')) {
    // The emulator's popup. Its call() does `setTimeout(giveUp, ms)` then `opener.postMessage`
    // in one synchronous block (10 s for thirdPartyInfo, 1 s for authorize): the timer call
    // marks the send. Replies are noted by a capturing listener registered before the page's.
    const sends = [];
    const setTimer = window.setTimeout;
    window.setTimeout = function (fn, delay, ...rest) {
      if (delay === 10000 || delay === 1000) sends.push({ t: now(), method: delay === 10000 ? 'thirdPartyInfo' : 'authorize' });
      return setTimer.call(this, fn, delay, ...rest);
    };
    window.addEventListener(
      'message',
      (event) => {
        const data = event.data;
        if (data && data.jsonrpc === '2.0' && data.id !== undefined && !data.method) {
          window.benchReport({ id: data.id, t: now(), timeOrigin: performance.timeOrigin, sends: sends.slice() });
        }
      },
      true,
    );
    return;
  }

  const bench = (window.bench = { clicks: [], opens: [], handled: [], events: [], renders: [], inClickTask: false });
  // Click → window.open in one task: the flag is cleared by the next task of either kind.
  window.addEventListener(
    'click',
    (event) => {
      bench.clicks.push({ t: now(), eventTime: event.timeStamp, trusted: event.isTrusted });
      bench.inClickTask = true;
      const clear = () => (bench.inClickTask = false);
      setTimeout(clear, 0);
      const channel = new MessageChannel();
      channel.port1.onmessage = clear;
      channel.port2.postMessage(0);
    },
    { capture: true },
  );
  const open = window.open;
  window.open = function (...args) {
    let target = '';
    try {
      const url = new URL(String(args[0]), location.href);
      target = url.origin + url.pathname; // never the query: it carries the developer token
    } catch {}
    const entry = { t: now(), sameTask: bench.inClickTask, userActivation: navigator.userActivation?.isActive ?? null, target };
    bench.opens.push(entry);
    try {
      return open.apply(this, args);
    } finally {
      // window.open itself blocks while the browser creates the popup.
      entry.callMs = now() - entry.t;
    }
  };
  // Our popup session listens for `message` on window: time each request it handles.
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const wrapped = new WeakMap();
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this === window && type === 'message' && typeof listener === 'function') {
      if (!wrapped.has(listener)) {
        wrapped.set(listener, function (event) {
          const start = now();
          try {
            return listener.call(this, event);
          } finally {
            const method = event.data?.method;
            if (event.data?.jsonrpc === '2.0' && typeof method === 'string') bench.handled.push({ method, start, end: now() });
          }
        });
      }
      return add.call(this, type, wrapped.get(listener), options);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, (this === window && type === 'message' && wrapped.get(listener)) || listener, options);
  };
  for (const type of ['am-authorize', 'am-error', 'am-cancel', 'am-decline', 'am-library-load']) {
    document.addEventListener(type, () => bench.events.push({ type, t: now() }), true);
  }
  // Renders: wrap update() of each am-* class as it is defined.
  const define = customElements.define;
  customElements.define = function (name, constructor, options) {
    if (name.startsWith('am-')) {
      const update = constructor.prototype.update;
      constructor.prototype.update = function (changed) {
        const root = this.getRootNode();
        const where = !this.isConnected ? ' (detached)' : root instanceof ShadowRoot ? ` (in ${root.host.localName})` : '';
        bench.renders.push({ element: name + where, t: now(), changed: [...changed.keys()].map(String) });
        return update.call(this, changed);
      };
    }
    return define.call(this, name, constructor, options);
  };
}

/** The sign-in page: a provider with both buttons and a song list, as in the demo. */
export function signInPage(emulatorOrigin) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>sign-in bench</title>
<style>body { margin: 0; padding: 20px; font: 15px/1.3 system-ui, sans-serif; } am-library-list { height: 500px; }</style>
<script type="module" src="/am-elements.js"></script>
<am-auth-provider developer-token="${developerToken()}" api-url="${emulatorOrigin}" authorize-url="${emulatorOrigin}/woa?outcome=authorize" logout-url="">
  <am-authorize-button></am-authorize-button>
  <am-unauthorize-button></am-unauthorize-button>
  <am-library-list type="songs" aria-label="Songs"></am-library-list>
</am-auth-provider>
</html>`;
}

/** Renders per element among `renders` with from ≤ t < to. */
function countRenders(renders, from, to) {
  const counts = {};
  for (const r of renders) if (r.t >= from && r.t < to) counts[r.element] = (counts[r.element] ?? 0) + 1;
  return counts;
}

/** Why each element re-rendered between `from` and `to`: changed property names (or "requestUpdate()"). */
function renderCauses(renders, from, to) {
  const causes = {};
  for (const r of renders) {
    if (r.t < from || r.t >= to) continue;
    const cause = r.changed.length ? r.changed.join('+') : 'requestUpdate()';
    (causes[r.element] ??= {})[cause] = ((causes[r.element] ??= {})[cause] ?? 0) + 1;
  }
  return causes;
}

/** One sign-in at `latency` ms of API latency, in a fresh (signed-out) context. */
export async function signInRun(harness, url, { latency }) {
  const { emulator } = harness;
  emulator.state.latency = latency;
  const context = await harness.context();
  const popupReplies = [];
  await context.exposeBinding('benchReport', (_source, data) => popupReplies.push(data));
  await context.addInitScript(instrument);
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  try {
    await tab.goto(url);
    const button = tab.locator('am-auth-provider > am-authorize-button');
    await tab.waitForFunction(() =>
      document.querySelector('am-auth-provider > am-authorize-button')?.shadowRoot?.querySelector('button:not([disabled])'),
    );
    // Let the load settle (the list's signed-out render, the provider's storage check).
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const box = await button.boundingBox();
    const popupOpened = context.waitForEvent('page');
    await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await popupOpened;
    await tab.waitForFunction(
      () => bench.events.some((e) => e.type === 'am-authorize' || e.type === 'am-error' || e.type === 'am-cancel'),
      null,
      { timeout: 20_000 },
    );
    // After sign-in the list loads its first page; wait for its rows (and a frame).
    await tab.waitForFunction(() => document.querySelector('am-library-list')?.getAttribute('state') === 'list', null, { timeout: 20_000 });
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const deadline = Date.now() + 2000;
    while (popupReplies.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const page = await tab.evaluate(() => {
      const storefront = performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/me/storefront'));
      return {
        ...bench,
        timeOrigin: performance.timeOrigin,
        storefront: storefront && { start: storefront.startTime, end: storefront.responseEnd },
      };
    });
    errors.check();

    const click = page.clicks.at(-1);
    const open = page.opens[0];
    const authorized = page.events.find((e) => e.type === 'am-authorize');
    if (!authorized) throw new Error(`sign-in did not succeed: ${page.events.map((e) => e.type).join(', ')}`);
    const firstLoad = page.events.find((e) => e.type === 'am-library-load' && e.t > authorized.t);
    const handled = (method) => page.handled.find((h) => h.method === method);
    const info = handled('thirdPartyInfo');
    const authorize = handled('authorize');
    const infoReply = popupReplies.find((r) => r.id === 1);
    const infoSend = infoReply?.sends.find((s) => s.method === 'thirdPartyInfo');
    const authReply = popupReplies.find((r) => r.id === 2);
    const authSend = authReply?.sends.find((s) => s.method === 'authorize');
    if (!open || !info || !authorize || !infoReply || !infoSend) throw new Error('sign-in bench: missing timestamps');
    const afterLoad = page.renders.filter((r) => r.t < click.t);
    return {
      clickToOpen: {
        ms: ms(open.t - click.t),
        /** From the click event's own timestamp (input dispatch included). */
        fromEventMs: ms(open.t - click.eventTime),
        /** How long the window.open call itself blocked (the browser creating the popup). */
        openCallMs: ms(open.callMs),
        sameTask: open.sameTask,
        userActivation: open.userActivation,
        trustedClick: click.trusted,
      },
      thirdPartyInfo: {
        /** Popup's clock: its request posted → our reply delivered. */
        roundTripMs: ms(infoReply.t - infoSend.t),
        /** Our message handler, request in → reply posted. */
        handlerMs: ms(info.end - info.start),
        /**
         * The two legs, comparing the two processes' clocks (timeOrigin + now; good to about a
         * millisecond): popup → our handler, and our reply → the popup's listener.
         */
        toUsMs: ms(page.timeOrigin + info.start - (infoReply.timeOrigin + infoSend.t)),
        backMs: ms(infoReply.timeOrigin + infoReply.t - (page.timeOrigin + info.end)),
        /** window.open → the popup's first request reaching us (popup load; emulator-bound). */
        sinceOpenMs: ms(info.start - open.t),
      },
      authorize: {
        /** Our handler receiving `authorize` → am-authorize dispatched. */
        toEventMs: ms(authorized.t - authorize.start),
        storefrontMs: page.storefront ? ms(page.storefront.end - page.storefront.start) : null,
        /** Handler → the storefront fetch starting, and its response → am-authorize. */
        beforeFetchMs: page.storefront ? ms(page.storefront.start - authorize.start) : null,
        afterResponseMs: page.storefront ? ms(authorized.t - page.storefront.end) : null,
        handlerMs: ms(authorize.end - authorize.start),
        /** Popup's clock: `authorize` posted → our acknowledgement delivered (before the storefront call). */
        ackRoundTripMs: authReply && authSend ? ms(authReply.t - authSend.t) : null,
      },
      clickToAuthorizeMs: ms(authorized.t - click.t),
      renders: {
        load: countRenders(afterLoad, 0, Infinity),
        clickToAuthorize: countRenders(page.renders, click.t, authorized.t + 0.001),
        authorizeToFirstRows: countRenders(page.renders, authorized.t + 0.001, firstLoad ? Infinity : authorized.t),
        causes: renderCauses(page.renders, click.t, Infinity),
      },
    };
  } finally {
    await context.close();
  }
}
