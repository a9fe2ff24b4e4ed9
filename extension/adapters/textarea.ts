/**
 * Plain `<textarea>` (nDelius-style forms, GOV.UK Design System). A textarea exposes no geometry for its
 * characters, so a hidden mirror div in the overlay's shadow root copies the textarea's box and text
 * styles and lays the same text out; ranges in the mirror give the character boxes, shifted by the
 * textarea's position and scroll. The textarea's value is never touched except by an explicit fix,
 * which goes through `insertText` so the browser's undo restores it.
 */
import { execInsertText, type Box, type FieldAdapter } from './types';
import { mergeLineBoxes } from './dom-text';
import { lastAtOrBefore } from '../../core/positions.js';

/** Styles that decide where a character lands. */
const COPIED = [
  'direction', 'boxSizing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily',
  'fontFeatureSettings', 'fontKerning', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing',
  'tabSize', 'whiteSpace', 'wordBreak', 'overflowWrap', 'hyphens', 'textRendering',
] as const;

/**
 * The mirror holds one block per hard line of the textarea (a newline always breaks the line, so each
 * line wraps on its own exactly as in the textarea). After an edit only the lines that changed get new
 * text, so the browser re-lays out those paragraphs and merely moves the rest — on a 10,000-word field
 * a keystroke costs one paragraph's layout, not the whole text's.
 */
interface MirrorLine {
  el: HTMLDivElement;
  node: Text;
  text: string;
}

/** Empty lines still take a line's height (as in the textarea); the filler has no width and no offset. */
const FILLER = '\u200b';

export class TextareaAdapter implements FieldAdapter {
  kind = 'textarea';
  private mirror: HTMLDivElement | null = null;
  private lines: MirrorLine[] = [];
  /** Offset in the text where each line starts. */
  private starts: number[] = [];
  private mirrorFor: string | null = null;
  private text = '';
  private styledFor = '';

  constructor(readonly editable: HTMLTextAreaElement) {}

  get anchor(): HTMLElement {
    return this.editable;
  }

  attach(root: ShadowRoot): void {
    const doc = root.ownerDocument ?? document;
    this.mirror = doc.createElement('div');
    this.mirror.className = 'curio-mirror';
    this.mirror.setAttribute('aria-hidden', 'true');
    this.lines = [];
    this.starts = [];
    this.mirrorFor = null;
    root.append(this.mirror);
  }

  detach(): void {
    this.mirror?.remove();
    this.mirror = null;
  }

  read(): string {
    this.text = this.editable.value;
    return this.text;
  }

  /** Copies styles and width; cheap when nothing changed (the key is compared first). */
  private syncMirror(): void {
    const m = this.mirror;
    if (!m) return;
    const ta = this.editable;
    const cs = getComputedStyle(ta);
    const width = ta.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const key = COPIED.map((p) => cs[p]).join('|') + `|${width}`;
    if (key !== this.styledFor) {
      this.styledFor = key;
      const s = m.style;
      for (const p of COPIED) (s as any)[p] = cs[p];
      s.boxSizing = 'content-box';
      s.width = `${Math.max(0, width)}px`;
      s.border = '0';
      s.margin = '0';
      // A textarea always wraps (unless wrap="off") and keeps every space and newline.
      s.whiteSpace = ta.getAttribute('wrap') === 'off' ? 'pre' : 'pre-wrap';
      s.overflowWrap = ta.getAttribute('wrap') === 'off' ? 'normal' : 'break-word';
      s.position = 'fixed';
      s.left = '0';
      s.top = '0';
      s.visibility = 'hidden';
      s.pointerEvents = 'none';
      s.overflow = 'hidden';
      s.height = 'auto';
    }
    if (this.mirrorFor !== this.text) this.updateLines(this.text);
  }

  /** Replaces only the lines between the unchanged first and last lines. */
  private updateLines(text: string): void {
    const m = this.mirror!;
    const doc = m.ownerDocument;
    const next = text.split('\n');
    const old = this.lines;
    let pre = 0;
    while (pre < old.length && pre < next.length && old[pre].text === next[pre]) pre++;
    let suf = 0;
    while (suf < old.length - pre && suf < next.length - pre && old[old.length - 1 - suf].text === next[next.length - 1 - suf]) suf++;
    const changedOld = old.slice(pre, old.length - suf);
    const changedNew = next.slice(pre, next.length - suf);
    const made: MirrorLine[] = [];
    for (let i = 0; i < changedNew.length; i++) {
      const t = changedNew[i];
      // Reuse the elements of changed lines (a typed character changes one line: one text node update).
      const reuse = changedOld[i];
      if (reuse) {
        if (reuse.node.data !== (t || FILLER)) reuse.node.data = t || FILLER;
        reuse.text = t;
        made.push(reuse);
        continue;
      }
      const el = doc.createElement('div');
      const node = doc.createTextNode(t || FILLER);
      el.append(node);
      made.push({ el, node, text: t });
    }
    for (const gone of changedOld.slice(changedNew.length)) gone.el.remove();
    const after = old[old.length - suf]?.el ?? null;
    for (const line of made.slice(changedOld.length)) m.insertBefore(line.el, after);
    this.lines = [...old.slice(0, pre), ...made, ...old.slice(old.length - suf)];
    const starts = new Array<number>(this.lines.length);
    let at = 0;
    for (let i = 0; i < this.lines.length; i++) {
      starts[i] = at;
      at += this.lines[i].text.length + 1;
    }
    this.starts = starts;
    this.mirrorFor = text;
  }

  /** The mirror line holding `offset` and the offset within it (a newline belongs to the line it ends). */
  private locate(offset: number): { node: Text; offset: number } | null {
    const starts = this.starts;
    if (!starts.length) return null;
    const lo = lastAtOrBefore(starts, offset);
    const line = this.lines[lo];
    return { node: line.node, offset: Math.min(Math.max(0, offset - starts[lo]), line.text.length) };
  }

  /** Shift from mirror coordinates to the textarea's, for the current drawing pass. */
  private shift: { dx: number; dy: number } | null = null;

  prepare(): void {
    this.shift = null;
    this.shift = this.measureShift();
  }

  private measureShift(): { dx: number; dy: number } | null {
    if (!this.mirror) return null;
    this.syncMirror();
    const ta = this.editable;
    const m = this.mirror.getBoundingClientRect();
    const t = ta.getBoundingClientRect();
    return { dx: t.left + ta.clientLeft - ta.scrollLeft - m.left, dy: t.top + ta.clientTop - ta.scrollTop - m.top };
  }

  rects(start: number, end: number): Box[] {
    if (!this.mirror || end <= start) return [];
    const shift = this.shift ?? this.measureShift();
    if (!shift) return [];
    const len = this.text.length;
    const a = this.locate(Math.min(start, len));
    const b = this.locate(Math.min(end, len));
    if (!a || !b) return [];
    const range = this.mirror.ownerDocument.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ left: r.left + shift.dx, top: r.top + shift.dy, width: r.width, height: r.height }));
    return mergeLineBoxes(boxes);
  }

  /** Ends a drawing pass (geometry may change before the next one). */
  finish(): void {
    this.shift = null;
  }

  clip(): Box {
    const ta = this.editable;
    const t = ta.getBoundingClientRect();
    return { left: t.left + ta.clientLeft, top: t.top + ta.clientTop, width: ta.clientWidth, height: ta.clientHeight };
  }

  select(start: number, end: number): void {
    const ta = this.editable;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, end);
    // Scroll the span to the middle of the field, then the field into view.
    this.shift = null;
    const box = this.rects(start, end)[0];
    if (box) {
      const clip = this.clip();
      ta.scrollTop += box.top - clip.top - clip.height / 2;
    }
    ta.scrollIntoView({ block: 'nearest' });
  }

  replace(start: number, end: number, text: string): boolean {
    const ta = this.editable;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, end);
    if (execInsertText(ta.ownerDocument, text)) return true;
    // Fallback where insertText is unsupported: still fire the events frameworks listen to.
    const before = new InputEvent('beforeinput', { inputType: 'insertReplacementText', data: text, bubbles: true, cancelable: true });
    if (!ta.dispatchEvent(before)) return false;
    ta.setRangeText(text, start, end, 'end');
    ta.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', data: text, bubbles: true }));
    return true;
  }

  scrollers(): EventTarget[] {
    return [this.editable];
  }

  inputTarget(): EventTarget {
    return this.editable;
  }
}

export function detectTextarea(el: Element): FieldAdapter | null {
  return el.tagName === 'TEXTAREA' ? new TextareaAdapter(el as HTMLTextAreaElement) : null;
}
