// @ts-check
// A page on the emulator's origin that posts whatever messages it is told to, to its parent or
// opener. It lets tests (ours and users') check that a page ignores messages from windows of
// the authorize origin that are not the popup it opened.

/**
 * The page script reads `#<json>` = `{to: 'parent' | 'opener', target: '*' | origin, messages: []}`,
 * posts each message, then `{forgeDone: n}` so the test knows it finished.
 * @param {string} nonce
 */
export function renderForgePage(nonce) {
  return `<!doctype html>
<meta charset="utf-8">
<title>Emulator: message forger</title>
<p>This page posts test messages to its parent or opener.</p>
<script nonce="${nonce}">
  const plan = JSON.parse(decodeURIComponent(location.hash.slice(1)) || '{}');
  const peer = plan.to === 'opener' ? window.opener : window.parent;
  const messages = Array.isArray(plan.messages) ? plan.messages : [];
  for (const message of messages) peer.postMessage(message, plan.target || '*');
  peer.postMessage({ forgeDone: messages.length }, plan.target || '*');
</script>
`;
}
