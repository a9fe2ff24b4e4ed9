import { defineRule } from '../core/rule.js';
import { compileLexicon } from '../core/lexicon.js';
import type { Hit } from '../core/document.js';
import risk from './lexicons/risk-explanation.json' with { type: 'json' };

const LEXICON = compileLexicon('risk-explanation', risk.groups);

export default defineRule({
  meta: {
    id: 'risk-level-unexplained',
    category: 'risk',
    severity: 'warning',
    description: 'A risk of serious harm level is stated without saying who is at risk and what the harm is or why.',
    why: 'A level on its own does not tell the court who needs protecting, from what, or when; inspectors expect the risk analysis to explain it.',
    standard: 'HMIP PSR quality bulletins (2020, 2024); HMIP case inspection standards (risk of serious harm)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr', 'section'],
    examples: {
      invalid: [
        { text: 'OGRS is 34%. Medium RoSH.', flags: 'Medium RoSH' },
        { text: 'I assess him as presenting a high risk of serious harm.', flags: 'high risk of serious harm' },
      ],
      valid: [
        {
          text: 'I assess him as presenting a medium risk of serious harm to his former partner, because of the threats he sent her after they separated and the earlier assault.',
        },
        { text: 'He has no history of violence, and I assess him as presenting a low risk of serious harm.' },
      ],
    },
  },
  check({ doc, report }) {
    const hits = doc.hits(LEXICON);
    // Only the sentences around a stated level matter.
    const near = new Set<number>();
    for (const h of hits) if (h.group === 'level') for (let k = -1; k <= 1; k++) near.add(h.sentence + k);
    if (!near.size) return;
    const bySentence = new Map<number, Hit[]>();
    for (const h of hits) {
      if (!near.has(h.sentence)) continue;
      let list = bySentence.get(h.sentence);
      if (!list) bySentence.set(h.sentence, (list = []));
      list.push(h);
    }
    for (const level of hits) {
      if (level.group !== 'level') continue;
      const sentence = doc.sentences[level.sentence];
      if (!sentence) continue;
      // Who: this sentence or the next; why: also the sentence before ("No history of violence. Low risk.").
      let who = false;
      let why = false;
      for (let k = -1; k <= 1; k++) {
        const s = doc.sentences[level.sentence + k];
        if (!s || s.block !== sentence.block) continue;
        for (const h of bySentence.get(s.index) ?? []) {
          if (h.group === 'level' || (h.start < level.end && h.end > level.start)) continue;
          if (h.group === 'who' && k >= 0) who = true;
          else if (h.group === 'why') why = true;
        }
      }
      const written = doc.text.slice(level.start, level.end);
      const low = /^low\b/i.test(written) || /\blow$/i.test(written);
      // A low level needs either who or why; medium and above need both.
      if (low ? who || why : who && why) continue;
      const missing = !who && !why ? 'who is at risk and what the harm would be' : !who ? 'who is at risk' : 'what the harm would be and why';
      report({
        start: level.start,
        end: level.end,
        message: `The risk level "${written}" is stated — could the report say ${missing}?`,
        prompts: [
          'Who is at risk: the public, children, known adults (a partner or ex-partner), staff?',
          'What is the harm (physical, psychological, sexual), how serious, and how imminent?',
          'In what circumstances is the risk greatest, and what reduces it?',
        ],
        data: { who, why },
      });
    }
  },
});
