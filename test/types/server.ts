// Type test (tsc -p tsconfig.types.json): am-elements/server as the platform guides use it,
// without Node's types (a Cloudflare Worker or a Next.js route handler has none of node:http).
import { createDeveloperTokenHandler, createDeveloperToken, toNodeListener, DeveloperTokenOptionsError, type DeveloperTokenHandler } from 'am-elements/server';

declare const env: { TEAM_ID: string; KEY_ID: string; PRIVATE_KEY: string };

// Next.js (app/developer-token/route.ts), SvelteKit, Remix: a handler per method.
export const GET: DeveloperTokenHandler = createDeveloperTokenHandler({
  teamId: env.TEAM_ID,
  keyId: env.KEY_ID,
  privateKey: env.PRIVATE_KEY,
  origins: ['https://example.com'],
  expiresIn: '180d',
  renewBefore: 7 * 86_400,
});
export const HEAD = GET;

// Cloudflare Workers, Deno.serve, Bun.serve: `fetch(request)`.
export default { fetch: (request: Request): Promise<Response> => GET(request) };

// A Node-style listener from any fetch handler, sync or async.
export const listener = toNodeListener(() => new Response('ok'));

export const once: Promise<string> = createDeveloperToken({ teamId: 'ABCDE12345', keyId: 'KEY1234567', privateKey: new Uint8Array(), now: 0 });

export function explain(error: unknown): string {
  if (error instanceof DeveloperTokenOptionsError) {
    const code: 'invalid-team-id' | 'invalid-key-id' | 'invalid-key' | 'invalid-lifetime' | 'invalid-origin' | 'invalid-option' = error.code;
    return `${code}: ${error.message}`;
  }
  return String(error);
}

// @ts-expect-error the key is required
createDeveloperTokenHandler({ teamId: 'ABCDE12345', keyId: 'KEY1234567' });
// @ts-expect-error origins is a list
createDeveloperTokenHandler({ teamId: 'ABCDE12345', keyId: 'KEY1234567', privateKey: '', origins: 'https://example.com' });
