// The mental-health family: sentence judgements (negation, whose condition) and document verdicts by kind.
import { describe, it, expect } from 'vitest';
import { check } from '../core/engine.js';
import { rules } from '../rules/index.js';
import { isAboutOther, isEnquiry, isNegated } from '../core/nlp.js';
import { mentalHealthFacts } from '../core/analysis/mental-health.js';
import type { LintOptions } from '../core/types.js';

const mhRules = rules.filter((r) => r.meta.category === 'mental-health');
const run = (text: string, options: LintOptions = {}) => {
  const result = check(text, options, mhRules);
  return { ...result, status: result.analysis.categories['mental-health'].status, ids: result.diagnostics.map((d) => d.ruleId) };
};
const at = (s: string, term: string) => {
  const i = s.indexOf(term);
  if (i < 0) throw new Error(`${term} not in ${s}`);
  return { neg: isNegated(s, i, i + term.length), other: isAboutOther(s, i) };
};

describe('negation', () => {
  it.each([
    ['There is no history of mental-health problems.', 'mental-health problems'],
    ['She denies any thoughts of self-harm.', 'self-harm'],
    ['No self-harm or suicidal thoughts reported.', 'suicidal'],
    ['Self-harm and suicidal ideation were denied.', 'Self-harm'],
    ['Thoughts of suicide: none reported.', 'suicide'],
    ['She has never harmed herself and reported no suicidal thoughts.', 'suicidal'],
    ['Nothing in the screening suggested psychosis.', 'psychosis'],
    ['I have no concerns about her mental health.', 'mental health'],
  ])('negated: %s', (s, term) => expect(at(s, term).neg).toBe(true));

  it.each([
    ['He does not drink but was diagnosed with depression in 2021.', 'depression'],
    ['He does not drink and has been depressed since the spring.', 'depressed'],
    ['She has not self-harmed since 2020.', 'self-harmed'],
    ['He is no longer hearing voices.', 'hearing voices'],
    ['He missed the appointment, reporting low mood.', 'low mood'],
    ['He did not see a doctor about his nightmares until last year.', 'nightmares'],
    // Part of speech decides the scope here (compromise is consulted for the word after "and").
    ['He has no history of self-harm and rarely mentions suicidal thoughts.', 'suicidal'],
    ['She did not drink that night and later described suicidal thoughts.', 'suicidal'],
  ])('not negated: %s', (s, term) => expect(at(s, term).neg).toBe(false));
});

describe('whose condition', () => {
  it.each([
    ["His mother's depression shaped his childhood.", 'depression'],
    ['Her father has schizophrenia and lives in supported housing.', 'schizophrenia'],
    ['He lives with his grandmother, who has had anxiety for years.', 'anxiety'],
    ['His brother, who he shares a flat with, has bipolar disorder.', 'bipolar'],
    ['The victim has had panic attacks since the assault.', 'panic attacks'],
  ])('someone else: %s', (s, term) => expect(at(s, term).other).toBe(true));

  it.each([
    ['His partner says he has been hearing voices at night.', 'hearing voices'],
    ["Since his uncle's funeral he has been all over the place.", 'all over the place'],
    ['Like many veterans, he has PTSD.', 'PTSD'],
    ['She cares for her son, who has autism, and she is often low in mood.', 'low in mood'],
  ])('the person: %s', (s, term) => expect(at(s, term).other).toBe(false));
});

describe('whose condition, by the main surname', () => {
  const affirmed = (text: string) => mentalHealthFacts(run(text, { section: 'behaviour-lifestyle' }).analysis)!.affirmed.map((i) => i.term);

  it('takes the most frequent "Mr X" as the person', () => {
    expect(affirmed('Mr Reeve was interviewed. Mr Reeve has depression. Mr Jones, his neighbour, called.')).toEqual(['depression']);
    expect(affirmed('Mr Jones was interviewed. Mr Reeve has depression. Mr Jones, his neighbour, called.')).toEqual([]);
  });

  it('counts a name on the line after its title', () => {
    // Two "Mr\nReeve" across line breaks make Reeve the person; without them Jones would come first.
    const text = 'Interview with Mr\nReeve on Monday.\n\nMr Jones, his neighbour, called. He has seen Mr\nReeve since.\n\nMr Reeve has depression.';
    expect(affirmed(text)).toEqual(['depression']);
  });

  it('reads the surname from the first 20,000 characters only', () => {
    const filler = Array.from({ length: 340 }, (_, i) => `Paragraph ${i} records an ordinary week with nothing of note.`).join('\n\n');
    const later = Array.from({ length: 5 }, () => 'Mr Reeve called.').join(' ');
    const text = `Mr Jones was interviewed. Mr Reeve has depression.\n\n${filler}\n\n${later}`;
    expect(text.indexOf(later)).toBeGreaterThan(20000);
    expect(affirmed(text)).toEqual([]);
  });
});

const psr = (circumstances: string, proposal = 'I propose a community order with unpaid work.') =>
  `PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview with the defendant; CPS summary; PNC.\n\nOFFENCE ANALYSIS\n\nHe took goods from a shop without paying.\n\nPERSONAL CIRCUMSTANCES\n\n${circumstances}\n\nRISK ANALYSIS\n\nLow risk of serious harm.\n\nSENTENCING PROPOSAL\n\n${proposal}`;

describe('PSR', () => {
  it('flags a report that never mentions mental health, on the circumstances heading, with a non-destructive fix', () => {
    const text = psr('He lives with his partner and works as a roofer.');
    const r = run(text);
    expect(r.status).toBe('missing');
    expect(r.ids).toEqual(['mental-health-not-addressed']);
    const d = r.diagnostics[0];
    expect(text.slice(d.start.offset, d.end.offset)).toBe('PERSONAL CIRCUMSTANCES');
    expect(d.fix?.kind).toBe('replace');
    expect(d.fix?.text.startsWith('PERSONAL CIRCUMSTANCES')).toBe(true);
  });

  it('treats someone else\'s condition as not addressing the person\'s own mental health', () => {
    const r = run(psr('He supports his mother, who has severe depression, with shopping.'));
    expect(r.ids).toEqual(['mental-health-not-addressed']);
  });

  it('accepts "no concerns" with a basis', () => {
    const r = run(psr('He told me he has never had mental-health difficulties, and his GP records show no mental-health history.'));
    expect(r.status).toBe('covered');
    expect(r.ids).toEqual([]);
  });

  it('asks for the basis of a bare "no concerns" line', () => {
    const r = run(psr('There are no known mental health issues.'));
    expect(r.ids).toEqual(['mental-health-no-basis']);
  });

  it('flags a diagnosis with no analysis', () => {
    const r = run(psr('He was diagnosed with bipolar disorder in 2019 and takes lithium, though he sometimes forgets it.'));
    expect(r.status).toBe('partial');
    expect(r.ids).toContain('mental-health-unanalysed');
  });

  it('accepts a diagnosis linked to the offence and the proposal', () => {
    const r = run(
      psr(
        'He was diagnosed with bipolar disorder in 2019. His psychiatrist confirms he had stopped his lithium before the offence, and that a period of mania explains his behaviour that day.',
        'I propose a community order with a mental health treatment requirement, to which he consents.',
      ),
    );
    expect(r.status).toBe('covered');
    expect(r.ids).toEqual([]);
  });

  it('reads terse oral-report notes', () => {
    const text =
      'ORAL REPORT — Court 2\n\nBasis: interview in cells, CPS summary, PNC.\n\nMH: depression, on sertraline (GP summary seen). Low mood since a bereavement, linked to the drinking behind both offences. No DSH or suicidal thoughts.\n\nProposal: CO 12m, RAR 10 days.';
    const r = run(text);
    expect(r.kind).toBe('psr');
    expect(r.ids).toEqual([]);
    expect(run(text.replace(', linked to the drinking behind both offences', '')).ids).toContain('mental-health-unanalysed');
  });

  it('does not need mental health when an earlier form page covered it', () => {
    const r = run(psr('He lives alone.'), { context: { categoriesCovered: ['mental-health'] } });
    expect(r.ids).toEqual([]);
  });
});

const notes = (...entries: string[]) =>
  `Contact log — TEST, Person\n\n${entries.map((e, i) => `${String(i + 3).padStart(2, '0')}/03/2025 — Office visit — ${e}`).join('\n\n')}`;

describe('case notes', () => {
  it('flags a disclosure after a bereavement with no action', () => {
    const r = run(notes('Attended.', 'Says his aunt died last week and he has not been sleeping. Offered condolences.', 'Attended. Discussed ETE.', 'Attended.'));
    expect(r.kind).toBe('case-notes');
    expect(r.ids).toEqual(['mental-health-disclosure-no-action']);
    expect(r.diagnostics[0].data?.bereavement).toBe(true);
  });

  it('accepts a disclosure acted on in a later entry', () => {
    const r = run(notes('Attended.', 'Says she has been feeling low and tearful.', 'Attended. With consent rang her GP about her low mood; appointment booked for Friday.', 'Attended.'));
    expect(r.ids).toEqual([]);
  });

  it('does not count an unrelated "referral" in the same entry as action', () => {
    const r = run(notes('Attended.', 'Says he has been feeling low. Referred to the housing team about his rent arrears.', 'Attended.', 'Attended.'));
    expect(r.ids).toEqual(['mental-health-disclosure-no-action']);
  });

  it('treats stopped medication as a disclosure', () => {
    const r = run(notes('Attended.', 'Says he stopped taking his antidepressants a fortnight ago.', 'Attended.', 'Attended.'));
    expect(r.ids).toEqual(['mental-health-disclosure-no-action']);
  });

  it('does not treat a change to medication for a physical condition as a disclosure', () => {
    const r = run(notes('Attended.', 'Says his GP changed his tablets for his blood pressure.', 'Attended.', 'Attended.'));
    expect(r.ids).toEqual([]);
  });

  it('raises nothing for notes with no mental-health content, or only someone else\'s', () => {
    expect(run(notes('Attended.', 'Attended. Working full time.', 'Attended.')).ids).toEqual([]);
    expect(run(notes('Attended.', 'His sister has been low since her divorce.', 'Attended.')).ids).toEqual([]);
  });
});

describe('a lone section', () => {
  it('does not ask for mental health in an offence analysis', () => {
    const r = run('He punched the man twice outside the pub after an argument about a taxi.', { section: 'offence-analysis' });
    expect(r.ids).toEqual([]);
  });
  it('flags an unanalysed indicator', () => {
    const r = run('He has a diagnosis of paranoid schizophrenia and has stopped his depot injection.', { section: 'behaviour-lifestyle' });
    expect(r.ids).toContain('mental-health-unanalysed');
  });
  it('exposes facts for other analysers', () => {
    const r = run('He has a diagnosis of schizophrenia and is under the CMHT.', { section: 'behaviour-lifestyle' });
    expect(mentalHealthFacts(r.analysis)?.significant).toBe(true);
  });
});

describe('indirect expressions of suicidal thinking and hopelessness', () => {
  it.each([
    'He told me his family would be better off without him.',
    'She said there was no reason to carry on after the flat was repossessed.',
    'He sometimes wishes he was not here.',
    'She said that life is not worth living at the moment.',
    'Some mornings he does not want to wake up.',
  ])('is an unanalysed indicator in a lone section: %s', (text) => {
    expect(run(text, { section: 'behaviour-lifestyle' }).ids).toContain('mental-health-unanalysed');
  });

  it('records "cannot see the point" as a change in presentation, but not about a task', () => {
    const found = (text: string) => mentalHealthFacts(run(text, { section: 'behaviour-lifestyle' }).analysis)!.affirmed.map((i) => i.group);
    expect(found('Since losing the shop he says he cannot see the point any more.')).toContain('weak-presentation');
    expect(found('He said he could not see the point of the course and left after a week.')).toEqual([]);
  });

  it('treats a denial of such thoughts as negated', () => {
    const r = run('He denies feeling that his family would be better off without him.', { section: 'behaviour-lifestyle' });
    expect(r.ids).toEqual([]);
  });

  it('treats the thought as someone else\'s when a relative says it', () => {
    const r = run('His brother has said the family would be better off without him.', { section: 'behaviour-lifestyle' });
    expect(mentalHealthFacts(r.analysis)!.affirmed).toEqual([]);
  });
});

describe('enquiry: a term that names the question asked', () => {
  it.each([
    ['I asked him about self-harm and he said he has never hurt himself.', 'self-harm'],
    ['When asked directly about self-harm and suicidal thoughts, she said there were none.', 'suicidal'],
    ['The custody nurse screened him for psychosis.', 'psychosis'],
  ])('is not an affirmed indicator: %s', (s, term) => {
    const i = s.indexOf(term);
    expect(isEnquiry(s, i)).toBe(true);
  });

  it('still affirms what the answer discloses', () => {
    const s = 'Asked about self-harm, she told me she cut herself last week.';
    expect(isEnquiry(s, s.indexOf('cut herself'))).toBe(false);
    const r = run(s, { section: 'behaviour-lifestyle' });
    expect(mentalHealthFacts(r.analysis)!.affirmed.map((i) => i.term)).toEqual(['cut herself']);
  });

  it('does not leave a screened-for, denied risk as unanalysed in a PSR section', () => {
    const r = run('He has no diagnosed condition. When I asked about self-harm he said he had never done it, which his GP confirmed.', { section: 'behaviour-lifestyle' });
    expect(r.ids).toEqual([]);
  });
});

describe('"better off without" and "cannot go on" are read in context', () => {
  const affirmed = (text: string) => mentalHealthFacts(run(text, { section: 'behaviour-lifestyle' }).analysis)!.affirmed.map((i) => i.group);
  it('reads others being better off without the person as suicidal thinking', () => {
    expect(affirmed('She told me her children would be better off if she was not around.')).toContain('suicide');
  });
  it('does not read leaving an abusive partner as suicidal thinking', () => {
    expect(affirmed('She says she is better off without him now that the injunction is in place.')).toEqual([]);
  });
  it('reads "cannot go on like this" as hopelessness but not "cannot go on the course"', () => {
    expect(affirmed('He said he cannot go on like this.')).toContain('weak-presentation');
    expect(affirmed('He cannot go on the course until September.')).toEqual([]);
  });
});

describe('seeing or hearing things others do not', () => {
  const affirmed = (text: string) => mentalHealthFacts(run(text, { section: 'behaviour-lifestyle' }).analysis)!.affirmed.map((i) => i.group);
  it('reads a dead relative seen or heard as a perceptual disturbance', () => {
    expect(affirmed('Since her mother died she sees her mum sitting at the end of the bed.')).toContain('perceptual-disturbance');
    expect(affirmed('He hears someone whispering his name when the flat is empty.')).toContain('perceptual-disturbance');
    expect(affirmed('She keeps seeing things that are not there.')).toContain('perceptual-disturbance');
  });
  it('does not read ordinary seeing and hearing as a symptom', () => {
    expect(affirmed('He sees his son every Saturday and is seeing things more positively.')).toEqual([]);
    expect(affirmed('She heard her neighbour shouting in the street.')).toEqual([]);
  });
  it('is a disclosure needing action in case notes, after a bereavement', () => {
    const r = run(notes('Attended.', 'His uncle died last month. He says he hears him calling his name at night. We talked about the funeral.', 'Attended. Discussed ETE.', 'Attended.'));
    expect(r.ids).toContain('mental-health-disclosure-no-action');
  });
});

describe('"sees" is action only when someone is seen for help', () => {
  it('does not take seeing family as action on a disclosure', () => {
    const r = run(notes('Attended.', 'He is not sleeping and sees his daughter less since the move.', 'Attended.', 'Attended.'));
    expect(r.ids).toContain('mental-health-disclosure-no-action');
  });
  it('takes seeing the GP as action', () => {
    const r = run(notes('Attended.', 'He is not sleeping and sees his GP on Friday about it.', 'Attended.', 'Attended.'));
    expect(r.ids).toEqual([]);
  });
});
