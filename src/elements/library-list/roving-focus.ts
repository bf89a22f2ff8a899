// The list's keyboard model: one Tab stop that moves between rows, kept while rows are recycled.
import type { ReactiveController, ReactiveElement } from 'lit';
import type { LoadState } from './library-loader.js';
import type { WindowController } from './window-controller.js';
import { focusTarget } from './virtual-window.js';

export interface FocusOptions {
  /** How many rows there are. */
  count(): number;
  /** The loader's state: focus waits for a page that is loading or about to be. */
  state(): LoadState;
  /** Row `index` was activated (click, Enter or Space). */
  select(index: number): void;
}

/** The index of a rendered row, from its `aria-posinset`. */
export const rowIndex = (row: Element): number => Number(row.getAttribute('aria-posinset')) - 1;

/**
 * Roving focus over the virtual rows: `index` holds the list's Tab stop; ArrowUp/ArrowDown,
 * PageUp/PageDown, Home/End move it (scrolling the row into view), and focus follows it when
 * the focused row is recycled, or parks on the list while that row is scrolled away. Click,
 * Enter and Space activate a row.
 */
export class RovingFocus implements ReactiveController {
  /** The row that holds the Tab stop and the keyboard position. */
  index = 0;
  /** After "Load more", "Try again" or a sign-in from the list: focus this row once its page is in. */
  afterLoad?: number;

  readonly #host: ReactiveElement;
  readonly #window: WindowController;
  readonly #options: FocusOptions;
  /** Move focus to `index` once it is rendered. */
  #wanted = false;

  constructor(host: ReactiveElement, window: WindowController, options: FocusOptions) {
    this.#host = host;
    this.#window = window;
    this.#options = options;
    host.addController(this);
  }

  /** The row to make tabbable among the rendered rows `[start, end)`. */
  tabStop(start: number, end: number): number {
    return this.index >= start && this.index < end ? this.index : start;
  }

  /** Moves the keyboard position to row `i` and focuses it once it is rendered, without scrolling. */
  focusLater(i: number): void {
    this.index = i;
    this.#wanted = true;
    this.#host.requestUpdate();
  }

  /** Moves the keyboard position to row `i`, scrolling it into view, and focuses it. */
  moveTo(i: number): void {
    this.index = i;
    this.#wanted = true;
    this.#window.reveal(i);
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const pending = this.afterLoad;
    const state = this.#options.state();
    const count = this.#options.count();
    if (pending !== undefined && state !== 'loading' && (pending < count || state !== 'more')) {
      this.afterLoad = undefined;
      if (pending < count) this.moveTo(pending);
    }
    this.#restore();
  }

  /** Keeps focus on the row at `index` while rows are recycled by scrolling. */
  #restore(): void {
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    const part = active?.getAttribute('part');
    if (!this.#wanted && part !== 'item' && part !== 'list') return;
    const row = this.#host.renderRoot.querySelector<HTMLElement>(`[part=item][aria-posinset="${this.index + 1}"]`);
    if (row && row !== active) row.focus({ preventScroll: true });
    if (row) this.#wanted = false;
    // The focused row now shows another item and the right one is scrolled away: park focus
    // on the list; arrow keys continue from `index`.
    else if (part === 'item') this.#window.list?.focus({ preventScroll: true });
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    const part = target.getAttribute('part');
    if (part !== 'item' && part !== 'list') return;
    if (part === 'item' && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#options.select(rowIndex(target));
      return;
    }
    const { list, rowHeight } = this.#window;
    const page = Math.max(1, Math.floor((list?.clientHeight ?? 0) / rowHeight) - 1);
    const next = focusTarget(event.key, this.index, this.#options.count(), page);
    if (next === undefined) return;
    event.preventDefault();
    this.moveTo(next);
  };

  readonly onClick = (event: Event): void => {
    const row = (event.target as Element).closest('[part=item]');
    if (row) this.#options.select(rowIndex(row));
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element).closest('[part=item]');
    if (row && rowIndex(row) !== this.index) {
      this.index = rowIndex(row);
      this.#host.requestUpdate();
    }
  };
}
