/**
 * The human format: one block per file with a one-line coverage summary, then each finding as
 * `line:col  severity  message  rule-id`, the flagged words, and the follow-up questions indented
 * beneath, so a QA reviewer can scan a folder of reports and a practitioner can work down one.
 */
import type { Analysis, Diagnostic, DocumentKind } from '../core/types.js';
import { forTerminal } from './terminal.js';

export interface FileResult {
  path: string;
  kind: DocumentKind;
  diagnostics: Diagnostic[];
  analysis: Analysis;
  /** The checked text, for quoting the flagged words. */
  text: string;
}

export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLOURS: Palette = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(36, 39),
  green: wrap(32, 39),
  underline: wrap(4, 24),
};
const id = (s: string) => s;
export const PLAIN: Palette = { bold: id, dim: id, red: id, yellow: id, blue: id, green: id, underline: id };

const KIND_LABEL: Record<DocumentKind, string> = { psr: 'pre-sentence report', 'case-notes': 'case notes', section: 'report section' };
const FAMILY_LABEL = { sources: 'sources', diversity: 'diversity', 'mental-health': 'mental health', 'substance-misuse': 'substance misuse' } as const;

/** Renders results for a terminal. `files` with no findings still get their summary line unless quiet. */
export function formatStylish(files: readonly FileResult[], c: Palette, quiet = false): string {
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  let withFindings = 0;
  for (const file of files) {
    for (const d of file.diagnostics) totals[d.severity]++;
    if (file.diagnostics.length) withFindings++;
    if (quiet && file.diagnostics.length === 0) continue;
    out.push(`${c.underline(c.bold(forTerminal(file.path)))}  ${c.dim(`(${KIND_LABEL[file.kind]})`)}`);
    if (!quiet) out.push(`  ${coverageLine(file.analysis, c)}`);
    if (file.diagnostics.length === 0) out.push(`  ${c.green('✓')} nothing to raise`);
    const width = Math.max(...file.diagnostics.map((d) => `${d.start.line}:${d.start.column}`.length), 0);
    for (const d of file.diagnostics) {
      const place = `${d.start.line}:${d.start.column}`.padEnd(width);
      out.push(`  ${c.dim(place)}  ${severityLabel(d.severity, c)}  ${forTerminal(d.message)}  ${c.dim(d.ruleId)}`);
      const indent = ' '.repeat(2 + width + 2);
      const quote = excerpt(file.text, d);
      if (quote) out.push(`${indent}${c.dim(`“${quote}”`)}`);
      for (const p of d.prompts) out.push(`${indent}${c.blue('?')} ${forTerminal(p)}`);
    }
    out.push('');
  }
  out.push(summaryLine(totals, files.length, withFindings, c, quiet));
  return out.join('\n') + '\n';
}

function severityLabel(s: Diagnostic['severity'], c: Palette): string {
  if (s === 'error') return c.red('error  ');
  if (s === 'warning') return c.yellow('warning');
  return c.blue('info   ');
}

/** "sources ✓ · diversity ✗ · mental health ~ · substance misuse ✓ · 4 events, 2 not followed up". */
export function coverageLine(a: Analysis, c: Palette): string {
  const parts: string[] = [];
  for (const [key, label] of Object.entries(FAMILY_LABEL) as [keyof typeof FAMILY_LABEL, string][]) {
    const cov = a.categories?.[key];
    if (!cov || !cov.required) continue;
    const mark = cov.status === 'covered' ? c.green('✓') : cov.status === 'partial' ? c.yellow('~') : c.red('✗');
    parts.push(`${label} ${mark}`);
  }
  const events = a.events ?? [];
  if (events.length) {
    const open = events.filter((e) => !e.explored).length;
    parts.push(`${events.length} event${events.length === 1 ? '' : 's'}${open ? `, ${open} not followed up` : ''}`);
  }
  return c.dim(parts.length ? parts.join(' · ') : 'no coverage facts');
}

/** The flagged words, on one line and shortened, so the finding can be found without counting columns. */
function excerpt(text: string, d: Diagnostic): string {
  // Control characters from the document must not reach the terminal as escape sequences.
  const s = text.slice(d.start.offset, d.end.offset).replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (!s) return '';
  if (s.length <= 70) return s;
  // Cut at word boundaries so the quote stays readable.
  const head = s.slice(0, 45).replace(/\s+\S*$/, '');
  const tail = s.slice(-22).replace(/^\S*\s+/, '');
  return `${head} … ${tail}`;
}

function summaryLine(t: { error: number; warning: number; info: number }, files: number, withFindings: number, c: Palette, quiet: boolean): string {
  const total = t.error + t.warning + t.info;
  const fileWord = `${files} file${files === 1 ? '' : 's'}`;
  if (total === 0) return c.green(quiet ? `✓ no errors in ${fileWord} (warnings and info hidden by --quiet)` : `✓ nothing to raise in ${fileWord}`);
  const counts = `${t.error} error${t.error === 1 ? '' : 's'}, ${t.warning} warning${t.warning === 1 ? '' : 's'}, ${t.info} info`;
  const line = `${total} finding${total === 1 ? '' : 's'} (${counts}) in ${withFindings} of ${fileWord}`;
  return c.bold(t.error ? c.red(`✖ ${line}`) : c.yellow(`⚠ ${line}`));
}
