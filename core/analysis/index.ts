/**
 * Builds the Analysis (the facts diagnostics are drawn from) by running each family's analyser in order.
 * Sources run last because what the content makes necessary depends on what the others found.
 */
import type { Doc } from '../document.js';
import type { Analysis, LintOptions } from '../types.js';
import { analyseEvents } from './events.js';
import { analyseMentalHealth } from './mental-health.js';
import { analyseSubstance } from './substance.js';
import { analyseDiversity } from './diversity.js';
import { analyseSources } from './sources.js';

const empty = () => ({ status: 'missing' as const, required: false, evidence: [], reasons: [] });

export function buildAnalysis(doc: Doc, options: LintOptions): Analysis {
  const analysis: Analysis = {
    kind: doc.kind,
    section: options.section,
    sections: doc.sections,
    sourcesCited: [],
    sourcesRequired: [],
    sourcesStated: false,
    categories: { sources: empty(), diversity: empty(), 'mental-health': empty(), 'substance-misuse': empty() },
    events: [],
  };
  analyseEvents(doc, analysis, options);
  analyseMentalHealth(doc, analysis, options);
  analyseSubstance(doc, analysis, options);
  analyseDiversity(doc, analysis, options);
  analyseSources(doc, analysis, options);
  return analysis;
}
