import { defineRule } from '../core/rule.js';
import { substanceFacts } from '../core/analysis/substance.js';

export default defineRule({
  meta: {
    id: 'substance-treatment-unassessed',
    category: 'substance-misuse',
    severity: 'warning',
    description: 'A drug rehabilitation or alcohol treatment requirement is proposed without the provider\'s assessment, suitability or consent.',
    why: 'A DRR or ATR can only be made where the person is dependent or has a propensity to misuse, treatment is available and suitable, and they express willingness to comply.',
    standard: 'Sentencing Act 2020, Schedule 9, Parts 10 and 11 (drug rehabilitation and alcohol treatment requirements)',
    url: 'https://www.legislation.gov.uk/ukpga/2020/17/schedule/9',
    kinds: ['psr', 'section'],
    examples: {
      invalid: [{ text: 'I propose a community order with a drug rehabilitation requirement for six months.', flags: 'drug rehabilitation requirement' }],
      valid: [
        {
          text: 'The drug service assessed him on 3 May as suitable for a drug rehabilitation requirement, and he has consented to treatment and testing. I propose a community order with a DRR for six months.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    for (const gap of substanceFacts(analysis).gaps) {
      if (gap.kind !== 'treatment-unassessed') continue;
      report({
        start: gap.start,
        end: gap.end,
        message: 'A treatment requirement is proposed — has the provider assessed suitability, and has the person consented?',
        prompts: [
          'Is there dependency on, or a propensity to misuse, drugs or alcohol, and on what evidence?',
          'Has the treatment provider assessed the person and confirmed a place is available?',
          'Has the person said they are willing to comply (including testing for a DRR)?',
        ],
        data: { requirement: gap.phrase },
      });
    }
  },
});
