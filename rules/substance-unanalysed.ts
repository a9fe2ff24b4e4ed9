import { defineRule } from '../core/rule.js';
import { describeSubstances, substanceFacts } from '../core/analysis/substance.js';

export default defineRule({
  meta: {
    id: 'substance-unanalysed',
    category: 'substance-misuse',
    severity: 'warning',
    description: 'Drink or drug use is described but never linked to the offending, risk or the proposal.',
    why: 'Describing use is not analysing it: the court needs to know whether use drives the offending and whether treatment would reduce it.',
    standard: 'HMIP: quality of pre-sentence information and advice (2020/04, 2024); domain standard on substance misuse',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/',
    kinds: ['psr', 'section', 'case-notes'],
    examples: {
      invalid: [
        {
          text: 'He took two bottles of whisky from the off-licence. He uses crack cocaine three or four times a week and spends most of his benefit on it.',
          flags: 'crack cocaine',
        },
      ],
      valid: [
        {
          text: 'He uses crack cocaine three or four times a week, and every theft on his record was to fund it; the drug service has assessed him as suitable for a drug rehabilitation requirement.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    for (const gap of substanceFacts(analysis).gaps) {
      if (gap.kind !== 'unanalysed') continue;
      const what = describeSubstances(gap.substances);
      report({
        start: gap.start,
        end: gap.end,
        message: `${what} use is described — how does it relate to the offending, risk and the proposal?`,
        prompts: [
          'What is the current pattern: what, how often, how much, and how is it paid for?',
          'Did use play a part in this or earlier offences (funding, disinhibition, associates)?',
          'Does it raise risk to the person or others, and what are the triggers?',
          'Would a drug rehabilitation or alcohol treatment requirement help, and has a provider assessed it?',
        ],
        data: { substances: gap.substances },
      });
    }
  },
});
