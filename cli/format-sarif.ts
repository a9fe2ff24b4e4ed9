/**
 * SARIF 2.1.0 output, so findings can be loaded by code-scanning viewers and QA dashboards that already
 * read it. Columns are UTF-16 code units (SARIF's default `columnKind`), matching the core's offsets.
 */
import type { Diagnostic, Severity } from '../core/types.js';
import type { RuleMeta } from '../core/rule.js';
import type { FileResult } from './format-stylish.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Builds the SARIF log object (serialise with JSON.stringify). */
export function toSarif(files: readonly FileResult[], metas: readonly RuleMeta[], version: string): object {
  const ruleIndex = new Map(metas.map((m, i) => [m.id, i]));
  const artifacts = files.map((f) => ({
    location: { uri: toUri(f.path) },
    length: f.text.length,
    mimeType: f.path.toLowerCase().endsWith('.txt') ? 'text/plain' : 'text/markdown',
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'curio',
            version,
            semanticVersion: version,
            rules: metas.map((m) => ({
              id: m.id,
              name: m.id
                .split('-')
                .map((w) => w[0].toUpperCase() + w.slice(1))
                .join(''),
              shortDescription: { text: m.description },
              fullDescription: { text: m.why },
              helpUri: m.url,
              help: { text: `${m.description} ${m.why} Standard: ${m.standard}.` },
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { category: m.category, standard: m.standard, tags: [m.category] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: files.flatMap((f, artifactIndex) =>
          f.diagnostics.map((d) => result(d, f, artifactIndex, ruleIndex.get(d.ruleId))),
        ),
      },
    ],
  };
}

function result(d: Diagnostic, f: FileResult, artifactIndex: number, ruleIndex: number | undefined) {
  const region = {
    startLine: d.start.line,
    startColumn: d.start.column,
    endLine: d.end.line,
    endColumn: d.end.column,
    charOffset: d.start.offset,
    charLength: d.end.offset - d.start.offset,
    snippet: { text: f.text.slice(d.start.offset, d.end.offset) },
  };
  const artifactLocation = { uri: toUri(f.path), index: artifactIndex };
  const out: Record<string, unknown> = {
    ruleId: d.ruleId,
    level: LEVEL[d.severity],
    message: { text: d.prompts.length ? `${d.message} ${d.prompts.join(' ')}` : d.message },
    locations: [{ physicalLocation: { artifactLocation, region } }],
    properties: { category: d.category, note: d.note, prompts: d.prompts, ...(d.data ? { data: d.data } : {}) },
  };
  if (ruleIndex !== undefined) out.ruleIndex = ruleIndex;
  if (d.fix) {
    const deleted = d.fix.kind === 'insert' ? { charOffset: d.start.offset, charLength: 0 } : { charOffset: d.start.offset, charLength: d.end.offset - d.start.offset };
    out.fixes = [
      {
        description: { text: d.fix.kind === 'insert' ? 'Insert suggested text' : 'Replace with suggested text' },
        artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: deleted, insertedContent: { text: d.fix.text } }] }],
      },
    ];
  }
  return out;
}

/** A relative URI reference for a path (forward slashes, percent-encoded). */
function toUri(path: string): string {
  if (path === '<stdin>') return 'stdin';
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}
