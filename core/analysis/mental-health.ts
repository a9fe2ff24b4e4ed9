import type { Doc } from '../document.js';
import type { Analysis, LintOptions } from '../types.js';

/** TODO(owner of the mental-health family): fill analysis for this family. */
export function analyseMentalHealth(doc: Doc, analysis: Analysis, options: LintOptions): void {
  void doc;
  void analysis;
  void options;
}
