import { describe, expect, it } from 'vitest';
import { TextareaAdapter } from '../../extension/adapters/textarea';

describe('textarea adapter', () => {
  it('gives the core the value exactly as typed', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    ta.value = 'Line one.\n\nLine two — with a dash.';
    expect(new TextareaAdapter(ta).read()).toBe(ta.value);
  });

  it('replaces a span through the input path and fires beforeinput and input', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    ta.value = 'His criminogenic needs are clear.';
    const seen: string[] = [];
    ta.addEventListener('beforeinput', () => seen.push('beforeinput'));
    ta.addEventListener('input', () => seen.push('input'));
    const a = new TextareaAdapter(ta);
    const start = ta.value.indexOf('criminogenic needs');
    expect(a.replace(start, start + 'criminogenic needs'.length, 'needs linked to offending')).toBe(true);
    expect(ta.value).toBe('His needs linked to offending are clear.');
    expect(seen).toContain('input');
  });

  it('keeps its measuring mirror in the overlay shadow root, never in the page', () => {
    document.body.innerHTML = '<textarea id="t">abc</textarea><div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const a = new TextareaAdapter(document.getElementById('t') as HTMLTextAreaElement);
    a.attach(root);
    expect(root.querySelector('.curio-mirror')).not.toBeNull();
    expect(document.querySelector('.curio-mirror')).toBeNull();
    a.detach();
    expect(root.querySelector('.curio-mirror')).toBeNull();
  });

  it('mirrors one block per line and, after an edit, touches only the lines that changed', () => {
    document.body.innerHTML = '<textarea id="t"></textarea><div id="host"></div>';
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const paras = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of a long report.`);
    ta.value = paras.join('\n\n');
    const a = new TextareaAdapter(ta);
    a.attach(root);
    a.read();
    a.prepare();
    const mirror = root.querySelector('.curio-mirror')!;
    const lines = () => [...mirror.children] as HTMLElement[];
    const text = () => lines().map((l) => l.textContent!.replace('\u200b', '')).join('\n');
    expect(lines()).toHaveLength(399);
    expect(text()).toBe(ta.value);
    const before = lines();
    const nodes = before.map((l) => l.firstChild);
    const changed: Node[] = [];
    new MutationObserver((rs) => rs.forEach((r) => changed.push(r.target))).observe(mirror, { subtree: true, childList: true, characterData: true });
    // One character typed in paragraph 100.
    ta.value = ta.value.replace('Paragraph 100 of', 'Paragraph 100 oof');
    a.read();
    a.prepare();
    expect(text()).toBe(ta.value);
    expect(lines().every((l, i) => l === before[i] && l.firstChild === nodes[i])).toBe(true);
    return Promise.resolve().then(() => {
      expect(changed).toEqual([nodes[200]]);
      // A new paragraph in the middle inserts lines; the rest keep their elements.
      ta.value = ta.value.replace('Paragraph 50 of a long report.', 'Paragraph 50 of a long report.\nAnd a new line.\n');
      a.read();
      a.prepare();
      expect(text()).toBe(ta.value);
      expect(lines()).toHaveLength(401);
      expect(lines()[0]).toBe(before[0]);
      expect(lines()[400]).toBe(before[398]);
      // Deleting everything leaves one empty line that still has a line's height.
      ta.value = '';
      a.read();
      a.prepare();
      expect(lines()).toHaveLength(1);
      expect(text()).toBe('');
      a.finish();
    });
  });
});
