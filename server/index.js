// @ts-check
// am-elements/server: sign and serve Apple Music developer tokens (Node 20+, Deno, Bun,
// Cloudflare Workers, Next.js route handlers). Server-side only: no browser code imports it.
// Types: index.d.ts. Guides: docs/developer-tokens.md.
export { createDeveloperTokenHandler } from './handler.js';
export { toNodeListener } from './node-listener.js';
export { createDeveloperToken, DeveloperTokenOptionsError } from './sign.js';
