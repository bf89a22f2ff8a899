// @ts-check
// Apple's side of the sign-in popup (docs/protocol.md, "JSON-RPC over postMessage"): the page at /woa. The server validates the
// query and embeds a small config; the page script then runs the JSON-RPC conversation with
// its opener exactly as authorize.music.apple.com does, so the provider can be tested against
// something that behaves like Apple, including its strictness.
import { randomBytes } from 'node:crypto';
import { escapeHtml } from './http.js';

/** Automated outcomes selectable with `?outcome=` (skipping the consent screen). */
export const OUTCOMES = ['authorize', 'restricted', 'decline', 'unavailable', 'switch-user', 'close', 'none'];

/**
 * @typedef {object} PageConfig
 * @property {string} origin the opener's origin (from `referrer`): the only target and source
 * @property {string} developerToken thirdPartyToken from `a`; thirdPartyInfo must return the same
 * @property {string | null} outcome automated outcome, or null for the consent screen
 * @property {number} delay ms to wait before an automated outcome
 * @property {string | null} userToken forced Music User Token, or null for a fresh one
 * @property {boolean} restricted Allow reports a restricted account ('1')
 * @property {string | null} library what the signed-in user has in iCloud Music Library (`none`, `empty`), or null for the generated library
 * @property {string} cid the cid sent with authorize
 */

/**
 * Validates the /woa query. Returns the page config or an error to show.
 * @param {URLSearchParams} query
 * @returns {{config: PageConfig} | {error: {title: string, detail: string}}}
 */
export function parseAuthorizeQuery(query) {
  const a = query.get('a');
  if (!a) return { error: { title: 'Missing app information', detail: 'The "a" parameter is missing.' } };
  let info;
  try {
    // Apple's `a` is plain btoa output, which atob decodes to Latin-1 bytes.
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(a)) throw new Error('not base64');
    info = JSON.parse(Buffer.from(a, 'base64').toString('latin1'));
  } catch {
    return { error: { title: 'Invalid app information', detail: 'The "a" parameter is not base64-encoded JSON.' } };
  }
  if (!info || typeof info !== 'object' || typeof info.thirdPartyToken !== 'string' || !info.thirdPartyToken) {
    return { error: { title: 'Missing developer token', detail: 'The "a" parameter carries no thirdPartyToken.' } };
  }
  let origin;
  try {
    const referrer = new URL(query.get('referrer') ?? '');
    if (referrer.protocol !== 'http:' && referrer.protocol !== 'https:') throw new Error('scheme');
    origin = referrer.origin;
  } catch {
    return {
      error: { title: 'Invalid referrer', detail: 'The "referrer" parameter must be the http(s) URL of the page that opened this window.' },
    };
  }
  const outcome = query.get('outcome');
  if (outcome !== null && !OUTCOMES.includes(outcome)) {
    return { error: { title: 'Unknown outcome', detail: `outcome must be one of: ${OUTCOMES.join(', ')}.` } };
  }
  const library = query.get('library');
  if (library !== null && !['full', 'none', 'empty'].includes(library)) {
    return { error: { title: 'Unknown library', detail: 'library must be full, none (Sync Library off) or empty.' } };
  }
  const delay = Number(query.get('delay') ?? 0);
  if (!Number.isFinite(delay) || delay < 0) {
    return { error: { title: 'Invalid delay', detail: 'delay must be a number of milliseconds.' } };
  }
  return {
    config: {
      origin,
      developerToken: info.thirdPartyToken,
      outcome,
      delay: Math.min(delay, 600_000),
      userToken: query.get('token'),
      restricted: query.get('restricted') === '1',
      library,
      cid: query.get('cid') ?? randomBytes(16).toString('hex'),
    },
  };
}

/**
 * Runs in the popup. It is serialized with Function#toString, so it must not use anything from
 * this module's scope. Untrusted strings (name, icon URL) only ever reach the DOM as text or
 * attributes, never as markup.
 */
function popupScript() {
  /** @type {PageConfig} */
  const config = JSON.parse(/** @type {string} */ (/** @type {HTMLElement} */ (document.getElementById('am-config')).textContent));
  const el = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const opener = window.opener;
  let nextId = 1;
  /** @type {Map<number, (data: any) => void>} */
  const pending = new Map();

  function show(/** @type {string} */ view) {
    document.body.dataset.state = view;
    document.querySelectorAll('[data-view]').forEach((section) => {
      /** @type {HTMLElement} */ (section).hidden = section.getAttribute('data-view') !== view;
    });
  }

  function fail(/** @type {string} */ title, /** @type {string} */ detail) {
    el('error-title').textContent = title;
    el('error-detail').textContent = detail;
    show('error');
  }

  // Replies count only from the opener window and the referrer's origin (as Apple's page).
  window.addEventListener('message', (event) => {
    if (event.source !== opener || event.origin !== config.origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.jsonrpc !== '2.0') return;
    const resolve = pending.get(data.id);
    if (!resolve) return;
    pending.delete(data.id);
    resolve(data);
  });

  /** Calls a method on the opener; resolves with the reply, or null after `timeout` ms. */
  function call(/** @type {string} */ method, /** @type {unknown[] | undefined} */ params, /** @type {number} */ timeout) {
    const id = nextId++;
    /** @type {Record<string, unknown>} */
    const message = { jsonrpc: '2.0', id, method };
    if (params) message.params = params;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, timeout);
      pending.set(id, (data) => {
        clearTimeout(timer);
        resolve(data);
      });
      try {
        opener.postMessage(message, config.origin);
      } catch {
        clearTimeout(timer);
        resolve(null);
      }
    });
  }

  function showApp(/** @type {string} */ name, /** @type {unknown} */ iconUrl) {
    document.querySelectorAll('.app-name').forEach((node) => (node.textContent = name));
    const holder = el('app-icon');
    const fallback = () => {
      holder.replaceChildren(
        document.createTextNode(
          name
            .replace(/^www\./, '')
            .charAt(0)
            .toUpperCase() || '?',
        ),
      );
    };
    let url = null;
    try {
      url = typeof iconUrl === 'string' ? new URL(iconUrl) : null;
    } catch {}
    if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
      const img = document.createElement('img');
      img.alt = '';
      img.referrerPolicy = 'no-referrer';
      img.addEventListener('error', fallback);
      img.src = url.href;
      holder.replaceChildren(img);
    } else {
      fallback();
    }
  }

  const buttons = () => document.querySelectorAll('button[data-outcome]');

  async function act(/** @type {string} */ outcome) {
    buttons().forEach((button) => button.setAttribute('disabled', ''));
    if (outcome === 'close') return window.close();
    if (outcome === 'none') {
      el('working-text').textContent = 'Waiting: this window stays open (outcome=none).';
      return show('working');
    }
    /** @type {string} */
    let method;
    /** @type {unknown[] | undefined} */
    let params;
    if (outcome === 'authorize' || outcome === 'restricted') {
      el('working-text').textContent = 'Signing in…';
      show('working');
      let token;
      try {
        const response = await fetch('/woa/issue', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            ...(config.userToken === null ? {} : { token: config.userToken }),
            ...(config.library === null ? {} : { library: config.library }),
          }),
        });
        token = (await response.json()).musicUserToken;
      } catch (error) {
        return fail('Could not issue a Music User Token', String(error));
      }
      method = 'authorize';
      params = [token, outcome === 'restricted' || config.restricted ? '1' : '0', config.cid];
    } else {
      /** @type {Record<string, string>} */
      const methods = { decline: 'decline', unavailable: 'unavailable', 'switch-user': 'switchUserId' };
      method = methods[outcome];
    }
    // Like Apple's page: tell the opener, give it a moment to acknowledge, then go away.
    await call(method, params, 1000);
    el('done-text').textContent = method === 'authorize' ? 'You’re connected. This window will close.' : 'Done. This window will close.';
    show('done');
    window.close();
  }

  async function start() {
    if (!opener) {
      return fail('Nothing to connect to', 'Open this page from an app’s “Connect Apple Music” button (there is no window.opener).');
    }
    // `close` stands for a user who shuts the window at once: no conversation at all.
    if (config.outcome === 'close') {
      await new Promise((resolve) => setTimeout(resolve, config.delay));
      return window.close();
    }
    show('loading');
    const reply = await call('thirdPartyInfo', undefined, 10000);
    if (!reply) return fail('The app did not answer', `No reply to thirdPartyInfo from ${config.origin}.`);
    if (reply.error) {
      return fail('The app refused', `thirdPartyInfo failed: ${reply.error.code} ${reply.error.message}`);
    }
    let info = null;
    try {
      info = typeof reply.result === 'string' ? JSON.parse(reply.result) : null;
    } catch {}
    if (!info || typeof info !== 'object' || typeof info.thirdPartyToken !== 'string') {
      return fail('Invalid app information', 'thirdPartyInfo must answer a JSON string with thirdPartyName and thirdPartyToken.');
    }
    if (info.thirdPartyToken !== config.developerToken) {
      return fail('Developer token mismatch', 'thirdPartyInfo answered a different token than the one in the URL.');
    }
    const name = typeof info.thirdPartyName === 'string' && info.thirdPartyName ? info.thirdPartyName : new URL(config.origin).host;
    showApp(name, info.thirdPartyIconURL);
    buttons().forEach((button) => button.addEventListener('click', () => act(/** @type {string} */ (button.getAttribute('data-outcome')))));
    if (config.outcome) {
      el('working-text').textContent = `Automated outcome: ${config.outcome}`;
      show('working');
      await new Promise((resolve) => setTimeout(resolve, config.delay));
      return act(config.outcome);
    }
    show('consent');
    el('allow').focus();
  }

  start();
}

const MUSIC_ICON = `<svg viewBox="0 0 64 64" aria-hidden="true"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fb5c74"/><stop offset="1" stop-color="#fa233b"/></linearGradient></defs><rect width="64" height="64" rx="14" fill="url(#g)"/><path fill="#fff" d="M42.5 14.2 26 17.6c-.9.2-1.5 1-1.5 1.9v20.2a6.3 6.3 0 0 0-3-.6c-3.2.2-5.8 2.6-5.8 5.4s2.6 4.7 5.8 4.5 5.8-2.6 5.8-5.4V27.3l14-2.9v12a6.3 6.3 0 0 0-3-.6c-3.2.2-5.8 2.6-5.8 5.4s2.6 4.7 5.8 4.5 5.8-2.6 5.8-5.4V16.1c0-1.2-1-2.1-2.1-1.9Z"/></svg>`;

const STYLE = `
:root{color-scheme:light dark;--bg:#f5f5f7;--card:#fff;--text:#1d1d1f;--muted:#6e6e73;--line:#d2d2d7;--accent:#fa233b;--accent-text:#fff;--focus:#0071e3;
font:15px/1.45 -apple-system,BlinkMacSystemFont,"SF Pro Text","Helvetica Neue",Helvetica,Arial,sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#000;--card:#1c1c1e;--text:#f5f5f7;--muted:#a1a1a6;--line:#3a3a3c;--focus:#2997ff}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--text);padding:24px}
.card{width:100%;max-width:400px;background:var(--card);border-radius:18px;padding:28px 28px 22px;box-shadow:0 10px 40px rgba(0,0,0,.08);text-align:center}
.badge{display:inline-block;margin:0 0 20px;padding:3px 10px;border-radius:999px;border:1px solid var(--line);color:var(--muted);font-size:12px;letter-spacing:.02em}
.icons{display:flex;align-items:center;justify-content:center;gap:14px;margin-bottom:18px}
.icons svg,.app-icon{width:64px;height:64px;border-radius:14px;flex:none}
.app-icon{display:grid;place-items:center;overflow:hidden;background:linear-gradient(135deg,#8e8e93,#48484a);color:#fff;font-size:28px;font-weight:600}
.app-icon img{width:100%;height:100%;object-fit:cover}
.dots{color:var(--muted);letter-spacing:3px}
h1{font-size:21px;line-height:1.25;margin:0 0 10px;font-weight:600;overflow-wrap:anywhere}
p{margin:0 0 12px;color:var(--muted);overflow-wrap:anywhere}
.app-name{color:var(--text);font-weight:600}
.actions{display:grid;gap:10px;margin:22px 0 12px}
button{font:inherit;font-weight:500;border-radius:12px;padding:11px 16px;border:1px solid var(--line);background:transparent;color:var(--text);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-text)}
button:hover:not(:disabled){filter:brightness(.96)}
button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
button:disabled{opacity:.55;cursor:default}
.more{display:flex;justify-content:center;gap:4px;flex-wrap:wrap}
.more button{border:0;color:var(--focus);padding:8px 10px;font-size:14px}
.account{margin:14px 0 0;padding-top:14px;border-top:1px solid var(--line);font-size:13px}
.spinner{width:28px;height:28px;margin:12px auto 16px;border-radius:50%;border:3px solid var(--line);border-top-color:var(--accent);animation:spin .8s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spinner{animation-duration:3s}}
.error h1{color:var(--accent)}
[hidden]{display:none!important}
`;

/**
 * @param {{nonce: string, state: string, body: string, script?: string}} parts
 */
function page({ nonce, state, body, script }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Connect to Apple Music — Apple Music emulator</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body data-state="${state}">
<main class="card" aria-live="polite">
<p class="badge">Apple Music emulator · local only</p>
${body}
</main>
${script ?? ''}
</body>
</html>
`;
}

/** Content-Security-Policy for /woa: only our own inline code, images from anywhere http(s). */
export function pageSecurityHeaders(/** @type {string} */ nonce) {
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src http: https: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * The consent page. JSON in the config block has `<`, `>` and `&` escaped so no string can
 * end the script element.
 * @param {PageConfig} config
 * @param {string} nonce
 */
export function renderAuthorizePage(config, nonce) {
  const json = JSON.stringify(config).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const body = `
<section data-view="loading">
  <div class="spinner" role="progressbar" aria-label="Connecting"></div>
  <p>Connecting to the app…</p>
</section>
<section data-view="consent" hidden>
  <div class="icons"><span class="app-icon" id="app-icon"></span><span class="dots" aria-hidden="true">•••</span>${MUSIC_ICON}</div>
  <h1>Allow <span class="app-name"></span> to access Apple Music?</h1>
  <p><span class="app-name"></span> will be able to see your music library and what you play.</p>
  <p>This is a local emulator with a generated library: no Apple account is used and nothing leaves this computer.</p>
  <div class="actions">
    <button type="button" class="primary" id="allow" data-outcome="authorize">Allow</button>
    <button type="button" id="decline" data-outcome="decline">Don't allow</button>
  </div>
  <div class="more" role="group" aria-label="Other outcomes">
    <button type="button" id="unavailable" data-outcome="unavailable" title="Simulate an account without a subscription or in an unsupported region">Unavailable</button>
    <button type="button" id="switch-user" data-outcome="switch-user">Use another account</button>
  </div>
  <p class="account">Signed in as <strong>Emulator Listener</strong> (emulator@localhost)</p>
</section>
<section data-view="working" hidden>
  <div class="spinner" role="progressbar" aria-label="Working"></div>
  <p id="working-text"></p>
</section>
<section data-view="done" hidden>
  <div class="icons">${MUSIC_ICON}</div>
  <p id="done-text"></p>
</section>
<section data-view="error" class="error" hidden>
  <h1 id="error-title"></h1>
  <p id="error-detail"></p>
</section>`;
  const script = `<script type="application/json" id="am-config">${json}</script>
<script nonce="${nonce}">(${popupScript.toString()})();</script>`;
  return page({ nonce, state: 'loading', body, script });
}

/**
 * The visible error page for a bad request: no script, so no message is ever sent.
 * @param {{title: string, detail: string}} error
 * @param {string} nonce
 */
export function renderErrorPage(error, nonce) {
  return page({
    nonce,
    state: 'error',
    body: `<section class="error" data-view="error">
  <h1>${escapeHtml(error.title)}</h1>
  <p>${escapeHtml(error.detail)}</p>
  <p>This is the Apple Music emulator's sign-in page; it is opened by <code>&lt;am-auth-provider&gt;</code>.</p>
</section>`,
  });
}

export const newNonce = () => randomBytes(16).toString('base64');
