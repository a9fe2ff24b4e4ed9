import { defineRule } from '../core/rule.js';
import { compileLexicon, type CompiledLexicon } from '../core/lexicon.js';
import { isOralReport } from '../core/psr-format.js';
import type { TermsOption } from '../core/types.js';
import acronyms from './lexicons/acronyms.json' with { type: 'json' };

interface Compiled {
  uses: CompiledLexicon;
  expansions: CompiledLexicon;
  /** Acronym → the expansion used in the fix. */
  spelled: Map<string, string>;
}

function compile(extra: Record<string, string> | undefined): Compiled {
  const map: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(acronyms.map as Record<string, string | string[]>)) map[k] = Array.isArray(v) ? v : [v];
  for (const [k, v] of Object.entries(extra ?? {})) if (k.trim() && typeof v === 'string' && v.trim()) map[k.trim()] = [v.trim()];
  const uses: Record<string, string[]> = {};
  const expansions: Record<string, string[]> = {};
  const spelled = new Map<string, string>();
  for (const [k, v] of Object.entries(map)) {
    uses[k] = [...new Set([`=${k}`, `=${k.toUpperCase()}`])];
    expansions[k] = v;
    spelled.set(k, v[0]);
  }
  return { uses: compileLexicon('acronym-uses', uses), expansions: compileLexicon('acronym-expansions', expansions), spelled };
}

// Compiled once for the default list and once per distinct `terms` object, never per lint.
const base = compile(undefined);
const perTerms = new WeakMap<TermsOption, Compiled>();
function lexicons(terms: TermsOption | undefined): Compiled {
  if (!terms?.acronyms || !Object.keys(terms.acronyms).length) return base;
  let c = perTerms.get(terms);
  if (!c) perTerms.set(terms, (c = compile(terms.acronyms)));
  return c;
}

/** Within this many characters after the first use, an expansion counts as "RAR (Rehabilitation Activity Requirement)". */
const AFTER = 80;

export default defineRule({
  meta: {
    id: 'language-unexplained-acronym',
    category: 'language',
    severity: 'info',
    description: 'An acronym (RoSH, OASys, RAR, UPW…) used in a written PSR without being spelled out on first use.',
    why: 'Magistrates and defendants read the report; an acronym they do not know hides the point it carries.',
    standard: 'HMIP PSR quality bulletins (2020, 2024): reports should be clear and accessible to the court',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr'],
    fixable: true,
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nRISK ANALYSIS\n\nI assess him as a low RoSH to the public because he has no history of violence.\n\nSENTENCING PROPOSAL\n\nA community order with 40 hours of UPW.',
          flags: 'RoSH',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSENTENCING PROPOSAL\n\nI propose a Rehabilitation Activity Requirement (RAR) of 20 days. The RAR days would cover budgeting and conflict.',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nSENTENCING PROPOSAL\n\nI propose 60 hours of UPW (unpaid work) alongside the order.',
        },
        { text: '12/03/2025 — Office visit. RAR session on budgeting.\n13/03/2025 — UPW induction attended.\n14/03/2025 — HV, all well.' },
      ],
    },
  },
  check({ doc, options, report }) {
    // Oral reports are spoken to the court; the written notes are the author's own.
    if (isOralReport(doc)) return;
    const { uses, expansions, spelled } = lexicons(options.terms);
    const firstUse = new Map<string, { start: number; end: number }>();
    for (const h of doc.hits(uses)) if (!firstUse.has(h.group)) firstUse.set(h.group, h);
    if (!firstUse.size) return;
    const expanded = doc.hits(expansions);
    for (const [acronym, use] of firstUse) {
      let explained = false;
      for (const e of expanded) {
        if (e.group !== acronym) continue;
        if (e.start < use.start || e.start - use.end <= AFTER) explained = true;
        break;
      }
      if (explained) continue;
      let expansion = spelled.get(acronym) ?? acronym;
      const sentence = doc.sentenceAt(use.start);
      if (sentence && /^[\s\d.)*_#>|-]*$/.test(doc.text.slice(sentence.start, use.start))) expansion = expansion[0].toUpperCase() + expansion.slice(1);
      const written = doc.text.slice(use.start, use.end);
      report({
        start: use.start,
        end: use.end,
        message: `Spell out "${written}" on first use — "${expansion} (${written})" — for the court.`,
        fix: { kind: 'replace', text: `${expansion} (${written})` },
        data: { acronym, expansion },
      });
    }
  },
});
