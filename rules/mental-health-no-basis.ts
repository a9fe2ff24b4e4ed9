import { defineRule } from '../core/rule.js';
import { mentalHealthFacts } from '../core/analysis/mental-health.js';

export default defineRule({
  meta: {
    id: 'mental-health-no-basis',
    category: 'mental-health',
    severity: 'info',
    description: 'A report says there are no mental-health concerns without saying what that is based on.',
    why: '"No known concerns" can simply mean nobody asked; the court can rely on a negative finding only when it knows whether the person was asked and what GP, screening or records show.',
    standard: 'CJJI joint thematic inspection: individuals with mental health needs and disorders (2021)',
    url: 'https://www.justiceinspectorates.gov.uk/cjji/inspections/mentalhealth2021/',
    kinds: ['psr'],
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nOFFENCE ANALYSIS\n\nShe took a bottle of perfume from a chemist.\n\nPERSONAL CIRCUMSTANCES\n\nThere are no known mental health concerns.\n\nPROPOSAL\n\nA conditional discharge.',
          flags: 'mental health',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nOFFENCE ANALYSIS\n\nShe took a bottle of perfume from a chemist.\n\nPERSONAL CIRCUMSTANCES\n\nI asked her about her mental health; she reported no difficulties and the Liaison and Diversion screening found no needs.\n\nPROPOSAL\n\nA conditional discharge.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    const i = mentalHealthFacts(analysis)?.unsupportedNegative;
    if (!i) return;
    report({
      start: i.start,
      end: i.end,
      message: 'No mental-health concerns are recorded — what is this based on (asked directly, GP, screening, records)?',
      prompts: [
        'Was the person asked directly about mental health, self-harm and suicidal thoughts?',
        'Is there GP, Liaison and Diversion or probation record information to confirm it?',
      ],
    });
  },
});
