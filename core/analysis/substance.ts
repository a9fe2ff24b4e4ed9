import type { Doc } from '../document.js';
import type { Analysis, LintOptions } from '../types.js';

/** TODO(owner of the substance family): fill analysis for this family. */
export function analyseSubstance(doc: Doc, analysis: Analysis, options: LintOptions): void {
  void doc;
  void analysis;
  void options;
}
