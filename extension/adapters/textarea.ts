/**
 * Plain `<textarea>` (nDelius-style forms, GOV.UK Design System). A textarea exposes no geometry for its
 * characters, so a hidden mirror div in the overlay's shadow root copies the textarea's box and text
 * styles and lays the same text out; ranges in the mirror give the character boxes, shifted by the
 * textarea's position and scroll. The textarea's value is never touched except by an explicit fix,
 * which goes through `insertText` so the browser's undo restores it.
 */
import { execInsertText, type Box, type FieldAdapter } from './types';
import { mergeLineBoxes } from './dom-text';

/** Styles that decide where a character lands. */
const COPIED = [
  'direction', 'boxSizing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily',
  'fontFeatureSettings', 'fontKerning', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing',
  'tabSize', 'whiteSpace', 'wordBreak', 'overflowWrap', 'hyphens', 'textRendering',
] as const;

export class TextareaAdapter implements FieldAdapter {
  kind = 'textarea';
  private mirror: HTMLDivElement | null = null;
  private mirrorText: Text | null = null;
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
    this.mirrorText = doc.createTextNode('');
    this.mirror.append(this.mirrorText);
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
    if (!m || !this.mirrorText) return;
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
    // A trailing newline needs a character after it to occupy a line, as in the textarea.
    const wanted = this.text + '\u200b';
    if (this.mirrorText.data !== wanted) this.mirrorText.data = wanted;
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
    if (!this.mirror || !this.mirrorText || end <= start) return [];
    const shift = this.shift ?? this.measureShift();
    if (!shift) return [];
    const range = this.mirror.ownerDocument.createRange();
    const len = this.text.length;
    range.setStart(this.mirrorText, Math.min(start, len));
    range.setEnd(this.mirrorText, Math.min(end, len));
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
