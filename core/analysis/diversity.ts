/**
 * Diversity: which personal characteristics a PSR mentions, and whether it says how each bears on the
 * offending, engagement, risk or the proposal. A mention is "considered" when its sentence, or one of the
 * next few sentences of the same paragraph while it stays on that topic, carries a relevance cue; a bare
 * demographic line carries none. In a report that analyses at least two characteristics, one it keeps
 * returning to (two or more sentences) counts as engaged with rather than unconsidered. Only PSRs are
 * judged: case notes and single fields are not.
 */
import type { Doc, Hit, Sentence } from '../document.js';
import type { Analysis, LintOptions, Span } from '../types.js';
import { compileLexicon } from '../lexicon.js';
import { BlockValues } from '../memo.js';
import lexicon from '../../rules/lexicons/diversity.json' with { type: 'json' };

/** Characteristic ids (the lexicon's group names without a `:ref`/`:ok` suffix). */
export type CharacteristicId =
  | 'age'
  | 'care-experience'
  | 'neurodivergence'
  | 'learning-disability'
  | 'literacy'
  | 'language'
  | 'ethnicity'
  | 'faith'
  | 'sex'
  | 'pregnancy'
  | 'caring'
  | 'sexuality'
  | 'gender-identity'
  | 'armed-forces'
  | 'disability'
  | 'trauma';

/** Human labels used in messages and the fix skeleton. */
export const CHARACTERISTIC_LABELS: Record<CharacteristicId, string> = {
  age: 'age and maturity',
  'care-experience': 'care experience',
  neurodivergence: 'neurodivergence',
  'learning-disability': 'learning disability',
  literacy: 'literacy',
  language: 'language and interpreter needs',
  ethnicity: 'ethnicity, culture and experience of discrimination',
  faith: 'faith',
  sex: "sex and women's specific needs",
  pregnancy: 'pregnancy and maternity',
  caring: 'caring responsibilities',
  sexuality: 'sexual orientation',
  'gender-identity': 'gender identity',
  'armed-forces': 'armed-forces service',
  disability: 'disability and physical health',
  trauma: 'trauma',
};

export interface DiversityMention extends Span {
  id: CharacteristicId;
  term: string;
  /** A mention that establishes the characteristic (not only a back-reference like "his age"). */
  flaggable: boolean;
  considered: boolean;
  /** A stated age ("aged 23", "Mr X is 58"). */
  numeric?: boolean;
  /** A back-reference ("his age", "heritage") rather than a statement of the characteristic. */
  ref?: boolean;
}

export interface UnconsideredCharacteristic extends Span {
  id: CharacteristicId;
  /** The words mentioned, as written. */
  text: string;
}

/** Internal facts the diversity rules read. */
export interface DiversityFacts {
  applies: boolean;
  mentions: DiversityMention[];
  considered: Set<CharacteristicId>;
  unconsidered: UnconsideredCharacteristic[];
  /** The person's age, from a date of birth and the latest date in the report, or as stated. */
  age?: { value: number; start: number; end: number; fromDob: boolean };
  /** Sentences that consider a characteristic. */
  evidence: Span[];
}

/** "is relevant", "taken into account": considers what the last sentence or two named. */
const CUE_STRONG = 'cue:strong';
/** Effects and adjustments ("impulsive", "reminders", "made sure"): consider the sentence and the one before. */
const CUE_WEAK = 'cue:weak';
/** Connectives ("because", "should be"): only within the mention's own sentence. */
const CUE_LINK = 'cue:link';
const NOISE = 'cue:noise';
/** How many following sentences of the same paragraph may carry the consideration of a mention. */
const FOLLOW_WINDOW = 3;
/** Characteristics a report must analyse before repeated mention of another counts as engaging with it. */
const ENGAGED_MIN_ANALYSED = 2;

const LEXICON = compileLexicon('diversity', {
  ...(lexicon.groups as Record<string, string[]>),
  [CUE_STRONG]: lexicon.extra.strong,
  [CUE_WEAK]: lexicon.extra.weak,
  [CUE_LINK]: lexicon.extra.link,
  // Phrases that contain a cue word but are not one ("victim impact statement", "under the influence").
  [NOISE]: lexicon.extra.noise,
});

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATES = compileLexicon('diversity-dates', {
  dob: ['date of birth', '=DOB', 'd.o.b', 'born'],
  date: [
    '/\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}\\b/',
    `/\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})[a-z]*\\.? (?:19|20)\\d{2}\\b/`,
  ],
});

/** Third-person pronouns, to tell whether the report is about a man or a woman (for pregnancy). */
const PRONOUNS = compileLexicon('diversity-pronouns', { m: ['he', 'him', 'his', 'himself'], f: ['she', 'her', 'hers', 'herself'] });

/**
 * Characteristics that are discussed together, so "as a Muslim woman she has been abused…" can follow a line
 * about ethnicity and still be about it.
 */
const RELATED: Record<CharacteristicId, string> = {
  age: 'age',
  'care-experience': 'family',
  neurodivergence: 'cognition',
  'learning-disability': 'cognition',
  literacy: 'cognition',
  language: 'culture',
  ethnicity: 'culture',
  faith: 'culture',
  sex: 'family',
  pregnancy: 'family',
  caring: 'family',
  sexuality: 'identity',
  'gender-identity': 'identity',
  'armed-forces': 'forces',
  disability: 'health',
  trauma: 'trauma',
};

const facts = new WeakMap<Analysis, DiversityFacts>();

/** The diversity facts computed for an analysis (empty when the analyser did not run). */
export function diversityFacts(analysis: Analysis): DiversityFacts {
  return facts.get(analysis) ?? { applies: false, mentions: [], considered: new Set(), unconsidered: [], evidence: [] };
}

/** "his mother's diabetes", "her partner is pregnant": someone else's characteristic. */
const OTHER_PERSON =
  /\b(?:his|her|their|my)\s+(?:\w+\s+)?(?:mother|mum|father|dad|parents?|partner|ex-partner|wife|husband|girlfriend|boyfriend|son|daughter|child|children|kids?|brother|sister|siblings?|grandmother|grandfather|nan|gran|grandparents?|uncle|aunt|cousin|friends?|flatmate|housemate|baby|stepson|stepdaughter|victim)\b|\b(?:mother|father|mum|dad|partner|wife|husband|son|daughter|brother|sister|victim)['’]s\b|\b(?:the|a) victim\b/i;
/** "no caring responsibilities", "has never served in the Army". */
const NEGATED =
  /\b(?:no|not|never|nor|without|denies|denied|none|n['’]t)(?:\s+(?:a|an|any|known|other|current|formal|formally|diagnosed|significant|have|has|had|got|been|ever|served|in|the|with|from|of|identified|reported|history|evidence))*\s*$/i;
/**
 * "Interview (Polish interpreter, by telephone)", "an interpreter was used for interview": an interpreter
 * arranged for writing the report is process, not analysis. It counts as considering language only when
 * the sentence also looks beyond the interview (the court, the order, sessions, what the person understood).
 */
const INTERVIEW_WORD = /\b(?:interview\w*|int|assessment|assessed|seen|spoke|met)\b/i;
const BEYOND_INTERVIEW =
  /\b(?:order|supervision|sessions?|programme|requirements?|court|hearing|proceedings|appointments?|induction|understand\w*|understood|explain\w*|future|will|would|should|needs?|because|so that|unpaid work|letters?|read|write|literacy)\b/i;
const ADJUSTMENT_FOR_INTERVIEW_ONLY = (text: string) => INTERVIEW_WORD.test(text) && !BEYOND_INTERVIEW.test(text);

/** "He was her carer for three years", "had been caring for his mother": a caring role that has ended. */
const PAST_CARING =
  /\b(?:was|were|had been|used to be|used to|formerly|previously|once)\s+(?:(?:his|her|their|the|a|an|sole|main|primary|only|full[- ]time|also|\w+['’]s)\s+){0,3}$/i;

/** Text before an "is 19"-style age that must be only numbering or markup. */
const LEAD_IN = /^[\s\d.)*_#>|-]*$/;

function parseDate(s: string): number | undefined {
  const num = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (num) return Date.UTC(+num[3], +num[2] - 1, +num[1]);
  const words = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4})$/i.exec(s);
  if (words) {
    const m = MONTHS.split('|').indexOf(words[2].slice(0, 3).toLowerCase());
    if (m >= 0) return Date.UTC(+words[3], m, +words[1]);
  }
  return undefined;
}

function yearsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) years--;
  return years;
}

// ---------------------------------------------------------------------------------------------------
// Per-block facts. Whether a mention is the person's own, negated, or considered by a cue in its sentence or
// the next ones of its paragraph depends only on the block's text, so it is judged once per text and cached;
// a re-lint re-judges only the blocks that changed. What depends on where the block sits (its section, the
// report's header, the person's sex for a pregnancy) is applied by the fold in analyseDiversity.

/** A characteristic mentioned in a block, judged on its paragraph alone (offsets relative to the block). */
interface MentionFact {
  id: CharacteristicId;
  term: string;
  start: number;
  end: number;
  /** Index of the sentence within its block. */
  sent: number;
  ref: boolean;
  /** A stated age (`value`). */
  numeric: boolean;
  value: number;
  /** "Kayleigh BRENNAN, 27": the person's age only in the header of the report (its first 600 characters). */
  header: boolean;
  /** Considered where the sources are listed: an adjustment (`:ok`) that is not only for the interview. */
  okInSources: boolean;
  /** Considered in the body of the report: the adjustment, a cue in its sentence, or one in the next few. */
  okInBody: boolean;
}

interface BlockFacts {
  mentions: MentionFact[];
  /** Dates that parse (offsets relative to the block), and whether each directly follows "date of birth". */
  dates: { t: number; start: number; end: number; dob: boolean }[];
  /** Third-person pronouns by sex (counted on first use: only when a pregnancy is mentioned). */
  pronouns?: { he: number; she: number };
}

/** Block text → facts (core/memo.ts). The lexicons are fixed, and no option changes a block's facts. */
const blockFacts = new BlockValues<BlockFacts>();

/** Facts for every block of the document, in order. */
function allBlockFacts(doc: Doc): BlockFacts[] {
  return blockFacts.of(doc.blocks, (b) => ({ mentions: judgeMentions(doc, b), dates: blockDates(doc, b) }));
}

/** Judges each characteristic the block mentions, sentence by sentence. */
function judgeMentions(doc: Doc, b: number): MentionFact[] {
  const block = doc.blocks[b];
  const first = block.sentences[0]?.index ?? 0;
  const hits = doc.hitsInBlock(LEXICON, b);
  const out: MentionFact[] = [];
  // Most blocks name no characteristic (only cues, or nothing at all).
  if (!hits.some((h) => !h.group.startsWith('cue:'))) return out;
  const bySentence = new Map<number, Hit[]>();
  for (const h of hits) {
    if (h.sentence < 0) continue;
    let list = bySentence.get(h.sentence);
    if (!list) bySentence.set(h.sentence, (list = []));
    list.push(h);
  }
  for (const [si, list] of bySentence) {
    const sentence = doc.sentences[si];
    const chars = list.filter((h) => !h.group.startsWith('cue:'));
    if (!chars.length) continue;
    // (NOISE hits are in the cue namespace and are simply never read as cues.)
    const strong = list.some((h) => h.group === CUE_STRONG);
    const weak = list.some((h) => h.group === CUE_WEAK);
    const links = list.filter((h) => h.group === CUE_LINK);
    // A mention that is itself an adjustment or an analysis ("through an interpreter", "women-only",
    // "immature") considers what its sentence names.
    const processOnly = ADJUSTMENT_FOR_INTERVIEW_ONLY(sentence.text);
    const selfConsidering = list.some((h) => h.group.endsWith(':ok') && !(processOnly && h.group === 'language:ok'));
    for (const h of chars) {
      const g = groupOf(h.group);
      const before = doc.text.slice(Math.max(sentence.start, h.start - 80), h.start);
      if (g.id !== 'caring' && OTHER_PERSON.test(before)) continue;
      if (g.id === 'caring' && PAST_CARING.test(before)) continue;
      if (NEGATED.test(doc.text.slice(Math.max(sentence.start, h.start - 40), h.start))) continue;
      let stated: { value: number; header: boolean } | undefined;
      if (g.id === 'age' && !g.ref && /\d/.test(h.term)) {
        stated = statedAge(doc, h, sentence);
        if (stated === undefined) continue;
      }
      const numeric = stated !== undefined;
      const okInSources = g.ok && !(processOnly && g.id === 'language');
      // "because" and the like count only close to the mention, so a long demographic sentence that
      // happens to contain one is still bare; a stated age needs more than an effect word to count.
      const linked = links.some((c) => (c.start >= h.end ? c.start - h.end : h.start - c.end) <= 50);
      const ok = numeric ? strong || selfConsidering : strong || weak || selfConsidering || linked;
      out.push({
        id: g.id,
        term: h.term,
        start: h.start - block.start,
        end: h.end - block.start,
        sent: si - first,
        ref: g.ref,
        numeric,
        value: stated?.value ?? 0,
        header: stated?.header ?? false,
        okInSources,
        okInBody: okInSources || ok || strongCueFollows(doc, sentence, bySentence, g.id, numeric),
      });
    }
  }
  return out;
}

/** Dates in block `b` that parse, each marked when it directly follows a date-of-birth cue. */
function blockDates(doc: Doc, b: number): BlockFacts['dates'] {
  const origin = doc.blocks[b].start;
  const hits = doc.hitsInBlock(DATES, b);
  const out: BlockFacts['dates'] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (h.group !== 'date') continue;
    const t = parseDate(doc.text.slice(h.start, h.end));
    if (t === undefined) continue;
    const prev = hits[i - 1];
    out.push({ t, start: h.start - origin, end: h.end - origin, dob: !!prev && prev.group === 'dob' && h.start - prev.end < 40 });
  }
  return out;
}

function blockPronouns(f: BlockFacts, doc: Doc, b: number): { he: number; she: number } {
  if (!f.pronouns) {
    let he = 0;
    let she = 0;
    for (const p of doc.hitsInBlock(PRONOUNS, b)) p.group === 'm' ? he++ : she++;
    f.pronouns = { he, she };
  }
  return f.pronouns;
}

/** Whether the report is about a man: far more "he" than "she". */
function isAboutMan(doc: Doc, perBlock: readonly BlockFacts[]): boolean {
  let he = 0;
  let she = 0;
  for (let b = 0; b < perBlock.length; b++) {
    const p = blockPronouns(perBlock[b], doc, b);
    he += p.he;
    she += p.she;
  }
  return he > 2 * she + 2;
}

/** Age from a date of birth and the latest dated event in the report (the court or interview date). */
function ageFromDob(doc: Doc, perBlock: readonly BlockFacts[]): DiversityFacts['age'] {
  let dob: { t: number; start: number; end: number } | undefined;
  let latest = -Infinity;
  for (let b = 0; b < perBlock.length; b++) {
    const origin = doc.blocks[b].start;
    for (const d of perBlock[b].dates) {
      if (!dob && d.dob) dob = { t: d.t, start: origin + d.start, end: origin + d.end };
      else latest = Math.max(latest, d.t);
    }
  }
  if (!dob || !Number.isFinite(latest)) return undefined;
  const value = yearsBetween(dob.t, latest);
  if (value < 10 || value > 100) return undefined;
  return { value, start: dob.start, end: dob.end, fromDob: true };
}

function groupOf(group: string): { id: CharacteristicId; ref: boolean; ok: boolean } {
  const [id, mod] = group.split(':');
  return { id: id as CharacteristicId, ref: mod === 'ref', ok: mod === 'ok' };
}

/**
 * The age an age-shaped mention states, when it is the person's own age. `header`: stated like "Kayleigh
 * BRENNAN, 27", which is the person's age only in the header of the report (the caller checks the offset).
 */
function statedAge(doc: Doc, h: Hit, sentence: Sentence | undefined): { value: number; header: boolean } | undefined {
  const text = doc.text.slice(h.start, h.end);
  const n = /(\d{2})/.exec(text);
  if (!n) return undefined;
  if (/^[A-Z][A-Z'’-]{2,},? \d/.test(text)) return { value: +n[1], header: true };
  if (/\b(?:is|was)\s+(?:now\s+|only\s+)?\d/.test(text) && !/\ban?\s+\d/.test(text)) {
    // "Mr Bamford is 58": only at the start of a sentence, so "his son Jack is 17" is not read as his age.
    if (!sentence || !LEAD_IN.test(doc.text.slice(sentence.start, h.start))) return undefined;
  }
  return { value: +n[1], header: false };
}

/** The header of the report, where "Kayleigh BRENNAN, 27" states the person's age. */
const HEADER_END = 600;

export function analyseDiversity(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const coverage = analysis.categories.diversity;
  const alreadyCovered = options.context?.categoriesCovered?.includes('diversity');
  if (doc.kind !== 'psr' || alreadyCovered) {
    coverage.required = false;
    if (alreadyCovered) {
      coverage.status = 'covered';
      coverage.reasons.push('Covered on an earlier page (context.categoriesCovered).');
    }
    facts.set(analysis, { applies: false, mentions: [], considered: new Set(), unconsidered: [], evidence: [] });
    return;
  }
  coverage.required = true;

  const perBlock = allBlockFacts(doc);

  // In a report about a man, a pregnancy is a partner's: a safeguarding matter, not his characteristic.
  // Counted only when a pregnancy is mentioned at all.
  let aboutMan: boolean | undefined;

  const mentions: DiversityMention[] = [];
  const considered = new Set<CharacteristicId>();
  const evidence: Span[] = [];
  /** Characteristics the body of the report (not the sources list) says something about. */
  const analysedInBody = new Set<CharacteristicId>();
  /** Per characteristic, how many body sentences mention it (statements and back-references alike). */
  const bodySentences = new Map<CharacteristicId, { last: number; count: number }>();
  let age = ageFromDob(doc, perBlock);
  let ageMention: Span | undefined;

  for (let b = 0; b < perBlock.length; b++) {
    const list = perBlock[b].mentions;
    if (!list.length) continue;
    const block = doc.blocks[b];
    const section = block.section;
    // A list of sources names documents, not the person; the proposal draws on whatever it names.
    const inSources = section === 'sources';
    const inProposal = section === 'sentencing-proposal';
    const first = block.sentences[0]?.index ?? 0;
    let lastEvidence = -1;
    for (const f of list) {
      const start = block.start + f.start;
      const end = block.start + f.end;
      if (f.header && start >= HEADER_END) continue;
      if (f.id === 'pregnancy' && (aboutMan ??= isAboutMan(doc, perBlock))) continue;
      const si = first + f.sent;
      if (f.numeric) {
        if (!age) age = { value: f.value, start, end, fromDob: false };
        if (!ageMention && (age.fromDob ? f.value === age.value || Math.abs(f.value - age.value) <= 1 : true)) ageMention = { start, end };
      }
      // An age is worth a prompt only for young adults (and an older age is left to the health prompt);
      // injuries and conditions in the offence analysis are usually the victim's.
      const flaggable = !f.ref && !inSources && f.id !== 'age' && !(section === 'offence-analysis' && f.id === 'disability');
      let ok: boolean;
      if (inSources) ok = f.okInSources;
      // The proposal draws on whatever it names (but not on a passing word, and "UPW 80" is not about age).
      else ok = f.okInBody || (inProposal && !f.numeric && !f.ref);
      mentions.push({ id: f.id, term: f.term, start, end, flaggable, considered: ok, numeric: f.numeric, ref: f.ref });
      if (ok) considered.add(f.id);
      if (!inSources) {
        if (ok) analysedInBody.add(f.id);
        const seen = bodySentences.get(f.id);
        if (!seen) bodySentences.set(f.id, { last: si, count: 1 });
        else if (seen.last !== si) {
          seen.last = si;
          seen.count++;
        }
      }
      if (ok && si !== lastEvidence) {
        const s = doc.sentences[si];
        evidence.push({ start: s.start, end: s.end });
        lastEvidence = si;
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);

  const unconsidered: UnconsideredCharacteristic[] = [];
  const seen = new Set<CharacteristicId>();
  if (age && age.value >= 18 && age.value <= 25 && !considered.has('age')) {
    const at = ageMention ?? age;
    unconsidered.push({ id: 'age', start: at.start, end: at.end, text: doc.text.slice(at.start, at.end) });
    seen.add('age');
  }
  // A report that analyses several characteristics and keeps coming back to this one (in more than one
  // sentence) is engaging with it, even when the words that link it to the case are ones our cues miss;
  // a reviewer would not call its diversity section a gap. A single bare mention is still reported.
  const engagedIds: CharacteristicId[] = [];
  for (const m of mentions) {
    if (!m.flaggable || considered.has(m.id) || seen.has(m.id)) continue;
    if (analysedInBody.size >= ENGAGED_MIN_ANALYSED && (bodySentences.get(m.id)?.count ?? 0) >= 2) {
      seen.add(m.id);
      engagedIds.push(m.id);
      continue;
    }
    seen.add(m.id);
    unconsidered.push({ id: m.id, start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) });
  }
  unconsidered.sort((a, b) => a.start - b.start);

  if (considered.size && !unconsidered.length) {
    coverage.status = 'covered';
    coverage.reasons.push(`Considers ${[...considered].map((id) => CHARACTERISTIC_LABELS[id]).join('; ')}.`);
  } else if (mentions.length || unconsidered.length) {
    coverage.status = 'partial';
    if (!considered.size) coverage.reasons.push('Personal characteristics are mentioned but their relevance is not considered.');
    for (const u of unconsidered) coverage.reasons.push(`${CHARACTERISTIC_LABELS[u.id]} mentioned ("${u.text}") without its relevance.`);
  } else {
    coverage.status = 'missing';
    coverage.reasons.push('No personal characteristics are discussed.');
  }
  for (const id of engagedIds) coverage.reasons.push(`${CHARACTERISTIC_LABELS[id]} is returned to in several places, in a report that analyses other characteristics.`);
  coverage.evidence = evidence.length ? evidence : unconsidered.map((u) => ({ start: u.start, end: u.end }));
  facts.set(analysis, { applies: true, mentions, considered, unconsidered, age, evidence });
}

/**
 * "He served nine years in the Army. His service is relevant in several ways." A report often states a
 * characteristic and then, over the next sentence or two, says what it means ("She is a practising
 * Catholic; the parish has been her main support", "…Returning to that role is a protective factor").
 * So the following sentences of the same paragraph count while they stay on the topic: the run ends at a
 * sentence that brings in an unrelated characteristic (so "Her age is relevant" does not consider the
 * language need named just before it). A strong cue, an adjustment (`:ok`) or an effect word counts;
 * a stated age (`strongOnly`) needs a strong cue or an adjustment. Semicolons split sentences, so the
 * window is a few sentences long.
 */
function strongCueFollows(doc: Doc, sentence: Sentence, bySentence: Map<number, Hit[]>, id: CharacteristicId, strongOnly: boolean): boolean {
  for (let k = 1; k <= FOLLOW_WINDOW; k++) {
    const next = doc.sentences[sentence.index + k];
    if (!next || next.block !== sentence.block) return false;
    const hits = bySentence.get(next.index);
    if (!hits) continue;
    const ids = hits.filter((h) => !h.group.startsWith('cue:')).map((h) => groupOf(h.group).id);
    const onTopic = !ids.length || ids.some((other) => RELATED[other] === RELATED[id]);
    if (!onTopic) return false;
    const processOnly = ADJUSTMENT_FOR_INTERVIEW_ONLY(next.text);
    for (const h of hits) {
      const adjustment = h.group.endsWith(':ok') && !(processOnly && h.group === 'language:ok');
      if (h.group === CUE_STRONG || adjustment || (!strongOnly && h.group === CUE_WEAK)) return true;
    }
  }
  return false;
}
