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

// Exploration must be about the event: its own sentence, or a later sentence of the same paragraph or entry
// that refers back to it (trigger words, the same person, "This..." straight after it, the type's subject
// words) or carries a check specific to that kind of event.
describe('exploration is tied to the event', () => {
  it('an unrelated confirmation nearby does not explore a disclosure of distress', () => {
    const text = 'He told me he has been feeling hopeless since Christmas. He drinks two cans most evenings. His brother confirmed that this is his usual pattern.';
    expect(curiosity(text).map((d) => d.data?.event)).toEqual(['mental-health-decline']);
  });

  it('in a contact log, a check on something else in the same entry does not explore a new partner', () => {
    const log = [
      'Contact log — TEST, Person',
      '',
      '12/05/2025 — Office visit — Attended. Says he has a new girlfriend. Discussed his unpaid work hours; the UPW supervisor confirmed he completed six hours on Saturday. Next appt 19/05.',
    ].join('\n');
    expect(curiosity(log, {}).map((d) => d.data?.event)).toEqual(['new-relationship']);
  });

  it('a check specific to the event type explores it without naming it again', () => {
    const text = 'She has started seeing someone from her college course. She enjoys the course. I have requested a police domestic abuse check.';
    expect(curiosity(text)).toEqual([]);
  });

  it('evidence for an absence explores the missed appointment', () => {
    const log = [
      'Contact log — TEST, Person',
      '',
      '03/05/2025 — Office visit — Failed to attend. Seen later that day in good spirits. He brought a fit note covering the morning.',
    ].join('\n');
    expect(curiosity(log, {})).toEqual([]);
  });

  it('a source speaking about the same subject explores the event', () => {
    const text = 'He lost his job at the depot in April. His former supervisor told me the contract was not renewed because the site closed.';
    expect(curiosity(text)).toEqual([]);
  });

  it('"This" straight after the event points back to it', () => {
    const text = 'He was cautioned for a public order offence in May. This was discussed with the SPO and the risk assessment was reviewed.';
    expect(curiosity(text)).toEqual([]);
  });

  it('a confirmation about something else on the same subject area does not explore a bereavement', () => {
    const text = 'His father died last month. He has found it hard. He has a GP appointment next week about his back, which his sister confirmed.';
    expect(curiosity(text).map((d) => d.data?.event)).toEqual(['bereavement']);
  });

  it('a reason checked with a third party explores lateness', () => {
    const text = 'He was late for his last appointment. He said the bus broke down; the bus company confirmed a cancellation on that route.';
    expect(curiosity(text)).toEqual([]);
  });

  it("the person's own words in quotes are not follow-up", () => {
    const text = 'He has not been sleeping and said "I think everyone would be better off without me".';
    expect(curiosity(text).map((d) => d.data?.event)).toEqual(['mental-health-decline']);
  });

  it("the person's own confirmation is not a type-specific check", () => {
    const text = 'He is staying at a friend\'s flat across town. He confirmed the address is near his work.';
    expect(curiosity(text).length).toBe(1);
  });
});

describe('someone joining the household', () => {
  it('is an event, and an unrelated confirmation in the next sentence does not explore it', () => {
    const text = 'Her nephew, who is 19, has moved into the spare room. Her GP confirmed that her diabetes is well controlled.';
    expect(curiosity(text).map((d) => d.data?.event)).toEqual(['household-change']);
  });

  it('is explored by checks on the new household member', () => {
    const text = 'His cousin moved into the spare room in March. I have requested police and children\'s services checks on him and made a home visit.';
    expect(curiosity(text)).toEqual([]);
  });

  it('is not the person themselves moving in with someone', () => {
    expect(events('His son moved in with his girlfriend in Leeds.').some((e) => e.type === 'household-change')).toBe(false);
  });
});

describe('a repeated trigger word is the same event only when nobody new is involved', () => {
  it('two people moving are two events', () => {
    const text = 'Ms Grey moved into the flat upstairs last year. His girlfriend moved into a bedsit in Leeds in May.';
    expect(events(text).filter((e) => e.type === 'address-change').length).toBe(2);
  });
  it('the same pregnancy told twice is one event', () => {
    const text = 'She is 12 weeks pregnant. Since finding out she was pregnant she has stopped drinking.';
    expect(events(text).filter((e) => e.type === 'children-pregnancy').length).toBe(1);
  });
});

describe('optimistic claims against the history', () => {
  it('call-outs on record outweigh a clean PNC', () => {
    const text = 'The PNC shows no previous convictions. The police DA check records four call-outs to the address in the last year. He says the assault was out of character.';
    const found = curiosity(text);
    expect(found.length).toBe(1);
    expect(found[0].data?.contradicted).toBe(true);
  });

  it('a protective order against the person contradicts the claim', () => {
    const text = 'A restraining order was made against him in 2021 to protect a former partner. His mother describes the offence as completely out of character.';
    const found = curiosity(text);
    expect(found.length).toBe(1);
    expect(found[0].message).toContain('restraining order');
  });

  it("the author's own opinion is not evidence for the claim", () => {
    expect(curiosity('Having thought about it, I consider the offence a one-off.').length).toBe(1);
  });

  it('history set against the claim afterwards is the author being curious', () => {
    const text = 'He describes the offence as a one-off. However, the police log shows two previous call-outs to the same address for arguments.';
    expect(curiosity(text)).toEqual([]);
  });

  it('history conceded before the claim does not excuse accepting it', () => {
    const text = 'Although she has two previous convictions for assault, I consider this offence out of character.';
    expect(curiosity(text).map((d) => d.ruleId)).toEqual(['curiosity-optimism-unsupported']);
  });

  it("someone else's record does not contradict the claim", () => {
    const text = 'Her ex-partner has several previous convictions for violence. The PNC shows no previous convictions for her, and her employer confirmed she has never had a disciplinary. The offence appears out of character.';
    expect(curiosity(text)).toEqual([]);
  });
});

// Practitioners describe the same events in many wordings; each line here is a different way of putting one.
const WIDER_WORDINGS: [string, string][] = [
  ['address-change', 'For now she is kipping at a colleague’s flat near the depot.'],
  ['address-change', 'He has been stopping with relatives in the next town for a fortnight.'],
  ['address-change', 'A friend from the gym is putting him up until the end of the month.'],
  ['new-associates', 'Lately he has been mixing with a group of lads from the retail park.'],
  ['new-associates', 'She is spending time with some new friends she met at the skate park.'],
  ['new-job', 'She applied for a post as a kitchen porter at the hospital last week.'],
  ['new-job', 'He has an interview on Thursday for a warehouse role.'],
  ['new-job', 'He has been offered a trial shift at a car valeting firm.'],
  ['job-loss', 'The licensing authority revoked his taxi licence in October.'],
  ['job-loss', 'Her SIA badge has been suspended pending a review.'],
  ['job-loss', 'The factory sacked him after two warnings.'],
  ['purchase-money', 'He has been getting bank transfers from a man at the gym.'],
  ['purchase-money', 'He says the phones were for a lad who pays £30 each.'],
  ['purchase-money', 'She was seen with a bundle of notes in the kitchen.'],
  ['device-social-media', 'AP staff found him with a mobile we had not seen before.'],
  ['device-social-media', 'He keeps two handsets and a spare sim card in his room.'],
  ['behaviour-complaint', 'The housing association has received noise complaints about his flat.'],
  ['behaviour-complaint', 'Residents reported him to the landlord for banging on doors at night.'],
];

describe('wider wordings of events are found', () => {
  for (const [type, text] of WIDER_WORDINGS) {
    it(`${type}: ${text}`, () => {
      const evs = events(text).filter((e) => e.type !== 'optimism-claim');
      expect(evs.map((e) => e.type)).toContain(type);
      expect(curiosity(text).length).toBe(1);
    });
  }
});

describe('wider wordings are not everyday facts', () => {
  for (const text of [
    'He spends time with his daughter every Saturday.',
    'In interview he was open about the offence.',
    'His licence period ends in March.',
    'She receives universal credit and a carer’s allowance.',
    'He told me he stays in most evenings.',
    'He is easily led by older peers.',
  ]) {
    it(text, () => expect(curiosity(text)).toEqual([]));
  }
});

describe('a minimising claim in other words', () => {
  it('"the only time he has ever" set against recorded violence is flagged', () => {
    const text = 'He has two previous convictions for assault. He insists this was the only time he has ever hurt anyone.';
    const found = curiosity(text);
    expect(found.map((d) => d.ruleId)).toEqual(['curiosity-optimism-unsupported']);
    expect(found[0].data?.contradicted).toBe(true);
  });

  it('"never raised a hand" is a claim to test', () => {
    expect(curiosity('His partner says he has never raised a hand to her.').length).toBe(1);
  });
});

describe('fair judgement of follow-up', () => {
  it('an absence accepted on the person’s own excuse is not explored', () => {
    const text = '14/03/2025 — Office visit — Did not attend. He texted later to say his phone had died. Recorded as acceptable absence.';
    const found = curiosity(text, { kind: 'case-notes' });
    expect(found.map((d) => d.data?.event)).toContain('non-compliance');
  });

  it('an absence accepted after a check with the hospital is explored', () => {
    const text =
      '14/03/2025 — Office visit — Did not attend. He rang at 10:30 to say his father had been admitted to hospital; OM rang the ward, who confirmed the father was admitted overnight. Absence accepted.';
    expect(curiosity(text, { kind: 'case-notes' })).toEqual([]);
  });

  it('a lapse analysed and assessed for treatment covers the loss that set it off', () => {
    const text =
      'She lapsed to heroin in May after she was evicted from her flat. This is directly linked to both offences. The drug service worker assessed her as suitable for a DRR and a treatment place is available.';
    expect(curiosity(text)).toEqual([]);
  });
});

describe('an earlier incident told inside the offence analysis', () => {
  const head = 'PRE-SENTENCE REPORT\n\n## 2. Offence analysis\n\n';
  it('is its own event when placed at another time', () => {
    const text = `${head}He says it was a one-off. His sister mentioned that police were called to the house in February after a row with the same neighbour.`;
    expect(curiosity(text).map((d) => d.data?.event ?? d.ruleId)).toContain('police-callout');
  });
  it('is the index offence when it has no other time', () => {
    const text = `${head}Police were called to the house by a neighbour and he was cooperative with officers.`;
    expect(curiosity(text).filter((d) => d.data?.event === 'police-callout')).toEqual([]);
  });
});
