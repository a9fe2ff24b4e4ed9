/**
 * Text in, diagnostics out. Synchronous and deterministic; knows nothing of the DOM, the extension or
 * the terminal.
 */
import { Doc } from './document.js';
import { buildAnalysis } from './analysis/index.js';
import { sectionOf } from './sections.js';
import type { Finding, Rule } from './rule.js';
import type { Analysis, Diagnostic, DocumentKind, LintOptions, Severity } from './types.js';

export interface CheckResult {
  kind: DocumentKind;
  diagnostics: Diagnostic[];
  analysis: Analysis;
}

/** Builds the document model, honouring an explicit kind or a section option. */
export function parse(text: string, options: LintOptions = {}): Doc {
  const doc = new Doc(typeof text === 'string' ? text : String(text ?? ''), sectionOf);
  if (options.kind && options.kind !== 'auto') doc.kind = options.kind;
  else if (options.section) doc.kind = 'section';
  return doc;
}

/** Runs rules over a text and returns both the diagnostics and the analysis they were built from. */
export function check(text: string, options: LintOptions, rules: readonly Rule[]): CheckResult {
  const doc = parse(text, options);
  const analysis = buildAnalysis(doc, options);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const { meta } = rule;
    const configured = options.rules?.[meta.id];
    if (configured === 'off') continue;
    if (meta.kinds && !meta.kinds.includes(doc.kind)) continue;
    const report = (f: Finding) => {
      const start = clamp(f.start, text.length);
      const end = Math.max(start, clamp(f.end, text.length));
      const severity: Severity = configured ?? f.severity ?? meta.severity;
      const d: Diagnostic = {
        ruleId: meta.id,
        category: meta.category,
        severity,
        message: f.message,
        note: f.note ?? meta.why,
        url: meta.url,
        start: doc.point(start),
        end: doc.point(end),
        prompts: f.prompts ?? [],
        source: 'curio',
      };
      if (f.data) d.data = f.data;
      if (f.fix) d.fix = f.fix;
      diagnostics.push(d);
    };
    rule.check({ doc, analysis, options, report });
  }
  diagnostics.sort(
    (a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return { kind: doc.kind, diagnostics, analysis };
}

function clamp(n: number, max: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(Math.max(0, Math.trunc(n)), max);
}
