import { defineRule } from '../core/rule.js';
import { substanceFacts } from '../core/analysis/substance.js';

export default defineRule({
  meta: {
    id: 'substance-condition-no-referral',
    category: 'substance-misuse',
    severity: 'error',
    description: 'A licence condition or order requirement about drugs or alcohol has no recorded referral, test or provider contact.',
    why: 'In a case that ended in four murders, a licence condition to attend a drug intervention was never referred and cannabis use was tolerated.',
    standard: 'HMIP independent review of the Joshua Jacques case (2024); HMIP case inspection standards (2025)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/',
    kinds: ['case-notes'],
    examples: {
      invalid: [
        {
          text: '02/06/2025 — Induction — Licence conditions signed: reside at the approved address; submit to drug testing as required; attend a drug service as directed.\n09/06/2025 — Office visit — Attended. Talked about work. Next appt 16/06.\n16/06/2025 — Office visit — Attended. Nothing to report. Next appt 23/06.',
          flags: 'drug testing',
        },
      ],
      valid: [
        {
          text: '02/06/2025 — Induction — Licence conditions signed: submit to drug testing as required; attend a drug service as directed.\n04/06/2025 — Phone call — Referral made to the drug service; assessment booked for 11/06.\n09/06/2025 — Office visit — Oral fluid test taken with consent: negative for all substances.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    for (const gap of substanceFacts(analysis).gaps) {
      if (gap.kind !== 'condition-no-referral') continue;
      report({
        start: gap.start,
        end: gap.end,
        message: 'There is a substance condition here, but no referral, test or provider contact is recorded — has it been actioned?',
        prompts: [
          'Has the referral to the drug or alcohol service been made, and when is the assessment?',
          'Have tests been requested or taken, and what were the results?',
          'If the condition has not been actioned, what is the reason, and has a manager been told?',
        ],
        data: { condition: gap.phrase },
      });
    }
  },
});
