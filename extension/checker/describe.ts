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
