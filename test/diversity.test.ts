// Diversity: what counts as considering a characteristic, and what is only a mention.
import { describe, it, expect } from 'vitest';
import { check } from '../core/index.js';
import { parse } from '../core/engine.js';
import { buildAnalysis } from '../core/analysis/index.js';
import { diversityFacts } from '../core/analysis/diversity.js';

const psr = (circumstances: string, extra = '') =>
  `PRE-SENTENCE REPORT\n\nName: A PERSON\nDate of birth: 01/01/1990\nCourt: Anytown Magistrates' Court, 02/06/2025\n\nSOURCES OF INFORMATION\n\nInterview on 20 May 2025; CPS summary; list of previous convictions.\n\nOFFENCE ANALYSIS\n\nThe offence was a theft of goods from a shop.\n\nPERSONAL CIRCUMSTANCES\n\n${circumstances}\n\nRISK ANALYSIS\n\nLow risk of serious harm to the public: there is no violence in the history.\n\nSENTENCING PROPOSAL\n\nA community order with a Rehabilitation Activity Requirement.${extra}`;

const facts = (text: string, options = {}) => {
  const doc = parse(text, options);
  const analysis = buildAnalysis(doc, options);
  return { analysis, f: diversityFacts(analysis), doc };
};
const diversity = (text: string) => check(text).diagnostics.filter((d) => d.category === 'diversity');
const unconsidered = (text: string) => facts(text).f.unconsidered.map((u) => u.id);

describe('diversity coverage', () => {
  it('is missing when nothing personal is said', () => {
    const { analysis } = facts(psr('He lives alone in a rented flat and works nights.'));
    expect(analysis.categories.diversity.status).toBe('missing');
    expect(analysis.categories.diversity.required).toBe(true);
    expect(diversity(psr('He lives alone in a rented flat and works nights.')).map((d) => d.ruleId)).toEqual(['diversity-not-considered']);
  });

  it('treats a bare demographic line as no consideration', () => {
    const text = psr('Mr Person is a 35-year-old white British man. He lives alone in a rented flat.');
    expect(facts(text).analysis.categories.diversity.status).toBe('partial');
    const found = diversity(text);
    expect(found.some((d) => d.ruleId === 'diversity-not-considered')).toBe(true);
  });

  it('is covered when a characteristic is tied to engagement or the proposal', () => {
    const text = psr('He has dyslexia, which means written work on the requirement should be replaced with discussion and he will need letters read to him.');
    expect(facts(text).analysis.categories.diversity.status).toBe('covered');
    expect(diversity(text)).toEqual([]);
  });

  it('accepts consideration in the following sentence ("this is relevant")', () => {
    const text = psr('He served six years in the Royal Marines. His service is relevant: he responds well to structure and is entitled to veterans’ support.');
    expect(facts(text).analysis.categories.diversity.status).toBe('covered');
  });

  it('does not let a sentence about another characteristic stand in for the one just named', () => {
    const text = psr('He arrived from abroad two years ago and has limited English. His age is relevant because he acted on impulse.');
    expect(unconsidered(text)).toContain('language');
  });

  it('flags each unconsidered characteristic once, on its mention', () => {
    const text = psr('Mr Person has autism. He also has epilepsy. He is autistic and lives with his father.');
    const found = diversity(text).filter((d) => d.ruleId === 'diversity-unconsidered-characteristic');
    expect(found.map((d) => d.data?.characteristic)).toEqual(['neurodivergence', 'disability']);
    expect(text.slice(found[0].start.offset, found[0].end.offset)).toBe('autism');
  });

  it('asks about an interpreter for language needs', () => {
    const found = diversity(psr('He speaks little English and lives with friends from his home town.'));
    const lang = found.find((d) => d.data?.characteristic === 'language');
    expect(lang?.message).toMatch(/interpreter/i);
    expect(lang?.prompts.some((p) => /was an interpreter used for interview/i.test(p))).toBe(true);
  });

  it('counts an interpreter used as consideration of language', () => {
    const text = psr('His first language is Tigrinya. An interpreter was used for the interview and would be needed for supervision.');
    expect(unconsidered(text)).not.toContain('language');
  });

  it('never says a report is "required because"', () => {
    for (const d of diversity(psr('She is pregnant and is sole carer for her son. She is a practising Muslim and a care leaver.'))) {
      expect(d.message).not.toMatch(/required because/i);
      expect(d.message.length).toBeLessThan(200);
    }
  });
});

describe('consideration in varied wording', () => {
  const covered = (circumstances: string) => facts(psr(circumstances)).analysis.categories.diversity.status;
  it('an adjustment in the sentence after the mention', () => {
    expect(covered('Mr Person has a mild learning disability and an advocate sat in on the interview. He followed the questions when they were put simply.')).toBe('covered');
  });
  it('experience of hostility tied to the offending a sentence or two later', () => {
    expect(
      covered('Ms Person is of Somali heritage. She says that as a Muslim woman she has faced hostility from neighbours. This forms part of the background to the argument that led to the offence.'),
    ).toBe('covered');
  });
  it('a caring role weighed against custody in the next sentence', () => {
    expect(covered('She is the only carer for her two daughters. A custodial sentence would mean the girls going into foster care.')).toBe('covered');
  });
  it('but not a connective far from the mention in a demographic line', () => {
    expect(covered('Mr Person is a 40-year-old Black British man who has lived in the same town since he was a boy because his family settled there.')).toBe('partial');
  });
  it('and not reported speech ("he explained that…")', () => {
    expect(covered('Mr Person is of Polish heritage and explained that he came to the UK for work.')).toBe('partial');
  });
});

describe('age and maturity', () => {
  it('computes age from a date of birth and the report date', () => {
    const text = psr('He lives with his parents.').replace('01/01/1990', '15/09/2002');
    const { f } = facts(text);
    expect(f.age?.value).toBe(22);
    expect(f.unconsidered.map((u) => u.id)).toContain('age');
  });

  it('reads stated ages but not the ages of others', () => {
    expect(facts(psr('Ms Person is 21 and lives with her mother.').replace(/Date of birth.*\n/, '')).f.age?.value).toBe(21);
    expect(facts(psr('His son Jack is 17 and lives with him.').replace(/Date of birth.*\n/, '')).f.age).toBeUndefined();
    expect(facts(psr('She is 19 weeks pregnant.').replace(/Date of birth.*\n/, '')).f.age).toBeUndefined();
  });

  it('does not prompt about maturity for an older adult', () => {
    expect(unconsidered(psr('Mr Person is 47 and lives alone.'))).not.toContain('age');
  });

  it('is satisfied by a maturity analysis', () => {
    const text = psr('At 20 he is a young adult, and his age and maturity are relevant: he acted on impulse under pressure from older friends.').replace('01/01/1990', '01/01/2005');
    expect(unconsidered(text)).not.toContain('age');
  });
});

describe('mentions that are not the person’s characteristic', () => {
  it('ignores other people’s conditions', () => {
    expect(unconsidered(psr('His mother has diabetes and his brother is autistic.'))).toEqual([]);
  });
  it('ignores negated mentions', () => {
    expect(unconsidered(psr('He has no caring responsibilities and has never served in the armed forces.'))).toEqual([]);
  });
  it('treats a pregnancy in a report about a man as his partner’s', () => {
    expect(unconsidered(psr('He lives with his girlfriend. She is pregnant and he says he wants to be there for the birth; he hopes to find work before then.'))).not.toContain('pregnancy');
  });
  it('does not take a number in the proposal for an age', () => {
    const text = psr('He lives alone.', '\n\nUPW 80 hours.');
    expect(facts(text).f.mentions.filter((m) => m.id === 'age')).toEqual([]);
  });
});

describe('scope', () => {
  it('does not judge case notes or single sections', () => {
    const notes = '01/03/2025 — Office visit — He has dyslexia.\n05/03/2025 — Phone call — No answer.\n09/03/2025 — Home visit — All well.';
    expect(facts(notes).analysis.categories.diversity.required).toBe(false);
    expect(diversity(notes)).toEqual([]);
    expect(diversity('He has dyslexia and is 22.').length).toBe(0);
  });
  it('respects categoriesCovered from an earlier page', () => {
    const text = psr('He lives alone.');
    const r = check(text, { context: { categoriesCovered: ['diversity'] } });
    expect(r.analysis.categories.diversity.status).toBe('covered');
    expect(r.diagnostics.filter((d) => d.category === 'diversity')).toEqual([]);
  });
  it('offers a skeleton that keeps the heading', () => {
    const text = psr('He lives alone.');
    const d = diversity(text).find((x) => x.ruleId === 'diversity-not-considered');
    expect(d?.fix?.kind).toBe('replace');
    expect(d?.fix?.text.startsWith('PERSONAL CIRCUMSTANCES\n\nDiversity:')).toBe(true);
    expect(text.slice(d!.start.offset, d!.end.offset)).toBe('PERSONAL CIRCUMSTANCES');
  });
});

describe('consideration that follows a mention in the same paragraph', () => {
  it('counts an effect word a couple of sentences later while the paragraph stays on the topic', () => {
    const text = psr('He is a practising Hindu and used to help at the temple kitchen. He stopped going after his arrest because he felt embarrassed. Going back, if he wants to, would be protective.');
    expect(unconsidered(text)).not.toContain('faith');
  });
  it('stops at a sentence that turns to an unrelated characteristic', () => {
    const text = psr('He is a practising Hindu. He has type 1 diabetes. The structure of unpaid work would be protective for him.');
    expect(unconsidered(text)).toContain('faith');
  });
  it('reads semicolon-separated clauses as part of the same run', () => {
    const text = psr('She is the sole carer of two boys; their father is abroad; the school says they are settled. A custodial sentence would leave them with nobody at home.');
    expect(unconsidered(text)).not.toContain('caring');
  });
  it('does not let a bare line borrow a cue from another paragraph', () => {
    const text = psr('He is a practising Sikh.\n\nHe lives alone. Work would be protective.');
    expect(unconsidered(text)).toContain('faith');
  });
});

describe('cues for support and dependants', () => {
  it('treats faith described as a main support as considered', () => {
    expect(unconsidered(psr('She is a practising Christian; her church has been her main support since the separation.'))).not.toContain('faith');
  });
  it('treats "sole care" in the proposal as weighing caring', () => {
    const text = psr('She is the only carer for her daughter, who is four.', ' Unpaid work would be hard to fit around her sole care of her daughter.');
    expect(unconsidered(text)).not.toContain('caring');
  });
  it('treats dependence on the person as an effect on dependants', () => {
    expect(unconsidered(psr('He is the main carer for his father, who depends on him for meals and medication.'))).not.toContain('caring');
  });
});

describe('a characteristic the report keeps returning to', () => {
  const rich = 'Mr Person has dyslexia, which means written work will need to be read through with him. He uses a wheelchair, so unpaid work would be unsuitable.';
  it('is not reported when other characteristics are analysed and it comes up in more than one sentence', () => {
    const text = psr(`${rich}\n\nHe is a practising Buddhist. He goes to meditation evenings at the Buddhist centre on Fridays.`);
    expect(unconsidered(text)).not.toContain('faith');
    expect(facts(text).analysis.categories.diversity.status).toBe('covered');
  });
  it('is still reported when it is a single bare mention', () => {
    expect(unconsidered(psr(`${rich}\n\nHe is a practising Buddhist.`))).toContain('faith');
  });
  it('is still reported when nothing else is analysed', () => {
    expect(unconsidered(psr('He is a practising Buddhist. He goes to meditation evenings at the Buddhist centre on Fridays.'))).toContain('faith');
  });
});

describe('an interpreter used only to write the report', () => {
  it('is process, not consideration of language', () => {
    const text = psr('He is a Lithuanian national who came to England in 2015. A Lithuanian interpreter joined the interview by phone.');
    expect(unconsidered(text)).toEqual(expect.arrayContaining(['language']));
    expect(facts(text).analysis.categories.diversity.status).toBe('partial');
  });
  it('counts when the report says what the language need means for the order', () => {
    const text = psr('He is a Lithuanian national. He speaks little English, so an interpreter will be needed at every supervision session for him to follow the order.');
    expect(unconsidered(text)).not.toContain('language');
  });
});

describe('a caring role that has ended', () => {
  it('is not a current caring responsibility', () => {
    expect(unconsidered(psr('He was the main carer for his wife until she died two years ago.'))).not.toContain('caring');
    expect(unconsidered(psr("She had been her father's carer for years before he went into a home."))).not.toContain('caring');
  });
  it('a current one is still asked about', () => {
    expect(unconsidered(psr('He is the main carer for his wife.'))).toContain('caring');
  });
});
