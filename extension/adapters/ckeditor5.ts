/**
 * CKEditor 5 (the MoJ digital PSR service). Its editable is a contenteditable root with class
 * `ck-editor__editable`; the view renders paragraphs, headings and lists as ordinary elements, so the
 * contenteditable map applies once the editor's UI widgets are skipped. Fixes go through the editor's
 * model when an instance is reachable (an extension page such as the demo), otherwise through a
 * `beforeinput` (insertReplacementText with target ranges) that CKEditor's input observer turns into a
 * model change — either way its model, undo stack and autosave stay in sync. (`execCommand('insertText')`
 * does not work here: CKEditor reverts DOM changes it did not make.)
 */
import { ContentEditableAdapter, isEditableRoot } from './contenteditable';
import type { FieldAdapter } from './types';

interface CkEditorLike {
  model: {
    change(cb: (writer: any) => void): void;
    document: { selection: unknown };
    insertContent(content: unknown, selectable?: unknown): unknown;
  };
  editing: { view: { domConverter: { domRangeToView(r: Range): unknown } }; mapper: { toModelRange(r: unknown): unknown } };
}

export class CkEditor5Adapter extends ContentEditableAdapter {
  kind = 'ckeditor5';
  protected handlesBeforeInput = true;

  protected skip(el: Element): boolean {
    // Widget handles, "type around" buttons, fake selection containers.
    return el.classList.contains('ck-widget__type-around') || el.classList.contains('ck-fake-selection-container') || el.classList.contains('ck-widget__resizer');
  }

  replace(start: number, end: number, text: string): boolean {
    const editor = (this.editable as unknown as { ckeditorInstance?: CkEditorLike }).ckeditorInstance;
    const range = this.rangeOf(start, end);
    if (editor && range) {
      try {
        const viewRange = editor.editing.view.domConverter.domRangeToView(range);
        const modelRange = viewRange && editor.editing.mapper.toModelRange(viewRange);
        if (modelRange) {
          editor.model.change((writer) => {
            writer.setSelection(modelRange);
            editor.model.insertContent(writer.createText(text), modelRange);
          });
          return true;
        }
      } catch {
        // fall through to the input path
      }
    }
    return super.replace(start, end, text);
  }
}

export function detectCkEditor5(el: Element): FieldAdapter | null {
  if (!isEditableRoot(el)) return null;
  return el.classList.contains('ck-editor__editable') || el.classList.contains('ck-content') ? new CkEditor5Adapter(el) : null;
}
