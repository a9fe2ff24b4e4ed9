import { defineRule } from '../core/rule.js';
import { mentalHealthFacts } from '../core/analysis/mental-health.js';

/** A short skeleton the writer can fill in; questions, so nothing is asserted on the person's behalf. */
const SKELETON =
  'Mental health: [Asked directly about mental health, self-harm and suicidal thoughts? What did they say? ' +
  'GP, CMHT or Liaison and Diversion information? Any link to the offence, risk or the proposal?]';

export default defineRule({
  meta: {
    id: 'mental-health-not-addressed',
    category: 'mental-health',
    severity: 'warning',
    description: 'A pre-sentence report that says nothing about the person\'s mental health.',
    why: 'Just under half of cases inspected had no comprehensive analysis of mental-health needs; a report that is silent leaves the court unable to weigh vulnerability, risk to self or a treatment requirement.',
    standard: 'CJJI joint thematic inspection: individuals with mental health needs and disorders (2021)',
    url: 'https://www.justiceinspectorates.gov.uk/cjji/inspections/mentalhealth2021/',
    kinds: ['psr'],
    fixable: true,
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview with the defendant; CPS summary; PNC.\n\nPERSONAL CIRCUMSTANCES\n\nShe rents a flat in the town centre and works part-time in a bakery.\n\nRISK ANALYSIS\n\nLow risk of serious harm.\n\nSENTENCING PROPOSAL\n\nA fine.',
          flags: 'PERSONAL CIRCUMSTANCES',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview; CPS summary; PNC; GP letter.\n\nPERSONAL CIRCUMSTANCES\n\nShe told me she has never had mental-health difficulties, and her GP letter records none.\n\nRISK ANALYSIS\n\nLow risk of serious harm.\n\nSENTENCING PROPOSAL\n\nA fine.',
        },
      ],
    },
  },
  check({ analysis, doc, report }) {
    const facts = mentalHealthFacts(analysis);
    if (!facts?.notAddressed || !facts.anchor) return;
    const { start, end } = facts.anchor;
    const original = doc.text.slice(start, end);
    report({
      start,
      end,
      message: 'Mental health is not mentioned — was the person asked about it, and is there GP, CMHT or screening information?',
      prompts: [
        'Did you ask directly about mental health, self-harm and suicidal thoughts?',
        'Is there GP, CMHT or Liaison and Diversion information you could draw on?',
        'If there are needs, how do they bear on the offence, risk (including to self) and the proposal?',
        'If there are none, what is that based on?',
      ],
      // Replace the anchor with itself plus a skeleton, so the writer's own text is never altered.
      fix: { kind: 'replace', text: `${original}\n\n${SKELETON}` },
    });
  },
});
