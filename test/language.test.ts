// Language, structure and risk-explanation rules: precise, quiet, and configurable.
import { describe, it, expect } from 'vitest';
import { lint } from '../core/index.js';
import type { LintOptions } from '../core/types.js';

const by = (text: string, ruleId: string, options: LintOptions = {}) => lint(text, options).filter((d) => d.ruleId === ruleId);
const flagged = (text: string, ruleId: string, options: LintOptions = {}) => by(text, ruleId, options).map((d) => text.slice(d.start.offset, d.end.offset));
const PSR = (body: string) => `PRE-SENTENCE REPORT\n\n${body}`;

describe('language-unexplained-acronym', () => {
  it('flags only the first use, at info, with an expansion fix', () => {
    const text = PSR('SENTENCING PROPOSAL\n\nI propose a RAR of 10 days. The RAR would cover budgeting.');
    const found = by(text, 'language-unexplained-acronym');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('info');
    expect(found[0].fix).toEqual({ kind: 'replace', text: 'Rehabilitation Activity Requirement (RAR)' });
  });
  it('accepts an expansion before or just after the first use', () => {
    expect(flagged(PSR('RISK\n\nHis risk of serious harm (RoSH) is low, to the public. Low RoSH overall.'), 'language-unexplained-acronym')).toEqual([]);
    expect(flagged(PSR('PROPOSAL\n\nAn ATR (Alcohol Treatment Requirement) of six months.'), 'language-unexplained-acronym')).toEqual([]);
  });
  it('capitalises the expansion at the start of a sentence', () => {
    const text = PSR('PROPOSAL\n\nUPW of 80 hours is proposed.');
    expect(by(text, 'language-unexplained-acronym')[0].fix?.text).toBe('Unpaid work (UPW)');
  });
  it('does not read ordinary words as acronyms', () => {
    expect(flagged(PSR('OFFENCE\n\nHe used a mash of words; the co-accused said little. His ap was late.'), 'language-unexplained-acronym')).toEqual([]);
  });
  it('skips case notes and oral reports', () => {
    expect(flagged('01/03/2025 — Office visit — RAR session.\n02/03/2025 — UPW induction.\n03/03/2025 — HV done.', 'language-unexplained-acronym')).toEqual([]);
    expect(flagged('ORAL PSR — Court 2\nLow RoSH. Proposal: CO with RAR 10 days.', 'language-unexplained-acronym')).toEqual([]);
  });
  it('takes organisation acronyms from options.terms', () => {
    const options: LintOptions = { terms: { acronyms: { IRS: 'Intensive Resettlement Scheme' } } };
    const text = PSR('PROPOSAL\n\nHe would be referred to the IRS.');
    expect(by(text, 'language-unexplained-acronym', options)[0].fix?.text).toBe('Intensive Resettlement Scheme (IRS)');
    expect(flagged(text, 'language-unexplained-acronym')).toEqual([]);
  });
});

describe('language-jargon', () => {
  it('offers plain alternatives, keeping the capital', () => {
    const text = 'Criminogenic needs include housing. The offender showed little victim empathy.';
    const found = by(text, 'language-jargon');
    expect(found.map((d) => d.fix?.text)).toEqual(['Needs linked to offending', 'The defendant', 'understanding of the harm to the victim']);
    expect(found.every((d) => d.severity === 'info')).toBe(true);
  });
  it('leaves job titles and service names alone', () => {
    expect(flagged('The offender manager will review the Offender Assessment System scores. He drinks alcoholic drinks.', 'language-jargon')).toEqual([]);
  });
  it('takes organisation terms from options.terms', () => {
    const options: LintOptions = { terms: { plainLanguage: { 'thinking skills deficits': 'difficulty thinking problems through' } } };
    expect(flagged('He has thinking skills deficits.', 'language-jargon', options)).toEqual(['thinking skills deficits']);
  });
  it('does not run on case notes', () => {
    expect(flagged('01/03/2025 — Office visit — criminogenic needs reviewed.\n02/03/2025 — Phone.\n03/03/2025 — HV.', 'language-jargon')).toEqual([]);
  });
});

const SECTIONS = {
  sources: 'SOURCES OF INFORMATION\n\nInterview; CPS papers; previous convictions.',
  offence: 'OFFENCE ANALYSIS\n\nHe took £50 from the till.',
  circumstances: 'PERSONAL CIRCUMSTANCES\n\nHe lives with his mother.',
  risk: 'RISK ANALYSIS\n\nLow risk of serious harm to the public, as there is no violence in his history.',
  proposal: 'SENTENCING PROPOSAL\n\nA conditional discharge.',
};

describe('structure-missing-sections', () => {
  it('is quiet on a complete report', () => {
    expect(by(PSR(Object.values(SECTIONS).join('\n\n')), 'structure-missing-sections')).toEqual([]);
  });
  it('names each missing section and inserts a heading in the report’s style before the next one', () => {
    const { risk, ...rest } = SECTIONS;
    void risk;
    const text = PSR(Object.values(rest).join('\n\n'));
    const found = by(text, 'structure-missing-sections');
    expect(found).toHaveLength(1);
    expect(found[0].data).toEqual({ missing: ['risk-analysis'] });
    expect(text.slice(found[0].start.offset, found[0].end.offset)).toBe('SENTENCING PROPOSAL');
    expect(found[0].fix?.kind).toBe('insert');
    expect(found[0].fix?.text.startsWith('RISK ANALYSIS\n\n')).toBe(true);
  });
  it('appends a missing final section after the last block', () => {
    const { proposal, ...rest } = SECTIONS;
    void proposal;
    const text = PSR(Object.values(rest).join('\n\n').replace(/([A-Z ]{5,})\n/g, '## $1\n'));
    const found = by(text, 'structure-missing-sections');
    expect(found.map((d) => d.data?.missing)).toEqual([['sentencing-proposal']]);
    expect(found[0].fix?.kind).toBe('replace');
    expect(found[0].fix?.text).toMatch(/\n\n## Sentencing proposal\n\n/);
  });
  it('exempts oral reports except for a proposal, and unheaded written reports', () => {
    expect(by('ORAL PSR — Court 1\nSeen in cells. Theft. Proposal: fine.', 'structure-missing-sections')).toEqual([]);
    expect(by('ORAL PSR — Court 1\nSeen in cells. Theft of a phone. Low risk.', 'structure-missing-sections')).toHaveLength(1);
    expect(by(PSR('I interviewed him and read the CPS papers. He stole a phone. I propose a fine.'), 'structure-missing-sections')).toEqual([]);
  });
});

describe('risk-level-unexplained', () => {
  it('flags a bare level', () => {
    expect(flagged('OGRS is 40%. Medium RoSH.', 'risk-level-unexplained')).toEqual(['Medium RoSH']);
    expect(flagged('I assess the risk of serious harm he presents as high.', 'risk-level-unexplained')).toEqual(['risk of serious harm he presents as high']);
  });
  it('asks for the harm when only the person at risk is named (medium and above)', () => {
    const d = by('He presents a high risk of serious harm to his ex-partner.', 'risk-level-unexplained');
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/what the harm would be/);
  });
  it('accepts who and why, including a reason given in the sentence before', () => {
    expect(flagged('He presents a medium risk of serious harm to known adults, because of his use of violence when drinking.', 'risk-level-unexplained')).toEqual([]);
    expect(flagged('There is no history of violence. I assess a low risk of serious harm.', 'risk-level-unexplained')).toEqual([]);
  });
  it('does not take "public order" for the public', () => {
    expect(flagged('He has a conviction for a public order offence and presents a low risk of serious harm.', 'risk-level-unexplained')).toHaveLength(1);
  });
});
