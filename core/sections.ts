import sectionsLexicon from '../rules/lexicons/sections.json' with { type: 'json' };
import { compileLexicon } from './lexicon.js';
import { TextMemo, BLOCKS } from './memo.js';
import type { SectionId } from './types.js';

const lexicon = compileLexicon('sections', sectionsLexicon.groups);
const memo = new TextMemo<SectionId | null>(BLOCKS);

/**
 * Names the PSR section a heading or label stands for. The earliest, longest term wins, so
 * "Risk analysis and proposal" is risk and "Health and substance use" is behaviour and lifestyle.
 */
export function sectionOf(heading: string): SectionId | undefined {
  const known = memo.get(heading);
  if (known !== undefined) return known ?? undefined;
  const hits = heading.length <= 80 ? lexicon.match(heading) : [];
  const id = (hits[0]?.group as SectionId | undefined) ?? null;
  memo.set(heading, id);
  return id ?? undefined;
}
