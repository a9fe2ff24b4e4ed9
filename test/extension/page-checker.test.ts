import { describe, expect, it } from 'vitest';
import { joinFields, shiftFindings, splitByField, isEligible } from '../../extension/checker/page-checker';
import { describeField } from '../../extension/checker/describe';
import { pageSources, sourceForLabel } from '../../extension/utils/page-context';
import type { Diagnostic } from '../../core/types';

function diag(start: number, end: number, ruleId = 'fake-rule'): Diagnostic {
  return { ruleId, category: 'curiosity', severity: 'warning', message: 'm', note: '', url: '', start: { offset: start, line: 1, column: 1 }, end: { offset: end, line: 1, column: 1 }, prompts: [], source: 'curio' };
}

describe('one report over several fields', () => {
  it('maps diagnostics back to each field by subtracting where its text starts', () => {
    const texts = ['first field', 'second', 'third one'];
    const { text, bases } = joinFields(texts, []);
    // "first field" + "\n\n" → second starts at 13, third at 21.
    expect(bases).toEqual([0, 13, 21]);
    expect(text.slice(13, 19)).toBe('second');
    const out = splitByField([diag(0, 5), diag(13, 19), diag(21, 26), diag(30, 99)], texts, bases);
    expect(out[0].map((f) => [f.start, f.end])).toEqual([[0, 5]]);
    expect(out[1].map((f) => [f.start, f.end])).toEqual([[0, 6]]);
    expect(out[2].map((f) => [f.start, f.end])).toEqual([[0, 5], [9, 9]]);
  });

  it('heads each field with its label so the page reads as a report with sections', () => {
    const texts = ['I read the CPS summary.', 'He drinks.'];
    const { text, bases } = joinFields(texts, ['Sources of information', 'Offence\nanalysis']);
    expect(text).toBe('## Sources of information\n\nI read the CPS summary.\n\n## Offence analysis\n\nHe drinks.');
    expect(texts.map((t, i) => text.slice(bases[i], bases[i] + t.length))).toEqual(texts);
    // A finding on a heading belongs to the field before it, clamped to its end.
    const out = splitByField([diag(bases[1] - 5, bases[1] - 3)], texts, bases);
    expect(out[0][0]).toMatchObject({ start: texts[0].length, end: texts[0].length });
  });
});

describe('marks between an edit and the re-lint', () => {
  const findings = [{ start: 0, end: 3 }, { start: 10, end: 14 }, { start: 20, end: 25 }];
  it('keeps marks before the edit, shifts marks after it, drops marks it touched', () => {
    const before = 'abc def ghijklmnopqrstuvwxyz';
    const after = 'abc dXXef ghijklmnopqrstuvwxyz'; // two characters inserted at 5
    expect(shiftFindings(findings, before, after)).toEqual([{ start: 0, end: 3 }, { start: 12, end: 16 }, { start: 22, end: 27 }]);
    const edited = 'abc def ghijZZmnopqrstuvwxyz'; // replaces inside the second span
    expect(shiftFindings(findings, before, edited)).toEqual([{ start: 0, end: 3 }, { start: 20, end: 25 }]);
  });
});

describe('which fields are checked', () => {
  it('skips data-curio="off", disabled and read-only fields', () => {
    document.body.innerHTML = `
      <textarea id="ok">a</textarea>
      <div data-curio="off"><textarea id="off">a</textarea></div>
      <textarea id="dis" disabled>a</textarea>
      <textarea id="ro" readonly>a</textarea>
      <div id="ce" contenteditable="true">a</div>
      <div id="ro-ce" contenteditable="true" aria-readonly="true">a</div>`;
    const el = (id: string) => document.getElementById(id)!;
    // happy-dom has no layout, so give the elements boxes.
    for (const e of document.querySelectorAll<HTMLElement>('textarea, [contenteditable]')) e.getClientRects = () => [{ width: 10, height: 10 }] as unknown as DOMRectList;
    expect(isEligible(el('ok'))).toBe(true);
    expect(isEligible(el('off'))).toBe(false);
    expect(isEligible(el('dis'))).toBe(false);
    expect(isEligible(el('ro'))).toBe(false);
    expect(isEligible(el('ro-ce'))).toBe(false);
  });

  it('describes fields by id, name, editor source element or label', () => {
    document.body.innerHTML = `
      <textarea id="more-detail"></textarea>
      <textarea name="notes"></textarea>
      <div id="editor" style="display:none"></div><div class="ck-editor"><div class="ck-editor__main"><div class="ck-editor__editable" contenteditable="true"></div></div></div>
      <div id="quill-box" class="ql-container"><div class="ql-editor" contenteditable="true"></div></div>
      <section><div><div><div><div contenteditable="true" aria-label="Case note"></div></div></div></div></section>`;
    expect(describeField(document.querySelector('#more-detail')!, 1)).toBe('#more-detail');
    expect(describeField(document.querySelector('[name=notes]')!, 2)).toBe('[name="notes"]');
    expect(describeField(document.querySelector('.ck-editor__editable')!, 3)).toBe('#editor');
    expect(describeField(document.querySelector('.ql-editor')!, 4)).toBe('#quill-box');
    expect(describeField(document.querySelector('[aria-label="Case note"]')!, 5)).toBe('Case note');
  });
});

describe('page context', () => {
  it('turns ticked "sources of information" boxes into source ids', () => {
    document.body.innerHTML = `
      <fieldset><legend>Sources of information</legend>
        <input type="checkbox" id="a" checked><label for="a">Interview with the defendant</label>
        <input type="checkbox" id="b" checked><label for="b">CPS case summary</label>
        <input type="checkbox" id="c"><label for="c">OASys</label>
        <label><input type="checkbox" checked> GP records</label>
      </fieldset>
      <fieldset><legend>Contact preferences</legend><input type="checkbox" id="d" checked><label for="d">Interview by phone</label></fieldset>`;
    expect(pageSources(document).sort()).toEqual(['cps', 'interview', 'medical']);
    expect(sourceForLabel('Previous convictions (PNC)')).toBe('previous-convictions');
    expect(sourceForLabel('Something else')).toBeNull();
  });
});
