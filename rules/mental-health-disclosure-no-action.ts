import { defineRule } from '../core/rule.js';
import { mentalHealthFacts } from '../core/analysis/mental-health.js';

export default defineRule({
  meta: {
    id: 'mental-health-disclosure-no-action',
    category: 'mental-health',
    severity: 'warning',
    description: 'A disclosure of declining mental health or a change in presentation (low, not sleeping, "all over the place") with no recorded action or exploration.',
    why: 'A serious further offence review found a disclosure of declining mental health that was never explored; asking what has changed and contacting the GP or CMHT is how risk to self and others is noticed in time.',
    standard: 'HMIP independent review of the Joshua Jacques case (2024); HMIP professional curiosity guide',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/the-evidence-base-probation/supervision-of-service-users/professional-curiosity/',
    examples: {
      invalid: [
        {
          text: '02/06/2025 — Office visit — Attended. Says his brother passed away last month and he has not been sleeping. Next appt 09/06.\n09/06/2025 — Office visit — Attended. Talked about his course. Next appt 16/06.\n16/06/2025 — Office visit — Attended. Nothing new.',
          flags: 'not been sleeping',
        },
        {
          text: '11/02/2025 — Phone call — She sounded tearful and said things are getting on top of her. Appointment confirmed for Friday.\n14/02/2025 — Office visit — Attended. Discussed her UPW hours.\n21/02/2025 — Office visit — Attended. Next appt 28/02.',
          flags: 'tearful',
        },
      ],
      valid: [
        {
          text: '02/06/2025 — Office visit — Attended. Says his brother passed away last month and he has not been sleeping. Asked directly about self-harm and suicidal thoughts: none. With his consent OM rang his GP, who has booked him in on 04/06, and gave him the Cruse helpline number.',
        },
        {
          text: '02/06/2025 — Office visit — Attended. Says his sister has been low since her divorce. Next appt 09/06.\n09/06/2025 — Office visit — Attended.\n16/06/2025 — Office visit — Attended.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    const facts = mentalHealthFacts(analysis);
    if (!facts) return;
    for (const i of facts.disclosuresWithoutAction) {
      const grief = facts.bereavementBlocks.has(i.block);
      report({
        start: i.start,
        end: i.end,
        message: grief
          ? 'A change in how they are after a bereavement is recorded — was it explored, and was any support or GP contact offered?'
          : 'A disclosure about their mental health is recorded — what has changed, and was any action taken?',
        prompts: [
          'What has changed, since when, and what do they put it down to?',
          'Were they asked directly about self-harm and suicidal thoughts?',
          'With consent, has the GP or CMHT been contacted, or support (bereavement, Talking Therapies) offered?',
          'Does this change the assessment of risk to themselves or others; does a manager need to know?',
        ],
        data: { group: i.group, term: i.term, bereavement: grief },
      });
    }
  },
});
