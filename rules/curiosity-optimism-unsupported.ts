import { defineRule } from '../core/rule.js';
import { curiosityFacts, OPTIMISM_PROMPTS } from '../core/analysis/events.js';

export default defineRule({
  meta: {
    id: 'curiosity-optimism-unsupported',
    category: 'curiosity',
    severity: 'warning',
    description: 'An optimistic claim ("out of character", "one-off", "genuinely remorseful") that the history in the document contradicts or that is not examined.',
    why: 'Reviews of serious further offences find reassuring claims accepted at face value while the record pointed the other way; the court needs to know whether the history supports them.',
    standard: 'HMIP Effective practice guide: professional curiosity (2023); Probation Service PSR guidance',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/the-evidence-base-probation/supervision-of-service-users/professional-curiosity/',
    examples: {
      invalid: [
        {
          text: 'She has two previous convictions for assault, the last in 2023. She describes the offence as a one-off and I accept this.',
          flags: 'one-off',
        },
        { text: 'His family describe the offence as completely out of character.', flags: 'out of character' },
      ],
      valid: [
        {
          text: 'The PNC shows no previous convictions and the police DA check records no call-outs. His manager of eight years confirmed he has never had a disciplinary, and the offence does appear out of character.',
        },
        { text: 'He says this was a one-off, but it was not an isolated incident: he has assaulted staff on earlier orders.' },
      ],
    },
  },
  check({ analysis, report }) {
    let lastEnd = -1;
    for (const o of curiosityFacts(analysis).optimism) {
      if (o.examined && !o.contradictedBy) continue;
      // Two claims in one sentence ("a one-off ... never been any trouble") get one underline.
      if (o.start < lastEnd) continue;
      const ev = analysis.events.find((e) => e.start === o.start);
      const message = o.contradictedBy
        ? `"${o.claim}" — the text also records "${o.contradictedBy.text}"; how does the claim fit with that history?`
        : `"${o.claim}" — does the history support this, and from which source?`;
      lastEnd = ev?.end ?? o.end;
      report({
        start: o.start,
        end: lastEnd,
        message,
        prompts: OPTIMISM_PROMPTS,
        data: { claim: o.claim, contradicted: Boolean(o.contradictedBy) },
      });
    }
  },
});
