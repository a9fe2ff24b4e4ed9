/**
 * A rule is one file in rules/, named by its id, whose `meta` carries its documentation and examples
 * (ESLint's meta + remark-lint's header in one). The engine stamps ruleId, category, severity, url and
 * source onto every finding, so rule bodies only say where and what.
 */
import type { Doc } from './document.js';
import type { Analysis, Category, DocumentKind, Fix, LintOptions, Severity } from './types.js';

export interface RuleExample {
  text: string;
  options?: LintOptions;
  /** For `invalid` examples: a substring the rule must flag (its range overlaps the finding). */
  flags?: string;
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** What goes wrong when this is missed. Used as each finding's `note` unless the rule gives one. */
  why: string;
  /** The standard it enforces: a citation a practitioner recognises. */
  standard: string;
  /** Link to the guidance. */
  url: string;
  /** Document kinds it runs on; all when omitted. */
  kinds?: DocumentKind[];
  /** Whether findings can carry a `fix`. */
  fixable?: boolean;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  note?: string;
  prompts?: string[];
  data?: Record<string, unknown>;
  fix?: Fix;
  /** Override the rule's default severity for this finding (e.g. info for a softer case). */
  severity?: Severity;
}

export interface RuleContext {
  doc: Doc;
  analysis: Analysis;
  options: LintOptions;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Identity helper that gives rule files type checking. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
