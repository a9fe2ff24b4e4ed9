/**
 * An adapter is Curio's view of one host editor: the text it gives the core, where any span of that text
 * is on screen, and how to change it through the editor's own input path. One file per host editor.
 */

/** A rectangle in the overlay document's viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface FieldAdapter {
  /** `textarea`, `contenteditable`, `ckeditor5`, `tinymce`, `quill`. */
  readonly kind: string;
  /** The element the overlay is positioned against, in the document the overlay lives in. */
  readonly anchor: HTMLElement;
  /** The element that receives typing (the textarea, the editable root, or the iframe's body). */
  readonly editable: HTMLElement;
  /** The text given to the core; also refreshes the offset map. */
  read(): string;
  /** Screen boxes (one per line fragment) of `start..end` of the last text read. */
  rects(start: number, end: number): Box[];
  /** The part of the viewport where the field shows text (marks outside it are clipped). */
  clip(): Box;
  /** Selects the span and scrolls it into view. */
  select(start: number, end: number): void;
  /** Replaces `start..end` with `text` through the editor's input path so undo works. */
  replace(start: number, end: number, text: string): boolean;
  /** Elements whose scrolling moves the text (the field itself, an iframe's window). */
  scrollers(): EventTarget[];
  /** Documents whose input events should trigger a re-lint (the overlay's own, or an iframe's). */
  inputTarget(): EventTarget;
  /** Called before a batch of `rects` calls (one drawing pass) so per-pass geometry is read once. */
  prepare?(): void;
  /** Ends that pass. */
  finish?(): void;
  /** Called once with the overlay's shadow root (the textarea adapter measures text in a mirror there). */
  attach?(root: ShadowRoot): void;
  detach?(): void;
}

/** A detector: returns an adapter when `element` is that editor's editable, otherwise null. */
export type Detector = (element: Element) => FieldAdapter | null;

export function boxOf(r: DOMRect | DOMRectReadOnly): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/**
 * `insertText` through the browser's editing command: it fires beforeinput/input and joins the native undo
 * stack, which no script-made change does. False where unsupported (then callers dispatch the events).
 */
export function execInsertText(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}
