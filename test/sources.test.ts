// The sources analyser: what counts as cited, what the content makes necessary, outstanding checks.
import { describe, it, expect } from 'vitest';
import { analyse, lint } from '../core/index.js';
import { sourcesLexicon } from '../core/analysis/sources.js';
import type { LintOptions } from '../core/types.js';

const psr = (body: string) => `PRE-SENTENCE REPORT\n\n${body}`;
const LIST = 'SOURCES OF INFORMATION\n\n- Interview with Mr Vance at the probation office, 3 March\n- CPS case summary and witness statements\n- PNC printout dated 1 March\n';
const cited = (text: string, o: LintOptions = {}) => analyse(text, o).sourcesCited.map((c) => c.id);
const required = (text: string, o: LintOptions = {}) => analyse(text, o).sourcesRequired.map((r) => r.id);
const missing = (text: string, o: LintOptions = {}) =>
  lint(text, o)
    .filter((d) => d.category === 'sources' && typeof d.data?.source === 'string')
    .map((d) => d.data!.source as string)
    .sort();

describe('cited sources', () => {
  it('reads a sources list', () => {
    const a = analyse(psr(`${LIST}\nOFFENCE ANALYSIS\n\nHe took a bike.`));
    expect(a.sourcesStated).toBe(true);
    expect(a.sourcesCited.map((c) => c.id)).toEqual(expect.arrayContaining(['cps', 'previous-convictions', 'interview']));
    expect(a.categories.sources.status).toBe('covered');
    for (const c of a.sourcesCited) expect(c.spans.length).toBeGreaterThan(0);
  });

  it('reads sources written as prose, with no heading', () => {
    const text = psr('To prepare this report I interviewed Ms Kerr twice by video link and read the prosecution papers and her antecedents. I also spoke to her college tutor.\n\nShe took a purse from a café table.');
    const a = analyse(text);
    expect(a.sourcesStated).toBe(true);
    expect(cited(text)).toEqual(expect.arrayContaining(['cps', 'previous-convictions', 'interview', 'third-party']));
  });

  it('reads a terse "Basis:" line in an oral report', () => {
    const text = '**ORAL REPORT — Court 3**\n\n**Basis:** seen in cells this morning; read the MG5; PNC checked.\n\n**Offence:** theft of a phone from a locker.';
    expect(cited(text)).toEqual(expect.arrayContaining(['cps', 'previous-convictions', 'interview']));
  });

  it('does not count a mention as a citation', () => {
    const text = psr('He has a criminal record. Says he regrets it. He has not seen his GP about his low mood.\n\nProposal: a fine.');
    const ids = cited(text);
    expect(ids).not.toContain('previous-convictions');
    expect(ids).not.toContain('interview');
    expect(ids).not.toContain('medical');
  });

  it('counts a bare mention when the sentence shows it was used', () => {
    expect(cited(psr('His GP confirmed by letter that he has been prescribed an antidepressant since 2021.'))).toContain('medical');
    expect(cited(psr('The PNC shows three earlier thefts.'))).toContain('previous-convictions');
  });

  it('does not count a police interview as the probation interview', () => {
    expect(cited(psr('He was arrested the same night and made admissions in interview.'))).not.toContain('interview');
    expect(cited(psr('In our interview he said he had been drinking since noon.'))).toContain('interview');
  });

  it('does not count a recommendation as a source already used', () => {
    expect(cited(psr('The court may wish to adjourn for a psychiatric report to be obtained.'))).not.toContain('medical');
  });

  it('adds sources known from outside the text', () => {
    const text = psr('OFFENCE ANALYSIS\n\nHe took a bike from a garden.');
    const a = analyse(text, { context: { sourcesCited: ['cps', 'interview', 'previous-convictions', 'nonsense'] } });
    expect(a.sourcesStated).toBe(true);
    const ext = a.sourcesCited.filter((c) => c.external).map((c) => c.id);
    expect(ext.sort()).toEqual(['cps', 'interview', 'previous-convictions']);
    expect(missing(text, { context: { sourcesCited: ['cps', 'interview', 'previous-convictions'] } })).toEqual([]);
  });

  it('learns organisation terms, compiled once per terms object', () => {
    const terms = { sources: { 'substance-service': ['Harbour Lights Recovery'] } };
    const text = psr(`${LIST}- Assessment note from Harbour Lights Recovery`);
    expect(cited(text)).not.toContain('substance-service');
    expect(cited(text, { terms })).toContain('substance-service');
    expect(sourcesLexicon(terms)).toBe(sourcesLexicon(terms));
    expect(sourcesLexicon(undefined)).toBe(sourcesLexicon({}));
  });
});

describe('outstanding checks', () => {
  const base = psr(`${LIST}- Police domestic abuse call-out check requested 2 March, not yet received`);
  it('marks a requested check as outstanding, cited, without implication', () => {
    const a = analyse(`${base}\n\nPERSONAL CIRCUMSTANCES\n\nHe lives with his partner.`);
    const da = a.sourcesCited.find((c) => c.id === 'domestic-abuse-check');
    expect(da).toMatchObject({ outstanding: true, implicationStated: false });
    const found = lint(`${base}\n\nPERSONAL CIRCUMSTANCES\n\nHe lives with his partner.`).filter((d) => d.ruleId === 'sources-outstanding-no-implication');
    expect(found).toHaveLength(1);
    expect(found[0].data?.source).toBeUndefined();
  });
  it('accepts it when the implication is stated', () => {
    const text = `${base}. The proposal does not depend on it, but I will inform the court if it shows any call-outs.\n\nPERSONAL CIRCUMSTANCES\n\nHe lives with his partner.`;
    const da = analyse(text).sourcesCited.find((c) => c.id === 'domestic-abuse-check');
    expect(da).toMatchObject({ outstanding: true, implicationStated: true });
    expect(lint(text).filter((d) => d.category === 'sources')).toEqual([]);
  });
  it('is not outstanding once returned', () => {
    const text = psr(`${LIST}- DA check requested on 2 March and returned on 6 March: no call-outs`);
    expect(analyse(text).sourcesCited.find((c) => c.id === 'domestic-abuse-check')?.outstanding).toBe(false);
  });
});

describe('required sources', () => {
  const withList = (body: string) => psr(`${LIST}\nPERSONAL CIRCUMSTANCES\n\n${body}`);

  it('requires the baseline for every PSR, never for case notes or other fields', () => {
    expect(required(withList('He lives alone.'))).toEqual(['cps', 'previous-convictions', 'interview']);
    expect(required('12/03/2025 — Office visit — lives with partner.\n19/03/2025 — Office visit.\n26/03/2025 — Office visit.')).toEqual([]);
    expect(required('He lives with his partner and her baby.', { section: 'offence-analysis' })).toEqual([]);
    expect(required('Interview with Mr Vance, 3 March.', { section: 'sources' })).toEqual(['cps', 'previous-convictions', 'interview']);
  });

  it('flags a missing baseline source with data.source', () => {
    expect(missing(psr('SOURCES OF INFORMATION\n\n- Interview with Mr Vance on 3 March\n- PNC printout\n\nOFFENCE ANALYSIS\n\nHe took a bike.'))).toEqual(['cps']);
    const none = lint('ORAL PSR — Court 2\n\nTheft of a bike. Says he was drunk.\n\nProposal: CO 12 months with UPW.');
    expect(none.some((d) => d.ruleId === 'sources-not-stated')).toBe(true);
    expect(missing('ORAL PSR — Court 2\n\nTheft of a bike. Says he was drunk.\n\nProposal: CO 12 months with UPW.')).toEqual(['cps', 'interview', 'previous-convictions']);
  });

  it('partner → domestic-abuse check; negation and other people do not', () => {
    expect(missing(withList('He has lived with his girlfriend for a year.'))).toEqual(['domestic-abuse-check']);
    expect(missing(withList('He is not in a relationship at present.'))).toEqual([]);
    expect(missing(withList("He lodges with his mother and her partner, who is a bus driver; he himself is single."))).toEqual([]);
    expect(missing(withList('His wife died in 2019 and he lives alone.'))).toEqual([]);
    expect(missing(withList('She applied for a non-molestation order against him last year.'))).toEqual(['domestic-abuse-check']);
  });

  it('children or pregnancy → safeguarding check, with negation and adult children', () => {
    expect(missing(withList('Two stepchildren, aged 6 and 9, live with the couple.'))).toContain('safeguarding-check');
    expect(missing(withList('His girlfriend is pregnant with their first child.'))).toContain('safeguarding-check');
    expect(missing(withList('Neither he nor his flatmate has children.'))).toEqual([]);
    expect(missing(withList('He has a grown-up daughter who lives in Spain.'))).toEqual([]);
    expect(missing(withList('He has a son, aged 27, whom he sees at Christmas.'))).toEqual([]);
    expect(missing(withList('He was the youngest of five children and spent time in a children\'s home as a child.'))).toEqual([]);
    expect(missing(withList("His sister's two children, aged 4 and 7, live in the same house."))).toContain('safeguarding-check');
  });

  it('adult children and generic risk categories are not children in the household', () => {
    expect(missing(withList("His son picked him up in his own car. He lives with his son and pays rent."))).toEqual([]);
    expect(missing(withList('I assess a low risk of serious harm to known adults and children.'))).toEqual([]);
    expect(missing(withList('His son, who is 9, stays with him at weekends.'))).toContain('safeguarding-check');
  });

  it('a medicine for a stated physical purpose is not a mental-health indicator; a speech verb before a GP mention is not a citation', () => {
    expect(missing(withList('He takes amitriptyline for back pain.'))).toEqual([]);
    expect(missing(withList('He told me his GP started him on sertraline after the break-up.'))).toEqual(['medical']);
  });

  it('mental-health history → medical, not someone else\'s', () => {
    expect(missing(withList('He was diagnosed with bipolar disorder in 2018 and takes lithium.'))).toEqual(['medical']);
    expect(missing(withList('He looks after his father, who has schizophrenia.'))).toEqual([]);
    expect(missing(withList('He has never been diagnosed with a mental-health condition and denies any self-harm.'))).toEqual([]);
    expect(missing(withList('He was diagnosed with type 2 diabetes last year.'))).toEqual([]);
    expect(missing(withList('He was diagnosed with bipolar disorder in 2018. His consultant psychiatrist confirmed by email that he is stable.'))).toEqual([]);
  });

  it('supervision history → probation records; fines, discharges and proposals do not', () => {
    expect(missing(withList('He completed a suspended sentence order in 2022 without breach.'))).toEqual(['service-records']);
    expect(missing(withList('He was released on licence in January and is still under supervision.'))).toEqual(['service-records']);
    expect(missing(withList('Both earlier thefts were dealt with by fines, and the 2020 matter by a conditional discharge.'))).toEqual([]);
    expect(missing(psr(`${LIST}\nSENTENCING PROPOSAL\n\nI propose a community order with unpaid work.`))).toEqual([]);
    expect(missing(withList('A custodial sentence would mean losing his tenancy.'))).toEqual([]);
    expect(missing(withList('He lost his driving licence in 2021 after a speeding ban.'))).toEqual([]);
    expect(missing(withList('A mental health treatment requirement is not needed because he already sees his psychologist.'))).not.toContain('service-records');
    expect(missing(withList('He completed 80 hours of unpaid work on his last order in 2021.'))).toEqual(['service-records']);
  });

  it('individual victim → victim statement, not a shop, not when none was made', () => {
    const header = (offence: string, body: string) => `PRE-SENTENCE REPORT\n\nOffence: ${offence}\n\n${LIST}\nOFFENCE ANALYSIS\n\n${body}`;
    expect(missing(header('Assault occasioning actual bodily harm', 'He punched a man outside a pub.'))).toEqual(['victim-statement']);
    expect(missing(header('Theft from a shop', 'He took razors from a supermarket.'))).toEqual([]);
    expect(missing(header('Assault by beating', 'He slapped the victim, who declined to make a victim personal statement.'))).toEqual([]);
  });

  it('curfew → address checks, reported as a risk question rather than a missing source', () => {
    const text = psr(`${LIST}\nSENTENCING PROPOSAL\n\nI propose a community order with an electronically monitored curfew at his flat.`);
    expect(required(text)).toEqual(expect.arrayContaining(['domestic-abuse-check', 'safeguarding-check']));
    expect(missing(text)).toEqual([]);
    expect(lint(text).some((d) => d.ruleId === 'sources-curfew-checks' && d.category === 'risk')).toBe(true);
  });

  it('places a requirement on the text that makes it necessary and asks a question', () => {
    const text = withList('He moved in with his fiancée in May.');
    const d = lint(text).find((x) => x.data?.source === 'domestic-abuse-check')!;
    expect(text.slice(d.start.offset, d.end.offset)).toBe('fiancée');
    expect(d.message).toMatch(/\?$/);
    expect(d.prompts.length).toBeGreaterThanOrEqual(2);
  });

  it('offers a line for the sources list in the list\'s own style', () => {
    const text = psr('SOURCES OF INFORMATION\n\n1.1 Interview with Mr Vance, 3 March.\n1.2 PNC record.\n\nOFFENCE ANALYSIS\n\nHe took a bike.');
    const d = lint(text).find((x) => x.data?.source === 'cps')!;
    expect(d.fix?.kind).toBe('replace');
    expect(d.fix?.text).toMatch(/^1\.2 PNC record\.\n1\.3 CPS case summary/);
  });
});

describe('note-form wording (oral reports, court notes)', () => {
  const oral = (basis: string, body = 'He took two bikes from a rack.') => `ORAL REPORT NOTES\n\n${basis}\n\n${body}`;
  it('reads an abbreviated interview ("int by video", "int at court") as an interview', () => {
    expect(cited(oral('Basis: int by video 04/03, CPS papers, PNC.'))).toContain('interview');
    expect(cited(oral('Sources: int at court this morning (30 mins), CPS summary, PNC.'))).toContain('interview');
  });
  it('reads a conversation in the court cells as an interview', () => {
    expect(cited(oral('Sources: half an hour with him in the court cells, CPS summary, PNC.'))).toContain('interview');
  });
  it('reads note-form partner words ("bf", "gf") as making a domestic-abuse check necessary', () => {
    expect(required(oral('Sources: int at court today, CPS summary, PNC.', 'Living at his gf\'s place since the summer.'))).toContain('domestic-abuse-check');
    expect(required(oral('Sources: int at court today, CPS summary, PNC.', 'Staying with new bf, two weeks.'))).toContain('domestic-abuse-check');
  });
});

describe('the person waiting for help is not an outstanding check', () => {
  const outstanding = (text: string) => lint(text).filter((d) => d.ruleId === 'sources-outstanding-no-implication');
  it('does not treat treatment the person is waiting for as a check the author is waiting for', () => {
    const text = psr(`${LIST}\nPERSONAL CIRCUMSTANCES\n\nHe went to his GP after the break-up and was put forward for talking therapy, which he is still waiting for.`);
    expect(outstanding(text)).toEqual([]);
  });
  it('still treats the author waiting for a reply as outstanding', () => {
    const text = psr(`${LIST}\nPERSONAL CIRCUMSTANCES\n\nHe lives with his partner. A police domestic abuse check was sent on 1 March and I am still waiting for the reply.`);
    expect(outstanding(text).length).toBe(1);
  });
});
