/**
 * Any contenteditable root (a plain editable div, and the base the rich-text editors build on). Text and
 * positions come from the DOM (dom-text.ts); fixes go through `beforeinput`/`insertText` so the browser's
 * (or the editor's) undo stack records them.
 */
import { boxOf, execInsertText, type Box, type FieldAdapter } from './types';
import { buildTextMap, domRange, mergeLineBoxes, textRects, type TextMap } from './dom-text';

export function isEditableRoot(el: Element): el is HTMLElement {
  if (!(el instanceof (el.ownerDocument.defaultView ?? window).HTMLElement)) return false;
  const ce = el.getAttribute('contenteditable');
  if (ce === null || ce === 'false') return false;
  const parent = el.parentElement;
  return !parent || !parent.isContentEditable;
}

export class ContentEditableAdapter implements FieldAdapter {
  kind = 'contenteditable';
  protected map: TextMap = { text: '', segments: [] };

  constructor(
    readonly editable: HTMLElement,
    /** For an editor whose editable is an iframe's body: the iframe (the overlay's document holds it). */
    readonly frame: HTMLIFrameElement | null = null,
  ) {}

  get anchor(): HTMLElement {
    return this.frame ?? this.editable;
  }

  protected get doc(): Document {
    return this.editable.ownerDocument;
  }

  /** Elements inside the editable that are editor chrome rather than text. */
  protected skip(_el: Element): boolean {
    return false;
  }

  read(): string {
    this.map = buildTextMap(this.editable, (el) => this.skip(el));
    return this.map.text;
  }

  get textMap(): TextMap {
    return this.map;
  }

  /** Offset of the frame's viewport in the overlay document's viewport (0,0 when not in a frame). */
  protected frameOffset(): { x: number; y: number } {
    if (!this.frame) return { x: 0, y: 0 };
    const r = this.frame.getBoundingClientRect();
    return { x: r.left + this.frame.clientLeft, y: r.top + this.frame.clientTop };
  }

  rects(start: number, end: number): Box[] {
    const { x, y } = this.frameOffset();
    return mergeLineBoxes(textRects(this.map, start, end, this.doc)).map((b) => ({ ...b, left: b.left + x, top: b.top + y }));
  }

  clip(): Box {
    if (this.frame) {
      const r = this.frame.getBoundingClientRect();
      return { left: r.left + this.frame.clientLeft, top: r.top + this.frame.clientTop, width: this.frame.clientWidth, height: this.frame.clientHeight };
    }
    const r = this.editable.getBoundingClientRect();
    // A scrolling editable clips its text to its padding box; a growing one shows everything.
    return { left: r.left + this.editable.clientLeft, top: r.top + this.editable.clientTop, width: this.editable.clientWidth || r.width, height: this.editable.clientHeight || r.height };
  }

  protected rangeOf(start: number, end: number): Range | null {
    return domRange(this.map, start, end, this.doc);
  }

  select(start: number, end: number): void {
    const range = this.rangeOf(start, end);
    if (!range) return;
    this.editable.focus({ preventScroll: true });
    const sel = this.doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (this.frame) this.frame.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Editors that keep their own model (CKEditor 5, Quill) apply a `beforeinput` whose target range says
   * what to replace, as they do for the browser's spellchecker; a plain editable needs the browser's own
   * editing command instead.
   */
  protected handlesBeforeInput = false;

  replace(start: number, end: number, text: string): boolean {
    const range = this.rangeOf(start, end) ?? (start === end ? this.rangeOf(start, start + 1) : null);
    if (!range) return false;
    if (start === end) range.collapse(true);
    this.editable.focus({ preventScroll: true });
    const sel = this.doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    if (this.handlesBeforeInput) {
      const view = this.doc.defaultView ?? window;
      const target = new view.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
      const event = new view.InputEvent('beforeinput', {
        inputType: start === end ? 'insertText' : 'insertReplacementText',
        data: text,
        bubbles: true,
        cancelable: true,
        composed: true,
        targetRanges: [target],
      });
      // Cancelled = the editor took it and changed its model (and its undo stack).
      if (!this.editable.dispatchEvent(event)) return true;
    }
    // execCommand fires a trusted beforeinput/input and joins the native undo stack.
    if (execInsertText(this.doc, text)) return true;
    const before = new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true });
    if (!this.editable.dispatchEvent(before)) return true;
    range.deleteContents();
    range.insertNode(this.doc.createTextNode(text));
    this.editable.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
    return true;
  }

  scrollers(): EventTarget[] {
    return this.frame ? [this.doc, this.editable] : [this.editable];
  }

  inputTarget(): EventTarget {
    return this.editable;
  }
}

export function detectContentEditable(el: Element): FieldAdapter | null {
  return isEditableRoot(el) ? new ContentEditableAdapter(el) : null;
}

export { boxOf };
