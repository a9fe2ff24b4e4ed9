import { defineRule } from '../core/rule.js';
import { sourceFacts } from '../core/analysis/sources.js';
import type { SourceId, SourceRequirement } from '../core/types.js';

/** The question asked for each missing source, phrased from what made it necessary. */
const QUESTION: Record<string, (r: SourceRequirement) => string> = {
  cps: () => 'The prosecution case is not cited — has the CPS case summary (MG5) or case papers been read?',
  'previous-convictions': () => 'No record of previous convictions is cited — has the PNC or a list of previous convictions been checked?',
  interview: () => 'The report does not say an interview took place — when and how was the defendant interviewed?',
  'domestic-abuse-check': (r) =>
    /abuse|order/i.test(r.reason)
      ? 'Domestic abuse is indicated — has a police domestic-abuse call-out check been made?'
      : 'A partner is mentioned — has a police domestic-abuse call-out check been made?',
  'safeguarding-check': (r) =>
    /pregnan|baby/i.test(r.reason)
      ? "A pregnancy or baby is mentioned — has a children's services (MASH) check been made?"
      : "Children are mentioned — has a children's services (MASH) safeguarding check been made?",
  medical: () => 'A mental-health diagnosis or treatment is described — has information from the GP, CMHT or a medical report been sought?',
  'service-records': () => 'Current or previous supervision is mentioned — have the probation records (nDelius, earlier OASys or PSRs) been read?',
  'victim-statement': () => 'There is an individual victim — is there a victim personal statement, or is it known that none was made?',
};

const PROMPTS: Record<string, string[]> = {
  cps: ['Does the defendant\'s account match the CPS summary and witness statements?', 'Is anything in the prosecution papers relevant to risk (weapons, injuries, others present)?'],
  'previous-convictions': ['What does the PNC show about the pattern and seriousness of previous offending?', 'Are there convictions abroad that need an ACRO check?'],
  interview: ['When, where and how was the interview held (in person, video, telephone)?', 'Were the offence, circumstances, health and diversity discussed directly with the defendant?'],
  'domestic-abuse-check': ['Have the police been asked about domestic-abuse call-outs for the defendant and the address?', 'If the check is still outstanding, what does that mean for the assessment and the proposal?', 'Does the partner know about the offending, and is a disclosure under Clare\'s Law relevant?'],
  'safeguarding-check': ['Has children\'s services (or the MASH) been asked whether the family is known?', 'Who cares for the children, and what contact does the defendant have with them?', 'If the check is still outstanding, what does that mean for the assessment and the proposal?'],
  medical: ['Has the GP, CMHT or Liaison and Diversion service been asked about diagnosis, treatment and current presentation?', 'Is a psychiatric report or a mental health treatment requirement assessment needed?', 'If medical information cannot be obtained, is the reason stated?'],
  'service-records': ['What do nDelius and earlier OASys or PSRs say about compliance and response to supervision?', 'Has the current or previous supervising officer been spoken to?'],
  'victim-statement': ['Was a victim personal statement made, and what does it say about the harm caused?', 'If none was made, is that stated so the court knows?'],
};

const LINE: Record<string, string> = {
  cps: 'CPS case summary (MG5) and witness statements',
  'previous-convictions': 'PNC record of previous convictions, printed [date]',
  interview: 'Interview with [name] on [date] ([in person / video / telephone])',
  'domestic-abuse-check': 'Police domestic-abuse call-out check, requested [date], returned [date]',
  'safeguarding-check': "Children's services (MASH) check, requested [date], returned [date]",
  medical: 'Letter or records from [GP / CMHT / Liaison and Diversion], dated [date]',
  'service-records': 'Probation records (nDelius) of the [previous order / licence]',
  'victim-statement': 'Victim personal statement dated [date] (or: none was made)',
};

export default defineRule({
  meta: {
    id: 'sources-missing-required',
    category: 'sources',
    severity: 'warning',
    description: 'A source the content makes necessary (CPS papers, PNC, interview, domestic-abuse or safeguarding check, medical, probation records, victim statement) is not cited.',
    why: 'Police domestic-abuse enquiries were completed in only 51%, and child-safeguarding enquiries in 48%, of court reports that needed them; reports that omitted available history have misled courts about risk.',
    standard: 'HMIP Annual Report 2023 (court-stage domestic-abuse and safeguarding enquiries); HMIP PSR quality bulletin 2020/04',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr', 'section'],
    fixable: true,
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Mr Obi on 2 April\n- CPS case summary\n- PNC printout\n\nPERSONAL CIRCUMSTANCES\n\nMr Obi lives with his girlfriend in a rented flat in the town centre.',
          flags: 'girlfriend',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Ms Reyes on 9 May\n- CPS case summary\n- PNC printout\n\nPERSONAL CIRCUMSTANCES\n\nMs Reyes looks after her two sons, aged 3 and 6, on her own.',
          flags: 'sons',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Mr Dale on 1 June\n- PNC printout\n\nOFFENCE ANALYSIS\n\nHe took a bicycle from outside the station.',
          flags: 'PNC printout',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Mr Obi on 2 April\n- CPS case summary\n- PNC printout\n- Police domestic abuse call-out check, returned 5 April: nothing recorded\n\nPERSONAL CIRCUMSTANCES\n\nMr Obi lives with his girlfriend in a rented flat in the town centre.',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\n- Interview with Mr Ivo on 4 May\n- CPS case summary\n- PNC printout\n\nPERSONAL CIRCUMSTANCES\n\nMr Ivo is single and has no children.',
        },
        { text: '03/03/2025 — Office visit — He mentioned his girlfriend.\n10/03/2025 — Office visit — Attended.\n17/03/2025 — Office visit — Attended.' },
      ],
    },
  },
  check({ doc, analysis, report }) {
    const f = sourceFacts(analysis);
    if (!f || !analysis.categories.sources.required) return;
    const { last, linePrefix } = f.place;
    for (const r of f.missing) {
      const id = r.id as SourceId;
      const message = (QUESTION[id] ?? (() => `A source the report needs is not cited: ${id}.`))(r);
      const data = { source: id, reason: r.reason };
      if (r.because) {
        report({ start: r.because.start, end: r.because.end, message, prompts: PROMPTS[id], data });
      } else if (last) {
        // Nothing in the text makes it necessary (every PSR needs it): point at the end of the sources list
        // and offer a line for it, keeping the list's own style ("- ", "1.6 ").
        report({
          start: last.start,
          end: last.end,
          message,
          prompts: PROMPTS[id],
          data,
          fix: { kind: 'replace', text: `${last.text}\n${linePrefix}${LINE[id] ?? id}` },
        });
      } else {
        report({ start: f.top.start, end: f.top.end, message, prompts: PROMPTS[id], data });
      }
    }
    void doc;
  },
});
