import { LitElement, html, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
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

/**
 * A native button wired to the nearest `<am-auth-provider>`; subclasses say what a click does.
 * The custom properties below are both buttons' (the manifest lists them on each).
 *
 * @cssprop [--am-accent=#d60017] - Button background and default focus ring; keep at least 4.5:1 against `--am-on-accent` (the default has 5.4:1 with white).
 * @cssprop [--am-on-accent=#fff] - Button text and icon colour.
 * @cssprop [--am-focus-ring=var(--am-accent, #d60017)] - Focus outline colour (2px, offset 2px); keep at least 3:1 against the page.
 * @cssprop [--am-radius=999px] - Corner radius.
 * @cssprop [--am-font=system-ui, -apple-system, sans-serif] - Font family.
 * @cssprop [--am-space-2=0.5rem] - Gap between icon and label.
 * @cssprop [--am-space-4=1rem] - Horizontal padding.
 * @cssprop [--am-button-background=var(--am-accent, #d60017)] - This button's background only (any `background` value, e.g. a gradient).
 * @cssprop [--am-button-color=var(--am-on-accent, #fff)] - This button's text colour only.
 * @cssprop [--am-button-border-color=transparent] - Border colour (1px).
 * @cssprop [--am-button-font=600 0.9375rem/1.2 var(--am-font, system-ui, -apple-system, sans-serif)] - The whole `font` shorthand.
 */
export abstract class AuthButtonBase extends LitElement {
  static override properties = {
    status: { reflect: true },
    busy: { type: Boolean, reflect: true },
    colorScheme: { attribute: 'color-scheme', reflect: true },
    persistent: { type: Boolean, reflect: true },
    connectedText: { attribute: 'connected-text' },
    disconnectedText: { attribute: 'disconnected-text' },
  };

  static override styles: CSSResultGroup = [themeStyles, buttonStyles];
  /** `focus()` on the element focuses its button. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The provider's status, reflected so `am-authorize-button[status=authorized]` can be styled. */
  declare status?: string;

  /** Reflected while an attempt is in flight. */
  busy = false;

  /**
   * Stay visible in every state. Without it the authorize button hides itself while the user
   * is signed in and the unauthorize button while signed out, so the pair acts as one toggle.
   */
  persistent = false;

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
    return html`<button part="button" type="button" ?disabled=${!auth || !this.isEnabled(auth)} aria-disabled=${busy} aria-busy=${busy} @click=${this.#onClick}>${
      busy ? html`<span part="spinner" aria-hidden="true"></span>` : html`<span part="icon" aria-hidden="true">${this.icon}</span>`
    }<span part="label"><slot>${this.defaultLabel}</slot></span></button><span class="sr" role="status"></span>`;
  }

  /**
   * Announces a sign-in that an attempt made (not one restored from storage on load) and every
   * sign-out, through the first visible button: the one that was clicked has usually just hidden
   * itself, and the one that appeared speaks.
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
   * Call before an attempt that may hide or disable this button. Returns a function to call
   * when it is over: if this button had focus and lost it (to a popup, or because it hid itself
   * or got disabled), focus comes back to it, or, when it can no longer take focus, to the first
   * visible `counterpart` (a tag name) of the same provider and the same DOM tree.
   */
  protected keepFocus(counterpart: string): () => Promise<void> {
    const hadFocus = this.shadowRoot?.activeElement != null;
    return async () => {
      if (!hadFocus) return;
      const others = this.#counterparts(counterpart);
      // Every button's host attributes (which hide it) follow the latest state first.
      await Promise.all([this, ...others].map((button) => button.updateComplete));
      const active = this.ownerDocument.activeElement;
      const usable = (button: AuthButtonBase) =>
        button.isConnected && button.checkVisibility?.() !== false && !button.shadowRoot?.querySelector('button')?.disabled;
      // A hidden or disabled button still counts as focused until the browser's next rendering update.
      const stillHere = this.shadowRoot?.activeElement != null;
      const lost = active === null || active === this.ownerDocument.body || (stillHere && !usable(this));
      if (!lost) return;
      const target = usable(this) ? this : others.find(usable);
      target?.focus();
    };
  }

  /** The `tag` buttons in this button's DOM tree (document or shadow root) under the same provider. */
  #counterparts(tag: string): AuthButtonBase[] {
    const root = this.getRootNode() as Document | ShadowRoot;
    const provider = closestProvider(this);
    return [...root.querySelectorAll<AuthButtonBase>(tag)].filter((button) => closestProvider(button) === provider);
  }
}
