import { defineRule } from '../core/rule.js';
import { diversityFacts, type CharacteristicId } from '../core/analysis/diversity.js';

/** Per characteristic: the message (a question) and follow-up prompts. `{x}` is the words as written. */
const PROMPTS: Record<CharacteristicId, { message: string; prompts: string[] }> = {
  age: {
    message: 'As a young adult, has the report considered how maturity bears on the offending and the proposal?',
    prompts: [
      'How does their maturity (judgement, impulse control, susceptibility to peers) relate to this offence?',
      'Does the Sentencing Council guideline on age and lack of maturity apply?',
      'What would help engagement — young-adult provision, practical sessions, reminders?',
    ],
  },
  'care-experience': {
    message: 'Care experience is mentioned — has its relevance to the offending, support network and engagement been considered?',
    prompts: [
      'Is there a leaving-care personal adviser, and have they been spoken to?',
      'How do early experiences in care relate to this offending or to trust in services?',
      'What support is available from the local authority as corporate parent?',
    ],
  },
  neurodivergence: {
    message: '"{x}" is mentioned — how does it affect the offending, the interview or the requirements proposed?',
    prompts: [
      'Could it explain how they presented in interview (for example apparent lack of remorse)?',
      'Will written work, group sessions or appointment letters need adapting?',
      'Is there an assessment or diagnosis to draw on, and have they said what helps?',
    ],
  },
  'learning-disability': {
    message: 'A learning disability or difficulty is mentioned — has its bearing on understanding, culpability and the proposal been considered?',
    prompts: [
      'Did they understand the interview and the court process? Was an appropriate adult or supporter needed?',
      'Can the proposed requirements be delivered in an accessible way?',
      'Is there an assessment (education, health and care plan, psychology) to draw on?',
    ],
  },
  literacy: {
    message: 'Literacy is mentioned — how will it affect written work, appointment letters and the requirements proposed?',
    prompts: [
      'Will written exercises or letters need to be replaced with verbal or easy-read versions?',
      'Would education, training or employment support be part of the proposal?',
    ],
  },
  language: {
    message: 'Language needs are mentioned ("{x}") — was an interpreter used for interview, and will one be needed for the requirements?',
    prompts: [
      'Was an interpreter used for interview? If not, how was understanding checked?',
      'Will an interpreter or translated material be needed for supervision or a group programme?',
      'Can the proposed requirements be delivered in a language they understand?',
    ],
  },
  ethnicity: {
    message: 'Ethnicity or nationality is mentioned ("{x}") — has experience of discrimination, culture or trust in services been discussed?',
    prompts: [
      'Have they been asked about any experience of racism or discrimination, and how it bears on the offending or engagement?',
      'Are there cultural or immigration factors that affect the proposal?',
      'Would any adjustment help engagement with supervision?',
    ],
  },
  faith: {
    message: 'Faith is mentioned — does it bear on the offending, support network or the timing of requirements?',
    prompts: [
      'Is faith a source of support or a protective factor?',
      'Do appointments or unpaid work need to fit around worship or religious observance?',
    ],
  },
  sex: {
    message: "Consider whether women's specific needs bear on the proposal.",
    prompts: ["Is a women's centre or women-only setting available?", 'Are there caring responsibilities or experiences of abuse to consider?'],
  },
  pregnancy: {
    message: 'Pregnancy or maternity is mentioned — has its bearing on the proposal (unpaid work, custody, timing of requirements) been considered?',
    prompts: [
      'Would unpaid work or any requirement be unsuitable at later stages of pregnancy or after the birth?',
      'What would custody mean for the baby (mother and baby unit, separation)?',
      'Is there midwife or health-visitor support to draw on?',
    ],
  },
  caring: {
    message: 'Caring responsibilities are mentioned — has the impact of the proposal (and of custody) on dependants been considered?',
    prompts: [
      'Who would care for the dependants if they were in custody or doing unpaid work?',
      'Do appointment times need to fit around childcare or caring?',
      'Is the caring role itself a protective factor?',
    ],
  },
  sexuality: {
    message: 'Sexual orientation is mentioned — does it bear on the offending, experience of discrimination or safety within requirements?',
    prompts: ['Have they experienced discrimination or hostility that is relevant?', 'Would group settings or accommodation raise any safety concerns?'],
  },
  'gender-identity': {
    message: 'Gender identity is mentioned — has its bearing on safety, engagement and the proposal been considered?',
    prompts: ['What name and pronouns does the person use?', 'Would group work, unpaid work or custody raise safety or dignity concerns?'],
  },
  'armed-forces': {
    message: 'Armed-forces service is mentioned — has its relevance to the offending, health and engagement been considered?',
    prompts: [
      'Is there any link between service experience and the offending (trauma, alcohol, adjustment to civilian life)?',
      'Are veterans’ services (for example Op COURAGE, the Armed Forces Covenant) available to support the proposal?',
      'How do they respond to structure and authority?',
    ],
  },
  disability: {
    message: '"{x}" is mentioned — does it affect the offending, engagement or what they can do (for example the hours of unpaid work proposed)?',
    prompts: [
      'Can they complete the requirements proposed, and do they need adjusting?',
      'Is there medical information to confirm the condition and any limits it places?',
      'Does the person need reasonable adjustments to attend appointments?',
    ],
  },
  trauma: {
    message: 'Trauma is mentioned — has its bearing on the offending and on engagement been considered?',
    prompts: [
      'How does the experience relate to this offending or to how they respond to authority?',
      'Would a trauma-informed approach or a specialist service help?',
      'Is there a risk of re-traumatisation in the requirements proposed (for example group work)?',
    ],
  },
};

export default defineRule({
  meta: {
    id: 'diversity-unconsidered-characteristic',
    category: 'diversity',
    severity: 'warning',
    description: 'A personal characteristic is mentioned in a PSR but its relevance to the offending, engagement or proposal is never considered.',
    why: 'Inspectors found 40% of reports did not consider diversity sufficiently; naming a characteristic without saying how it bears on the case does not help the court.',
    standard: 'HMIP, Race equality in probation (2021); Sentencing Council overarching guidelines on age and maturity and on mental disorders, developmental disorders or neurological impairments',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/race-equality-in-probation/',
    kinds: ['psr'],
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nPERSONAL CIRCUMSTANCES\n\nMr Jones has autism. He lives with his father and works part time at a garage.\n\nSENTENCING PROPOSAL\n\nI propose a community order with 60 hours of unpaid work.',
          flags: 'autism',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nCIRCUMSTANCES\n\nShe arrived in the UK last year and has limited English. Her age and maturity are relevant to how she came to be involved.\n\nPROPOSAL\n\nA community order with a RAR of 10 days.',
          flags: 'limited English',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nCIRCUMSTANCES\n\nMr Jones has autism, which means group work would be hard for him; one-to-one sessions with written reminders would suit him better.\n\nPROPOSAL\n\nA community order with a RAR of 15 days delivered one-to-one.',
        },
        {
          text: 'PRE-SENTENCE REPORT\n\nCIRCUMSTANCES\n\nHe speaks little English. An interpreter was used for the interview and will be needed for supervision.\n\nPROPOSAL\n\nA community order with a RAR of 10 days.',
        },
      ],
    },
  },
  check({ analysis, report }) {
    const f = diversityFacts(analysis);
    if (!f.applies) return;
    for (const u of f.unconsidered) {
      const p = PROMPTS[u.id];
      const prompts = [...p.prompts];
      if (u.id === 'disability' && f.age && f.age.value >= 50) prompts.unshift(`At ${f.age.value}, together with this condition, is the proposed unpaid work realistic?`);
      const words = u.text.length > 40 ? u.text.slice(0, 40) + '…' : u.text;
      const message =
        u.id === 'age' && f.age
          ? `At ${f.age.value} this is a young adult — has the report considered how maturity bears on the offending and the proposal?`
          : p.message.replace('{x}', words);
      report({
        start: u.start,
        end: u.end,
        message,
        prompts: prompts.slice(0, 4),
        data: { characteristic: u.id },
      });
    }
  },
});
