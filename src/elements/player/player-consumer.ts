import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { authContext, type AuthState } from '../../context.js';
import { ensureContextRoot } from '../buttons/button-base.js';
import type { PlaybackEngine } from '../../core/playback/playback-engine.js';
import './install-player.js';

/**
 * Connects a playback element to its provider's engine: re-renders the host on every engine
 * change (time updates included) and on provider state changes.
 */
export class PlayerConsumer implements ReactiveController {
  auth?: AuthState;
  #engine?: PlaybackEngine;
  #unsubscribe?: () => void;
  readonly #consumer: ContextConsumer<typeof authContext, ReactiveControllerHost & HTMLElement>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.#consumer = new ContextConsumer(host, {
      context: authContext,
      subscribe: true,
      callback: (value) => {
        this.auth = value;
        this.#follow(value.controller.player);
        host.requestUpdate();
      },
    });
  }

  /** The provider's engine, once the element is inside a provider. */
  get engine(): PlaybackEngine | undefined {
    return this.#engine;
  }

  hostConnected(): void {
    ensureContextRoot(this.host.ownerDocument);
    this.#follow(this.#consumer.value?.controller.player);
  }

  hostDisconnected(): void {
    this.#follow(undefined);
  }

  #follow(engine: PlaybackEngine | undefined): void {
    if (engine === this.#engine && (this.#unsubscribe || !engine)) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#engine = engine;
    if (engine) this.#unsubscribe = engine.subscribe(() => this.host.requestUpdate());
  }
}
