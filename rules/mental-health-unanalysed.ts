import { defineRule } from '../core/rule.js';
import { mentalHealthFacts } from '../core/analysis/mental-health.js';

const LABELS: Record<string, string> = {
  diagnosis: 'A mental-health condition',
  detention: 'A hospital detention',
  medication: 'Mental-health medication',
  service: 'Involvement of mental-health services',
  'self-harm': 'Self-harm',
  suicide: 'Suicidal thoughts',
  'psychotic-symptoms': 'Psychotic symptoms',
  'perceptual-disturbance': 'Seeing or hearing things others do not',
  'trauma-symptoms': 'Trauma symptoms',
};

export default defineRule({
  meta: {
    id: 'mental-health-unanalysed',
    category: 'mental-health',
    severity: 'warning',
    description: 'A mental-health indicator (diagnosis, medication, self-harm, psychosis...) with no analysis of its link to offending, risk or the proposal.',
    why: 'Inspectors found mental-health needs described but not analysed; the court needs to know whether the condition bears on the offence, on risk (including to self) and on whether a mental health treatment requirement or medical report is needed.',
    standard: 'CJJI mental-health thematic (2021); Sentencing Council overarching principles: sentencing offenders with mental disorders',
    url: 'https://www.sentencingcouncil.org.uk/overarching-guides/magistrates-court/item/sentencing-offenders-with-mental-disorders-developmental-disorders-or-neurological-impairments/',
    kinds: ['psr', 'section'],
    examples: {
      invalid: [
        {
          text: 'She has a diagnosis of bipolar disorder and takes lithium, although she says she sometimes forgets her tablets.',
          flags: 'bipolar',
        },
        {
          text: 'He said he hears voices at night and has been on antipsychotics since his twenties.',
          flags: 'hears voices',
        },
      ],
      valid: [
        {
          text: 'She has a diagnosis of bipolar disorder and takes lithium. Her psychiatrist confirms that the offence happened during a manic episode after she stopped her medication, and that she would be suitable for a mental health treatment requirement.',
        },
        { text: 'His sister has bipolar disorder and he helps to care for her.' },
        { text: 'He has never been diagnosed with any mental-health condition, and denies hearing voices.' },
      ],
    },
  },
  check({ analysis, doc, report }) {
    const facts = mentalHealthFacts(analysis);
    if (!facts) return;
    for (const i of facts.unanalysed) {
      const quoted = doc.text.slice(i.start, i.end);
      report({
        start: i.start,
        end: i.end,
        message: `How does the ${quoted.length <= 40 ? `"${quoted}"` : 'mental-health need'} described here bear on the offence, on risk (including to themselves) or on the proposal?`,
        prompts: [
          'Is there a link to the offence, or to how they are likely to engage with supervision?',
          'What does it mean for risk to themselves and to others; are there known relapse signs?',
          'Where does the information come from — the person, GP, CMHT or records?',
          'Should a mental health treatment requirement or a medical report be considered for the proposal?',
        ],
        data: { group: i.group, label: LABELS[i.group] ?? 'Mental-health need', term: i.term },
      });
    }
  },
});
