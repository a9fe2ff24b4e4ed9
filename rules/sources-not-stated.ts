import { defineRule } from '../core/rule.js';
import { sourceFacts } from '../core/analysis/sources.js';

export default defineRule({
  meta: {
    id: 'sources-not-stated',
    category: 'sources',
    severity: 'warning',
    description: 'A PSR that never says which sources of information it is based on.',
    why: 'Reports that draw on the available sources are more likely to be judged sufficient; the court cannot weigh facts whose origin it cannot see.',
    standard: 'HMIP Research & Analysis Bulletin 2020/04 and Aug 2024: the quality of pre-sentence information and advice',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr', 'section'],
    fixable: true,
    examples: {
      invalid: [
        {
          text: 'ORAL PSR — notes\n\nTheft of a bike from a garden. Pleaded guilty.\n\nSays he was drunk at the time and sorry.\n\nProposal: community order with unpaid work.',
          flags: 'ORAL PSR',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview by video on 3 March; CPS case papers; PNC record.\n\nOFFENCE ANALYSIS\n\nHe took a bicycle from a front garden.',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nFor this report I interviewed Ms Hale by telephone and read the prosecution papers and her list of previous convictions.\n\nOFFENCE ANALYSIS\n\nShe took a purse from a café table.',
        },
        { text: 'Offence analysis\n\nHe took a bicycle from a front garden while drunk.' },
      ],
    },
  },
  check({ doc, analysis, report }) {
    const cov = analysis.categories.sources;
    const f = sourceFacts(analysis);
    if (!f || !cov.required || analysis.sourcesStated) return;
    const cited = new Set(analysis.sourcesCited.map((c) => c.id));
    const lacking = (['interview', 'cps', 'previous-convictions'] as const).filter((id) => !cited.has(id));
    const first = doc.blocks[0];
    const markdown = doc.blocks.some((b) => b.type === 'heading' && /^\s*#/.test(b.text));
    const heading = markdown ? '## Sources of information' : 'SOURCES OF INFORMATION';
    const skeleton = [
      heading,
      '',
      '- Interview with [name] on [date] ([in person / video / telephone])',
      '- CPS case summary (MG5) and witness statements',
      '- PNC record of previous convictions, printed [date]',
      '- [Checks: police domestic-abuse call-outs, children\'s services, probation records, health — sent and returned on]',
    ].join('\n');
    report({
      start: f.top.start,
      end: f.top.end,
      message: 'No sources of information are stated — which documents, checks and conversations is this report based on?',
      prompts: [
        'When and how was the defendant interviewed (in person, video, telephone)?',
        'Have the CPS case summary and the PNC record of previous convictions been read?',
        'Which checks were made (police domestic abuse, children\'s services, probation records, GP or mental-health services), and are any still outstanding?',
        'Was anyone else spoken to (family, employer, treatment provider) to verify what the defendant said?',
      ],
      data: { missing: lacking },
      fix: first ? { kind: 'replace', text: `${first.text}\n\n${skeleton}` } : undefined,
    });
  },
});
