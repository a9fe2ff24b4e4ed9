// Curiosity family: events that need follow-up, whether the text explores them, and optimistic claims.
// All sentences here are written for the tests; none comes from the corpus.
import { describe, it, expect } from 'vitest';
import { check } from '../core/engine.js';
import { rules } from '../rules/index.js';
import { compileLexicon } from '../core/lexicon.js';
import { EVENT_TYPES, curiosityFacts } from '../core/analysis/events.js';
import eventsData from '../rules/lexicons/events.json' with { type: 'json' };
import type { LintOptions } from '../core/types.js';

const curiosity = (text: string, options: LintOptions = { kind: 'psr' }) =>
  check(text, options, rules).diagnostics.filter((d) => d.category === 'curiosity');
const events = (text: string, options: LintOptions = { kind: 'psr' }) => curiosityFacts(check(text, options, rules).analysis).events;

describe('events lexicon', () => {
  it('has at least 15 event types, each with a label, a question, terms and 2-4 prompts', () => {
    const entries = Object.entries(eventsData.entries as Record<string, Record<string, unknown>>);
    expect(entries.length).toBeGreaterThanOrEqual(15);
    for (const [id, e] of entries) {
      expect(typeof e.label, id).toBe('string');
      expect(typeof e.message, id).toBe('string');
      expect((e.message as string).includes('?'), `${id} message is a question`).toBe(true);
      const prompts = e.prompts as string[];
      expect(prompts.length, id).toBeGreaterThanOrEqual(2);
      expect(prompts.length, id).toBeLessThanOrEqual(4);
      for (const p of prompts) expect(p.trim().endsWith('?'), `${id}: ${p}`).toBe(true);
      const terms = e.terms as string[];
      expect(terms.length, id).toBeGreaterThan(0);
      expect(() => compileLexicon(id, { [id]: terms }).match('a test sentence.')).not.toThrow();
    }
    expect(EVENT_TYPES.length).toBe(entries.length);
  });
});

// [expected event type, sentence]: each should be flagged as unexplored in a report.
const UNEXPLORED: [string, string][] = [
  ['new-relationship', 'He has a new partner, whom he met online in March.'],
  ['children-pregnancy', 'She told me she is eight weeks pregnant.'],
  ['arrest-police', 'He was arrested last week for a public order offence.'],
  ['bereavement', 'His mother passed away in April and he has been drinking more since.'],
  ['eviction-housing-loss', 'She was evicted from her flat in June for rent arrears.'],
  ['eviction-housing-loss', 'He is currently sofa surfing between friends.'],
  ['device-social-media', 'He has been using Snapchat to message people from his old estate.'],
  ['new-job', 'He says he has been offered a job at a builders merchant.'],
  ['job-loss', 'He has been sacked from the warehouse.'],
  ['non-compliance', 'He arrived late for his last two appointments.'],
  ['mental-health-decline', 'She says she has been feeling low and is not sleeping well.'],
  ['relapse', 'He tested positive for cocaine on 3 June.'],
  ['behaviour-complaint', 'Hostel staff reported that he had been threatening towards another resident.'],
  ['injury', 'He was assaulted outside a pub in May and did not go to hospital.'],
  ['new-associates', 'He has started hanging around with a group of older men from the estate.'],
  ['travel', 'He went to Spain on holiday with friends last month.'],
  ['released-known-person', 'Her ex-partner was released from prison in May.'],
  ['address-change', 'He has been staying with a friend across town since the weekend.'],
  ['purchase-money', 'He now drives a new car, which he says a friend lent him.'],
  ['medication-stopped', 'She has stopped taking her antidepressants.'],
];

describe('unexplored events are flagged', () => {
  for (const [type, text] of UNEXPLORED) {
    it(`${type}: ${text}`, () => {
      const found = curiosity(text);
      expect(found.length).toBe(1);
      expect(found[0].ruleId).toBe('curiosity-unexplored-event');
      expect(found[0].data?.event).toBe(type);
      expect(found[0].prompts.length).toBeGreaterThanOrEqual(2);
      expect(found[0].message.length).toBeLessThan(140);
    });
  }
});

const NOT_EVENTS = [
  'He is not in a new relationship.',
  'He denies any contact with children.',
  'There have been no further arrests.',
  'He has never been evicted.',
  'If he were to lose his job, his rent would fall into arrears.',
  'He has lived with his parents all his life.',
  'He works as a plasterer and has done so for ten years.',
  'The police were called by the shop manager and he was arrested at the scene.',
  'He reported no thoughts of self-harm.',
  'Appointment moved to the afternoon to fit around work.',
  'She has two children, aged 4 and 7, who live with her.',
  'He spends his weekends with his girlfriend.',
];

describe('negated, hypothetical and ordinary facts are not events', () => {
  for (const text of NOT_EVENTS) {
    it(text, () => expect(curiosity(text)).toEqual([]));
  }
});

const EXPLORED = [
  "He has a new partner, Ms A. I have requested a police domestic abuse check and a children's services check.",
  'He lost his job in May. His former manager confirmed he was let go when the contract ended.',
  'She was evicted in June. The housing officer told me the eviction followed rent arrears, and I made a Duty to Refer referral.',
  'He tested positive for cocaine on 3 June. This was discussed with the SPO and the risk assessment was reviewed.',
  'His brother died in February. His partner said he has been withdrawn since, and his GP confirmed he has been referred for bereavement counselling.',
  'He lost his job in March after his employer closed. He showed me his P45, and he has since registered with an agency.',
  "He moved in with his girlfriend in May. I have requested a DA check and a children's services check; her two children live at the address.",
  'He was stabbed in January in what he describes as a dispute over a debt. Police records confirm he was the victim and no one was charged.',
  'She recently started a new job as a cleaner. Her manager, who I spoke to with her consent, confirmed her hours.',
  'He failed to attend two appointments in May. On both occasions he provided medical evidence, which I have seen.',
  'Her new partner is known to police for domestic abuse; I have made a referral to MARAC.',
];

describe('explored events are recorded but not flagged', () => {
  for (const text of EXPLORED) {
    it(text, () => {
      expect(curiosity(text)).toEqual([]);
      const evs = events(text);
      expect(evs.length).toBeGreaterThan(0);
      expect(evs.every((e) => e.explored)).toBe(true);
    });
  }
});

describe('the person, not someone else, and the past, not the present', () => {
  const head = 'PRE-SENTENCE REPORT\n\nName: Sam REEVES\nCourt: Anytown MC, 3 June 2025\n\n';
  for (const text of [
    'He was released from HMP Leeds on licence in March and has complied since.',
    'Mr Reeves was released from custody in January.',
    'They moved house several times during his childhood.',
    'His father died when he was 12.',
    'He has been in a relationship with his partner for six years.',
  ]) {
    it(`not an event: ${text}`, () => expect(curiosity(head + text, {})).toEqual([]));
  }
  it('flags the release of someone else', () => {
    const found = curiosity(head + 'His brother was released from prison last month and is living nearby.', {});
    expect(found.map((d) => d.data?.event)).toEqual(['released-known-person']);
  });
  it('does not confuse the person confirming with a third party confirming', () => {
    const found = curiosity(head + 'He has moved in with a friend. He confirmed the address is in the town centre.', {});
    expect(found.length).toBe(1);
  });
});

describe('structure', () => {
  it('ignores events listed in a sources section', () => {
    const text = '## Sources of information\n\n- Police call-out check: he was arrested last week at his address\n\n## Offence analysis\n\nHe admits the offence.';
    expect(curiosity(text)).toEqual([]);
  });

  it('ignores the index arrest in an offence analysis', () => {
    const text = '## Offence analysis\n\nHe was arrested at the scene and was charged the next day. He was injured in the struggle.';
    expect(curiosity(text)).toEqual([]);
  });

  it('ignores old history dated years before the report', () => {
    const text = 'Report for sentence on 4 March 2025.\n\nHis grandfather died in 2012, when he was a child.';
    expect(curiosity(text)).toEqual([]);
  });

  it('gives one underline per sentence, covering the first trigger to the sentence end', () => {
    const text = 'He has moved in with his new girlfriend and her kids.';
    const found = curiosity(text);
    expect(found.length).toBe(1);
    expect(text.slice(found[0].start.offset, found[0].end.offset)).toBe('moved in with his new girlfriend and her kids.');
  });

  it('in a contact log, follows an event into a later entry that returns to it', () => {
    const log = [
      'Contact log — TEST, Person',
      '',
      '01/04/2025 — Office visit — Attended. Says he has a new girlfriend, Priyanka, who has a toddler. Next appt 08/04.',
      '',
      '08/04/2025 — Office visit — Attended. Discussed Priyanka: police DA check requested today and a MASH enquiry sent.',
    ].join('\n');
    expect(curiosity(log, {})).toEqual([]);
    expect(events(log, {}).every((e) => e.explored)).toBe(true);
  });

  it('in a contact log, flags a missed appointment that is only rebooked', () => {
    const log = [
      'Contact log — TEST, Person',
      '',
      '01/04/2025 — Office visit — Failed to attend. Rebooked for 08/04.',
      '',
      '08/04/2025 — Office visit — Attended. Talked about football.',
    ].join('\n');
    const found = curiosity(log, {});
    expect(found.length).toBe(1);
    expect(found[0].data?.event).toBe('non-compliance');
  });

  it('does not take a rebooking or a text as following up a missed appointment, but a checked reason is', () => {
    const log = [
      'Contact log — TEST, Person',
      '',
      '01/04/2025 — Office visit — Did not attend. OM rang at 11:00: he was at the dentist and sent a photo of the appointment letter, which OM has seen. Recorded as an acceptable absence.',
      '',
      '08/04/2025 — Office visit — Attended.',
    ].join('\n');
    expect(curiosity(log, {})).toEqual([]);
  });
});

describe('optimistic claims', () => {
  it('flags a claim the history in the report contradicts, and names it', () => {
    const text = 'He has four previous convictions for assault. He describes this offence as a one-off.';
    const found = curiosity(text);
    expect(found.length).toBe(1);
    expect(found[0].ruleId).toBe('curiosity-optimism-unsupported');
    expect(found[0].message).toContain('four previous convictions');
    expect(found[0].data?.contradicted).toBe(true);
  });

  it('flags a witness account of earlier occasions as contradicting history', () => {
    const text = 'A neighbour told police she had heard arguments on several occasions. He says it was an isolated incident.';
    expect(curiosity(text).map((d) => d.ruleId)).toEqual(['curiosity-optimism-unsupported']);
  });

  it('flags an unexamined claim', () => {
    expect(curiosity('His family say he has turned his life around.').length).toBe(1);
  });

  it('accepts a claim the record supports', () => {
    const text = 'The PNC shows no previous convictions and nothing is recorded on the police DA check. The offence appears out of character.';
    expect(curiosity(text)).toEqual([]);
  });

  it('does not flag the author rejecting the claim', () => {
    expect(curiosity('This was not an isolated incident.')).toEqual([]);
  });

  it('gives one underline for two claims in one sentence', () => {
    const text = 'He has three previous convictions for violence. He says it was a one-off and that he has never been in trouble.';
    expect(curiosity(text).length).toBe(1);
  });
});
