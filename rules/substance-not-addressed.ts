import { defineRule } from '../core/rule.js';
import { substanceFacts } from '../core/analysis/substance.js';

export default defineRule({
  meta: {
    id: 'substance-not-addressed',
    category: 'substance-misuse',
    severity: 'warning',
    description: 'A report (or its behaviour and lifestyle section) says nothing about drink or drug use.',
    why: 'Substance use is one of the needs a PSR assesses; silence leaves the court unable to tell whether it was considered and ruled out.',
    standard: 'MoJ digital PSR service (behaviour and lifestyle: substance use); HMIP: quality of pre-sentence information and advice (2024)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/',
    kinds: ['psr', 'section'],
    examples: {
      invalid: [
        {
          text: '# Pre-sentence report\n\n## Offence analysis\n\nHe took a bicycle from outside the library.\n\n## Personal circumstances\n\nHe lives with his grandmother and works part time at a garage.\n\n## Risk analysis\n\nLow risk of serious harm.\n\n## Sentencing proposal\n\nA fine.',
          flags: 'Personal circumstances',
        },
      ],
      valid: [
        {
          text: '# Pre-sentence report\n\n## Offence analysis\n\nHe took a bicycle from outside the library.\n\n## Personal circumstances\n\nHe lives with his grandmother. He says he does not drink or use drugs; the custody record notes he was sober, and nothing in the papers suggests otherwise.\n\n## Risk analysis\n\nLow risk of serious harm.\n\n## Sentencing proposal\n\nA fine.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    for (const gap of substanceFacts(analysis).gaps) {
      if (gap.kind !== 'not-addressed') continue;
      report({
        start: gap.start,
        end: gap.end,
        message: 'Drink and drug use are not mentioned — were they considered, and on what basis?',
        prompts: [
          'Did you ask about alcohol, drugs and misuse of prescribed medication?',
          'Do the papers, a custody drug test or previous records say anything about use?',
          'If there is no misuse, can the report say so briefly and give the basis?',
        ],
      });
    }
  },
});
