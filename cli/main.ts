/**
 * `curio check [paths… | -]`: reads documents, runs the core once per document (`check` gives the
 * diagnostics and the analysis in one pass) and prints stylish, json or sarif. Thin over the core; all
 * judgement lives in core/ and rules/.
 *
 * Exit status: 0 nothing at error severity, 1 at least one error finding, 2 usage, settings or input
 * problems (the readable files are still checked and reported).
 */
import type { LintOptions, Rule } from '../core/index.js';
import pkg from '../package.json' with { type: 'json' };
import { helpText, parseArgs, UsageError } from './args.js';
import type { CliArgs } from './args.js';
import { ConfigError, findConfig, loadConfig, toLintOptions } from './config.js';
import { collectPaths, readInput } from './files.js';
import type { InputError } from './files.js';
import { COLOURS, formatStylish, PLAIN } from './format-stylish.js';
import type { FileResult } from './format-stylish.js';
import { toSarif } from './format-sarif.js';
import { forTerminal } from './terminal.js';

const VERSION: string = pkg.version;

/** Runs the command line and returns the exit code. Never throws for bad input. */
export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`curio: ${e.message}\nRun 'curio --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    process.stdout.write(helpText(VERSION));
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }

  // Loaded only now so --help, --version and usage errors answer without compiling the lexicons.
  const { check, rules } = await import('../core/index.js');
  let options: LintOptions;
  try {
    const configPath = args.config ?? findConfig(process.cwd());
    const config = configPath ? loadConfig(configPath, rules.map((r) => r.meta.id)) : {};
    options = toLintOptions(config, { kind: args.kind, section: args.section });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`curio: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const { files: paths, errors } = collectPaths(args.paths);
  const results: FileResult[] = [];
  for (const path of paths) {
    const input = await readInput(path);
    if ('problem' in input) {
      errors.push(input);
      continue;
    }
    let result;
    try {
      result = check(input.text, options);
    } catch (e) {
      // A defect in a rule must not hide the other files' findings; say which file tripped it.
      errors.push({ path: input.path, problem: `internal error while checking (${e instanceof Error ? e.message : String(e)}); please report it` });
      continue;
    }
    const diagnostics = args.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    results.push({ path: input.path, kind: result.kind, diagnostics, analysis: result.analysis, text: input.text });
  }

  for (const e of errors) process.stderr.write(`curio: ${forTerminal(e.path)}: ${forTerminal(e.problem)}\n`);
  process.stdout.write(render(args, results, errors, rules));

  if (errors.length) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function render(args: CliArgs, results: FileResult[], errors: InputError[], rules: readonly Rule[]): string {
  if (args.format === 'json') {
    const files = results.map(({ path, kind, diagnostics, analysis }) => ({ path, kind, diagnostics, analysis }));
    return `${JSON.stringify({ version: 1, files })}\n`;
  }
  if (args.format === 'sarif') return `${JSON.stringify(toSarif(results, rules.map((r) => r.meta), VERSION), null, 2)}\n`;
  if (results.length === 0 && errors.length) return '';
  const colour = args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  return formatStylish(results, colour ? COLOURS : PLAIN, args.quiet);
}

// `curio check … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Last resort: one line, no stack trace (set CURIO_DEBUG=1 to see it).
    process.stderr.write(`curio: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.CURIO_DEBUG) console.error(e);
    process.exitCode = 2;
  },
);
