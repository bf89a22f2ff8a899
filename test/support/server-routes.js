// Routes the test server (localhost) adds for browser tests that need HTTP behaviour the
// emulator does not model: a popup with a Cross-Origin-Opener-Policy, a developer-token URL,
// a redirect to another origin.

import { emulatorDeveloperToken } from '../../cli/emulator/tokens.js';

const developerToken = (lifetimeSeconds, team = 'TEAMID1234') => emulatorDeveloperToken({ team, keyId: 'KEYID12345', lifetimeSeconds });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let tokenRequests = 0;
/** Requests per `key` query value, and the cache mode each asked with. */
const requestsByKey = new Map();

/** Koa middleware for @web/test-runner's `middleware` option. */
export async function testRoutes(ctx, next) {
  if (ctx.path === '/_test/coop-popup') {
    // Loaded in the popup, this cuts window.opener, as some sites' login pages do.
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.type = 'html';
    ctx.body = '<!doctype html><title>COOP page</title><p>This page has Cross-Origin-Opener-Policy: same-origin.</p>';
    return;
  }
  if (ctx.path === '/_test/csp-page') {
    // SECURITY.md's policy, with the emulator standing in for Apple's origins.
    const emulator = String(ctx.query.emulator);
    ctx.set('Content-Security-Policy', `script-src 'self'; connect-src 'self' ${emulator}; img-src 'self' ${emulator}`);
    ctx.type = 'html';
    ctx.body = `<!doctype html><am-auth-provider developer-token="${developerToken(30 * 86_400)}" authorize-url="${emulator}/woa?outcome=authorize" api-url="${emulator}" logout-url=""></am-auth-provider>
<button id="sign-in">Sign in</button>
<script type="module" src="/test/fixtures/csp-driver.js"></script>`;
    return;
  }
  if (ctx.path === '/_test/developer-token') {
    tokenRequests++;
    await sleep(Number(ctx.query.delay ?? 0));
    const status = Number(ctx.query.status ?? 200);
    ctx.status = status;
    if (status !== 200) {
      ctx.body = 'unavailable';
      return;
    }
    // `key` counts requests apart; `renewedExpiresIn` answers every request after the first
    // with a later token, as a server that renews would.
    const key = ctx.query.key === undefined ? undefined : String(ctx.query.key);
    const seen = key === undefined ? [] : (requestsByKey.get(key) ?? []);
    if (key !== undefined) requestsByKey.set(key, [...seen, ctx.get('Cache-Control') || ctx.get('Pragma') || '']);
    const renewed = seen.length > 0 && ctx.query.renewedExpiresIn !== undefined;
    let token = developerToken(Number((renewed ? ctx.query.renewedExpiresIn : ctx.query.expiresIn) ?? 30 * 86_400), ctx.query.iss);
    // `pad`: wrapped in whitespace and newlines, as tokens pasted into a CMS or a file often are.
    if (ctx.query.pad) token = `  \n${token}\n  `;
    ctx.body = ctx.query.format === 'json' ? { token } : token;
    return;
  }
  if (ctx.path === '/_test/redirect') {
    // A 307 keeps the method, body and headers: what a hostile or hijacked endpoint would send
    // to move a token-carrying request to another host (here the emulator, which records it).
    ctx.redirect(String(ctx.query.to));
    ctx.status = 307;
    return;
  }
  if (ctx.path === '/_test/developer-token-requests') {
    ctx.body = ctx.query.key === undefined ? { count: tokenRequests } : { requests: requestsByKey.get(String(ctx.query.key)) ?? [] };
    return;
  }
  return next();
}
