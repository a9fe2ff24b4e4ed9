/**
 * Quill: the editable is `.ql-editor` inside `.ql-container`. Quill watches its DOM with a
 * MutationObserver, so `insertText` (the browser's editing command) updates its Delta and its history.
 * The placeholder is CSS (`::before`), not text, so nothing needs skipping.
 */
import { ContentEditableAdapter, isEditableRoot } from './contenteditable';
import type { FieldAdapter } from './types';

export class QuillAdapter extends ContentEditableAdapter {
  kind = 'quill';

  protected skip(el: Element): boolean {
    return el.classList.contains('ql-clipboard') || el.classList.contains('ql-tooltip');
  }
}

export function detectQuill(el: Element): FieldAdapter | null {
  return isEditableRoot(el) && el.classList.contains('ql-editor') ? new QuillAdapter(el) : null;
}
