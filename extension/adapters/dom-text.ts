/**
 * Text and offset map for rich-text editables (contenteditable, CKEditor 5, TinyMCE, Quill). The text
 * the core sees separates blocks with blank lines and marks headings and list items with markdown
 * (`## `, `- `), so the core's structure detection works as on a plain report. Those added characters
 * are "virtual": they map to no DOM position. Every other character maps 1:1 to a character of a text
 * node, so offsets convert both ways exactly.
 */

/** A run of text-node characters copied into the text. */
export interface Segment {
  /** Offset in the built text. */
  start: number;
  length: number;
  node: Text;
  /** Offset in the text node. */
  nodeOffset: number;
}

export interface TextMap {
  text: string;
  segments: Segment[];
}

const BLOCKS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'HR', 'ADDRESS', 'MAIN', 'ASIDE', 'NAV',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IMG', 'VIDEO', 'AUDIO', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
/** Editor caret placeholders and zero-width characters that carry no text (CKEditor's inline filler, TinyMCE's caret container). */
const INVISIBLE = /[\u200b\u2060\ufeff]+/g;
/** Whitespace inside a text node renders as a space (outside `pre`); keep lengths equal so the map stays 1:1. */
const WHITESPACE = /[\n\r\t\f]/g;

/** Builds the text of an editable and the map from text offsets to DOM positions. */
export function buildTextMap(root: Node, skip?: (el: Element) => boolean): TextMap {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let pos = 0;
  let trailingNewlines = 0;

  const pushVirtual = (s: string) => {
    if (!s) return;
    parts.push(s);
    pos += s.length;
    const m = /\n*$/.exec(s)![0].length;
    trailingNewlines = m === s.length ? trailingNewlines + m : m;
  };
  const breakTo = (n: number) => {
    if (pos === 0) return;
    if (trailingNewlines < n) pushVirtual('\n'.repeat(n - trailingNewlines));
  };
  const pushText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    // Indentation between block tags (from the page's HTML source) is not text.
    if (/^[\s\u200b\u2060\ufeff]*$/.test(data) && (data.includes('\n') || trailingNewlines > 0 || pos === 0)) return;
    INVISIBLE.lastIndex = 0;
    let from = 0;
    let m: RegExpExecArray | null;
    const add = (a: number, b: number) => {
      if (b <= a) return;
      const chunk = data.slice(a, b).replace(WHITESPACE, ' ');
      segments.push({ start: pos, length: b - a, node, nodeOffset: a });
      parts.push(chunk);
      pos += chunk.length;
      trailingNewlines = 0;
    };
    while ((m = INVISIBLE.exec(data))) {
      add(from, m.index);
      from = m.index + m[0].length;
    }
    add(from, data.length);
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) return pushText(node as Text);
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const el = node as Element;
    if (node.nodeType === 1) {
      if (SKIP.has(el.tagName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' && el.getAttribute('contenteditable') === 'false') return;
      if (skip?.(el)) return;
      if (el.tagName === 'BR') return pushVirtual('\n');
    }
    const tag = node.nodeType === 1 ? el.tagName : '';
    const block = BLOCKS.has(tag);
    if (block) {
      breakTo(tag === 'LI' || tag === 'TR' || tag === 'DT' || tag === 'DD' ? 1 : 2);
      if (/^H[1-6]$/.test(tag)) pushVirtual(`${'#'.repeat(Number(tag[1]))} `);
      else if (tag === 'LI') pushVirtual('- ');
    } else if (tag === 'TD' || tag === 'TH') {
      if (trailingNewlines === 0 && pos > 0) pushVirtual(' | ');
    }
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
    if (block) breakTo(tag === 'LI' || tag === 'TR' ? 1 : 2);
  };
  visit(root);
  // Trailing virtual newlines are not part of what the user wrote.
  let text = parts.join('');
  const lastReal = segments.length ? segments[segments.length - 1].start + segments[segments.length - 1].length : 0;
  text = text.slice(0, Math.max(lastReal, text.replace(/\n+$/, '').length));
  return { text, segments };
}

/** Index of the first segment ending after `offset`. */
function firstEndingAfter(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start + segments[mid].length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** DOM position of a text offset. `bias` says which way to snap when the offset falls on virtual text. */
export function domPoint(map: TextMap, offset: number, bias: 'forward' | 'backward'): { node: Text; offset: number } | null {
  const { segments } = map;
  if (!segments.length) return null;
  if (bias === 'forward') {
    const i = firstEndingAfter(segments, offset);
    if (i >= segments.length) return null;
    const s = segments[i];
    return { node: s.node, offset: s.nodeOffset + Math.max(0, offset - s.start) };
  }
  // backward: the last segment starting before `offset`.
  let i = firstEndingAfter(segments, offset);
  if (i >= segments.length || segments[i].start >= offset) i -= 1;
  if (i < 0) return null;
  const s = segments[i];
  return { node: s.node, offset: s.nodeOffset + Math.min(s.length, offset - s.start) };
}

/** A DOM Range covering `start..end` of the text, or null when it covers only virtual text. */
export function domRange(map: TextMap, start: number, end: number, doc: Document): Range | null {
  const a = domPoint(map, start, 'forward');
  const b = domPoint(map, end, 'backward');
  if (!a || !b) return null;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range.collapsed && end > start ? null : range;
}

/**
 * Line boxes of `start..end`: one range per text node so that blocks fully inside a span do not add
 * their whole box (Range.getClientRects on a multi-block range returns element boxes too).
 */
export function textRects(map: TextMap, start: number, end: number, doc: Document): DOMRect[] {
  const out: DOMRect[] = [];
  const { segments } = map;
  for (let i = firstEndingAfter(segments, start); i < segments.length; i++) {
    const s = segments[i];
    if (s.start >= end) break;
    const a = Math.max(start, s.start) - s.start + s.nodeOffset;
    const b = Math.min(end, s.start + s.length) - s.start + s.nodeOffset;
    if (b <= a) continue;
    const range = doc.createRange();
    range.setStart(s.node, a);
    range.setEnd(s.node, b);
    for (const r of range.getClientRects()) if (r.width > 0 || r.height > 0) out.push(r);
  }
  return out;
}

/** Merges boxes on the same line so one span on one line draws one underline. */
export function mergeLineBoxes<T extends { left: number; top: number; width: number; height: number }>(boxes: T[]): { left: number; top: number; width: number; height: number }[] {
  const out: { left: number; top: number; width: number; height: number }[] = [];
  for (const b of boxes) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.top - b.top) < 2 && Math.abs(last.height - b.height) < 4 && b.left >= last.left - 1 && b.left <= last.left + last.width + 8) {
      const right = Math.max(last.left + last.width, b.left + b.width);
      last.width = right - last.left;
    } else out.push({ left: b.left, top: b.top, width: b.width, height: b.height });
  }
  return out;
}
