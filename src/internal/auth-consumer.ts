import type { ReactiveElement } from 'lit';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { authContext, type AuthState } from '../context.js';

// One ContextRoot per document lets a consumer that connects before its provider is defined
// receive the state once the provider upgrades, whatever order the elements are defined in.
const rootedDocuments = new WeakSet<Document>();
function ensureContextRoot(doc: Document): void {
  if (rootedDocuments.has(doc)) return;
  rootedDocuments.add(doc);
  new ContextRoot().attach(doc.documentElement);
}

/**
 * Subscribes `host` to the nearest `<am-auth-provider>`'s state (the consumer's `value`):
 * `changed` gets each new state, then the host updates. Without a provider, nothing comes.
 */
export function consumeAuth(host: ReactiveElement, changed?: (state: AuthState) => void): ContextConsumer<typeof authContext, ReactiveElement> {
  // Added before the consumer, so the root is there when the consumer asks for the context.
  host.addController({ hostConnected: () => ensureContextRoot(host.ownerDocument) });
  return new ContextConsumer(host, {
    context: authContext,
    subscribe: true,
    callback: (state) => {
      changed?.(state);
      host.requestUpdate();
    },
  });
}
