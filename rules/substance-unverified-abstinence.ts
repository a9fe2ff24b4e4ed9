import { defineRule } from '../core/rule.js';
import { substanceFacts } from '../core/analysis/substance.js';

export default defineRule({
  meta: {
    id: 'substance-unverified-abstinence',
    category: 'substance-misuse',
    severity: 'warning',
    description: 'A claim of abstinence or no use rests on self-report, with no test, record or provider confirmation.',
    why: 'A court once accepted that a man had addressed his drug use when he was still a heavy cocaine user; claims that matter to sentence should be verified or marked as unverified.',
    standard: 'HMIP review of the Damien Bendall case (2023); HMIP: quality of pre-sentence information and advice (2024)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/',
    kinds: ['psr', 'section', 'case-notes'],
    examples: {
      invalid: [
        { text: 'He told me he used amphetamine heavily until last year. He says he has not used anything since Christmas and I accept his account.', flags: 'has not used' },
        { text: 'She says she stopped drinking when she moved into her new flat.', flags: 'stopped drinking' },
      ],
      valid: [
        { text: 'He says he has not used heroin since March; his recovery worker confirmed three negative urine tests since then.' },
        { text: 'She stopped drinking in January, and the alcohol monitoring tag fitted under her bail conditions recorded no alcohol for 90 days.' },
      ],
    },
  },
  check({ analysis, report }) {
    for (const gap of substanceFacts(analysis).gaps) {
      if (gap.kind !== 'unverified-abstinence') continue;
      report({
        start: gap.start,
        end: gap.end,
        message: 'This rests on the person\'s own account — is there a test, record or provider who can confirm it?',
        prompts: [
          'Could a drug test, breath test or provider update support this (with consent)?',
          'Do the case papers, custody record or previous records say anything different?',
          'If it cannot be checked, does the text say it is unverified and what that means for the proposal?',
        ],
        data: { phrase: gap.phrase, substances: gap.substances },
      });
    }
  },
});
