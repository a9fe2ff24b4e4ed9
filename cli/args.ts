/**
 * Command-line arguments for `curio`. Parsing is strict: an unknown option or a bad value is a usage
 * error (exit 2) rather than a silent default, because a QA reviewer scripting forty reports needs to
 * know the run did what they asked.
 */
import { SECTION_IDS } from '../core/types.js';
import type { KindOption, SectionId } from '../core/types.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
export const KINDS: readonly KindOption[] = ['auto', 'psr', 'case-notes', 'section'];

export interface CliArgs {
  command: 'check' | 'help' | 'version';
  /** Files, directories, or `-` for standard input. */
  paths: string[];
  format: Format;
  /** Undefined when not given, so a config file can supply it. */
  kind?: KindOption;
  section?: SectionId;
  config?: string;
  quiet: boolean;
  /** `true`/`false` when forced with --color/--no-color; otherwise decided from the terminal. */
  color?: boolean;
}

/** A mistake in how curio was called: printed as one line plus a pointer to --help, exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['--format', '-f', '--kind', '-k', '--config', '-c', '--section']);

/** Parses `process.argv.slice(2)`. Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'check', paths: [], format: 'stylish', quiet: false };
  const rest = [...argv];
  if (rest.length === 0) return { ...args, command: 'help' };
  let commandSeen = false;
  let endOfOptions = false;
  while (rest.length) {
    const raw = rest.shift() as string;
    if (endOfOptions || raw === '-' || !raw.startsWith('-')) {
      if (!commandSeen) {
        commandSeen = true;
        if (raw === 'check') continue;
        if (raw === 'help') return { ...args, command: 'help' };
        throw new UsageError(`unknown command '${raw}' (the command is 'check', e.g. curio check report.md)`);
      }
      args.paths.push(raw);
      continue;
    }
    if (raw === '--') {
      endOfOptions = true;
      continue;
    }
    // --format=json as well as --format json
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    let value: string | undefined = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    if (VALUE_OPTIONS.has(name) && value === undefined) {
      value = rest.shift();
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`option ${name} needs a value`);
    }
    switch (name) {
      case '--help':
      case '-h':
        return { ...args, command: 'help' };
      case '--version':
      case '-v':
        return { ...args, command: 'version' };
      case '--format':
      case '-f':
        if (!(FORMATS as readonly string[]).includes(value as string)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${value}')`);
        }
        args.format = value as Format;
        break;
      case '--kind':
      case '-k':
        if (!KINDS.includes(value as KindOption)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got '${value}')`);
        args.kind = value as KindOption;
        break;
      case '--section':
        if (!(SECTION_IDS as readonly string[]).includes(value as string)) {
          throw new UsageError(`--section must be one of ${SECTION_IDS.join(', ')} (got '${value}')`);
        }
        args.section = value as SectionId;
        break;
      case '--config':
      case '-c':
        args.config = value;
        break;
      case '--quiet':
      case '-q':
        args.quiet = true;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      default:
        throw new UsageError(`unknown option '${raw}'`);
    }
    if (!VALUE_OPTIONS.has(name) && value !== undefined) throw new UsageError(`option ${name} does not take a value`);
  }
  if (!commandSeen) throw new UsageError("missing the command: use 'curio check [paths… | -]'");
  if (args.command === 'check' && args.paths.length === 0) {
    throw new UsageError('nothing to check: give files or directories, or - to read standard input');
  }
  return args;
}

/** The text of `curio --help`. */
export function helpText(version: string): string {
  return `curio ${version} — checks pre-sentence reports and case notes for missing sources,
unconsidered diversity, unanalysed mental health and substance misuse, and events never followed up.
Everything runs on this machine; no text is sent anywhere.

Usage:
  curio check [options] <path…>     check files, or folders (every .md and .txt inside, recursively)
  curio check [options] -           check text read from standard input
  curio --help | --version

Options:
  -f, --format <name>    stylish (default: grouped by file, for people), json, or sarif (code-scanning tools)
  -k, --kind <kind>      auto (default: detected from the structure), psr, case-notes, or section
      --section <id>     the PSR field a fragment comes from: ${SECTION_IDS.join(', ')}
  -c, --config <file>    settings file (default: the nearest .curiorc.json in this folder or above)
  -q, --quiet            report errors only
      --color            force colour; --no-color turns it off (NO_COLOR is honoured too)
  -h, --help             show this help
  -v, --version          show the version

Examples:
  curio check report.md
  curio check reports/ --quiet
  curio check --kind case-notes --format json notes.txt > findings.json
  cat draft.txt | curio check --section offence-analysis -

.curiorc.json:
  { "kind": "psr",
    "rules": { "language-jargon": "off", "risk-level-unexplained": "error" },
    "terms": { "sources": { "substance-service": ["Horizon Recovery"] }, "acronyms": { "IOM": "Integrated Offender Management" } },
    "sourcesCited": ["oasys"] }

Input: UTF-8 text (a byte-order mark is removed; UTF-16 with a byte-order mark is decoded). Offsets in
json and sarif output are UTF-16 positions in the decoded text. Files over 5 MB, empty, binary or not
valid UTF-8 are reported on stderr and skipped; the other files are still checked.

Exit status: 0 no errors found, 1 at least one finding at error severity, 2 a usage, settings or input problem.
`;
}
