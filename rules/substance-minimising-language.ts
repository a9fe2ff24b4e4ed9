import { defineRule } from '../core/rule.js';
import { substanceFacts } from '../core/analysis/substance.js';

export default defineRule({
  meta: {
    id: 'substance-minimising-language',
    category: 'substance-misuse',
    severity: 'warning',
    description: 'Minimising words about drink or drugs are recorded without being tested against other information.',
    why: 'In serious further offence reviews, use described as minor was "minimised and tolerated"; the court needs the actual pattern and its link to the offence.',
    standard: 'HMIP independent review of the Joshua Jacques case (2024); HMIP review of the Damien Bendall case (2023)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/',
    kinds: ['psr', 'section', 'case-notes'],
    examples: {
      invalid: [
        { text: 'He calls himself a social drinker and says he only has a few at the weekend.', flags: 'social drinker' },
        { text: 'She says she takes ketamine recreationally with friends.', flags: 'recreationally' },
        { text: 'He had drunk most of a bottle of rum beforehand, but he does not believe drink played a part and I accept that.', flags: 'does not believe drink played a part' },
      ],
      valid: [
        { text: 'He calls himself a social drinker; however, his AUDIT score of 22 and a breath reading of 91 micrograms point to harmful drinking, which I link to both assaults.' },
        { text: 'He drinks four cans of cider most evenings, and the drink is part of the pattern in his last three offences.' },
      ],
    },
  },
  check({ analysis, report }) {
    for (const gap of substanceFacts(analysis).gaps) {
      if (gap.kind !== 'minimising') continue;
      report({
        start: gap.start,
        end: gap.end,
        message:
          gap.cue === 'denial-of-role'
            ? 'The view that use played no part is accepted here — do the amount used, the offence or other sources support it?'
            : `Use is framed as "${gap.phrase.trim()}" — is that borne out by tests, the offence or other sources?`,
        prompts: [
          'What exactly is used, how often and how much (units, amount spent)?',
          'Does the offence, a reading or a test result tell a different story?',
          'Has a drug or alcohol service screened or assessed the person (for example AUDIT)?',
          'Is use linked to this or earlier offences, even if the person does not see it that way?',
        ],
        data: { phrase: gap.phrase, substances: gap.substances },
      });
    }
  },
});
