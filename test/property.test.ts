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
import type { Diagnostic, LintOptions, SeverityOption, TermsOption } from '../core/types.js';

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
    // A few fixed objects, as an organisation has one settings file: lexicons are compiled once per terms object.
    terms: fc.constantFrom<TermsOption>(
      { sources: { 'substance-service': ['Horizon Recovery', 'the Bridge'] } },
      { acronyms: { IOM: 'Integrated Offender Management' }, plainLanguage: { 'engaged well': 'attended and took part' } },
      { substances: ['nitrous oxide', 'pregabalin'], sources: { medical: ['Elm Tree Surgery'] } },
    ),
  },
  { requiredKeys: [] },
);

/** 1-based line and column of an offset, computed independently of the core. */
let startsFor = '';
let starts: number[] = [];
function pointOf(text: string, offset: number) {
  if (text !== startsFor) {
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    startsFor = text;
  }
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++; // linear on purpose: independent of the core's binary search
  return { offset, line: line + 1, column: offset - starts[line] + 1 };
}

/** Every problem with the diagnostics, as readable strings (one expect per run keeps 1 MB inputs fast). */
function problems(text: string, ds: Diagnostic[], opts: LintOptions = {}): string[] {
  const out: string[] = [];
  for (const d of ds) {
    const where = `${d.ruleId} ${d.start?.offset}-${d.end?.offset}`;
    const { start, end } = d;
    if (!Number.isInteger(start.offset) || !Number.isInteger(end.offset)) out.push(`${where}: offsets not integers`);
    if (start.offset < 0 || start.offset > end.offset || end.offset > text.length) out.push(`${where}: range outside the input (length ${text.length})`);
    const ps = pointOf(text, start.offset);
    const pe = pointOf(text, end.offset);
    if (ps.line !== start.line || ps.column !== start.column) out.push(`${where}: start ${start.line}:${start.column}, expected ${ps.line}:${ps.column}`);
    if (pe.line !== end.line || pe.column !== end.column) out.push(`${where}: end ${end.line}:${end.column}, expected ${pe.line}:${pe.column}`);
    if (!(CATEGORIES as readonly string[]).includes(d.category)) out.push(`${where}: unknown category ${d.category}`);
    if (!['error', 'warning', 'info'].includes(d.severity)) out.push(`${where}: bad severity ${d.severity}`);
    if (!RULE_IDS.includes(d.ruleId)) out.push(`${where}: unknown rule`);
    if (typeof d.message !== 'string' || !d.message) out.push(`${where}: empty message`);
    if (!Array.isArray(d.prompts) || !d.prompts.every((p) => typeof p === 'string')) out.push(`${where}: prompts not strings`);
    const configured = opts.rules?.[d.ruleId];
    if (configured === 'off') out.push(`${where}: rule is off but reported`);
    else if (configured && d.severity !== configured) out.push(`${where}: severity ${d.severity}, configured ${configured}`);
  }
  return out;
}

function assertWellFormed(text: string, ds: Diagnostic[], opts: LintOptions = {}) {
  expect(problems(text, ds, opts)).toEqual([]);
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
  const bad = spans.filter((s) => !(s.start >= 0 && s.start <= s.end && s.end <= text.length));
  expect(bad).toEqual([]);
}

// Generous timeouts: these run hundreds of lints, and CI machines are often busy.
const SLOW = { timeout: 180_000 };

describe('lint on any string', () => {
  it('never throws and every range is inside the input (mixed report fragments and random Unicode)', SLOW, () => {
    fc.assert(
      fc.property(documentText, (text) => {
        assertWellFormed(text, lint(text));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on raw code units, including lone surrogates and control characters', SLOW, () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 400 }), (text) => {
        assertWellFormed(text, lint(text));
      }),
      { numRuns: 200 },
    );
  });

  it('holds under random option combinations (kind, section, rule severities, terms, sources cited)', SLOW, () => {
    fc.assert(
      fc.property(documentText, options, (text, opts) => {
        assertWellFormed(text, lint(text, opts), opts);
        assertAnalysisInRange(text, opts);
      }),
      { numRuns: 200 },
    );
  });

  it('the analysis spans are inside the input too', SLOW, () => {
    fc.assert(
      fc.property(documentText, (text) => assertAnalysisInRange(text)),
      { numRuns: 150 },
    );
  });

  it('CRLF and LF versions of a document give the same findings, with offsets shifted by the CRs', SLOW, () => {
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
  it('repeated runs give identical output', SLOW, () => {
    fc.assert(
      fc.property(documentText, options, (text, opts) => {
        const first = JSON.stringify(check(text, opts));
        expect(JSON.stringify(check(text, opts))).toBe(first);
      }),
      { numRuns: 150 },
    );
  });

  it('the per-block cache never changes the answer: cold, warm, and after other documents agree', SLOW, () => {
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

  it('re-linting after an edit equals linting the edited text from cold', SLOW, () => {
    // Inserts that change structure (a heading opens a section for every later block, a dated line adds a
    // case-note entry) exercise the reuse of the previous document's blocks and hits after the edit.
    const inserts = fc.constantFrom('a', '\n', '. ', 'drink ', '', '\n## Risk of serious harm\n', '\n12/03/2024 Seen in office. ', '\n\n', '**Alcohol:** ');
    fc.assert(
      fc.property(documentText, fc.nat(), inserts, fc.nat({ max: 40 }), (text, at, insert, cut) => {
        const pos = text.length ? at % (text.length + 1) : 0;
        const edited = text.slice(0, pos) + insert + text.slice(pos + (insert ? 0 : 1 + cut));
        lint(text);
        const incremental = JSON.stringify(check(edited));
        clearDocumentCache();
        expect(incremental).toBe(JSON.stringify(check(edited)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('large inputs', () => {
  it('a 1 MB report-like document', SLOW, () => {
    const base = [...FRAGMENTS.filter((f) => !/[\ud800-\udfff]/.test(f)), ...EXAMPLES].join(' ');
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `\n\n## Part ${i}\n\n${base.replace(/\d/g, String(i % 10))}`;
    const ds = lint(text);
    assertWellFormed(text, ds);
    assertAnalysisInRange(text);
  });

  it('1 MB of random code units on one line, and 1 MB of newlines', SLOW, () => {
    const rnd = fc.sample(codeUnits, { numRuns: 14000, seed: 7 }).join('');
    for (const text of [rnd.slice(0, 1_000_000), '\n'.repeat(1_000_000), 'a'.repeat(1_000_000)]) {
      assertWellFormed(text, lint(text));
    }
  });
});
