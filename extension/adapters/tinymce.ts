/**
 * TinyMCE in iframe mode (its default): the editable is the body of a same-origin iframe. The overlay
 * lives in the page that holds the iframe and is positioned over it; text positions come from the
 * iframe's DOM shifted by the iframe's place on the page. Fixes use the iframe document's `insertText`,
 * which TinyMCE records as an undo level. Also covers other editors that make an iframe's body editable.
 */
import { ContentEditableAdapter, isEditableRoot } from './contenteditable';
import type { FieldAdapter } from './types';

export class IframeEditorAdapter extends ContentEditableAdapter {
  kind = 'tinymce';

  constructor(frame: HTMLIFrameElement, body: HTMLElement) {
    super(body, frame);
    if (!body.classList.contains('mce-content-body')) this.kind = 'iframe-editor';
  }

  protected skip(el: Element): boolean {
    return el.hasAttribute('data-mce-bogus') && el.getAttribute('data-mce-bogus') === 'all';
  }

  /**
   * TinyMCE keeps its own undo stack and records a level on an `input` whose inputType is
   * insertReplacementText (how it notices spellchecker replacements). Announcing the fix that way before
   * and after it makes the fix one undo step that Ctrl+Z in the editor reverts.
   */
  replace(start: number, end: number, text: string): boolean {
    if (this.kind !== 'tinymce') return super.replace(start, end, text);
    const view = this.doc.defaultView ?? window;
    const announce = () => this.editable.dispatchEvent(new view.InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
    announce();
    const ok = super.replace(start, end, text);
    if (ok) announce();
    return ok;
  }
}

/** The editable body of a same-origin iframe, or null (cross-origin frames throw and are not ours). */
export function editableFrameBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    const doc = frame.contentDocument;
    const body = doc?.body;
    if (!body) return null;
    return body.isContentEditable || doc.designMode === 'on' ? body : null;
  } catch {
    return null;
  }
}

export function detectTinyMce(el: Element): FieldAdapter | null {
  if (el.tagName === 'IFRAME') {
    const body = editableFrameBody(el as HTMLIFrameElement);
    return body ? new IframeEditorAdapter(el as HTMLIFrameElement, body) : null;
  }
  // TinyMCE inline mode: an ordinary editable root.
  if (isEditableRoot(el) && el.classList.contains('mce-content-body')) {
    const a = new ContentEditableAdapter(el);
    a.kind = 'tinymce';
    return a;
  }
  return null;
}
