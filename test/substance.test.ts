// Substance-misuse family: the analyser's judgements on short texts written for these tests.
import { describe, it, expect } from 'vitest';
import { check, parse } from '../core/engine.js';
import { buildAnalysis } from '../core/analysis/index.js';
import { rules } from '../rules/index.js';
import { substanceFacts, describeSubstances, analyseSubstance } from '../core/analysis/substance.js';
import type { LintOptions } from '../core/types.js';

const family = rules.filter((r) => r.meta.category === 'substance-misuse');

function run(text: string, options: LintOptions = {}) {
  const result = check(text, options, family);
  return { ...result, facts: substanceFacts(result.analysis), ids: result.diagnostics.map((d) => d.ruleId) };
}

const psr = (body: string) =>
  `# Pre-sentence report\n\n## Sources of information\n\nInterview; CPS summary; PNC.\n\n## Offence analysis\n\nHe took a phone charger from a shop.\n\n## Personal circumstances\n\n${body}\n\n## Risk analysis\n\nLow risk of serious harm.\n\n## Sentencing proposal\n\nA community order with unpaid work.`;

describe('roles of substance words', () => {
  it('separates own use, negation, other people and offence wording', () => {
    const { facts } = run(
      'His stepfather drank heavily when he was young. He was convicted of possession of cocaine with intent to supply. He does not use drugs himself. He drinks four cans of lager a night.',
    );
    const role = (word: string) => facts.mentions.find((m) => m.term.toLowerCase() === word)?.role;
    expect(role('drank')).toBe('other-person');
    expect(role('drugs')).toBe('negated');
    expect(role('lager')).toBe('use');
    expect(facts.mentions.some((m) => m.role === 'offence')).toBe(true);
  });

  it('reads goods taken in a theft as part of the offence, not consumption', () => {
    const { facts } = run('He stole three bottles of vodka worth £60 from the supermarket.');
    expect(facts.mentions.filter((m) => m.role === 'use')).toEqual([]);
  });

  it('treats a positive test as use and a negative one as support', () => {
    const pos = run('The oral fluid test was positive for cocaine.').facts.mentions.find((m) => m.term === 'cocaine');
    const neg = run('The oral fluid test was negative for all substances, including cannabis.').facts.mentions.find((m) => m.term === 'cannabis');
    expect(pos?.role).toBe('use');
    expect(neg?.role).toBe('support');
  });

  it('does not read prescribed substitute medication as misuse', () => {
    const { facts } = run('He collects methadone daily under supervised consumption at the pharmacy.');
    expect(facts.mentions.filter((m) => m.role === 'use')).toEqual([]);
  });

  it('ignores a mental-health relapse and soft drinks', () => {
    const { facts } = run('He had a relapse of his psychosis in 2022. He drinks energy drinks through the night.');
    expect(facts.mentions).toEqual([]);
  });

  it('adds organisation substance names from options.terms', () => {
    const options: LintOptions = { terms: { substances: ['zombie dust'] } };
    const { facts } = run('He smokes zombie dust most weekends.', options);
    expect(facts.mentions.map((m) => m.term)).toContain('zombie dust');
  });
});

describe('gaps', () => {
  it('flags use with no link to offending, risk or proposal', () => {
    const { ids } = run(psr('He smokes skunk every day and spends about £70 a week on it.'));
    expect(ids).toContain('substance-unanalysed');
  });

  it('accepts use that is analysed against the offence', () => {
    const { ids, analysis } = run(
      psr('He smokes skunk every day and spends about £70 a week on it; he stole to fund it, and the drug service has assessed him as suitable for a drug rehabilitation requirement, to which he consents.'),
    );
    expect(ids).toEqual([]);
    expect(analysis.categories['substance-misuse'].status).toBe('covered');
  });

  it('flags minimising words left unchallenged', () => {
    const d = run('He says he only drinks socially and it has never been a problem. He drinks at the pub with friends.');
    expect(d.ids).toContain('substance-minimising-language');
  });

  it('does not flag minimising words weighed against a score', () => {
    const d = run('He calls himself a social drinker, but his AUDIT score of 19 suggests harmful drinking, linked to this assault.');
    expect(d.ids).not.toContain('substance-minimising-language');
  });

  it('flags a denial that drink played a part when the person had drunk heavily', () => {
    const d = run('He had drunk eight cans of cider that afternoon, but he does not believe alcohol played any part in the assault and I accept that.');
    expect(d.ids).toContain('substance-minimising-language');
  });

  it('flags abstinence resting on self-report', () => {
    const d = run('She used amphetamine daily until the spring. She says she has not used anything since moving in with her aunt.');
    expect(d.ids).toContain('substance-unverified-abstinence');
  });

  it('accepts abstinence confirmed by tests or a provider', () => {
    const d = run('He has not used heroin since June; his recovery worker confirmed four negative urine tests, and this links to his reduced offending.');
    expect(d.ids).toEqual([]);
  });

  it('accepts a denial backed by evidence', () => {
    const d = run(psr('He said he does not drink or use drugs. The custody record notes that he was sober, and nothing in the papers suggests alcohol or drugs played any part.'));
    expect(d.ids).toEqual([]);
  });

  it('flags a PSR silent on drink and drugs, and not a case-note log', () => {
    expect(run(psr('He lives with his grandmother and works at a garage.')).ids).toContain('substance-not-addressed');
    const notes = '01/03/2025 — Office visit — Attended. Talked about work.\n08/03/2025 — Office visit — Attended.\n15/03/2025 — Home visit — Seen at home.';
    expect(run(notes).ids).toEqual([]);
  });

  it('honours categoriesCovered from an earlier page', () => {
    const d = run(psr('He lives with his grandmother.'), { context: { categoriesCovered: ['substance-misuse'] } });
    expect(d.ids).toEqual([]);
  });

  it('flags a substance condition in case notes with nothing actioned', () => {
    const notes =
      '01/03/2025 — Induction — Licence conditions signed: attend appointments with an alcohol service as directed; comply with alcohol monitoring.\n08/03/2025 — Office visit — Attended. Talked about work.\n15/03/2025 — Office visit — Attended.';
    expect(run(notes).ids).toContain('substance-condition-no-referral');
  });

  it('accepts a condition followed by a referral to a provider the lexicon does not know', () => {
    const notes =
      '01/03/2025 — Induction — Order with an ATR of 6 months explained.\n03/03/2025 — Phone call — Referral made to Horizon Recovery; assessment booked for 10/03.\n10/03/2025 — Office visit — Attended; says the assessment went well.';
    expect(run(notes).ids).not.toContain('substance-condition-no-referral');
  });

  it('flags a positive test in case notes that is never explored', () => {
    const notes =
      '01/02/2025 — Office visit — PoP tested positive for cocaine. Next appt 08/02.\n08/02/2025 — Office visit — Attended. Next appt 15/02.\n15/02/2025 — Office visit — Attended. Talked about work.';
    expect(run(notes).ids).toContain('substance-unanalysed');
  });

  it('accepts minimising words challenged in the next paragraph of the section', () => {
    const d = run('He describes himself as a light social drinker.\n\nHowever, his AUDIT score of 20 shows harmful drinking, which I link to the assault.');
    expect(d.ids).not.toContain('substance-minimising-language');
  });

  it('does not read a requirement that is ruled out as a proposal', () => {
    const d = run('I do not propose a drug rehabilitation requirement because he does not use drugs, which the negative custody test supports.');
    expect(d.ids).toEqual([]);
  });

  it('accepts a positive test in case notes weighed against the account and followed up', () => {
    const notes =
      '02/05/2025 — Office visit — Attended. Talked about work.\n09/05/2025 — Provider update — Recovery worker reports an oral fluid test positive for amphetamine, consistent with what PoP told court. Weekly sessions to start on 16/05.\n16/05/2025 — Office visit — Attended.';
    expect(run(notes).ids).not.toContain('substance-unanalysed');
  });

  it('reads a detox as treatment, not use', () => {
    const { facts } = run('A home detox is being arranged with his GP for next month.');
    expect(facts.mentions.filter((m) => m.role === 'use')).toEqual([]);
  });

  it('flags a treatment requirement proposed without assessment', () => {
    expect(run('I propose a community order with an alcohol treatment requirement.').ids).toContain('substance-treatment-unassessed');
  });
});

describe('wording', () => {
  it('names substances for messages', () => {
    expect(describeSubstances(['alcohol'])).toBe('Alcohol');
    expect(describeSubstances(['cannabis', 'alcohol'])).toBe('Cannabis and alcohol');
    expect(describeSubstances([])).toBe('Substance');
  });

  it('phrases every message as a question', () => {
    const d = run(psr('He smokes skunk every day, which he says is just to relax.'));
    expect(d.diagnostics.length).toBeGreaterThan(0);
    for (const x of d.diagnostics) expect(x.message.trim().endsWith('?')).toBe(true);
  });
});
