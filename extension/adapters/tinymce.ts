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
