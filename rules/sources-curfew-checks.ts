import { defineRule } from '../core/rule.js';
import { sourceFacts } from '../core/analysis/sources.js';

export default defineRule({
  meta: {
    id: 'sources-curfew-checks',
    category: 'risk',
    severity: 'info',
    description: "A curfew or electronic monitoring is proposed without police domestic-abuse and children's services checks on the address.",
    why: 'A curfew confines the person to an address for hours every day; whoever else lives there (a partner, children) is affected, and the address needs checking before it is proposed.',
    standard: 'Sentencing Council: imposition of community and custodial sentences (electronic monitoring); HMIP Annual Report 2023',
    url: 'https://www.sentencingcouncil.org.uk/overarching-guides/magistrates-court/item/imposition-of-community-and-custodial-sentences/',
    kinds: ['psr'],
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview, CPS case summary and PNC printout.\n\nSENTENCING PROPOSAL\n\nA community order with a curfew from 19:00 to 07:00, electronically monitored, at his flat.',
          flags: 'curfew',
        },
      ],
      valid: [
        {
          text: "PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview, CPS case summary, PNC printout, police domestic abuse call-out check and a children's services check, both returned with nothing recorded.\n\nSENTENCING PROPOSAL\n\nA community order with a curfew from 19:00 to 07:00, electronically monitored.",
        },
      ],
    },
  },
  check({ analysis, report }) {
    const f = sourceFacts(analysis);
    if (!f?.curfew) return;
    const { because, missing } = f.curfew;
    const which = missing.map((id) => (id === 'domestic-abuse-check' ? 'police domestic-abuse' : "children's services")).join(' and ');
    // Category `risk`, not `sources`: this is about the suitability of the curfew address.
    report({
      start: because.start,
      end: because.end,
      message: `A curfew is proposed — have ${which} checks been made on the address, and has the main occupier agreed?`,
      prompts: [
        'Who else lives at the curfew address, and are there children there or visiting?',
        'Has the main occupier consented to the curfew and the monitoring equipment?',
        'Do police call-out records show any domestic incidents at that address?',
      ],
      data: { checks: missing },
    });
  },
});
