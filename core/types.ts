/**
 * The contract between the core and everything that consumes it (CLI, extension, editor).
 * Positions are UTF-16 offsets into the exact string given to `lint`/`analyse`.
 */

/** Closed set of finding categories. The extension colours underlines by these. */
export const CATEGORIES = [
  'sources',
  'diversity',
  'mental-health',
  'substance-misuse',
  'curiosity',
  'risk',
  'language',
  'structure',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOption = Severity | 'off';

/** What kind of text is being checked. `section` is one PSR field on its own. */
export type DocumentKind = 'psr' | 'case-notes' | 'section';
export type KindOption = DocumentKind | 'auto';

/** Canonical source-of-information ids (see ../shared/domain/README.md). */
export const SOURCE_IDS = [
  'cps',
  'previous-convictions',
  'interview',
  'oasys',
  'domestic-abuse-check',
  'safeguarding-check',
  'victim-statement',
  'service-records',
  'medical',
  'substance-service',
  'third-party',
  'equality-form',
  'sentencing-guidelines',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** PSR sections as the MoJ digital PSR service splits them. */
export const SECTION_IDS = [
  'sources',
  'offence-analysis',
  'behaviour-lifestyle',
  'risk-analysis',
  'sentencing-proposal',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface Point {
  /** UTF-16 index into the input string. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/** A fix is data so it can cross extension messaging; the host applies it through its own input path. */
export interface Fix {
  /** `insert` puts `text` at `start`; `replace` replaces `start..end`. */
  kind: 'insert' | 'replace';
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** One short sentence, phrased as a prompt, never an accusation. */
  message: string;
  /** Why it matters. */
  note: string;
  /** The standard it enforces. */
  url: string;
  start: Point;
  end: Point;
  /** Follow-up questions a curious practitioner would ask. */
  prompts: string[];
  data?: Record<string, unknown>;
  fix?: Fix;
  source: 'curio';
}

/** Organisation-specific lexicon additions, e.g. local service names. Keys are lexicon names. */
export interface TermsOption {
  /** Extra aliases per source id, e.g. `{ "substance-service": ["Horizon Recovery"] }`. */
  sources?: Partial<Record<SourceId, string[]>>;
  /** Extra acronyms and their expansions, e.g. `{ "IOM": "Integrated Offender Management" }`. */
  acronyms?: Record<string, string>;
  /** Extra jargon/stigmatising terms and their plain alternatives. */
  plainLanguage?: Record<string, string>;
  /** Extra substance names. */
  substances?: string[];
}

export interface LintOptions {
  kind?: KindOption;
  /** Which PSR field a fragment comes from (implies `kind: 'section'` when kind is auto). */
  section?: SectionId;
  rules?: Record<string, SeverityOption>;
  terms?: TermsOption;
  context?: {
    /** Canonical source ids known from outside the text, e.g. ticked checkboxes on a web form. */
    sourcesCited?: string[];
    /** Categories an earlier page of a multi-page form already covered. */
    categoriesCovered?: string[];
  };
}

export interface Span {
  start: number;
  end: number;
}

export type CoverageStatus = 'covered' | 'partial' | 'missing';

export interface CategoryCoverage {
  status: CoverageStatus;
  /** Whether the document is expected to cover this at all (e.g. not for a lone offence-analysis field). */
  required: boolean;
  /** Where the category is discussed (or the indicator that calls for it). */
  evidence: Span[];
  /** Short human-readable reasons for the status. */
  reasons: string[];
}

export interface SourceCitation {
  id: SourceId;
  spans: Span[];
  /** Requested but not yet received. */
  outstanding: boolean;
  /** For an outstanding check: whether the report states what it means for the assessment. */
  implicationStated: boolean;
  /** Known from outside the text (`context.sourcesCited`). */
  external: boolean;
}

export interface SourceRequirement {
  id: SourceId;
  reason: string;
  /** The text that makes it necessary, if any. */
  because?: Span;
}

export interface CuriosityEvent {
  /** Event type id from the events lexicon, e.g. `new-relationship`. */
  type: string;
  label: string;
  start: number;
  end: number;
  explored: boolean;
  prompts: string[];
}

export interface Analysis {
  kind: DocumentKind;
  section?: SectionId;
  sections: { id: SectionId; heading: string; start: number; end: number }[];
  sourcesCited: SourceCitation[];
  sourcesRequired: SourceRequirement[];
  /** True when the text states sources at all (a section, a list or prose). */
  sourcesStated: boolean;
  categories: Record<'sources' | 'diversity' | 'mental-health' | 'substance-misuse', CategoryCoverage>;
  events: CuriosityEvent[];
}
