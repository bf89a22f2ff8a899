/** The key systems Apple's full-length streams use (docs/protocol.md, "Full-length playback"). */
const KEY_SYSTEMS = ['com.widevine.alpha', 'com.microsoft.playready', 'com.apple.fps'];

// Two shapes: CENC audio (Widevine, PlayReady) and FairPlay's `sinf` init data.
const CONFIGURATIONS: MediaKeySystemConfiguration[] = [
  { initDataTypes: ['cenc'], audioCapabilities: [{ contentType: 'audio/mp4; codecs="mp4a.40.2"' }] },
  { initDataTypes: ['sinf'], audioCapabilities: [{ contentType: 'audio/mp4' }] },
];

/**
 * Whether this browser can play DRM-protected audio at all. Many Linux and Electron builds
 * cannot: full length is then impossible and previews are what plays. Never throws.
 */
export async function hasDrmKeySystem(nav: Navigator = navigator): Promise<boolean> {
  if (typeof nav.requestMediaKeySystemAccess !== 'function') return false;
  for (const keySystem of KEY_SYSTEMS) {
    try {
      await nav.requestMediaKeySystemAccess(keySystem, CONFIGURATIONS);
      return true;
    } catch {
      // Not this one; try the next.
    }
  }
  return false;
}
