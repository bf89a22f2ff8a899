// The list's windowing: which rows are in the DOM, read from where the list sits on screen.
import type { ReactiveController, ReactiveElement } from 'lit';
import { nearEnd, rowRange, type RowRange } from './virtual-window.js';

/** Rows rendered beyond each edge of the visible band. */
const OVERSCAN = 10;

export interface WindowOptions {
  /** How many rows the list has. */
  count(): number;
  /** The visible band ends within two screens of the last row. */
  nearEnd(): void;
}

/** Where a list was scrolled to, to come back to it. */
export interface ScrollPosition {
  range: RowRange;
  /** The list's own scroll offset. */
  top: number;
  /** The page's, for lists that let the page scroll. */
  pageY?: number;
}

/**
 * Keeps `range` on the rows near the visible part of the host's `part="list"` (inside the
 * list's box and the window), following scrolls of the page and its scrollers and resizes.
 * Rows have a fixed height, read with the artwork's size from a rendered row. While rows are
 * skipped between frames, `fast` is set, so covers that would be gone a frame later are not
 * requested; it clears once the list stays put. `stuck` says that rows remain below the
 * visible band while neither the list nor the page can scroll to them (something clips the
 * list): scrolling cannot load more there.
 */
export class WindowController implements ReactiveController {
  range: RowRange = { start: 0, end: 0 };
  rowHeight = 56;
  artworkSize = 40;
  fast = false;
  stuck = false;

  readonly #host: ReactiveElement;
  readonly #options: WindowOptions;
  #resizeObserver?: ResizeObserver;
  #frame = 0;
  /** The measure waiting for the page to be idle after a paint. */
  #afterPaint?: { idle: number } | { task: ReturnType<typeof setTimeout> };
  #calm?: ReturnType<typeof setTimeout>;
  /** A position to apply once the list is rendered. */
  #restore?: ScrollPosition & { revealTop?: boolean };
  /** `range` comes from the host's box (see `hostUpdate`), not from the rendered list. */
  #estimated = false;

  constructor(host: ReactiveElement, options: WindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get list(): HTMLElement | null {
    return this.#host.renderRoot.querySelector('[part=list]');
  }

  hostConnected(): void {
    // Capturing scrolls of the page and its scrollers keeps the rows right when the page scrolls.
    addEventListener('scroll', this.measure, { capture: true, passive: true });
    // Measured in the next frame: a re-render inside the observer's callback (a button that
    // appears, rows that change) would resize the host again within the same frame, which
    // browsers report as a "ResizeObserver loop" error.
    this.#resizeObserver ??= new ResizeObserver(() => this.#measureNextFrame());
    this.#resizeObserver.observe(this.#host);
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.measure, { capture: true });
    this.#resizeObserver?.disconnect();
    this.#cancelAfterPaint();
  }

  /**
   * Before a render: when the first rows have arrived and the list is not in the DOM yet, start
   * from the rows the host's box shows (its layout is usually clean by then, so reading it
   * costs nothing). The first render then holds only the rows that paint in this frame, instead
   * of an empty list that is measured (a forced layout) and rendered again; the rows beyond the
   * edges follow once that frame has painted (see `measure()`), so the first rows paint sooner.
   */
  hostUpdate(): void {
    const count = this.#options.count();
    if (!count || this.range.end > 0 || this.list) return;
    const box = this.#host.getBoundingClientRect();
    this.range = rowRange(Math.max(box.top, 0) - box.top, Math.min(box.bottom, innerHeight) - box.top, this.rowHeight, count, 0);
    this.#estimated = true;
  }

  hostUpdated(): void {
    const sizer = this.#host.renderRoot.querySelector<HTMLElement>('.sizer');
    if (sizer) {
      // Set through CSSOM rather than a style attribute, which a strict CSP would block.
      sizer.style.height = `${this.#options.count() * this.rowHeight}px`;
      sizer.style.paddingTop = `${this.range.start * this.rowHeight}px`;
      const restore = this.#restore;
      if (restore) {
        this.#restore = undefined;
        sizer.parentElement!.scrollTop = restore.top;
        // A list that lets the page scroll: back to where the page was, or, opening another
        // list, to the list's top when it is above the window.
        if (restore.pageY !== undefined) scrollTo(scrollX, restore.pageY);
        else if (restore.revealTop && this.#host.getBoundingClientRect().top < 0) this.#host.scrollIntoView();
      }
    }
    this.measure();
  }

  #measureNextFrame(): void {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.measure();
    });
  }

  /**
   * Once this frame has painted and the page is idle (or 100 ms on): work queued from the
   * frame's callbacks runs after its paint, and an idle callback after the page's own tasks.
   * WebKit has no `requestIdleCallback`: a task then.
   */
  #measureAfterPaint(): void {
    this.#cancelAfterPaint();
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const idle = globalThis.requestIdleCallback;
      const measure = () => {
        this.#afterPaint = undefined;
        this.measure();
      };
      this.#afterPaint = idle ? { idle: idle(measure, { timeout: 100 }) } : { task: setTimeout(measure) };
    });
  }

  #cancelAfterPaint(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.#afterPaint && 'idle' in this.#afterPaint) cancelIdleCallback(this.#afterPaint.idle);
    else clearTimeout(this.#afterPaint?.task);
    this.#afterPaint = undefined;
  }

  /** Where the list is now. */
  position(): ScrollPosition {
    return { range: this.range, top: this.list?.scrollTop ?? 0, pageY: scrollY };
  }

  /**
   * Shows `position` once the list is rendered; without one, the top of a new list (and, with
   * `revealTop`, the top of the host when the page has scrolled past it).
   */
  restore(position: ScrollPosition = { range: { start: 0, end: 0 }, top: 0 }, revealTop = false): void {
    this.range = position.range;
    this.#restore = { ...position, revealTop };
    this.#host.requestUpdate();
  }

  /** Works out which rows to render, and reports when the end is near. */
  readonly measure = (): void => {
    const list = this.list;
    const count = this.#options.count();
    let top = 0;
    let bottom = 0;
    if (list) {
      const row = list.querySelector<HTMLElement>('[part=item]');
      const height = row?.offsetHeight;
      const size = row?.querySelector<HTMLElement>('[part=artwork]')?.offsetWidth;
      if ((height && height !== this.rowHeight) || (size && size !== this.artworkSize)) {
        this.rowHeight = height || this.rowHeight;
        this.artworkSize = size || this.artworkSize;
        this.#host.requestUpdate();
      }
      const box = list.getBoundingClientRect();
      const origin = box.top + list.clientTop - list.scrollTop;
      top = Math.max(box.top, 0) - origin;
      bottom = Math.min(box.bottom, innerHeight) - origin;
    }
    const range = rowRange(top, bottom, this.rowHeight, count, OVERSCAN);
    // Right after rendering from the host's box: when the rows that show are all there, this
    // frame paints them as they are (a few more than needed stay when the list is shorter than
    // its host), and the rows beyond the edges come once it has painted.
    const visible = rowRange(top, bottom, this.rowHeight, count, 0);
    const covered = this.#estimated && visible.start >= this.range.start && visible.end <= this.range.end;
    this.#estimated = false;
    if (covered) this.#measureAfterPaint();
    else if (range.start !== this.range.start || range.end !== this.range.end) {
      if (Math.abs(range.start - this.range.start) > OVERSCAN) {
        // Requesting and decoding covers that are gone a frame later costs frames.
        this.fast = true;
        clearTimeout(this.#calm);
        this.#calm = setTimeout(() => {
          this.fast = false;
          this.#host.requestUpdate();
        }, 150);
      }
      this.range = range;
      this.#host.requestUpdate();
    }
    const near = nearEnd(top, bottom, this.rowHeight, count);
    const scrollable =
      !!list &&
      (list.scrollTop + list.clientHeight < list.scrollHeight - 1 || scrollY + innerHeight < document.documentElement.scrollHeight - 1);
    const stuck = count > 0 && !near && !scrollable;
    if (stuck !== this.stuck) {
      this.stuck = stuck;
      this.#host.requestUpdate();
    }
    if (near) this.#options.nearEnd();
  };

  /** Scrolls the list (then the window, if the list cannot) just enough to show row `i`. */
  reveal(i: number): void {
    const list = this.list;
    if (list) {
      const h = this.rowHeight;
      const box = list.getBoundingClientRect();
      const inner = box.top + list.clientTop;
      const y = inner - list.scrollTop + i * h;
      const low = Math.max(inner, 0);
      const high = Math.min(inner + list.clientHeight, innerHeight);
      const delta = y < low ? y - low : y + h > high ? y + h - high : 0;
      const before = list.scrollTop;
      list.scrollTop += delta;
      const rest = delta - (list.scrollTop - before);
      if (Math.abs(rest) > 1) scrollBy(0, rest);
    }
    this.measure();
  }
}
