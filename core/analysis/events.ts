import type { Doc } from '../document.js';
import type { Analysis, LintOptions } from '../types.js';

/** TODO(owner of the events family): fill analysis for this family. */
export function analyseEvents(doc: Doc, analysis: Analysis, options: LintOptions): void {
  void doc;
  void analysis;
  void options;
}
