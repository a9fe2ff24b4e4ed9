/**
 * Which format a PSR is in, from cheap cues: oral reports say so in their title line; written reports that
 * are structured have recognised section headings. Used by the structure, language and risk rules, which
 * expect different things of each.
 */
import type { Doc } from './document.js';

const ORAL = /\boral\s+(?:psr|report|pre[\s-]?sentence)|\boral\b/i;

/** An oral report (notes for a report given in court), judged by its title. */
export function isOralReport(doc: Doc): boolean {
  if (doc.kind !== 'psr') return false;
  const first = doc.blocks.slice(0, 2).map((b) => b.text).join(' ');
  return ORAL.test(first.slice(0, 200));
}

/** A written report laid out under section headings (short or standard format). */
export function isHeadedReport(doc: Doc): boolean {
  if (doc.kind !== 'psr' || isOralReport(doc)) return false;
  return new Set(doc.sections.map((s) => s.id)).size >= 2;
}
