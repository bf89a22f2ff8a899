import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import type { AuthState } from '../context.js';
import { consumeAuth } from './auth-consumer.js';
import { buttonStyles } from './button.styles.js';
import { themeStyles } from './theme.styles.js';

/** Walks up through shadow roots looking for the nearest `<am-auth-provider>`. */
function closestProvider(element: Element): Element | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.localName === 'am-auth-provider') return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** The provider state last announced, shared by all buttons so a change is announced once. */
let announced: AuthState | undefined;

/** A native button wired to the nearest `<am-auth-provider>`; subclasses say what a click does. */
export abstract class AuthButtonBase extends LitElement {
  static override properties = {
    status: { reflect: true },
    busy: { type: Boolean, reflect: true },
    colorScheme: { attribute: 'color-scheme', reflect: true },
    connectedText: { attribute: 'connected-text' },
    disconnectedText: { attribute: 'disconnected-text' },
  };

  static override styles = [themeStyles, buttonStyles];
  /** `focus()` on the element focuses its button. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The provider's status, reflected so `am-authorize-button[status=authorized]` can be styled. */
  declare status?: string;

  /** Reflected while an attempt is in flight. */
  busy = false;

  /**
   * Renders in this colour scheme (`auto` follows `prefers-color-scheme`); unset, the button
   * inherits the page's CSS `color-scheme`. `light-dark()` values in the tokens follow it.
   */
  declare colorScheme?: 'light' | 'dark' | 'auto';

  /** Announced to screen readers (polite live region) when the user gets signed in. */
  connectedText = 'Connected to Apple Music';

  /** Announced to screen readers (polite live region) when the user gets signed out. */
  disconnectedText = 'Disconnected from Apple Music';

  /** The provider's state; set by the context consumer. */
  protected auth?: AuthState;
  /** The state of the last render, to tell what changed. */
  #rendered?: AuthState;

  readonly #consumer = consumeAuth(this, (value) => (this.auth = value));

  #warnTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.#warnTimer);
    // Give a provider defined later in the same task a chance before complaining.
    this.#warnTimer = setTimeout(() => {
      if (!this.#consumer.value && !closestProvider(this)) {
        console.warn(`<${this.localName}> needs an <am-auth-provider> ancestor; it stays disabled until it has one.`);
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#warnTimer);
    this.auth = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.status = this.auth?.status;
    this.busy = this.isBusy();
  }

  protected abstract readonly defaultLabel: string;
  protected abstract readonly icon: TemplateResult;
  protected abstract isEnabled(auth: AuthState): boolean;
  protected abstract isBusy(): boolean;
  protected abstract activate(auth: AuthState): void;

  protected override render() {
    const auth = this.auth;
    const busy = this.busy;
    // Busy is aria-disabled, not disabled: a disabled button drops keyboard focus to <body>.
    // Compact markup: template text is shipped as written.
    return html`<button part="button" type="button" ?disabled=${!auth || !this.isEnabled(auth)} aria-disabled=${busy} aria-busy=${busy} @click=${this.#onClick}>${busy
      ? html`<span part="spinner" aria-hidden="true"></span>`
      : html`<span part="icon" aria-hidden="true">${this.icon}</span>`}<span part="label"><slot>${this.defaultLabel}</slot></span></button><span class="sr" role="status"></span>`;
  }

  /**
   * Announces a sign-in that an attempt made (not one restored from storage on load) and every
   * sign-out, through the first visible button: the usual
   * `am-authorize-button[status=authorized]{display:none}` hides the one that was clicked.
   */
  protected override updated(): void {
    const auth = this.auth;
    const was = this.#rendered;
    this.#rendered = auth;
    if (
      auth &&
      was?.controller === auth.controller &&
      was.isAuthorized !== auth.isAuthorized &&
      (was.busy || was.isAuthorized) &&
      announced !== auth &&
      this.checkVisibility?.() !== false
    ) {
      announced = auth;
      this.renderRoot.querySelector('.sr')!.textContent = auth.isAuthorized ? this.connectedText : this.disconnectedText;
    }
  }

  #onClick(): void {
    // Synchronous: the provider opens the popup inside this click task.
    // Busy clicks go through too: joining the attempt focuses a popup hidden behind the page.
    if (this.auth && this.isEnabled(this.auth)) this.activate(this.auth);
  }

  /**
   * Returns a function that puts focus back — on `target()`, else on this button — if this
   * button has it now and then loses it to the page (a popup took it) or gets disabled.
   */
  protected keepFocus(target?: () => HTMLElement | undefined): () => void {
    const hadFocus = this.shadowRoot?.activeElement != null;
    return () => {
      const active = this.ownerDocument.activeElement;
      // A disabled button still counts as focused until the browser's next rendering update.
      const lost = active === null || active === this.ownerDocument.body || (this.shadowRoot?.activeElement as HTMLButtonElement | null)?.disabled;
      if (hadFocus && lost) (target?.() ?? this).focus();
    };
  }

  /** The first visible `<am-authorize-button>` of this button's provider. */
  protected connectButton(): HTMLElement | undefined {
    const buttons = closestProvider(this)?.querySelectorAll<HTMLElement>('am-authorize-button') ?? [];
    return [...buttons].find((button) => button.checkVisibility?.() !== false);
  }
}
