/**
 * Deterministic report-style text for the benchmark: a pre-sentence report with the usual headings, a
 * sources list, and paragraphs built from templates about offences, substances, health, relationships
 * and events, filled from small word lists by a seeded generator. Every paragraph differs (names,
 * dates, amounts), so a long document is not a short one repeated — which would flatter a per-block cache.
 * All names and places are invented for the benchmark.
 */

/** mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = {
  name: ['Mr Okafor', 'Ms Pryce', 'Mr Haldane', 'Ms Wójcik', 'Mr Tennant', 'Ms Abara', 'Mr Lowther', 'Ms Quayle'],
  first: ['Dean', 'Kirsty', 'Tomasz', 'Amira', 'Lewis', 'Shannon', 'Callum', 'Niamh'],
  place: ['Eastmoor', 'Kilnsey Road', 'the town centre', 'Brackenfield', 'the retail park', 'Norcott', 'Saltergate', 'the bus station'],
  relation: ['his partner', 'her partner', 'his mother', 'her sister', 'a friend', 'his ex-partner', 'her father', 'a neighbour'],
  substance: ['cannabis', 'alcohol', 'cocaine', 'crack cocaine', 'heroin', 'spice', 'ketamine', 'pregabalin'],
  amount: ['most evenings', 'at weekends', 'every day', 'two or three times a week', 'when he is paid', 'when she feels low'],
  source: [
    'CPS case summary (MG5)',
    'PNC printout of previous convictions',
    'Interview at the probation office',
    'OASys assessment',
    'Police domestic abuse enquiry',
    "Children's services (MASH) enquiry",
    'nDelius records of previous supervision',
    'Letter from the GP',
    'Drug test results from the substance misuse service',
    'Telephone call with the housing provider',
    'Victim personal statement',
    'Sentencing Council guideline',
  ],
  condition: ['depression', 'anxiety', 'PTSD', 'ADHD', 'a personality disorder', 'psychosis'],
  event: [
    'was arrested after a disturbance at',
    'has moved in with a new partner in',
    'missed two appointments after moving to',
    'bought a car soon after a visit to',
    'was seen with new associates in',
    'lost his job at a warehouse in',
    'told staff at the hostel in',
    'was admitted to hospital with an injury near',
  ],
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const SECTIONS = ['Offence analysis', 'Defendant’s behaviour and lifestyle', 'Risk analysis', 'Sentencing proposal'];

type Pick = <T>(xs: readonly T[]) => T;

const SENTENCES: ((p: Pick, n: () => number) => string)[] = [
  (p, n) => `On ${n() % 28 + 1} ${p(W.month)} ${p(W.name)} went into a shop in ${p(W.place)} and took goods worth £${n() % 400 + 20}.`,
  (p) => `${p(W.name)} told me that ${p(W.relation)} had been supportive since the arrest, although this has not been confirmed.`,
  (p) => `He said he uses ${p(W.substance)} ${p(W.amount)} and that it helps him relax.`,
  (p) => `She described her use of ${p(W.substance)} as recreational and said it is not a problem.`,
  (p) => `${p(W.name)} has a diagnosis of ${p(W.condition)} and stopped taking prescribed medication some months ago.`,
  (p, n) => `On ${n() % 28 + 1}/${n() % 12 + 1}/2025 ${p(W.first)} ${p(W.event)} ${p(W.place)}.`,
  (p) => `The offence appears to be linked to ${p(W.substance)} use and to financial pressure after ${p(W.relation)} left.`,
  (p) => `The OGRS score indicates a medium likelihood of proven reoffending within two years, which is consistent with the pattern of offences.`,
  (p) => `${p(W.name)} is assessed as posing a medium risk of serious harm to ${p(W.relation)}, arising from the history of violence when intoxicated.`,
  () => `He left school at fifteen, has struggled with reading and writing, and told me he was excluded twice.`,
  (p) => `A rehabilitation activity requirement would allow work on the triggers for ${p(W.substance)} use and on managing conflict.`,
  () => `He was genuinely remorseful in interview and described the offence as out of character.`,
  (p) => `${p(W.first)} has two children who live with ${p(W.relation)} and sees them every other weekend.`,
  () => `She said that she felt low and had thoughts of harming herself in the weeks before the offence, but she has not seen her GP.`,
  (p, n) => `The CPS summary states that the victim, a ${n() % 50 + 18}-year-old man, needed stitches to a cut above his eye.`,
  () => `He has complied with previous community orders, although he missed several appointments towards the end of the last one.`,
  (p) => `I have spoken to ${p(W.relation)}, who confirmed the account of where he is living and that there are no children in the household.`,
  () => `An alcohol treatment requirement is proposed; he has agreed to it and the service has confirmed he is suitable.`,
];

/** A report of about `words` words (±1 paragraph), reproducible from `seed`. */
export function generateReport(words: number, seed = 1): string {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const num = () => Math.floor(r() * 1000);
  const out: string[] = [
    '# Pre-Sentence Report',
    '',
    `**Name:** ${pick(W.name)}`,
    `**Court:** ${pick(W.place)} Magistrates’ Court`,
    '',
    '## Sources of information',
    '',
  ];
  const sources = [...W.source].sort(() => r() - 0.5).slice(0, 6 + (num() % 5));
  for (const s of sources) out.push(`- ${s}, ${num() % 28 + 1}/0${num() % 9 + 1}/2025`);
  let count = out.join(' ').split(/\s+/).length;
  let section = 0;
  let paragraphs = 0;
  const perSection = Math.max(1, Math.round(words / 70 / SECTIONS.length));
  while (count < words) {
    if (paragraphs % perSection === 0) {
      out.push('', `## ${SECTIONS[section % SECTIONS.length]}${section >= SECTIONS.length ? ` (continued, part ${Math.floor(section / SECTIONS.length) + 1})` : ''}`);
      section++;
    }
    const sentences: string[] = [];
    const n = 2 + (num() % 4);
    for (let i = 0; i < n; i++) sentences.push(pick(SENTENCES)(pick, num));
    const para = sentences.join(' ');
    out.push('', para);
    count += para.split(/\s+/).length + 1;
    paragraphs++;
  }
  return out.join('\n') + '\n';
}

/** Counts words the way the benchmark reports them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
