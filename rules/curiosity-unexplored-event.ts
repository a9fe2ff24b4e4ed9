import { defineRule } from '../core/rule.js';
import { curiosityFacts, eventType, OPTIMISM_TYPE } from '../core/analysis/events.js';

export default defineRule({
  meta: {
    id: 'curiosity-unexplored-event',
    category: 'curiosity',
    severity: 'warning',
    description: 'An event or change that calls for follow-up (new partner, move, job lost, missed appointment, bereavement...) is reported but not explored.',
    why: 'Inspections of serious further offences repeatedly find changes recorded and never followed up; professional curiosity means asking what happened, checking it and weighing what it means for risk.',
    standard: 'HMIP Effective practice guide: professional curiosity (2023); HMIP case-file standards',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/the-evidence-base-probation/supervision-of-service-users/professional-curiosity/',
    examples: {
      invalid: [
        { text: 'She has recently started seeing someone she met at the bus stop.', flags: 'started seeing someone' },
        { text: 'He told me his younger brother died in a car crash last month.', flags: 'died' },
        { text: '02/05/2025 — Office visit — Attended. Says he is sleeping at a friend\'s place since Tuesday. Next appt 09/05.', flags: "sleeping at a friend" },
        { text: 'He has just bought a van for cash from a man at the car boot sale.', flags: 'bought a van' },
      ],
      valid: [
        { text: 'He says there is no new relationship and that he spends his evenings at home.' },
        { text: 'She lost her job as a cleaner in June. Her former supervisor confirmed by phone that the contract ended when the office closed, and she is registered with a job agency.' },
        { text: '02/05/2025 — Office visit — Did not attend. OM rang him at 14:00: he had a hospital appointment and sent a copy of the letter, which OM has seen. Recorded as an acceptable absence.' },
        { text: 'If he lost his job he would struggle to pay his rent.' },
      ],
    },
  },
  check({ analysis, report }) {
    const { events } = curiosityFacts(analysis);
    // One underline per sentence: the event mentioned first speaks for the sentence; the others ride along in data.
    const bySentence = new Map<number, (typeof events)[number][]>();
    for (const e of events) {
      if (e.type === OPTIMISM_TYPE || e.explored) continue;
      const list = bySentence.get(e.sentence);
      if (list) list.push(e);
      else bySentence.set(e.sentence, [e]);
    }
    for (const list of bySentence.values()) {
      list.sort((a, b) => a.start - b.start || (eventType(a.type)?.priority ?? 99) - (eventType(b.type)?.priority ?? 99));
      const first = list[0];
      const type = eventType(first.type);
      if (!type) continue;
      const data: Record<string, unknown> = { event: type.id };
      if (list.length > 1) data.also = [...new Set(list.slice(1).map((e) => e.type))].filter((t) => t !== type.id);
      report({ start: first.start, end: first.end, message: type.message, prompts: type.prompts, data });
    }
  },
});
