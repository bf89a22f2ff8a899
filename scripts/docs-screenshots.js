#!/usr/bin/env node
// @ts-check
// Regenerates the pictures of docs/ (docs/images/*.png): every part, every state, the design
// tokens, light and dark, and the French texts. Runs the elements from src/ against the demo's
// emulator in headless Chromium, so the pictures show what the code renders today.
//
//   node scripts/docs-screenshots.js            all pictures
//   node scripts/docs-screenshots.js tokens     only those whose name contains "tokens"
//
// Library states the emulator does not hold still for (loading, empty, error) come from routes:
// each provider's `api-url` carries a prefix (`/empty`, `/error`, …) that a Playwright route
// answers; other API calls go on to the emulator.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemo } from './start.js';
import { findChromium, CHROMIUM_FLAGS } from './chromium.js';

const OUT = fileURLToPath(new URL('../docs/images/', import.meta.url));
const only = process.argv[2];

/** The demo's developer tokens are for this team (scripts/start.js). */
const TEAM = 'demo000000';

const PAGE_CSS = `
  body { margin: 0; font: 15px/1.45 'Liberation Sans', system-ui, sans-serif; color: #1d1d1f; background: #fff; }
  .scene { position: relative; display: inline-flex; flex-wrap: wrap; align-items: flex-start; gap: 28px; padding: 36px 40px; background: #f6f6f8; }
  .panel { display: grid; gap: 12px; align-content: start; }
  .card { background: #fff; border: 1px solid #e3e3e8; border-radius: 12px; padding: 16px; display: grid; gap: 12px; align-content: start; }
  .caption { font: 600 12.5px/1.3 'DejaVu Sans Mono', monospace; color: #6e6e73; }
  pre { margin: 0; font: 12px/1.45 'DejaVu Sans Mono', monospace; color: #3a3a3c; white-space: pre-wrap; }
  .row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  am-library-list { width: 320px; }
  .note-box { position: absolute; pointer-events: none; outline: 2px dashed #0055d4; outline-offset: 1px; border-radius: 3px; }
  .note-line { position: absolute; height: 0; border-top: 1px solid #0055d4; pointer-events: none; }
  .note { position: absolute; font: 600 11.5px/1 'DejaVu Sans Mono', monospace; color: #fff; background: #0055d4; padding: 4px 6px; border-radius: 4px; white-space: nowrap; }
`;

/**
 * Attributes of a provider on the demo's emulator; `prefix` picks a route (see above).
 * @param {string} emulator
 */
function providerAttributes(emulator, { prefix = '', storage = 'local', switches = '' } = {}) {
  return `developer-token-url="/demo/developer-token" authorize-url="${emulator}/woa${switches ? `?${switches}` : ''}" api-url="${emulator}${prefix}" storage="${storage}" logout-url=""`;
}

/** @typedef {{host: string, part?: string, nth?: number, label: string, side: string, column?: string, box?: boolean}} Note */

/**
 * Outlines parts and labels them. Each note: `host` (selector), optional `part` (searched in the
 * host's shadow root, `nth` match), `label`, and `side`: `top`, `bottom`, `top-right`,
 * `bottom-right` (a tag at that corner) or `right` (a tag in a column right of `column`, joined
 * by a line). `box: false` leaves the part unframed (to show its own hover or focus style).
 * @param {Note[]} notes
 */
function annotate(notes) {
  const scene = /** @type {HTMLElement} */ (document.querySelector('.scene'));
  const origin = scene.getBoundingClientRect();
  /** @type {{tag: HTMLElement, y: number}[]} */
  const column = [];
  for (const note of notes) {
    const host = /** @type {HTMLElement} */ (document.querySelector(note.host));
    const target = note.part ? host.shadowRoot?.querySelectorAll(`[part~="${note.part}"]`)[note.nth ?? 0] : host;
    if (!target) throw new Error(`no ${note.part} in ${note.host}`);
    const r = target.getBoundingClientRect();
    const box = document.createElement('div');
    box.className = 'note-box';
    Object.assign(box.style, {
      left: `${r.left - origin.left}px`,
      top: `${r.top - origin.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
    const tag = document.createElement('div');
    tag.className = 'note';
    tag.textContent = note.label;
    scene.append(tag);
    if (note.box !== false) scene.append(box);
    const { width, height } = tag.getBoundingClientRect();
    const left = r.left - origin.left;
    const top = r.top - origin.top;
    if (note.side === 'right') {
      column.push({ tag, y: top + r.height / 2 - height / 2 });
      const x =
        /** @type {HTMLElement} */ (document.querySelector(note.column ?? note.host)).getBoundingClientRect().right - origin.left + 24;
      tag.style.left = `${x}px`;
      tag.dataset.from = `${left + r.width}`;
      continue;
    }
    const x = note.side.endsWith('right') ? left + r.width - width : left;
    const y = note.side.startsWith('top') ? top - height - 5 : top + r.height + 5;
    Object.assign(tag.style, { left: `${x}px`, top: `${y}px` });
  }
  // Right-hand tags: in order, at least 8px apart, each joined to its part by a line.
  column.sort((a, b) => a.y - b.y);
  let next = -Infinity;
  for (const { tag, y } of column) {
    const top = Math.max(y, next);
    next = top + tag.getBoundingClientRect().height + 8;
    tag.style.top = `${top}px`;
    const from = Number(tag.dataset.from);
    const line = document.createElement('div');
    line.className = 'note-line';
    const middle = top + tag.getBoundingClientRect().height / 2;
    Object.assign(line.style, { left: `${from}px`, top: `${middle}px`, width: `${parseFloat(tag.style.left) - from}px` });
    scene.append(line);
  }
}

/**
 * @typedef {object} Scene
 * @property {string} body
 * @property {string} [css]
 * @property {string} [ready] an expression the page waits for
 * @property {(page: import('playwright-core').Page) => Promise<void>} [act]
 * @property {Note[]} [annotate]
 */

/**
 * The scenes: name → {body, ready?, annotate?, act?}. `e` is the emulator origin.
 * @param {string} e
 * @returns {Record<string, Scene>}
 */
function scenes(e) {
  const rowsOf = (/** @type {string} */ selector, count = 3) =>
    `document.querySelector('${selector}')?.shadowRoot?.querySelectorAll('[part=item] img').length >= ${count}`;
  const stateOf = (/** @type {string} */ selector, /** @type {string} */ state) =>
    `document.querySelector('${selector}')?.getAttribute('state') === '${state}'`;
  const enabled = (/** @type {string} */ selector) =>
    `document.querySelector('${selector}')?.shadowRoot?.querySelector('button')?.disabled === false`;
  return {
    buttons: {
      body: `<div class="scene"><am-auth-provider ${providerAttributes(e, { storage: 'memory' })}><div class="row">
        <am-authorize-button id="a"></am-authorize-button><am-unauthorize-button id="u" persistent></am-unauthorize-button></div></am-auth-provider></div>`,
      ready: enabled('#a'),
      annotate: [
        { host: '#a', part: 'button', label: '::part(button)', side: 'top' },
        { host: '#a', part: 'icon', label: '::part(icon)', side: 'bottom' },
        { host: '#a', part: 'label', label: '::part(label)', side: 'bottom-right' },
        { host: '#u', part: 'button', label: 'persistent: disabled while signed out', side: 'bottom-right' },
      ],
    },
    'button-states': {
      body: `<div class="scene">
        <div class="panel"><span class="caption">signed out</span><am-auth-provider ${providerAttributes(e, { storage: 'memory' })}><am-authorize-button id="out"></am-authorize-button></am-auth-provider></div>
        <div class="panel"><span class="caption">busy (popup open)</span><am-auth-provider ${providerAttributes(e, { storage: 'memory', switches: 'outcome=none' })}><am-authorize-button id="busy"></am-authorize-button></am-auth-provider></div>
        <div class="panel"><span class="caption">signed in</span><am-auth-provider ${providerAttributes(e)}><am-unauthorize-button id="in"></am-unauthorize-button></am-auth-provider></div>
        <div class="panel"><span class="caption">no provider</span><am-authorize-button id="none"></am-authorize-button></div>
      </div>`,
      ready: `${enabled('#in')} && ${enabled('#busy')}`,
      act: async (page) => {
        const popup = page.context().waitForEvent('page');
        await page.locator('#busy').getByRole('button').click();
        await (await popup).waitForLoadState();
        await page.waitForFunction(() => document.querySelector('#busy')?.hasAttribute('busy'));
      },
      annotate: [{ host: '#busy', part: 'spinner', label: '::part(spinner)', side: 'bottom' }],
    },
    'list-parts': {
      body: `<div class="scene"><am-auth-provider ${providerAttributes(e, { prefix: '/first-page' })}>
        <am-library-list id="l" type="albums" page-size="25" aria-label="Albums" style="--am-list-max-height: 360px"></am-library-list></am-auth-provider><div style="width: 150px"></div></div>`,
      ready: rowsOf('#l', 6),
      annotate: [
        { host: '#l', part: 'list', label: '::part(list)', side: 'right' },
        { host: '#l', part: 'artwork', nth: 1, label: '::part(artwork)', side: 'right' },
        { host: '#l', part: 'title', nth: 2, label: '::part(title)', side: 'right' },
        { host: '#l', part: 'subtitle', nth: 3, label: '::part(subtitle)', side: 'right' },
        { host: '#l', part: 'item', nth: 4, label: '::part(item)', side: 'right' },
        { host: '#l', part: 'load-more', label: '::part(load-more)', side: 'right' },
      ],
    },
    'list-states': {
      body: `<div class="scene">
        <div class="panel"><span class="caption">state=signed-out</span><am-auth-provider ${providerAttributes(e, { storage: 'memory' })}><am-library-list id="s1"></am-library-list></am-auth-provider></div>
        <div class="panel"><span class="caption">state=loading</span><am-auth-provider ${providerAttributes(e, { prefix: '/hang' })}><am-library-list id="s2"></am-library-list></am-auth-provider></div>
        <div class="panel"><span class="caption">state=empty</span><am-auth-provider ${providerAttributes(e, { prefix: '/empty' })}><am-library-list id="s3"></am-library-list></am-auth-provider></div>
        <div class="panel"><span class="caption">state=error</span><am-auth-provider ${providerAttributes(e, { prefix: '/error' })}><am-library-list id="s4"></am-library-list></am-auth-provider></div>
      </div>`,
      css: 'am-library-list { width: 300px; min-height: 120px; background: #fff; border-radius: 10px; } .scene { display: inline-grid; grid-template-columns: 300px 300px; gap: 56px 32px; }',
      ready: `${stateOf('#s1', 'signed-out')} && ${stateOf('#s2', 'loading')} && ${stateOf('#s3', 'empty')} && ${stateOf('#s4', 'error')}`,
      annotate: [
        { host: '#s1', part: 'signed-out', label: '::part(signed-out) · slot="signed-out"', side: 'bottom' },
        { host: '#s2', part: 'loading', label: '::part(loading)', side: 'bottom' },
        { host: '#s3', part: 'empty', label: '::part(empty) · slot="empty"', side: 'bottom' },
        { host: '#s4', part: 'error', label: '::part(error)', side: 'bottom' },
        { host: '#s4', part: 'retry', label: '::part(retry)', side: 'bottom-right' },
      ],
    },
    'tokens-buttons': {
      body: `<div class="scene" style="display: inline-grid; grid-template-columns: repeat(4, 220px)"><am-auth-provider ${providerAttributes(e, { storage: 'memory' })} style="display: contents">
        ${[
          ['defaults', ''],
          ['--am-accent', '--am-accent: #0a5dc2;'],
          ['--am-on-accent', '--am-accent: #ffd60a;\n--am-on-accent: #1d1d1f;'],
          ['--am-radius', '--am-radius: 6px;'],
          ['--am-font', "--am-font: 'DejaVu Serif', serif;"],
          ['--am-space-2, --am-space-4', '--am-space-2: 1rem;\n--am-space-4: 1.75rem;'],
          ['--am-focus-ring (keyboard focus)', '--am-focus-ring: #0a84ff;'],
          ['--am-button-*', '--am-button-background:\n  linear-gradient(120deg,\n  #0e7490, #7c3aed);\n--am-button-border-color: #0000;'],
        ]
          .map(
            ([title, css], i) =>
              `<div class="card"><span class="caption">${title}</span><pre>${css || '/* nothing set */'}</pre><div style="${css.replace(/\n\s*/g, ' ')}"><am-authorize-button id="t${i}">Connect</am-authorize-button></div></div>`,
          )
          .join('')}
      </am-auth-provider></div>`,
      ready: enabled('#t7'),
      act: async (page) => {
        await page.locator('#t6').getByRole('button').focus();
        await page.keyboard.press('Shift');
      },
    },
    'tokens-list': {
      body: `<div class="scene"><am-auth-provider ${providerAttributes(e, { prefix: '/first-page' })} style="display: contents">
        <div class="card"><span class="caption">defaults</span><pre>/* nothing set */</pre><am-library-list id="d" type="albums" page-size="4" limit="4" style="width: 300px"></am-library-list></div>
        <div class="card"><span class="caption">list tokens</span><pre>--am-surface: #10233d;  --am-text: #e8f0ff;
--am-font: 'DejaVu Serif', serif;
--am-row-height: 64px;  --am-space-3: 1rem;
--am-artwork-size: 48px; --am-artwork-radius: 50%;
--am-row-hover: #ffffff22; --am-focus-ring: #7cc4ff;</pre>
          <am-library-list id="t" type="albums" page-size="4" limit="4" style="width: 360px; --am-surface: #10233d; --am-text: #e8f0ff; --am-font: 'DejaVu Serif', serif; --am-row-height: 64px; --am-space-3: 1rem; --am-artwork-size: 48px; --am-artwork-radius: 50%; --am-row-hover: #ffffff22; --am-focus-ring: #7cc4ff; border-radius: 10px"></am-library-list></div>
      </am-auth-provider><div style="width: 200px"></div></div>`,
      ready: `${rowsOf('#d', 4)} && ${rowsOf('#t', 4)}`,
      act: async (page) => {
        await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (/** @type {Element} */ (document.querySelector('#t')).shadowRoot);
          /** @type {HTMLElement} */ (root.querySelectorAll('[part=item]')[2]).focus();
        });
        await page.keyboard.press('Shift');
        const box = await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (/** @type {Element} */ (document.querySelector('#t')).shadowRoot);
          const r = root.querySelectorAll('[part=item]')[1].getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        });
        await page.mouse.move(box.x, box.y);
      },
      annotate: [
        { host: '#t', part: 'item', nth: 1, label: ':hover  --am-row-hover', side: 'right', column: '.card:last-of-type', box: false },
        {
          host: '#t',
          part: 'item',
          nth: 2,
          label: ':focus-visible  --am-focus-ring',
          side: 'right',
          column: '.card:last-of-type',
          box: false,
        },
      ],
    },
    'color-scheme': {
      body: `<div class="scene" style="padding: 0; gap: 0; background: none">
        ${[
          ['color-scheme="light"', 'light', 'background: #f6f6f8'],
          ['color-scheme="dark"', 'dark', 'background: #f6f6f8'],
          ['no attribute, page is dark', '', 'background: #000; color: #f5f5f7; color-scheme: dark'],
        ]
          .map(
            (
              [title, scheme, css],
              i,
            ) => `<div class="panel" style="padding: 28px 32px; ${css}"><span class="caption" style="color: inherit; opacity: .7">${title}</span>
          <am-auth-provider ${providerAttributes(e, { prefix: '/first-page' })}><div class="row">
            <am-authorize-button ${scheme ? `color-scheme="${scheme}"` : ''} persistent>Connect</am-authorize-button>
            <am-unauthorize-button ${scheme ? `color-scheme="${scheme}"` : ''} id="u${i}">Disconnect</am-unauthorize-button></div>
            <am-library-list id="c${i}" ${scheme ? `color-scheme="${scheme}"` : ''} type="albums" page-size="4" limit="4" style="width: 280px; margin-top: 12px; border-radius: 10px"></am-library-list>
          </am-auth-provider></div>`,
          )
          .join('')}
      </div>`,
      ready: `${rowsOf('#c0', 4)} && ${rowsOf('#c1', 4)} && ${rowsOf('#c2', 4)}`,
    },
    french: {
      body: `<div class="scene" lang="fr">
        <div class="panel"><span class="caption">boutons</span><am-auth-provider ${providerAttributes(e, { storage: 'memory' })}><div class="row">
          <am-authorize-button connected-text="Connecté à Apple Music">Connecter Apple Music</am-authorize-button>
          <am-unauthorize-button persistent>Déconnecter</am-unauthorize-button></div></am-auth-provider>
          <span class="caption" style="margin-top: 12px">déconnecté</span>
          <am-auth-provider ${providerAttributes(e, { storage: 'memory' })}><am-library-list id="f0" ${FRENCH} style="background: #fff; border-radius: 10px">
            <div slot="signed-out" style="padding: 1rem"><p style="margin-top: 0">Connectez Apple Music pour voir vos playlists.</p><am-authorize-button>Se connecter</am-authorize-button></div>
          </am-library-list></am-auth-provider>
          <span class="caption" style="margin-top: 12px">erreur</span>
          <am-auth-provider ${providerAttributes(e, { prefix: '/error' })}><am-library-list id="f1" ${FRENCH} style="background: #fff; border-radius: 10px"></am-library-list></am-auth-provider>
        </div>
        <div class="panel"><span class="caption">playlists</span><am-auth-provider ${providerAttributes(e, { prefix: '/counts' })}>
          <am-library-list id="f2" type="playlists" page-size="12" ${FRENCH} style="background: #fff; border-radius: 10px; --am-list-max-height: 340px"></am-library-list></am-auth-provider>
          <span class="caption" style="margin-top: 12px">vide</span>
          <am-auth-provider ${providerAttributes(e, { prefix: '/empty' })}><am-library-list id="f3" ${FRENCH} style="background: #fff; border-radius: 10px"></am-library-list></am-auth-provider></div>
      </div>`,
      ready: `${stateOf('#f0', 'signed-out')} && ${stateOf('#f1', 'error')} && ${rowsOf('#f2', 4)} && ${stateOf('#f3', 'empty')}`,
    },
    keyboard: {
      body: `<div class="scene"><am-auth-provider ${providerAttributes(e, { prefix: '/first-page' })}><div class="panel">
        <am-library-list id="k" type="songs" page-size="25" aria-label="Songs" style="background: #fff; border-radius: 10px; --am-list-max-height: 285px"></am-library-list>
        </div></am-auth-provider><div style="width: 210px"></div></div>`,
      ready: `${stateOf('#k', 'list')} && ${rowsOf('#k', 4)}`,
      act: async (page) => {
        await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (/** @type {Element} */ (document.querySelector('#k')).shadowRoot);
          /** @type {HTMLElement} */ (root.querySelector('[part=item]')).focus();
        });
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
      },
      annotate: [
        { host: '#k', part: 'item', nth: 2, label: 'Tab, ArrowDown ×2 (Enter selects)', side: 'right', box: false },
        { host: '#k', part: 'load-more', label: 'Tab: "Load more"', side: 'right', box: false },
      ],
    },
  };
}

const FRENCH = [
  ['loading-text', 'Chargement…'],
  ['empty-text', 'Rien ici pour l’instant.'],
  ['retry-text', 'Réessayer'],
  ['load-more-text', 'Charger la suite'],
  ['tracks-text', '{n} titre|{n} titres'],
  ['error-text', 'Impossible de charger la bibliothèque'],
  ['rate-limited-text', 'Trop de requêtes vers Apple Music. Réessayez dans un instant.'],
  ['server-error-text', 'Apple Music ne répond pas (HTTP {status}). Réessayez.'],
]
  .map(([name, value]) => `${name}="${value}"`)
  .join(' ');

async function main() {
  await mkdir(OUT, { recursive: true });
  const demo = await startDemo({ port: 0, emulatorPort: 0, size: 300, quiet: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
  try {
    const emulator = /** @type {string} */ (demo.emulatorOrigin);
    const issued = await fetch(`${emulator}/_emulator/issue`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const { musicUserToken } = await issued.json();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await context.addInitScript(
      ([team, token]) => {
        if (location.port && !localStorage.getItem(`music.${team}.media-user-token`)) {
          localStorage.setItem(`music.${team}.media-user-token`, token);
          localStorage.setItem(`music.${team}.itre`, '0');
        }
      },
      [TEAM, musicUserToken],
    );
    // The route prefixes of providerAttributes().
    await context.route(/\/(hang|empty|error|first-page|counts)\/v1\//, async (route) => {
      const url = new URL(route.request().url());
      const [, prefix] = url.pathname.split('/');
      const headers = { 'Access-Control-Allow-Origin': demo.origin, 'Content-Type': 'application/json' };
      if (route.request().method() === 'OPTIONS') {
        return route.fulfill({
          status: 204,
          headers: {
            ...headers,
            'Access-Control-Allow-Headers': 'Authorization, Music-User-Token, Content-Type',
            'Access-Control-Allow-Methods': 'GET',
          },
        });
      }
      if (prefix === 'hang') return; // never answered: the list stays loading
      if (prefix === 'empty') return route.fulfill({ status: 200, headers, body: JSON.stringify({ data: [], meta: { total: 0 } }) });
      if (prefix === 'error') {
        return route.fulfill({
          status: 429,
          headers: { ...headers, 'Retry-After': '0' },
          body: JSON.stringify({ errors: [{ status: '429', code: '42900', title: 'Too Many Requests' }] }),
        });
      }
      // first-page: the emulator's first page, without the rows that test escaping (markup, CJK
      // and Arabic names: not for pictures). Later pages never come, so "Load more" stays.
      if (url.searchParams.get('offset')) return;
      const limit = Number(url.searchParams.get('limit') ?? 25);
      const path = url.pathname.slice(prefix.length + 1);
      const response = await route.fetch({ url: `${emulator}${path}?limit=100` });
      const body = await response.json();
      const plain = body.data.filter((/** @type {any} */ item) =>
        ['name', 'artistName', 'albumName'].every(
          (key) => /^[\u0020-\u024f\u2014\u2019]*$/.test(item.attributes[key] ?? '') && !/[<>]/.test(item.attributes[key] ?? ''),
        ),
      );
      // counts: playlists without descriptions, so their track counts show (one of them singular).
      if (prefix === 'counts') {
        plain.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
          delete item.attributes.description;
          item.attributes.trackCount = i === 1 ? 1 : 8 + ((i * 7) % 23);
        });
      }
      const page = { data: plain.slice(0, limit), meta: body.meta, ...(plain.length > limit ? { next: `${path}?offset=${limit}` } : {}) };
      return route.fulfill({ status: 200, headers, body: JSON.stringify(page) });
    });
    // Covers come from the emulator; fetched here, since a page fulfilled by a route may not load
    // from 127.0.0.1 itself (Chromium's private network rules).
    await context.route(`${emulator}/artwork/**`, async (route) => route.fulfill({ response: await route.fetch() }));
    for (const [name, scene] of Object.entries(scenes(emulator))) {
      if (only && !name.includes(only)) continue;
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
      if (process.env.DEBUG)
        page.on('requestfailed', (request) => console.error(`${name}: ${request.url()} ${request.failure()?.errorText}`));
      if (process.env.DEBUG)
        page.on('response', (response) => response.status() >= 400 && console.error(`${name}: ${response.url()} ${response.status()}`));
      // The scene is served as a page of the demo's origin, so /src/index.ts loads from the dev server.
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${PAGE_CSS}${scene.css ?? ''}</style></head><body>${scene.body}<script type="module">await import('/src/index.ts');</script></body></html>`;
      await page.route(`${demo.origin}/__docs-stage__`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(`${demo.origin}/__docs-stage__`);
      await page.waitForFunction(scene.ready ?? 'true', undefined, { timeout: 20_000 });
      await scene.act?.(page);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300); // lazy artwork decoding
      if (scene.annotate) await page.evaluate(annotate, scene.annotate);
      await page.locator('.scene').screenshot({ path: `${OUT}${name}.png`, animations: 'disabled' });
      console.log(`docs/images/${name}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
    await demo.close();
  }
}

await main();
