/**
 * Curio's public API: `lint` and `analyse` over the default rule set. Consumers (CLI, extension, editor)
 * import only from here.
 */
import { check as runCheck, type CheckResult } from './engine.js';
import { rules } from '../rules/index.js';
import type { Analysis, Diagnostic, LintOptions } from './types.js';

export * from './types.js';
export type { Rule, RuleMeta, RuleExample, Finding, RuleContext } from './rule.js';
export type { CheckResult } from './engine.js';
export { rules };

/** Lints a PSR, a PSR section or a case-note log. Synchronous, deterministic, never throws on a string. */
export function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return runCheck(text, options, rules).diagnostics;
}

/** The facts the diagnostics are built from: sources, coverage per category, events. */
export function analyse(text: string, options: LintOptions = {}): Analysis {
  return runCheck(text, options, []).analysis;
}

/** Diagnostics and analysis from one pass (what the CLI and the extension use). */
export function check(text: string, options: LintOptions = {}): CheckResult {
  return runCheck(text, options, rules);
}
