/**
 * Properties that must hold for every input, whatever the rules say: `lint` never throws, every range
 * lies inside the input with start ≤ end and a line/column that agrees with the offset, and the output
 * depends only on the text and the options (not on the per-block cache or what was linted before).
 *
 * Purely random strings rarely trigger a rule, so the generators mix random Unicode with fragments that
 * do: the rules' own examples (the set grows as rules are added), report headings, dates, CRLF.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, check, lint, rules } from '../core/index.js';
import { clearDocumentCache } from '../core/document.js';
import { CATEGORIES, SECTION_IDS, SOURCE_IDS } from '../core/types.js';
import type { Diagnostic, LintOptions, SeverityOption } from '../core/types.js';

const RULE_IDS = rules.map((r) => r.meta.id);
const EXAMPLES = rules.flatMap((r) => [...r.meta.examples.invalid, ...r.meta.examples.valid].map((e) => e.text));

const FRAGMENTS = [
  '# Pre-Sentence Report\n',
  '## Sources of information\n',
  '## Offence analysis\n',
  'RISK ANALYSIS\n',
  '3. Sentencing proposal\n',
  '**Alcohol:** ',
  '- CPS case summary\n',
  '- Interview with the defendant\n',
  '12/03/2025 — Office visit — ',
  '3 June 2025: phone call. ',
  'He drinks about six cans most nights. ',
  'She has a new partner and is pregnant. ',
  'He was arrested on Friday. ',
  'He said it was an isolated incident. ',
  'He stopped taking his medication in May and hears voices. ',
  'OASys, OGRS, RoSH, DRR. ',
  'Mr. J. Smith, e.g. the P.N.C. ',
  '| Source | Date |\n|---|---|\n| PNC | 01/02/2025 |\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u202e',
  'مرحبا بالعالم. ',
  'שלום עולם. ',
  '👩🏽‍⚖️ 🍺 💊 ',
  '\ud83d',
  '\udca9',
  '\u0000\u0007\u001b[31m',
  '*',
  '**',
  '#',
  '|',
  '—',
  '.',
  ':',
];

/** Any UTF-16 code unit, so lone surrogates and control characters appear. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 80 });
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: EXAMPLES.length ? 3 : 0, arbitrary: EXAMPLES.length ? fc.constantFrom(...EXAMPLES) : fc.constant('') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: codeUnits },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
const documentText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

const severity = fc.constantFrom<SeverityOption>('off', 'info', 'warning', 'error');
const options: fc.Arbitrary<LintOptions> = fc.record(
  {
    kind: fc.constantFrom('auto', 'psr', 'case-notes', 'section') as fc.Arbitrary<LintOptions['kind']>,
    section: fc.constantFrom(...SECTION_IDS),
    rules: RULE_IDS.length ? fc.dictionary(fc.constantFrom(...RULE_IDS), severity, { maxKeys: 6 }) : fc.constant({}),
    context: fc.record({ sourcesCited: fc.subarray([...SOURCE_IDS]) }),
    terms: fc.record(
      {
        sources: fc.record({ 'substance-service': fc.array(fc.constantFrom('Horizon Recovery', 'Turning Point North', 'the Bridge'), { minLength: 1 }) }),
        acronyms: fc.constant({ IOM: 'Integrated Offender Management' }),
        plainLanguage: fc.constant({ 'engaged well': 'attended and took part' }),
        substances: fc.constant(['nitrous oxide', 'pregabalin']),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** 1-based line and column of an offset, computed independently of the core. */
function pointOf(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function assertWellFormed(text: string, ds: Diagnostic[], opts: LintOptions = {}) {
  for (const d of ds) {
    expect(d.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.start.offset).toBeLessThanOrEqual(d.end.offset);
    expect(d.end.offset).toBeLessThanOrEqual(text.length);
    expect(Number.isInteger(d.start.offset) && Number.isInteger(d.end.offset)).toBe(true);
    expect(d.start).toEqual(pointOf(text, d.start.offset));
    expect(d.end).toEqual(pointOf(text, d.end.offset));
    expect(CATEGORIES).toContain(d.category);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(RULE_IDS).toContain(d.ruleId);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(Array.isArray(d.prompts) && d.prompts.every((p) => typeof p === 'string')).toBe(true);
    const configured = opts.rules?.[d.ruleId];
    expect(configured).not.toBe('off');
    if (configured) expect(d.severity).toBe(configured);
  }
}

function assertAnalysisInRange(text: string, opts: LintOptions = {}) {
  const a = analyse(text, opts);
  const spans = [
    ...a.sections,
    ...a.events,
    ...a.sourcesCited.flatMap((s) => s.spans),
    ...a.sourcesRequired.flatMap((s) => (s.because ? [s.because] : [])),
    ...Object.values(a.categories).flatMap((c) => c.evidence),
  ];
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(text.length);
  }
}

describe('lint on any string', () => {
  it('never throws and every range is inside the input (mixed report fragments and random Unicode)', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        assertWellFormed(text, lint(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on raw code units, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 400 }), (text) => {
        assertWellFormed(text, lint(text));
      }),
      { numRuns: 200 },
    );
  });

  it('holds under random option combinations (kind, section, rule severities, terms, sources cited)', () => {
    fc.assert(
      fc.property(documentText, options, (text, opts) => {
        assertWellFormed(text, lint(text, opts), opts);
        assertAnalysisInRange(text, opts);
      }),
      { numRuns: 200 },
    );
  });

  it('the analysis spans are inside the input too', () => {
    fc.assert(
      fc.property(documentText, (text) => assertAnalysisInRange(text)),
      { numRuns: 150 },
    );
  });

  it('CRLF and LF versions of a document give the same findings, with offsets shifted by the CRs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => !f.includes('\r')), ...EXAMPLES), { maxLength: 20 }), (parts) => {
        const lf = parts.join('');
        const crlf = lf.replace(/\n/g, '\r\n');
        const a = lint(lf);
        const b = lint(crlf);
        assertWellFormed(crlf, b);
        expect(b.map((d) => [d.ruleId, d.message, d.start.line])).toEqual(a.map((d) => [d.ruleId, d.message, d.start.line]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('determinism', () => {
  it('repeated runs give identical output', () => {
    fc.assert(
      fc.property(documentText, options, (text, opts) => {
        const first = JSON.stringify(check(text, opts));
        expect(JSON.stringify(check(text, opts))).toBe(first);
      }),
      { numRuns: 150 },
    );
  });

  it('the per-block cache never changes the answer: cold, warm, and after other documents agree', () => {
    fc.assert(
      fc.property(documentText, documentText, (text, other) => {
        clearDocumentCache();
        const cold = JSON.stringify(check(text));
        lint(other);
        const afterOther = JSON.stringify(check(text));
        const warm = JSON.stringify(check(text));
        expect(afterOther).toBe(cold);
        expect(warm).toBe(cold);
      }),
      { numRuns: 100 },
    );
  });

  it('re-linting after an edit equals linting the edited text from cold', () => {
    fc.assert(
      fc.property(documentText, fc.nat(), fc.constantFrom('a', '\n', '. ', 'drink ', ''), (text, at, insert) => {
        const pos = text.length ? at % (text.length + 1) : 0;
        const edited = text.slice(0, pos) + insert + text.slice(pos + (insert ? 0 : 1));
        lint(text);
        const incremental = JSON.stringify(check(edited));
        clearDocumentCache();
        expect(incremental).toBe(JSON.stringify(check(edited)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('large inputs', () => {
  it('a 1 MB report-like document', () => {
    const base = [...FRAGMENTS.filter((f) => !/[\ud800-\udfff]/.test(f)), ...EXAMPLES].join(' ');
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `\n\n## Part ${i}\n\n${base.replace(/\d/g, String(i % 10))}`;
    const ds = lint(text);
    assertWellFormed(text, ds);
    assertAnalysisInRange(text);
  });

  it('1 MB of random code units on one line, and 1 MB of newlines', () => {
    const rnd = fc.sample(codeUnits, { numRuns: 14000, seed: 7 }).join('');
    for (const text of [rnd.slice(0, 1_000_000), '\n'.repeat(1_000_000), 'a'.repeat(1_000_000)]) {
      assertWellFormed(text, lint(text));
    }
  });
});
