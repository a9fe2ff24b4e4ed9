/**
 * `<curio-overlay>`: one per checked field, appended to the field's document body (never inside the
 * editable), with an open shadow root holding the underline marks. It has no size and no layout effect;
 * a clip box placed over the field's text area hides marks whose text is scrolled out of view.
 */
import type { Box, FieldAdapter } from '../adapters/types';
import type { Category } from '../../core/types.js';
import { CATEGORY_COLOURS } from './colours';

/** A finding as the overlay draws it: offsets in this field's text. */
export interface FieldFinding {
  key: string;
  ruleId: string;
  category: Category;
  message: string;
  start: number;
  end: number;
}

const STYLE = `
:host { all: initial; }
.clip { position: absolute; overflow: hidden; pointer-events: none; }
.curio-mark { position: absolute; pointer-events: auto; cursor: pointer; height: 5px; box-sizing: border-box;
  border-bottom: 2px solid var(--c); background: transparent; outline: none; border-radius: 1px; }
.curio-mark:hover, .curio-mark:focus-visible, .curio-mark.active { background: color-mix(in srgb, var(--c) 35%, transparent); }
.curio-mark:focus-visible { box-shadow: 0 0 0 2px #ffdd00, 0 3px 0 2px #0b0c0c; }
.seg { position: absolute; height: 5px; box-sizing: border-box; border-bottom: 2px solid var(--c); pointer-events: none; }
`;

/** How tall the hover/focus target is: enough to aim at, small enough not to cover the text. */
const MARK_HEIGHT = 5;

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private clipEl: HTMLDivElement;
  private marks = new Map<string, { el: HTMLElement; finding: FieldFinding }>();
  /** Line height of each drawn mark's text, so a card can be placed clear of the words, not just the underline. */
  private lineHeights = new WeakMap<HTMLElement, number>();
  version = 0;

  constructor(
    private adapter: FieldAdapter,
    fieldFor: string,
    private handlers: { open(finding: FieldFinding, mark: HTMLElement): void; leave(mark: HTMLElement): void },
  ) {
    const doc = adapter.anchor.ownerDocument;
    this.host = doc.createElement('curio-overlay');
    this.host.setAttribute('data-curio-for', fieldFor);
    this.host.setAttribute('data-curio-editor', adapter.kind);
    // Inline so page styles cannot give it size or position it in the flow.
    this.host.setAttribute('style', 'position:absolute!important;left:0!important;top:0!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;z-index:2147483646!important;display:block!important;pointer-events:none!important;');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.clipEl = doc.createElement('div');
    this.clipEl.className = 'clip';
    this.root.append(style, this.clipEl);
    doc.body.append(this.host);
    adapter.attach?.(this.root);
  }

  /**
   * Replaces the marks (reusing elements whose finding did not change, so focus survives a re-lint).
   * Drawing is left to `position()`, which the caller runs in an animation frame.
   */
  setFindings(findings: FieldFinding[]): void {
    const doc = this.host.ownerDocument;
    const next = new Map<string, { el: HTMLElement; finding: FieldFinding }>();
    for (const f of findings) {
      const id = `${f.key}@${f.start}-${f.end}`;
      let entry = this.marks.get(id);
      if (entry) {
        this.marks.delete(id);
        entry.finding = f;
      } else {
        const el = doc.createElement('span');
        el.className = 'curio-mark';
        el.tabIndex = 0;
        el.setAttribute('role', 'button');
        el.style.setProperty('--c', CATEGORY_COLOURS[f.category] ?? '#505a5f');
        el.style.display = 'none';
        entry = { el, finding: f };
        const e = entry;
        el.addEventListener('mouseenter', () => this.handlers.open(e.finding, el));
        el.addEventListener('mouseleave', () => this.handlers.leave(el));
        el.addEventListener('focus', () => this.handlers.open(e.finding, el));
        el.addEventListener('click', () => this.handlers.open(e.finding, el));
        this.clipEl.append(el);
      }
      const el = entry.el;
      el.setAttribute('data-rule-id', f.ruleId);
      el.setAttribute('data-category', f.category);
      el.setAttribute('data-start', String(f.start));
      el.setAttribute('data-end', String(f.end));
      el.setAttribute('aria-label', f.message);
      next.set(id, entry);
    }
    for (const old of this.marks.values()) old.el.remove();
    this.marks = next;
  }

  /** Hides the marks from `offset` on (text after an edit moved; the re-lint will place them again). */
  hideFrom(offset: number): void {
    for (const { el, finding } of this.marks.values()) if (finding.end > offset) el.style.display = 'none';
  }

  /**
   * Places the clip box over the field and every mark over its text. All geometry is read first and
   * written after, so the browser lays the page out once, not once per mark.
   */
  position(): void {
    const hostBox = this.host.getBoundingClientRect();
    const clip = this.adapter.clip();
    const visible = this.adapter.anchor.isConnected && clip.width > 0 && clip.height > 0;
    const cs = this.clipEl.style;
    if (!visible) {
      cs.display = 'none';
      return;
    }
    const placed: { el: HTMLElement; boxes: Box[] }[] = [];
    this.adapter.prepare?.();
    try {
      for (const { el, finding } of this.marks.values()) placed.push({ el, boxes: this.boxesOf(finding) });
    } finally {
      this.adapter.finish?.();
    }
    cs.display = 'block';
    cs.left = `${clip.left - hostBox.left}px`;
    cs.top = `${clip.top - hostBox.top}px`;
    cs.width = `${clip.width}px`;
    cs.height = `${clip.height}px`;
    for (const { el, boxes } of placed) this.draw(el, boxes, clip);
  }

  private boxesOf(f: FieldFinding): Box[] {
    const boxes = f.end > f.start ? this.adapter.rects(f.start, f.end) : [];
    // Zero-length findings (something missing at a point) get a short mark at that point.
    if (!boxes.length && f.end <= f.start) {
      const at = this.adapter.rects(Math.max(0, f.start - 1), Math.max(1, f.start))[0];
      if (at) boxes.push({ left: at.left + at.width - 4, top: at.top, width: 8, height: at.height });
    }
    return boxes;
  }

  private draw(el: HTMLElement, boxes: Box[], clip: Box): void {
    for (const seg of [...el.children]) seg.remove();
    // Text scrolled out of the field is not drawn at all (the clip box would hide it anyway).
    const inView = boxes.filter((b) => b.top + b.height > clip.top - 2 && b.top < clip.top + clip.height + 2);
    if (!inView.length) {
      el.style.display = 'none';
      return;
    }
    el.style.display = 'block';
    const first = boxes[0];
    this.lineHeights.set(el, first.height);
    const x0 = first.left - clip.left;
    const y0 = first.top - clip.top + first.height - MARK_HEIGHT;
    el.style.left = `${x0}px`;
    el.style.top = `${y0}px`;
    el.style.width = `${Math.max(4, first.width)}px`;
    const doc = el.ownerDocument;
    for (const b of boxes.slice(1)) {
      const seg = doc.createElement('span');
      seg.className = 'seg';
      seg.setAttribute('aria-hidden', 'true');
      seg.style.left = `${b.left - clip.left - x0}px`;
      seg.style.top = `${b.top - clip.top + b.height - MARK_HEIGHT - y0}px`;
      seg.style.width = `${b.width}px`;
      el.append(seg);
    }
  }

  /**
   * The viewport box of the text a mark underlines: every line of it, from the top of the first line
   * (the mark itself is only the strip under the words).
   */
  textRect(mark: HTMLElement): DOMRect {
    const rects = [mark, ...mark.querySelectorAll<HTMLElement>('.seg')].map((e) => e.getBoundingClientRect());
    const lh = this.lineHeights.get(mark) ?? MARK_HEIGHT;
    // Horizontally, the card lines up with the last line, the one it sits under.
    const last = rects.reduce((a, b) => (b.bottom > a.bottom ? b : a));
    const left = last.left;
    const right = last.right;
    const top = rects[0].top - Math.max(0, lh - MARK_HEIGHT);
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return new DOMRect(left, top, right - left, bottom - top);
  }

  /** Drawn marks in text order (hidden ones, scrolled out of view, left out). */
  visibleMarks(): HTMLElement[] {
    return [...this.marks.values()]
      .filter(({ el }) => el.style.display !== 'none' && el.isConnected)
      .sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end)
      .map(({ el }) => el);
  }

  /** Marks this field's mark for a finding as active (the card is open for it). */
  setActive(mark: HTMLElement | null): void {
    for (const { el } of this.marks.values()) el.classList.toggle('active', el === mark);
  }

  markFor(start: number, end: number, ruleId: string): HTMLElement | null {
    for (const { el, finding } of this.marks.values()) if (finding.start === start && finding.end === end && finding.ruleId === ruleId) return el;
    return null;
  }

  /** Marks a finished pass: tests wait on the version and read the page's (and the worker's) share of it. */
  stamp(t: { mainMs: number; workerMs: number; renderMs: number }): void {
    this.version += 1;
    this.host.setAttribute('data-curio-version', String(this.version));
    this.host.setAttribute('data-curio-lint-ms', t.mainMs.toFixed(2));
    this.host.setAttribute('data-curio-worker-ms', t.workerMs.toFixed(2));
    this.host.setAttribute('data-curio-render-ms', t.renderMs.toFixed(2));
  }

  destroy(): void {
    this.adapter.detach?.();
    this.host.remove();
  }
}
