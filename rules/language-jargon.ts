import { defineRule } from '../core/rule.js';
import { compileLexicon, type CompiledLexicon } from '../core/lexicon.js';
import type { TermsOption } from '../core/types.js';
import plain from './lexicons/plain-language.json' with { type: 'json' };

interface Compiled {
  lexicon: CompiledLexicon;
  /** Group (the term as listed) → plain alternative. */
  alternatives: Map<string, string>;
}

function compile(extra: Record<string, string> | undefined): Compiled {
  const groups: Record<string, string[]> = {};
  const alternatives = new Map<string, string>();
  const add = (term: string, alt: string | string[]) => {
    const a = Array.isArray(alt) ? alt[0] : alt;
    if (!term.trim() || typeof a !== 'string' || !a.trim()) return;
    groups[term] = [term];
    alternatives.set(term, a.trim());
  };
  for (const [k, v] of Object.entries(plain.map as Record<string, string | string[]>)) add(k, v);
  for (const [k, v] of Object.entries(extra ?? {})) add(k, v);
  return { lexicon: compileLexicon('plain-language', groups), alternatives };
}

// Compiled once for the default list and once per distinct `terms` object, never per lint.
const base = compile(undefined);
const perTerms = new WeakMap<TermsOption, Compiled>();
function lexicon(terms: TermsOption | undefined): Compiled {
  if (!terms?.plainLanguage || !Object.keys(terms.plainLanguage).length) return base;
  let c = perTerms.get(terms);
  if (!c) perTerms.set(terms, (c = compile(terms.plainLanguage)));
  return c;
}

/** Keeps the capital of a word that starts a sentence or a title-case phrase. */
function matchCase(written: string, alternative: string): string {
  return /^[A-Z]/.test(written) ? alternative[0].toUpperCase() + alternative.slice(1) : alternative;
}

export default defineRule({
  meta: {
    id: 'language-jargon',
    category: 'language',
    severity: 'info',
    description: 'Professional jargon or a stigmatising label in a report the court and the person will read, with a plainer alternative.',
    why: 'Reports are read by magistrates and by the person themselves; jargon obscures the analysis and labels can stigmatise. The list is configurable because terminology guidance changes.',
    standard: 'HMIP PSR quality bulletins (2020, 2024); HMPPS guidance on person-first language',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr', 'section'],
    fixable: true,
    examples: {
      invalid: [
        { text: 'His criminogenic needs are accommodation and employment.', flags: 'criminogenic needs' },
        { text: 'He shows poor consequential thinking when he has been drinking.', flags: 'consequential thinking' },
        { text: 'The offender was seen at the office on 3 May.', flags: 'The offender' },
      ],
      valid: [
        { text: 'The needs linked to his offending are accommodation and employment.' },
        { text: 'His offender manager will review the plan in three months.' },
        { text: 'He drank alcoholic drinks at the party.' },
      ],
    },
  },
  check({ doc, options, report }) {
    const { lexicon: lex, alternatives } = lexicon(options.terms);
    for (const h of doc.hits(lex)) {
      const alternative = alternatives.get(h.group);
      if (!alternative) continue;
      const written = doc.text.slice(h.start, h.end);
      const replacement = matchCase(written, alternative);
      report({
        start: h.start,
        end: h.end,
        message: `Could "${written}" be put more plainly, e.g. "${replacement}"?`,
        fix: { kind: 'replace', text: replacement },
        data: { term: h.group, alternative },
      });
    }
  },
});
