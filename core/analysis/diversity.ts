import type { Doc } from '../document.js';
import type { Analysis, LintOptions } from '../types.js';

/** TODO(owner of the diversity family): fill analysis for this family. */
export function analyseDiversity(doc: Doc, analysis: Analysis, options: LintOptions): void {
  void doc;
  void analysis;
  void options;
}
