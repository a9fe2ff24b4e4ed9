import type { Doc } from '../document.js';
import type { Analysis, LintOptions } from '../types.js';

/** TODO(owner of the sources family): fill analysis for this family. */
export function analyseSources(doc: Doc, analysis: Analysis, options: LintOptions): void {
  void doc;
  void analysis;
  void options;
}
