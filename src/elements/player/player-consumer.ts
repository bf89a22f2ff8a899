import type { ReactiveController, ReactiveElement } from 'lit';
import type { ContextConsumer } from '@lit/context';
import type { authContext } from '../../context.js';
import { consumeAuth } from '../../internal/auth-consumer.js';
import type { PlaybackEngine } from '../../core/playback/playback-engine.js';
import './install-player.js';

/**
 * Connects a playback element to its provider's engine: re-renders the host on every engine
 * change (time updates included) and on provider state changes.
 */
export class PlayerConsumer implements ReactiveController {
  #engine?: PlaybackEngine;
  #unsubscribe?: () => void;
  readonly #auth: ContextConsumer<typeof authContext, ReactiveElement>;

  constructor(private readonly host: ReactiveElement) {
    this.#auth = consumeAuth(host, (state) => this.#follow(state?.controller.player));
    host.addController(this);
  }

  /** The provider's engine, once the element is inside a provider. */
  get engine(): PlaybackEngine | undefined {
    return this.#engine;
  }

  hostConnected(): void {
    this.#follow(this.#auth.value?.controller.player);
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
