import { defineRule } from '../core/rule.js';
import { CHARACTERISTIC_LABELS, diversityFacts } from '../core/analysis/diversity.js';
import type { Block } from '../core/document.js';

const DEFAULT_FACTORS =
  'age and maturity, ethnicity and any experience of discrimination, faith, disability or neurodivergence, sex, caring responsibilities and other personal characteristics';

/** "a, b and c" — the labels contain "and" themselves, so a semicolon separates them. */
function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

export default defineRule({
  meta: {
    id: 'diversity-not-considered',
    category: 'diversity',
    severity: 'warning',
    description: "A PSR that never says how the person's diversity or personal characteristics bear on the offending, engagement or proposal.",
    why: 'Inspectors found 40% of reports insufficient on diversity and that officers rarely discussed race, ethnicity or discrimination; a demographic line alone does not help the court.',
    standard: 'HMIP, Race equality in probation (2021); Equality Act 2010, s.4; HMIP PSR quality bulletins (2020, 2024)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/race-equality-in-probation/',
    kinds: ['psr'],
    fixable: true,
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nOFFENCE ANALYSIS\n\nHe took goods worth £60 from a shop.\n\nPERSONAL CIRCUMSTANCES\n\nMr Kane is a 44-year-old man who lives alone in rented accommodation.\n\nRISK ANALYSIS\n\nLow risk of serious harm.\n\nSENTENCING PROPOSAL\n\nA fine.',
          flags: 'PERSONAL CIRCUMSTANCES',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nPERSONAL CIRCUMSTANCES\n\nMr Kane is 22. His age is relevant: he made the decision on impulse, under pressure from older friends, and a young-adult group would suit him.\n\nSENTENCING PROPOSAL\n\nA community order.',
        },
        { text: '12/03/2025 — Office visit. Discussed his job search.\n13/03/2025 — Phone call.\n14/03/2025 — Home visit, all well.' },
      ],
    },
  },
  check({ doc, analysis, report }) {
    const f = diversityFacts(analysis);
    if (!f.applies || f.considered.size > 0 || analysis.categories.diversity.status === 'covered') return;
    // The skeleton names what the report itself raises (a young adult's age, dyslexia…), else the usual list.
    const raised = [...new Set(f.unconsidered.map((u) => u.id))];
    const factors = raised.length ? joinList(raised.map((id) => CHARACTERISTIC_LABELS[id])) : DEFAULT_FACTORS;
    const mentioned = f.unconsidered.length > 0 || f.mentions.some((m) => m.id !== 'age');
    const skeleton = `Diversity: [How do ${factors} bear on the offending, on engagement with supervision and on the proposal?]`;
    const message = mentioned
      ? 'Personal characteristics are mentioned, but the report never says how they bear on the offending, engagement or the proposal — could that be added?'
      : "The report does not yet consider the person's diversity — how do their personal characteristics bear on the offending, engagement or the proposal?";
    const prompts = [
      'Is this a young adult (18–25), and how does maturity bear on the offending?',
      'Have ethnicity, culture and any experience of discrimination been discussed with the person?',
      'Are there disabilities, neurodivergence, literacy or language needs that affect engagement or the requirements?',
      'Are there caring responsibilities, a pregnancy, faith, armed-forces service or care experience to weigh in the proposal?',
    ];

    const headingOf = (id: string): Block | undefined => {
      const s = analysis.sections.find((x) => x.id === id);
      return s ? doc.blocks.find((b) => b.start === s.start) : undefined;
    };
    const circumstances = headingOf('behaviour-lifestyle');
    if (circumstances && circumstances.type === 'heading') {
      report({ start: circumstances.start, end: circumstances.end, message, prompts, fix: { kind: 'replace', text: `${circumstances.text}\n\n${skeleton}` } });
      return;
    }
    const proposal = headingOf('sentencing-proposal') ?? doc.blocks.find((b) => b.section === 'sentencing-proposal');
    if (proposal) {
      const colon = proposal.text.indexOf(':');
      const end = proposal.type === 'heading' ? proposal.end : proposal.start + (colon > 0 && colon < 40 ? colon + 1 : Math.min(proposal.text.length, 20));
      report({ start: proposal.start, end, message, prompts, fix: { kind: 'insert', text: `${skeleton}\n\n` } });
      return;
    }
    const first = doc.blocks[0];
    if (!first) return;
    report({ start: first.start, end: first.end, message, prompts });
  },
});
