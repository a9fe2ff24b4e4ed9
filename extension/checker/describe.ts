/** `data-curio-for`: a short, stable description of a field (see the extension contract). */
export function describeField(el: HTMLElement, fallbackIndex: number): string {
  const esc = (s: string) => s.replace(/"/g, '\\"');
  if (el.id) return `#${el.id}`;
  const name = el.getAttribute('name');
  if (name) return `[name="${esc(name)}"]`;
  // CKEditor 5 classic: the element the editor was created from sits hidden just before `.ck-editor`.
  const ck = el.closest('.ck-editor');
  const source = ck?.previousElementSibling as HTMLElement | null | undefined;
  if (source?.id) return `#${source.id}`;
  let up: HTMLElement | null = el.parentElement;
  for (let i = 0; i < 3 && up && up !== el.ownerDocument.body; i++, up = up.parentElement) if (up.id) return `#${up.id}`;
  const label = el.getAttribute('aria-label');
  if (label) return label;
  return `field-${fallbackIndex}`;
}

/**
 * The field's visible label ("Offence analysis"), used as a section heading when a page's fields are
 * judged as one report: the core then sees the report's structure as the form shows it.
 */
export function fieldLabel(el: HTMLElement): string {
  const doc = el.ownerDocument;
  const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Editors hide the element they replace (CKEditor: just before .ck-editor; TinyMCE: before .tox), which keeps the label.
  const source = (el.closest('.ck-editor') ?? el.closest('.tox-tinymce') ?? (el.tagName === 'IFRAME' ? el.closest('.tox-tinymce') : null))?.previousElementSibling as HTMLElement | null;
  for (const candidate of [el, source]) {
    if (!candidate) continue;
    const labels = (candidate as HTMLTextAreaElement).labels;
    if (labels?.length) return text(labels[0]);
    if (candidate.id) {
      const label = doc.querySelector(`label[for="${CSS.escape(candidate.id)}"]`);
      if (label) return text(label);
    }
    const by = candidate.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(doc.getElementById(id))).join(' ').trim();
    const aria = candidate.getAttribute('aria-label');
    if (aria) return aria.trim();
  }
  return '';
}
