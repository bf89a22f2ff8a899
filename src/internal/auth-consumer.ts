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
 * With `shown`, the host updates only when one of the values it returns differs from the last
 * state's: a host that shows none of what changed (busy, storefront) does not render again.
 */
export function consumeAuth(
  host: ReactiveElement,
  changed?: (state: AuthState) => void,
  shown?: (state: AuthState) => readonly unknown[],
): ContextConsumer<typeof authContext, ReactiveElement> {
  // Added before the consumer, so the root is there when the consumer asks for the context.
  host.addController({ hostConnected: () => ensureContextRoot(host.ownerDocument) });
  let last: readonly unknown[] | undefined;
  return new ContextConsumer(host, {
    context: authContext,
    subscribe: true,
    callback: (state) => {
      changed?.(state);
      // A provider not updated yet answers with no state: always worth a render.
      const now = state ? shown?.(state) : undefined;
      if (now && last && now.length === last.length && now.every((value, i) => Object.is(value, last![i]))) return;
      last = now;
      host.requestUpdate();
    },
  });
}
