// Shared by the demo pages: where to sign in (emulator or Apple), the colour-scheme toggle,
// and loading the elements. Nothing here is needed to use am-elements on your own page.

const SCHEME_KEY = 'am-demo-color-scheme';

/**
 * The demo server (`npm start`) answers /demo/config.json with the emulator's origin, or with
 * `mode: 'apple'` when it runs with AM_DEVELOPER_TOKEN. Then points the provider there and
 * defines the elements — after the attributes are set, so nothing ever calls the wrong origin.
 * @param {HTMLElement} provider the page's <am-auth-provider>
 * @returns {Promise<{mode: 'emulator' | 'apple', emulatorOrigin: string | null} | null>}
 */
export async function startDemoPage(provider) {
  setUpColorSchemeToggle();
  let config = null;
  try {
    const response = await fetch('/demo/config.json', { cache: 'no-store' });
    if (response.ok) config = await response.json();
  } catch {
    // Shown below.
  }
  if (config) {
    for (const [name, value] of Object.entries(config.provider ?? {})) provider.setAttribute(name, String(value));
  }
  showMode(config);
  // In your own page this is simply <script type="module" src="…/am-elements.js">, which loads
  // the playback elements by itself when the page has them.
  await import('/src/index.ts');
  await import('/src/playback.ts');
  return config;
}

/** The header badge and the notice under the introduction. */
function showMode(config) {
  const badge = document.querySelector('.mode-badge');
  const notice = document.querySelector('[data-mode-notice]');
  if (!config) {
    if (badge) {
      badge.dataset.mode = 'none';
      badge.textContent = 'Not started with npm start';
    }
    if (notice) {
      notice.dataset.kind = 'error';
      notice.querySelector('[data-text]').innerHTML =
        '<strong>No demo server found.</strong> Run <code>npm start</code> and open the address it prints: it serves this page together with the local Apple Music emulator.';
    }
    return;
  }
  if (badge) {
    badge.dataset.mode = config.mode;
    badge.textContent = config.mode === 'apple' ? 'Apple Music (real)' : `Emulator · ${new URL(config.emulatorOrigin).host}`;
  }
  if (notice && config.mode === 'apple') {
    notice.dataset.kind = 'apple';
    notice.querySelector('[data-text]').innerHTML =
      '<strong>Connected to Apple.</strong> This page signs in at authorize.music.apple.com and reads your real library from api.music.apple.com with the developer token given in <code>AM_DEVELOPER_TOKEN</code>.';
  }
}

/** Auto / Light / Dark. "Auto" follows prefers-color-scheme; the choice is remembered. */
function setUpColorSchemeToggle() {
  const root = document.documentElement;
  const buttons = [...document.querySelectorAll('.scheme-toggle button[data-scheme]')];
  const apply = (scheme) => {
    root.dataset.colorScheme = scheme;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.scheme === scheme));
  };
  apply(root.dataset.colorScheme || 'auto');
  for (const button of buttons) {
    button.addEventListener('click', () => {
      apply(button.dataset.scheme);
      try {
        localStorage.setItem(SCHEME_KEY, button.dataset.scheme);
      } catch {
        // Storage blocked: the choice lasts for this page view.
      }
    });
  }
}

/** Shows that a secret exists without showing it. */
export function mask(secret) {
  return typeof secret === 'string' && secret ? `•••• (${secret.length} chars)` : '(none)';
}

/** `HH:MM:SS` for the event log. */
export function clock(date = new Date()) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
