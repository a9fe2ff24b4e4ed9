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
});
