import { defineRule } from '../core/rule.js';
import { sourceFacts } from '../core/analysis/sources.js';

const NAME: Record<string, string> = {
  'domestic-abuse-check': 'The domestic-abuse check',
  'safeguarding-check': "The children's services check",
  medical: 'The medical information',
  'service-records': 'The probation records',
  'previous-convictions': 'The record of previous convictions',
  'victim-statement': 'The victim statement',
  cps: 'The prosecution papers',
};

export default defineRule({
  meta: {
    id: 'sources-outstanding-no-implication',
    category: 'sources',
    severity: 'warning',
    description: 'A check is reported as requested or awaited, but the report does not say what its absence means for the assessment or proposal.',
    why: 'An outstanding check is acceptable only when the court is told what it could change; otherwise the proposal silently rests on information nobody has seen.',
    standard: 'HMIP Annual Report 2023 (court-stage domestic-abuse and safeguarding enquiries)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr', 'section'],
    examples: {
      invalid: [
        {
          text: "PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Ms Lowry on 2 May\n- CPS case summary\n- PNC printout\n- Children's services check requested on 30 April, not yet received\n\nPERSONAL CIRCUMSTANCES\n\nShe lives with her daughter, aged 5.",
          flags: "Children's services check",
        },
      ],
      valid: [
        {
          text: "PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Ms Lowry on 2 May\n- CPS case summary\n- PNC printout\n- Children's services check requested on 30 April, not yet received; if it raises any concern I will tell the court before sentence.\n\nPERSONAL CIRCUMSTANCES\n\nShe lives with her daughter, aged 5.",
        },
      ],
    },
  },
  check({ analysis, report }) {
    const f = sourceFacts(analysis);
    if (!f || !analysis.categories.sources.required) return;
    for (const c of f.outstandingWithoutImplication) {
      const at = c.spans[0];
      if (!at) continue;
      const name = NAME[c.id] ?? 'This check';
      // No `source` in data: the source is cited (as outstanding), so this is not a missing-source finding.
      report({
        start: at.start,
        end: at.end,
        message: `${name} is still awaited — what does that mean for the assessment and the proposal until it arrives?`,
        prompts: [
          'Could the result change the risk assessment or the proposal, and how?',
          'Will the court be told before sentence if it raises concerns, and who will follow it up if sentence is passed first?',
          'Has the check been chased, and when is it expected?',
        ],
        data: { outstanding: c.id },
      });
    }
  },
});
