import { describe, expect, it } from 'vitest';
import { buildTextMap, domPoint, domRange, mergeLineBoxes } from '../../extension/adapters/dom-text';
import { ContentEditableAdapter } from '../../extension/adapters/contenteditable';
import { detectCkEditor5 } from '../../extension/adapters/ckeditor5';
import { detectQuill } from '../../extension/adapters/quill';
import { adapterFor } from '../../extension/adapters/index';

function editable(html: string): HTMLElement {
  document.body.innerHTML = `<div id="ed" contenteditable="true">${html}</div>`;
  return document.getElementById('ed')!;
}

describe('rich-text offset map', () => {
  it('separates blocks with blank lines and marks headings and list items as markdown', () => {
    const map = buildTextMap(editable('<h2>Sources</h2><p>I spoke to <b>him</b> twice.</p><ul><li>GP letter</li><li>PNC</li></ul>'));
    expect(map.text).toBe('## Sources\n\nI spoke to him twice.\n\n- GP letter\n- PNC');
  });

  it('maps every real character back to its text node and offset', () => {
    const root = editable('<p>He drinks <em>socially</em>.</p><p>Second line<br>after a break.</p>');
    const map = buildTextMap(root);
    for (let i = 0; i < map.text.length; i++) {
      const p = domPoint(map, i, 'forward');
      if (!p) continue;
      const ch = p.node.data[p.offset];
      // Virtual characters (block breaks) snap forward to the next real character.
      if (map.text[i] !== '\n') expect(ch).toBe(map.text[i]);
    }
    const start = map.text.indexOf('socially');
    const range = domRange(map, start, start + 'socially'.length, document)!;
    expect(range.toString()).toBe('socially');
    const across = domRange(map, map.text.indexOf('line'), map.text.indexOf('after') + 5, document)!;
    expect(across.toString()).toBe('lineafter');
  });

  it('skips source-formatting whitespace and editor caret fillers without breaking the 1:1 map', () => {
    const root = editable('\n  <p>one\u2060\u2060 two</p>\n  <p>three\u200b</p>\n');
    const map = buildTextMap(root);
    expect(map.text).toBe('one two\n\nthree');
    const i = map.text.indexOf('two');
    expect(domRange(map, i, i + 3, document)!.toString()).toBe('two');
  });

  it('returns null for a span made only of virtual text', () => {
    const map = buildTextMap(editable('<p>a</p><p>b</p>'));
    expect(map.text).toBe('a\n\nb');
    expect(domRange(map, 1, 3, document)).toBeNull();
  });

  it('merges boxes of one line into one underline', () => {
    const merged = mergeLineBoxes([
      { left: 0, top: 10, width: 20, height: 16 },
      { left: 20, top: 10, width: 30, height: 16 },
      { left: 0, top: 30, width: 10, height: 16 },
    ]);
    expect(merged).toEqual([
      { left: 0, top: 10, width: 50, height: 16 },
      { left: 0, top: 30, width: 10, height: 16 },
    ]);
  });
});

describe('detectors', () => {
  it('picks the most specific adapter', () => {
    document.body.innerHTML = `
      <textarea id="t"></textarea>
      <div class="ck ck-content ck-editor__editable" contenteditable="true" id="ck"><p>x</p></div>
      <div class="ql-container" id="q"><div class="ql-editor" contenteditable="true"><p>x</p></div></div>
      <div contenteditable="true" id="ce"><p>x <span contenteditable="true">nested</span></p></div>`;
    expect(adapterFor(document.getElementById('t')!)?.kind).toBe('textarea');
    expect(adapterFor(document.getElementById('ck')!)?.kind).toBe('ckeditor5');
    expect(adapterFor(document.querySelector('.ql-editor')!)?.kind).toBe('quill');
    expect(adapterFor(document.getElementById('ce')!)?.kind).toBe('contenteditable');
    // Only editable roots are fields: a nested editable belongs to its parent.
    expect(adapterFor(document.querySelector('#ce span')!)).toBeNull();
    expect(detectCkEditor5(document.getElementById('ce')!)).toBeNull();
    expect(detectQuill(document.getElementById('ck')!)).toBeNull();
  });

  it('reads a contenteditable field through its adapter', () => {
    const a = new ContentEditableAdapter(editable('<p>Alpha</p><p>Beta</p>'));
    expect(a.read()).toBe('Alpha\n\nBeta');
  });
});
