// The script-tag bundle (dist/am-elements.js): every element, with playback loaded only on pages
// that use it. `import('./playback.js')` becomes its own file next to the bundle
// (am-elements-playback.js), so sign-in and list pages never download playback code.
export * from './index.js';

const PLAYBACK_ELEMENTS = 'am-player,am-play-button,am-library-list[playable]';

/** Loads the playback elements now (for playback elements inside shadow roots, which are not watched). */
export function loadPlayback(): Promise<unknown> {
  return import('./playback.js');
}

function loadPlaybackWhenUsed(doc: Document): void {
  const used = (node: Node) =>
    node instanceof Element && (node.matches(PLAYBACK_ELEMENTS) || node.querySelector(PLAYBACK_ELEMENTS) !== null);
  if (used(doc.documentElement)) {
    void loadPlayback();
    return;
  }
  const observer = new MutationObserver((records) => {
    if (!records.some((record) => (record.type === 'attributes' ? used(record.target) : [...record.addedNodes].some(used)))) return;
    observer.disconnect();
    void loadPlayback();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['playable'] });
}

if (typeof document !== 'undefined') loadPlaybackWhenUsed(document);
