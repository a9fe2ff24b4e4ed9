/**
 * Substance-misuse family: finds drink and drug indicators and judges whether the text analyses them
 * (pattern, link to offending and risk, verification, treatment) the way the domain standard expects
 * (../shared/domain/README.md, "Substance misuse").
 *
 * Everything is found through `doc.hits` on two lexicons (substances; framing cues), so per-block work is
 * cached across runs. The sentence-level judgements below are cheap regular expressions applied only to
 * sentences (and their blocks) that already hit a lexicon, memoised per sentence text.
 */
import type { Block, Doc, Hit, Sentence } from '../document.js';
import type { Analysis, LintOptions, Span } from '../types.js';
import { compileLexicon, type CompiledLexicon } from '../lexicon.js';
import substanceData from '../../rules/lexicons/substance.json' with { type: 'json' };
import cueData from '../../rules/lexicons/substance-cues.json' with { type: 'json' };

/** Lexicon groups that name a substance (as opposed to tests, services, requirements). */
export const SUBSTANCE_GROUPS: ReadonlySet<string> = new Set(['alcohol', 'cannabis', 'class-a', 'other-drugs', 'prescription', 'general', 'relapse']);

/** How a substance word is used in its sentence. */
export type MentionRole =
  /** The person's own use (current or past). */
  | 'use'
  /** Negated or denied ("does not use drugs", "nothing suggests alcohol played a part"). */
  | 'negated'
  /** Someone else's use ("his father drank heavily"). */
  | 'other-person'
  /** Part of the description of a drug offence ("possession of cannabis with intent to supply"). */
  | 'offence'
  /** A test, reading, service or treatment requirement rather than a substance. */
  | 'support';

export interface SubstanceMention extends Span {
  group: string;
  term: string;
  sentence: number;
  block: number;
  role: MentionRole;
}

export type SubstanceGapKind =
  | 'unanalysed'
  | 'minimising'
  | 'unverified-abstinence'
  | 'condition-no-referral'
  | 'treatment-unassessed'
  | 'not-addressed';

export interface SubstanceGap extends Span {
  kind: SubstanceGapKind;
  /** The words that triggered it (a phrase, a substance, a condition). */
  phrase: string;
  /** Substance groups in play, for message wording. */
  substances: string[];
  /** For minimising: `denial-of-role` when the person's view that use played no part is accepted. */
  cue?: string;
}

export interface SubstanceFacts {
  mentions: SubstanceMention[];
  gaps: SubstanceGap[];
  /** Some sentence links substance use (or its absence) to the offence, risk or proposal. */
  linked: boolean;
}

const facts = new WeakMap<Analysis, SubstanceFacts>();

/** The facts `analyseSubstance` found for this analysis (empty if it has not run). */
export function substanceFacts(analysis: Analysis): SubstanceFacts {
  return facts.get(analysis) ?? { mentions: [], gaps: [], linked: false };
}

// ---------------------------------------------------------------------------------------------------
// Lexicons, compiled once (and once per distinct `options.terms` object when organisations add names).

type Groups = Record<string, string[]>;

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Same reading of a plain term as core/lexicon.ts (spaces match spaces or hyphens, `*` a word ending). */
function plainSource(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((w) => {
      const star = w.endsWith('*');
      const body = escapeRe(star ? w.slice(0, -1) : w).replace(/['’]/g, "['’]");
      return star ? `${body}[\\w'’-]*` : body;
    })
    .join('[\\s-]+');
}

/**
 * Compiles a family lexicon for speed. The JSON stays plain lists people can edit; here plain word-bounded
 * terms from every group are folded into two alternations (multi-word phrases; single words), which the
 * matcher tries far faster than hundreds of separate alternatives — most of the cost of a cold lint. Phrases
 * win over the single words inside them ("alcohol treatment requirement" over "alcohol"), and each hit's
 * group is recovered from its text. Raw (`/…/`), case-sensitive (`=`) and non-word-edged terms pass through.
 */
interface FamilyLexicon {
  phrases: CompiledLexicon;
  words: CompiledLexicon;
  groupOf(text: string): string;
}

function isPlain(t: string): boolean {
  return !t.startsWith('=') && !(t.startsWith('/') && t.endsWith('/') && t.length > 2) && /^\w/.test(t) && /[\w*]$/.test(t);
}

function buildFamily(name: string, groups: Groups): FamilyLexicon {
  const phrases: Groups = {};
  const multi: string[] = [];
  const single: string[] = [];
  const anchored: [string, RegExp][] = [];
  for (const [group, terms] of Object.entries(groups)) {
    const plain = terms.filter((t) => t.trim() && isPlain(t));
    phrases[group] = terms.filter((t) => t.trim() && !isPlain(t));
    for (const t of plain) (/\s/.test(t.trim()) ? multi : single).push(t);
    if (plain.length) anchored.push([group, new RegExp(`^(?:${plain.map(plainSource).join('|')})$`, 'i')]);
  }
  const fold = (list: string[]) => `/\\b(?:${[...list].sort((a, b) => b.length - a.length).map(plainSource).join('|')})\\b/`;
  if (multi.length) phrases['~plain'] = [fold(multi)];
  const memo = new Map<string, string>();
  return {
    phrases: compileLexicon(name, phrases),
    words: compileLexicon(`${name}-words`, single.length ? { '~plain': [fold(single)] } : {}),
    groupOf(text: string): string {
      const key = text.toLowerCase();
      let g = memo.get(key);
      if (g === undefined) {
        g = anchored.find(([, re]) => re.test(text))?.[0] ?? 'general';
        if (memo.size < 2000) memo.set(key, g);
      }
      return g;
    },
  };
}

/** All hits of a family lexicon, phrases first, with groups resolved; words inside a phrase are dropped. */
function familyHits(doc: Doc, lex: FamilyLexicon): Hit[] {
  const phrases = doc.hits(lex.phrases);
  const words = doc.hits(lex.words);
  const out: Hit[] = [];
  let i = 0;
  for (const w of words) {
    while (i < phrases.length && phrases[i].end <= w.start) out.push(resolve(phrases[i++], doc, lex));
    const p = phrases[i];
    if (p && p.start < w.end && w.start < p.end) continue;
    out.push(resolve(w, doc, lex));
  }
  while (i < phrases.length) out.push(resolve(phrases[i++], doc, lex));
  return out;
}

/** Resolves a folded hit's group in place: `doc.hits` memoises its array per document, so this runs once per hit. */
function resolve(h: Hit, doc: Doc, lex: FamilyLexicon): Hit {
  if (h.group === '~plain') h.group = lex.groupOf(doc.text.slice(h.start, h.end));
  return h;
}

const baseGroups = substanceData.groups as Groups;
const baseLexicon = buildFamily('substance', baseGroups);
const cueLexicon = buildFamily('substance-cues', cueData.groups as Groups);
const extended = new WeakMap<object, FamilyLexicon>();

function lexiconFor(options: LintOptions): FamilyLexicon {
  const terms = options.terms;
  const extra = terms?.substances?.filter((t) => typeof t === 'string' && t.trim());
  const services = terms?.sources?.['substance-service']?.filter((t) => typeof t === 'string' && t.trim());
  if (!terms || (!extra?.length && !services?.length)) return baseLexicon;
  let lex = extended.get(terms);
  if (!lex) {
    lex = buildFamily('substance', {
      ...baseGroups,
      'other-drugs': [...baseGroups['other-drugs'], ...(extra ?? [])],
      service: [...baseGroups.service, ...(services ?? [])],
    });
    extended.set(terms, lex);
  }
  return lex;
}

// ---------------------------------------------------------------------------------------------------
// Sentence cues. Applied only to sentences that hit a lexicon.

/** The text analyses the substance against offending, risk or the proposal (or rules it out with a basis). */
const LINK =
  /\b(?:offen[cd]\w*|reoffend\w*|convictions?|crimes?|criminal|link\w*|part in|(?:a|any|no) part|factors?|contribut\w*|fund\w*|pay(?:ing)? for|trigger\w*|risks?|involv\w*|related|central|led to|leads to|because of|acquisitive|thefts?|steal\w*|stole|shoplifting|violen\w*|aggress\w*|assault\w*|DRR|ATR|treatment requirement|rehabilitation requirement|propos\w*|suitab\w*|no evidence|nothing (?:in|to suggest|suggests)|harmful|hazardous|dependen\w*|AUDIT|drink[- ]driv\w*|pattern|disinhibit\w*|under the influence|intoxicated|at the time of the offence|money for|to buy|debts?|when (?:he|she|they) (?:drinks|drank|uses|used|is drunk|was drunk|has been drinking|had been drinking)|treatment|interventions?|referr\w*|RAR)\b/i;
/** Something other than the person's word: a test result, a score, an assessment, records, a provider. */
const VERIFY =
  /\b(?:negative|positive|neg|tested|test results?|results?|AUDIT|OASys|assess\w*|screening|readings?|micrograms?|µg|confirm\w*|verified|recorded no|showed no|shows no|found no|no evidence|nothing (?:in|to suggest|suggests)|there is nothing|(?:was|were|appeared|found to be) sober|sober (?:when|at|on)|records? (?:show|shows|confirm|indicate)|(?:papers|record|records|statement) (?:record|records|note|notes|show|shows)|alcohol monitoring|no alcohol)\b/i;
/** The author weighs the framing against other information. */
const CHALLENGE = /\b(?:however|despite|contrary|at odds|inconsistent|does not (?:fit|match|sit)|doesn't (?:fit|match)|suggests otherwise|harmful|hazardous|higher than|I do not accept|not accepted|challenged)\b/i;
/** Drug-offence wording (not personal use). */
const OFFENCE_CUE =
  /\b(?:suppl(?:y|ying|ied)|possess\w*|intent to|deal(?:ing|er|s)?|class [abc]|wraps?|county lines|import\w*|cultivat\w*|concerned in|controlled drugs?|seized|found (?:\d+|a|some)|packages?|deliver\w*)\b/i;
/** Words that make a sentence about the person's own consumption. */
const USE_VERB =
  /\b(?:use[sd]?|using|smok\w*|drink\w*|drank|drunk|t(?:ook|aking|akes)|inject\w*|snort\w*|consum\w*|addict\w*|spends?|spent|habit|relaps\w*|laps\w*)\b|£\d/i;
/** Goods taken in a theft ("stole two bottles of vodka") are not consumption. */
const THEFT_CUE = /\b(?:stole|stolen|steal\w*|theft|shoplift\w*|off-licence|concealed|worth £|valued at|goods)\b/i;
const STRONG_USE = /\b(?:use[sd]?|using|smok\w*|drinks|drinking|drank|drunk|inject\w*|snort\w*|consum\w*|intoxicated)\b/i;
const NOT_SUBSTANCE_RELAPSE = /\b(?:psychos\w*|psychotic|mental|depress\w*|schizo\w*|bipolar|symptoms|mood|episode|illness|cancer|condition)\b/i;
const NON_ALCOHOL_DRINK = /\b(?:soft|energy|hot|fizzy|sugary)\s+drinks?\b|\bdrinks? of (?:water|tea|coffee|milk)|\bdrinking (?:water|tea|coffee|milk)/i;
const REFERRAL_ANY =
  /\b(?:referr\w*|referral|assessment|appointment|induction)\b.{0,60}\b(?:recovery|treatment|drugs?|alcohol|substance|DRR|ATR|keyworker|key worker)\b|\b(?:recovery|treatment|drugs?|alcohol|substance misuse) (?:service|team|worker|keyworker)\b.{0,40}\b(?:confirmed|assessed|attended|booked|referral|appointment)\b/i;
/** A result weighed against the person's account. */
const CORROBORATED = /\b(?:in line with|consistent with|inconsistent with|matches|contradicts|at odds with)\b/i;
/** Follow-up recorded in a contact-log entry, in sentences that need not name the substance. */
const FOLLOW_UP =
  /\b(?:explored|discussed|trigger\w*|harm reduction|naloxone|referr\w*|risk|keywork\w*|sessions?|plan\w*|agreed|arranged|booked|informed|reviewed|increased|reduced|advice|advised)\b/i;
/** Prescribed or substitute medication is treatment unless the text says it is misused. */
const PRESCRIPTION_MISUSE = /\b(?:misus\w*|not prescribed|unprescribed|on top of|top(?:s|ping)? up|bought|buying|street|divert\w*|selling|sold|more than prescribed|overdos\w*)\b/i;
/** Clause boundaries for negation and subject scope. */
const CLAUSE_BREAK = /[,;:()—–]|\b(?:and|but|so|then|when|after|until|if|who|which|although|though|because|while|whereas|whom)\b/gi;
const NEGATION = /\b(?:not|no|never|nor|without|nothing|none|neither|denies|denied|deny|denying|negative)\b|n't\b/i;
/** Another person as subject or possessor of the use. */
const OTHER_PERSON =
  /\b(?:his|her|their|the|a|my)\s+(?:(?:late|older|younger|ex|former)[\s-])?(?:father|mother|dad|mum|step\w*|parents?|brothers?|sisters?|siblings?|partner|ex-partner|boyfriend|girlfriend|wife|husband|sons?|daughters?|uncle|aunt|cousins?|grand\w+|friends?|flatmates?|housemates?|associates?|co-defendants?|victim|neighbou?rs?|carers?|family)(?:['’]s)?\b|\b(?:the other men|other residents|others)\b/i;
const SELF_SUBJECT = /\b(?:he|she|they|i)\b/i;
/** A condition or requirement imposed (as opposed to an action taken). */
const CONDITION = /\b(?:conditions?|requirements?|must|as directed|as required|submit to|required to|to attend|attend appointments|DRR|ATR)\b/i;
/** Evidence that a referral, assessment or test actually happened. */
const ENGAGED =
  /\b(?:referr\w*|referral|appointments? (?:with|at|booked|on)|assess\w*|attended|seen by|met with|negative|positive|neg|pos|tested|test (?:taken|done|results?)|results?|confirmed|induction|script|started|booked|prescribed)\b/i;
const PROPOSAL = /\b(?:propos\w*|recommend\w*|suggest the court|invite the court|would benefit|consider(?:ed)? (?:a|an)|suitable for)\b/i;
const TREATMENT_ASSESSED = /\b(?:assess\w*|suitab\w*|consent\w*|agreed|willing|eligib\w*)\b/i;
const NOT_PROPOSED = /\b(?:not|no|unsuitable|neither|nor|rather than|instead of)\b|n't\b/i;
/** Results or readings that back an account. */
const RESULT = /\b(?:negative|positive|neg|pos|results?|clear|scor\w*|readings?|micrograms?|showed|shows|confirmed)\b|µg/i;

interface SentenceCues {
  link: boolean;
  verify: boolean;
  challenge: boolean;
  offence: boolean;
  theft: boolean;
  strongUse: boolean;
  useVerb: boolean;
  condition: boolean;
  engaged: boolean;
  proposal: boolean;
  treatmentAssessed: boolean;
  result: boolean;
}

const CUE_CACHE_LIMIT = 5000;
const cueCache = new Map<string, SentenceCues>();
function cuesOf(text: string): SentenceCues {
  let c = cueCache.get(text);
  if (!c) {
    c = {
      link: LINK.test(text),
      verify: VERIFY.test(text),
      challenge: CHALLENGE.test(text),
      offence: OFFENCE_CUE.test(text),
      theft: THEFT_CUE.test(text),
      strongUse: STRONG_USE.test(text),
      useVerb: USE_VERB.test(text),
      condition: CONDITION.test(text),
      engaged: ENGAGED.test(text),
      proposal: PROPOSAL.test(text),
      treatmentAssessed: TREATMENT_ASSESSED.test(text),
      result: RESULT.test(text),
    };
    if (cueCache.size >= CUE_CACHE_LIMIT) cueCache.delete(cueCache.keys().next().value as string);
    cueCache.set(text, c);
  }
  return c;
}

/** The clause of `sentence` that leads up to `offset` (text after the last clause break). */
function clauseBefore(sentence: Sentence, offset: number): string {
  const before = sentence.text.slice(0, Math.max(0, offset - sentence.start));
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(before))) cut = m.index + m[0].length;
  return before.slice(cut);
}

/** Whether the clause before a word makes someone else its subject or owner. */
function otherPersonIn(clause: string): boolean {
  const m = OTHER_PERSON.exec(clause);
  if (!m) return false;
  return !SELF_SUBJECT.test(clause.slice(m.index + m[0].length));
}

// ---------------------------------------------------------------------------------------------------

interface BlockRole {
  /** Offsets relative to the block. */
  start: number;
  end: number;
  /** Index of the sentence within the block. */
  sentence: number;
  group: string;
  term: string;
  role: MentionRole;
}

const ROLE_CACHE_LIMIT = 5000;
const roleMemo = new WeakMap<FamilyLexicon, Map<string, BlockRole[]>>();

/** Decides how each substance word in one block is used: own use, negated, someone else's, offence, support. */
function blockRoles(doc: Doc, block: Block, hits: Hit[], cueHits: Hit[]): BlockRole[] {
  const out: BlockRole[] = [];
  if (block.type === 'heading') return out;
  const bySentence = new Map<number, Hit[]>();
  for (const h of hits) {
    const list = bySentence.get(h.sentence);
    if (list) list.push(h);
    else bySentence.set(h.sentence, [h]);
  }
  const substanceIn = (list: Hit[] | undefined, except: Hit) => !!list?.some((x) => x !== except && SUBSTANCE_GROUPS.has(x.group) && x.group !== 'relapse');
  for (const h of hits) {
    const sentence = doc.sentences[h.sentence];
    if (!sentence) continue;
    const cues = cuesOf(sentence.text);
    // "Relapse" belongs to this family only beside a substance; mental-health relapse is another family's.
    if (h.group === 'relapse' && (NOT_SUBSTANCE_RELAPSE.test(sentence.text) || !block.sentences.some((x) => substanceIn(bySentence.get(x.index), h)))) continue;
    // Soft drinks, a drink of water.
    if (h.group === 'alcohol' && NON_ALCOHOL_DRINK.test(sentence.text) && !/\balcohol|\bdrunk|pints?\b|beer|lager|wine|cider|vodka/i.test(sentence.text)) continue;
    const here = bySentence.get(h.sentence) ?? [];
    let role: MentionRole;
    if (h.group === 'offence') role = 'offence';
    else if (!SUBSTANCE_GROUPS.has(h.group)) role = 'support';
    else {
      const clause = clauseBefore(sentence, h.start);
      // An abstinence claim or denial just before the word ("stopped smoking cannabis", "denies using drugs").
      const negCue = cueHits.some((c) => c.sentence === h.sentence && (c.group === 'abstinence' || c.group === 'denial') && c.start <= h.start && h.start - c.end < 40);
      const test = here.filter((t) => t.group === 'test' && t.start < h.start).pop();
      // "positive for cocaine" reports use; "negative for all substances, including cannabis" backs an account.
      if (test) role = /positive/i.test(sentence.text.slice(test.start - sentence.start, h.start - sentence.start)) ? 'use' : 'support';
      else if (otherPersonIn(clause)) role = 'other-person';
      else if (NEGATION.test(clause) || negCue) role = 'negated';
      else if (cues.offence && !cues.useVerb) role = 'offence';
      else if (cues.theft && !cues.strongUse) role = 'offence';
      else if (h.group === 'prescription' && !PRESCRIPTION_MISUSE.test(sentence.text)) role = 'support';
      else role = 'use';
    }
    out.push({
      start: h.start - block.start,
      end: h.end - block.start,
      sentence: sentence.index - block.sentences[0].index,
      group: h.group,
      term: doc.text.slice(h.start, h.end),
      role,
    });
  }
  return out;
}

/** Fills `analysis.categories['substance-misuse']` and the facts the substance rules read. */
export function analyseSubstance(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const lex = lexiconFor(options);
  const hits = familyHits(doc, lex);
  const cueHits = familyHits(doc, cueLexicon);
  const sentences = doc.sentences;

  const mentions: SubstanceMention[] = [];
  const bySentence = new Map<number, SubstanceMention[]>();
  // Roles depend only on a block's own text, so they are cached per block: a keystroke re-reads one block.
  let memo = roleMemo.get(lex);
  if (!memo) roleMemo.set(lex, (memo = new Map()));
  let hi = 0;
  let ci = 0;
  while (hi < hits.length) {
    const blockIndex = hits[hi].block;
    let hj = hi;
    while (hj < hits.length && hits[hj].block === blockIndex) hj++;
    while (ci < cueHits.length && cueHits[ci].block < blockIndex) ci++;
    let cj = ci;
    while (cj < cueHits.length && cueHits[cj].block === blockIndex) cj++;
    const block = doc.blocks[blockIndex];
    let roles = memo.get(block.text);
    if (!roles) {
      roles = blockRoles(doc, block, hits.slice(hi, hj), cueHits.slice(ci, cj));
      if (memo.size >= ROLE_CACHE_LIMIT) memo.delete(memo.keys().next().value as string);
      memo.set(block.text, roles);
    }
    for (const r of roles) {
      const sentence = block.sentences[r.sentence];
      const m: SubstanceMention = { start: block.start + r.start, end: block.start + r.end, group: r.group, term: r.term, sentence: sentence.index, block: blockIndex, role: r.role };
      mentions.push(m);
      const list = bySentence.get(m.sentence);
      if (list) list.push(m);
      else bySentence.set(m.sentence, [m]);
    }
    hi = hj;
  }

  const kind = doc.kind;
  const gaps: SubstanceGap[] = [];
  const useMentions = mentions.filter((m) => m.role === 'use');
  const contentMentions = mentions.filter((m) => m.role !== 'offence' && m.role !== 'other-person');
  const groupsOf = (list: SubstanceMention[]) => [...new Set(list.filter((m) => SUBSTANCE_GROUPS.has(m.group)).map((m) => m.group))];

  /** Sentences where condition wording governs the substance words (licence conditions, order requirements). */
  const conditionSentences = new Set<number>();
  for (const [si, list] of bySentence) {
    if (list.some((m) => m.group === 'requirement' || m.group === 'test' || m.group === 'service') && cuesOf(sentences[si].text).condition) {
      // A result ("tested negative", "the tag recorded no alcohol") is not a condition even near the word "requirement".
      if (!/\b(?:negative|positive|results?|recorded|showed|shows|confirmed|assessed)\b/i.test(sentences[si].text)) conditionSentences.add(si);
    }
  }

  // Is there analysis? A substance sentence that links to offending/risk/proposal, or a treatment requirement.
  let linked = false;
  for (const [si, list] of bySentence) {
    const own = list.some((m) => m.role === 'use' || m.role === 'negated' || m.role === 'support');
    if (!own) continue;
    if (list.some((m) => m.group === 'requirement') && !conditionSentences.has(si)) linked = true;
    if (cuesOf(sentences[si].text).link) linked = true;
    if (kind === 'case-notes' && cuesOf(sentences[si].text).engaged && !conditionSentences.has(si)) linked = true;
    if (linked) break;
  }

  // Evidence sentences anywhere: a test or service sentence with a result, outside the conditions.
  let evidencedSomewhere = false;
  for (const [si, list] of bySentence) {
    if (conditionSentences.has(si)) continue;
    const c = cuesOf(sentences[si].text);
    if (list.some((m) => m.group === 'test') && c.result) evidencedSomewhere = true;
    else if (list.some((m) => m.group === 'service') && (c.verify || c.engaged)) evidencedSomewhere = true;
    else if (kind === 'case-notes' && c.verify && list.some((m) => m.role !== 'offence' && m.role !== 'other-person')) evidencedSomewhere = true;
    if (evidencedSomewhere) break;
  }

  /** A sentence in `block` (other than conditions) that verifies or challenges. */
  const blockVerifies = (block: number, needSubstance: boolean): boolean => {
    for (const s of doc.blocks[block].sentences) {
      if (conditionSentences.has(s.index)) continue;
      if (needSubstance && !bySentence.has(s.index)) continue;
      const c = cuesOf(s.text);
      if (c.verify || c.challenge) return true;
    }
    return false;
  };

  function entryExplores(m: SubstanceMention): boolean {
    const entry = doc.blocks[m.block].entry;
    const own = cuesOf(sentences[m.sentence].text);
    if (own.link || CORROBORATED.test(sentences[m.sentence].text)) return true;
    for (const [si, list] of bySentence) {
      if (si === m.sentence || conditionSentences.has(si)) continue;
      const b = doc.blocks[list[0].block];
      if (entry === undefined ? b.index !== m.block : b.entry !== entry) continue;
      const c = cuesOf(sentences[si].text);
      if (c.link || c.engaged || c.verify) return true;
    }
    // Explored in the same entry in sentences that carry no substance word ("Explored in detail: ...").
    const block = doc.blocks[m.block];
    return block.sentences.some((x) => x.index !== m.sentence && FOLLOW_UP.test(x.text));
  }

  /** In a report, the next paragraph of the same section may carry the basis ("However, his AUDIT score…"). */
  const nextBlockVerifies = (block: number): boolean => {
    const next = doc.blocks[block + 1];
    return kind !== 'case-notes' && !!next && next.type !== 'heading' && next.section === doc.blocks[block].section && blockVerifies(next.index, true);
  };

  // --- Unanalysed use: use is described but never linked to offending, risk or the proposal.
  // In a contact log each entry is judged on its own: use reported in an entry should be explored there.
  // In a report, use is judged unanalysed when nothing links it to the offending, risk or proposal and its
  // own paragraph does not weigh it against evidence ("drinks rarely; the custody record shows she was sober").
  const unexplored =
    kind === 'case-notes' ? useMentions.find((m) => !entryExplores(m)) : !linked ? useMentions.find((m) => !blockVerifies(m.block, true)) : undefined;
  if (unexplored) {
    const s = sentences[unexplored.sentence];
    gaps.push({ kind: 'unanalysed', start: s.start, end: s.end, phrase: doc.text.slice(unexplored.start, unexplored.end), substances: groupsOf(useMentions) });
  }

  // --- Minimising framing accepted without challenge.
  const flaggedBlocks = new Set<number>();
  for (const c of cueHits) {
    if (c.group !== 'minimising' && c.group !== 'minimising-weak' && c.group !== 'denial-of-role') continue;
    const s = sentences[c.sentence];
    if (!s) continue;
    const here = bySentence.get(c.sentence) ?? [];
    let inContext: boolean;
    if (c.group === 'denial-of-role') inContext = here.some((m) => SUBSTANCE_GROUPS.has(m.group) && m.role !== 'other-person');
    else if (here.length) inContext = here.some((m) => m.role === 'use');
    else if (c.group === 'minimising') {
      // "He smokes cannabis most evenings. He described it as 'just to relax'." — the framing refers back.
      const prev = sentences[c.sentence - 1];
      inContext = !!prev && prev.block === s.block && /\b(?:it|this|that|them|which)\b/i.test(s.text) && (bySentence.get(prev.index) ?? []).some((m) => m.role === 'use');
    } else inContext = false;
    if (!inContext) continue;
    if (otherPersonIn(clauseBefore(s, c.start))) continue;
    if (flaggedBlocks.has(c.block)) continue;
    if (blockVerifies(c.block, true) || nextBlockVerifies(c.block)) continue;
    flaggedBlocks.add(c.block);
    gaps.push({ kind: 'minimising', start: c.start, end: c.end, phrase: doc.text.slice(c.start, c.end), substances: groupsOf(here.length ? here : useMentions), cue: c.group });
  }

  // --- Abstinence or denial taken on the person's word.
  let abstinenceFlagged = false;
  for (const c of cueHits) {
    if (abstinenceFlagged) break;
    if (c.group !== 'abstinence' && c.group !== 'denial') continue;
    const s = sentences[c.sentence];
    if (!s) continue;
    const here = bySentence.get(c.sentence) ?? [];
    const blockHasContent = doc.blocks[c.block].sentences.some((x) => bySentence.has(x.index));
    const prev = sentences[c.sentence - 1];
    const prevHas = !!prev && prev.block === s.block && bySentence.has(prev.index);
    if (c.group === 'denial' ? !here.some((m) => SUBSTANCE_GROUPS.has(m.group)) : !(here.length || blockHasContent || prevHas)) continue;
    if (otherPersonIn(clauseBefore(s, c.start))) continue;
    if (blockVerifies(c.block, false) || evidencedSomewhere) continue;
    if (nextBlockVerifies(c.block)) continue;
    abstinenceFlagged = true;
    gaps.push({ kind: 'unverified-abstinence', start: c.start, end: c.end, phrase: doc.text.slice(c.start, c.end), substances: groupsOf(here) });
  }

  // --- Substance condition (licence or order) with no referral, test or provider contact recorded.
  if (kind === 'case-notes') {
    const conditionMentions = mentions.filter(
      (m) => (m.group === 'requirement' || ((m.group === 'test' || m.group === 'service') && conditionSentences.has(m.sentence))),
    );
    if (conditionMentions.length) {
      let engaged = false;
      for (const [si, list] of bySentence) {
        if (conditionSentences.has(si)) continue;
        if (!list.some((m) => m.role !== 'offence' && m.role !== 'other-person')) continue;
        if (list.every((m) => m.group === 'requirement') && !cuesOf(sentences[si].text).engaged) continue;
        if (cuesOf(sentences[si].text).engaged) {
          engaged = true;
          break;
        }
      }
      // A provider the lexicon does not know ("Referred to Horizon Recovery; assessment booked").
      if (!engaged) engaged = sentences.some((x) => !conditionSentences.has(x.index) && REFERRAL_ANY.test(x.text));
      if (!engaged) {
        const first = conditionMentions[0];
        gaps.push({ kind: 'condition-no-referral', start: first.start, end: first.end, phrase: doc.text.slice(first.start, first.end), substances: groupsOf(mentions) });
      }
    }
  }

  // --- A DRR or ATR proposed without the provider's assessment, suitability or consent.
  if (kind !== 'case-notes') {
    const proposed = mentions.filter((m) => {
      if (m.group !== 'requirement') return false;
      const s = sentences[m.sentence];
      const block = doc.blocks[m.block];
      // "A DRR is not proposed", "he is unsuitable for an ATR" are decisions, not proposals.
      if (NOT_PROPOSED.test(s.text)) return false;
      return cuesOf(s.text).proposal || block.section === 'sentencing-proposal';
    });
    if (proposed.length) {
      const assessed = mentions.some((m) => (m.group === 'requirement' || m.group === 'service' || m.group === 'test') && cuesOf(sentences[m.sentence].text).treatmentAssessed);
      if (!assessed) {
        const first = proposed[0];
        gaps.push({ kind: 'treatment-unassessed', start: first.start, end: first.end, phrase: doc.text.slice(first.start, first.end), substances: groupsOf(mentions) });
      }
    }
  }

  // --- A report (or its lifestyle section) silent on drink and drugs.
  const covered = options.context?.categoriesCovered?.includes('substance-misuse');
  const lifestyleSection = options.section === 'behaviour-lifestyle' || (kind === 'section' && doc.blocks.some((b) => b.section === 'behaviour-lifestyle'));
  const silent = !contentMentions.length;
  if (silent && !covered && (kind === 'psr' || (kind === 'section' && lifestyleSection))) {
    const heading = analysis.sections.find((s) => s.id === 'behaviour-lifestyle');
    const block = heading ? doc.blocks.find((b) => b.start >= heading.start) : doc.blocks[0];
    const start = block?.start ?? 0;
    const end = block?.end ?? Math.min(doc.text.length, 1);
    gaps.push({ kind: 'not-addressed', start, end, phrase: doc.text.slice(start, end), substances: [] });
  }

  gaps.sort((a, b) => a.start - b.start);
  facts.set(analysis, { mentions, gaps, linked });

  // --- Coverage for the Analysis contract.
  const required = kind === 'psr' || (kind === 'section' && lifestyleSection) || contentMentions.length > 0;
  const evidence: Span[] = [];
  const seen = new Set<number>();
  for (const m of contentMentions) {
    if (seen.has(m.sentence)) continue;
    seen.add(m.sentence);
    const s = sentences[m.sentence];
    evidence.push({ start: s.start, end: s.end });
  }
  const reasons: string[] = [];
  if (useMentions.length) reasons.push(`Use indicated: ${groupsOf(useMentions).join(', ')}.`);
  else if (contentMentions.length) reasons.push('Drink and drugs are discussed; no current use indicated.');
  if (linked && kind !== 'case-notes') reasons.push('Linked to offending, risk or the proposal.');
  for (const g of gaps) reasons.push(REASON[g.kind]);
  analysis.categories['substance-misuse'] = {
    status: covered ? 'covered' : gaps.some((g) => g.kind === 'not-addressed') ? 'missing' : gaps.length ? 'partial' : contentMentions.length ? 'covered' : 'missing',
    required,
    evidence,
    reasons,
  };
}

const REASON: Record<SubstanceGapKind, string> = {
  unanalysed: 'Use is described but not linked to offending, risk or the proposal.',
  minimising: 'Minimising language about use is accepted without challenge.',
  'unverified-abstinence': 'Abstinence or denial rests on self-report with no test or provider confirmation.',
  'condition-no-referral': 'A substance condition or requirement has no recorded referral or test.',
  'treatment-unassessed': 'A drug or alcohol requirement is proposed without an assessment of suitability or consent.',
  'not-addressed': 'Drink and drug use are not addressed.',
};

const GROUP_WORDS: Record<string, string> = {
  alcohol: 'alcohol',
  cannabis: 'cannabis',
  'class-a': 'Class A drug',
  'other-drugs': 'drug',
  prescription: 'prescribed or substitute medication',
  general: 'drug',
  relapse: 'substance',
};

/** "Alcohol", "Cannabis and alcohol", "Drug": a short capitalised name for the substances in play. */
export function describeSubstances(groups: readonly string[]): string {
  const words = [...new Set(groups.map((g) => GROUP_WORDS[g]).filter(Boolean))];
  const drugWords = words.filter((w) => w !== 'alcohol');
  const named = drugWords.length > 1 ? [...drugWords.filter((w) => w !== 'drug' && w !== 'substance'), ...words.filter((w) => w === 'alcohol')] : words;
  const list = named.length ? named : ['substance'];
  const text = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
  return text[0].toUpperCase() + text.slice(1);
}
