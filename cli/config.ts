/**
 * `.curiorc.json`: an organisation's settings (document kind, rule severities, local service names,
 * sources known from elsewhere). Validated strictly with messages that name the file and the key, since
 * the people editing it are often not programmers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SOURCE_IDS } from '../core/types.js';
import type { KindOption, LintOptions, SeverityOption, TermsOption } from '../core/types.js';
import { KINDS } from './args.js';
import { termsProblems } from '../core/lexicon.js';

export const CONFIG_NAME = '.curiorc.json';

export interface CurioConfig {
  kind?: KindOption;
  rules?: Record<string, SeverityOption>;
  terms?: TermsOption;
  sourcesCited?: string[];
}

/** A settings file that cannot be used: exit code 2, one line naming the file. */
export class ConfigError extends Error {}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];
const TERM_KEYS = ['sources', 'acronyms', 'plainLanguage', 'substances'] as const;

/** The nearest .curiorc.json in `from` or a folder above it. */
export function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a settings file. `ruleIds` are the known rules, to catch misspelt ids. */
export function loadConfig(path: string, ruleIds: readonly string[]): CurioConfig {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`${path}: ${code === 'ENOENT' ? 'no such settings file' : `cannot read it (${code ?? 'unknown error'})`}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return validateConfig(json, ruleIds, path);
}

/** Checks the shape of a parsed settings object; throws ConfigError naming the first problem. */
export function validateConfig(json: unknown, ruleIds: readonly string[], path = CONFIG_NAME): CurioConfig {
  const fail = (msg: string): never => {
    throw new ConfigError(`${path}: ${msg}`);
  };
  if (!isObject(json)) fail('settings must be a JSON object, e.g. { "kind": "psr" }');
  const obj = json as Record<string, unknown>;
  const config: CurioConfig = {};
  for (const key of Object.keys(obj)) {
    if (!['kind', 'rules', 'terms', 'sourcesCited', '$schema'].includes(key)) {
      fail(`unknown setting "${key}" (allowed: kind, rules, terms, sourcesCited)`);
    }
  }
  if (obj.kind !== undefined) {
    if (!KINDS.includes(obj.kind as KindOption)) fail(`"kind" must be one of ${KINDS.join(', ')}`);
    config.kind = obj.kind as KindOption;
  }
  if (obj.rules !== undefined) {
    if (!isObject(obj.rules)) fail('"rules" must be an object of rule id to off | info | warning | error');
    const known = new Set(ruleIds);
    const rules: Record<string, SeverityOption> = {};
    for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!known.has(id)) fail(`unknown rule "${id}" in "rules"${suggest(id, ruleIds)}`);
      if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) fail(`rule "${id}" must be set to off, info, warning or error`);
      rules[id] = sev as SeverityOption;
    }
    config.rules = rules;
  }
  if (obj.terms !== undefined) config.terms = validateTerms(obj.terms, fail);
  if (obj.sourcesCited !== undefined) {
    if (!Array.isArray(obj.sourcesCited)) fail('"sourcesCited" must be a list of source ids');
    for (const s of obj.sourcesCited as unknown[]) {
      if (typeof s !== 'string' || !(SOURCE_IDS as readonly string[]).includes(s)) {
        fail(`"sourcesCited" has an unknown source ${JSON.stringify(s)} (known: ${SOURCE_IDS.join(', ')})`);
      }
    }
    config.sourcesCited = obj.sourcesCited as string[];
  }
  return config;
}

function validateTerms(terms: unknown, fail: (msg: string) => never): TermsOption {
  if (!isObject(terms)) fail('"terms" must be an object');
  const t = terms as Record<string, unknown>;
  for (const key of Object.keys(t)) {
    if (!(TERM_KEYS as readonly string[]).includes(key)) fail(`unknown "terms" entry "${key}" (allowed: ${TERM_KEYS.join(', ')})`);
  }
  const out: TermsOption = {};
  if (t.sources !== undefined) {
    if (!isObject(t.sources)) fail('"terms.sources" must map a source id to a list of names');
    for (const [id, names] of Object.entries(t.sources as Record<string, unknown>)) {
      if (!(SOURCE_IDS as readonly string[]).includes(id)) fail(`"terms.sources" has an unknown source id "${id}" (known: ${SOURCE_IDS.join(', ')})`);
      if (!isStringList(names)) fail(`"terms.sources.${id}" must be a list of non-empty strings`);
    }
    out.sources = t.sources as TermsOption['sources'];
  }
  for (const key of ['acronyms', 'plainLanguage'] as const) {
    if (t[key] === undefined) continue;
    if (!isObject(t[key])) fail(`"terms.${key}" must map a term to its ${key === 'acronyms' ? 'expansion' : 'plain alternative'}`);
    for (const [term, value] of Object.entries(t[key] as Record<string, unknown>)) {
      if (!term.trim() || typeof value !== 'string' || !value.trim()) fail(`"terms.${key}" entry "${term}" must be a non-empty string`);
    }
    out[key] = t[key] as Record<string, string>;
  }
  if (t.substances !== undefined) {
    if (!isStringList(t.substances)) fail('"terms.substances" must be a list of non-empty strings');
    out.substances = t.substances as string[];
  }
  // A `/…/` term that does not compile, or could backtrack for minutes, stops the run naming the key.
  const problems = termsProblems(out);
  if (problems.length) fail(problems[0]);
  return out;
}

/** Merges settings into lint options; command-line flags win over the file. */
export function toLintOptions(config: CurioConfig, flags: Pick<LintOptions, 'kind' | 'section'>): LintOptions {
  const options: LintOptions = {};
  const kind = flags.kind ?? config.kind;
  if (kind) options.kind = kind;
  if (flags.section) options.section = flags.section;
  if (config.rules) options.rules = config.rules;
  if (config.terms) options.terms = config.terms;
  if (config.sourcesCited) options.context = { sourcesCited: config.sourcesCited };
  return options;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringList(v: unknown): boolean {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim().length > 0);
}

/** " (did you mean …?)" for a near miss, so a typo in a rule id is a one-second fix. */
function suggest(id: string, known: readonly string[]): string {
  let best = '';
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestDistance) (best = k), (bestDistance = d);
  }
  return best && bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
