/**
 * Substance-misuse family: finds drink and drug indicators and judges whether the text analyses them
 * (pattern, link to offending and risk, verification, treatment) the way the domain standard expects
 * (../shared/domain/README.md, "Substance misuse").
 *
 * Everything is found through `doc.hitsInBlock` on two lexicons (substances; framing cues). What a block
 * contributes (each word's role, the cues of its sentences, candidate findings) depends only on its text, so
 * it is cached by block text and a re-lint after an edit re-reads one block; the document-level judgements
 * fold over those cached facts. The sentence-level judgements are cheap regular expressions applied only to
 * sentences (and their blocks) that already hit a lexicon, memoised per sentence text.
 */
import type { Block, Doc, Hit, Sentence } from '../document.js';
import type { Analysis, LintOptions, Span } from '../types.js';
import { compileLexicon, plainTermSource, type CompiledLexicon } from '../lexicon.js';
import { BlockValues, TextMemo, SENTENCES } from '../memo.js';
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
    if (plain.length) anchored.push([group, new RegExp(`^(?:${plain.map(plainTermSource).join('|')})$`, 'i')]);
  }
  const fold = (list: string[]) => `/\\b(?:${[...list].sort((a, b) => b.length - a.length).map(plainTermSource).join('|')})\\b/`;
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

/**
 * Hits of a family lexicon in one block, phrases first, with groups resolved; words inside a phrase are dropped.
 * (Merging block by block gives the same sequence as merging the whole document: blocks do not overlap.)
 * Returns copies, so the Doc's cached hits are never changed.
 */
function blockFamilyHits(doc: Doc, lex: FamilyLexicon, blockIndex: number): Hit[] {
  const phrases = doc.hitsInBlock(lex.phrases, blockIndex);
  const words = doc.hitsInBlock(lex.words, blockIndex);
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

/** A copy of a hit with a folded (`~plain`) group resolved from its text. */
function resolve(h: Hit, doc: Doc, lex: FamilyLexicon): Hit {
  const group = h.group === '~plain' ? lex.groupOf(doc.text.slice(h.start, h.end)) : h.group;
  return { start: h.start, end: h.end, group, term: h.term, block: h.block, sentence: h.sentence };
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

/**
 * The cues of one sentence, each tested on first read (a block re-read after an edit asks for only some of
 * them) and remembered.
 */
class SentenceCues {
  private known = 0;
  private found = 0;
  constructor(private readonly text: string) {}
  private has(bit: number, re: RegExp): boolean {
    if (!(this.known & bit)) {
      this.known |= bit;
      if (re.test(this.text)) this.found |= bit;
    }
    return (this.found & bit) !== 0;
  }
  get link() { return this.has(1, LINK); }
  get verify() { return this.has(2, VERIFY); }
  get challenge() { return this.has(4, CHALLENGE); }
  get offence() { return this.has(8, OFFENCE_CUE); }
  get theft() { return this.has(16, THEFT_CUE); }
  get strongUse() { return this.has(32, STRONG_USE); }
  get useVerb() { return this.has(64, USE_VERB); }
  get condition() { return this.has(128, CONDITION); }
  get engaged() { return this.has(256, ENGAGED); }
  get proposal() { return this.has(512, PROPOSAL); }
  get treatmentAssessed() { return this.has(1024, TREATMENT_ASSESSED); }
  get result() { return this.has(2048, RESULT); }
}

const cueCache = new TextMemo<SentenceCues>(SENTENCES);
function cuesOf(text: string): SentenceCues {
  let c = cueCache.get(text);
  if (!c) {
    c = new SentenceCues(text);
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
// Per-block facts. Everything from here to `analyseSubstance` depends only on one block's text (and the
// lexicon), so it is worked out once per distinct block text and cached: a keystroke re-reads the block it
// changed, and the document-level judgements are a cheap fold over cached facts.

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
      term: block.text.slice(h.start - block.start, h.end - block.start),
      role,
    });
  }
  return out;
}

/** A sentence of a block that carries at least one substance mention. */
interface MentionSentence {
  cues: SentenceCues;
  /** Condition wording governs its substance words (licence conditions, order requirements). */
  condition: boolean;
  /** Its mentions, in order. */
  roles: BlockRole[];
}

/** A framing cue (minimising, abstinence) that passes every test local to its block. Offsets relative to the block. */
interface CueCandidate {
  start: number;
  end: number;
  group: string;
  phrase: string;
  /** Substance groups named in the cue's sentence; null (minimising only) when it names nothing: the document's use is meant. */
  here: string[] | null;
}

/** Per block-relative sentence, for judging case-note entries (filled only for case notes). */
interface ExploreFacts {
  /** Mention sentences outside conditions that link, engage or verify (`explores[k]`), and how many. */
  explores: boolean[];
  count: number;
  /** The sentence itself links, or weighs a result against the account. */
  self: boolean[];
  /** Follow-up wording in any sentence of the block (`followUp[k]`), and how many. */
  followUp: boolean[];
  followUps: number;
}

/** What else counts in case notes, outside conditions: an own sentence that engages links; a verifying or engaging content sentence is evidence or engagement. */
interface CaseNoteFlags {
  link: boolean;
  evidence: boolean;
  engaged: boolean;
}

/**
 * What one block contributes to the document-level judgements (see the comment above `BlockRole`). Every field
 * is set when the summary is made, so all summaries share one shape; the fields the fold reads for every
 * block come first.
 */
interface BlockSummary {
  roles: BlockRole[];
  /** An own-use, negated or support sentence links to offending, risk or the proposal (or is a requirement). */
  link: boolean;
  /** A test or service sentence outside conditions carries a result. */
  evidence: boolean;
  /** A mention sentence outside conditions verifies or challenges (`blockVerifies(block, true)`). */
  verifies: boolean;
  /** A requirement, service or test sentence assesses suitability or consent. */
  assessed: boolean;
  firstUse: BlockRole | undefined;
  minimising: CueCandidate | undefined;
  abstinence: CueCandidate | undefined;
  /** First requirement not declined: with proposal wording, and at all (inside the sentencing-proposal section). */
  proposedCue: BlockRole | undefined;
  proposedAny: BlockRole | undefined;
  /** Coverage evidence (the content sentences' spans) as placed when the block last started at `evidenceAt` (shared: read-only). */
  evidenceAt: number;
  evidenceSpans: Span[];
  /** By block-relative sentence index; undefined where a sentence has no mention. */
  sentences: (MentionSentence | undefined)[];
  /** Distinct substance groups, in order, of use mentions and of all mentions. */
  useGroups: string[];
  groups: string[];
  /** Sentences with a mention that is not an offence or someone else's, in order of first such mention. */
  contentSentences: number[];
  /** First condition or requirement mention (case notes). */
  firstCondition: BlockRole | undefined;
  /** Filled on first use; most documents never need them. */
  caseNotes: CaseNoteFlags | undefined;
  verifiesAll: boolean | undefined;
  referral: boolean | undefined;
  explore: ExploreFacts | undefined;
}

/** A result ("tested negative", "the tag recorded no alcohol") is not a condition even near the word "requirement". */
const CONDITION_RESULT = /\b(?:negative|positive|results?|recorded|showed|shows|confirmed|assessed)\b/i;
const REFERS_BACK = /\b(?:it|this|that|them|which)\b/i;

const isContent = (r: BlockRole) => r.role !== 'offence' && r.role !== 'other-person';
const isOwn = (r: BlockRole) => r.role === 'use' || r.role === 'negated' || r.role === 'support';
const isUse = (r: BlockRole) => r.role === 'use';

function groupsOf(list: BlockRole[]): string[] {
  const out: string[] = [];
  for (const m of list) if (SUBSTANCE_GROUPS.has(m.group) && !out.includes(m.group)) out.push(m.group);
  return out;
}

/** A block without substance words (most blocks): nothing to judge, and no arrays of its own (these are never written). */
function emptySummary(roles: BlockRole[]): BlockSummary {
  return {
    roles,
    link: false,
    evidence: false,
    verifies: false,
    assessed: false,
    firstUse: undefined,
    minimising: undefined,
    abstinence: undefined,
    proposedCue: undefined,
    proposedAny: undefined,
    evidenceAt: -1,
    evidenceSpans: NONE,
    sentences: NONE,
    useGroups: NONE,
    groups: NONE,
    contentSentences: NONE,
    firstCondition: undefined,
    caseNotes: undefined,
    verifiesAll: undefined,
    referral: undefined,
    explore: undefined,
  };
}
const NONE: never[] = [];

function summarise(doc: Doc, block: Block, lex: FamilyLexicon): BlockSummary {
  const hits = blockFamilyHits(doc, lex, block.index);
  // Framing cues count only beside substance words, so a block without them is not searched for cues.
  const cueHits = hits.length && block.type !== 'heading' ? blockFamilyHits(doc, cueLexicon, block.index) : [];
  const roles = blockRoles(doc, block, hits, cueHits);
  if (!roles.length) return emptySummary(roles);
  const sentences: (MentionSentence | undefined)[] = block.sentences.map(() => undefined);
  for (const r of roles) {
    let ms = sentences[r.sentence];
    if (!ms) sentences[r.sentence] = ms = { cues: cuesOf(block.sentences[r.sentence].text), condition: false, roles: [] };
    ms.roles.push(r);
  }
  const s: BlockSummary = {
    roles,
    link: false,
    evidence: false,
    verifies: false,
    assessed: false,
    firstUse: roles.find(isUse),
    minimising: undefined,
    abstinence: undefined,
    proposedCue: undefined,
    proposedAny: undefined,
    evidenceAt: -1,
    evidenceSpans: [],
    sentences,
    useGroups: groupsOf(roles.filter(isUse)),
    groups: groupsOf(roles),
    contentSentences: [],
    firstCondition: undefined,
    caseNotes: undefined,
    verifiesAll: undefined,
    referral: undefined,
    explore: undefined,
  };
  // Cues are tested lazily, so each flag is worked out only until the block is known to have it.
  sentences.forEach((ms, k) => {
    if (!ms) return;
    const { cues: c, roles: list } = ms;
    const has = (group: string) => list.some((m) => m.group === group);
    const condition = (ms.condition = (has('requirement') || has('test') || has('service')) && c.condition && !CONDITION_RESULT.test(block.sentences[k].text));
    if (!s.link && list.some(isOwn) && ((has('requirement') && !condition) || c.link)) s.link = true;
    if (!condition) {
      if (!s.evidence && ((has('test') && c.result) || (has('service') && (c.verify || c.engaged)))) s.evidence = true;
      if (!s.verifies && (c.verify || c.challenge)) s.verifies = true;
    }
    if (!s.assessed && (has('requirement') || has('service') || has('test')) && c.treatmentAssessed) s.assessed = true;
  });
  for (const r of roles) {
    const ms = sentences[r.sentence]!;
    if (isContent(r) && !s.contentSentences.includes(r.sentence)) s.contentSentences.push(r.sentence);
    if (r.group === 'requirement' || ((r.group === 'test' || r.group === 'service') && ms.condition)) s.firstCondition ??= r;
    // "A DRR is not proposed", "he is unsuitable for an ATR" are decisions, not proposals.
    if (r.group === 'requirement' && !NOT_PROPOSED.test(block.sentences[r.sentence].text)) {
      s.proposedAny ??= r;
      if (ms.cues.proposal) s.proposedCue ??= r;
    }
  }

  // The first minimising and the first abstinence cue that hold up within the block. Whether the block (or
  // the next paragraph) weighs them is decided for the document, so only the first of each can matter.
  const first = block.sentences.length ? block.sentences[0].index : 0;
  for (const c of cueHits) {
    const sentence = doc.sentences[c.sentence];
    if (!sentence) continue;
    const k = c.sentence - first;
    const here = sentences[k]?.roles ?? [];
    if (!s.minimising && (c.group === 'minimising' || c.group === 'minimising-weak' || c.group === 'denial-of-role')) {
      let inContext: boolean;
      if (c.group === 'denial-of-role') inContext = here.some((m) => SUBSTANCE_GROUPS.has(m.group) && m.role !== 'other-person');
      else if (here.length) inContext = here.some(isUse);
      // "He smokes cannabis most evenings. He described it as 'just to relax'." — the framing refers back.
      else if (c.group === 'minimising') inContext = k > 0 && REFERS_BACK.test(sentence.text) && !!sentences[k - 1]?.roles.some(isUse);
      else inContext = false;
      if (inContext && !otherPersonIn(clauseBefore(sentence, c.start)))
        s.minimising = { start: c.start - block.start, end: c.end - block.start, group: c.group, phrase: block.text.slice(c.start - block.start, c.end - block.start), here: here.length ? groupsOf(here) : null };
    }
    if (!s.abstinence && (c.group === 'abstinence' || c.group === 'denial')) {
      const near = here.length > 0 || roles.length > 0 || (k > 0 && !!sentences[k - 1]);
      if (c.group === 'denial' ? !here.some((m) => SUBSTANCE_GROUPS.has(m.group)) : !near) continue;
      if (otherPersonIn(clauseBefore(sentence, c.start))) continue;
      s.abstinence = { start: c.start - block.start, end: c.end - block.start, group: c.group, phrase: block.text.slice(c.start - block.start, c.end - block.start), here: groupsOf(here) };
    }
  }
  return s;
}

function caseNoteFlags(s: BlockSummary): CaseNoteFlags {
  if (!s.caseNotes) {
    const f: CaseNoteFlags = { link: false, evidence: false, engaged: false };
    for (const ms of s.sentences) {
      if (!ms || ms.condition) continue;
      if (ms.roles.some(isOwn) && ms.cues.engaged) f.link = true;
      if (ms.roles.some(isContent)) {
        if (ms.cues.verify) f.evidence = true;
        if (ms.cues.engaged) f.engaged = true;
      }
    }
    s.caseNotes = f;
  }
  return s.caseNotes;
}

/** `blockVerifies(block, false)`: any sentence outside conditions verifies or challenges (abstinence only). */
function verifiesAll(s: BlockSummary, block: Block): boolean {
  return (s.verifiesAll ??= block.sentences.some((x, k) => {
    if (s.sentences[k]?.condition) return false;
    const c = cuesOf(x.text);
    return c.verify || c.challenge;
  }));
}

/** A referral to a provider the lexicon does not know, outside conditions (case-note conditions only). */
function referral(s: BlockSummary, block: Block): boolean {
  return (s.referral ??= block.sentences.some((x, k) => !s.sentences[k]?.condition && REFERRAL_ANY.test(x.text)));
}

function explore(s: BlockSummary, block: Block): ExploreFacts {
  if (s.explore) return s.explore;
  const e: ExploreFacts = { explores: [], count: 0, self: [], followUp: [], followUps: 0 };
  block.sentences.forEach((x, k) => {
    const ms = s.sentences[k];
    e.explores.push(!!ms && !ms.condition && (ms.cues.link || ms.cues.engaged || ms.cues.verify));
    e.self.push(!!ms && (ms.cues.link || CORROBORATED.test(x.text)));
    e.followUp.push(FOLLOW_UP.test(x.text));
    if (e.explores[k]) e.count++;
    if (e.followUp[k]) e.followUps++;
  });
  return (s.explore = e);
}

/** Every block's mentions at absolute offsets, in document order. */
function allMentions(blocks: readonly Block[], summaries: BlockSummary[]): SubstanceMention[] {
  const out: SubstanceMention[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    for (const r of summaries[b].roles) {
      out.push({ start: block.start + r.start, end: block.start + r.end, group: r.group, term: r.term, sentence: block.sentences[r.sentence].index, block: b, role: r.role });
    }
  }
  return out;
}

/**
 * In a contact log each entry is judged on its own: the first use mention whose sentence does not link or weigh
 * a result, in an entry (or a block outside any entry) where no other substance sentence links, engages or
 * verifies, and no other sentence of its block records follow-up.
 */
function firstUnexploredEntry(blocks: readonly Block[], summaries: BlockSummary[]): { role: BlockRole; block: Block } | undefined {
  const perEntry = new Map<number, number>();
  for (let b = 0; b < blocks.length; b++) {
    const entry = blocks[b].entry;
    if (entry !== undefined && summaries[b].roles.length) perEntry.set(entry, (perEntry.get(entry) ?? 0) + explore(summaries[b], blocks[b]).count);
  }
  for (let b = 0; b < blocks.length; b++) {
    const s = summaries[b];
    if (!s.firstUse) continue;
    const block = blocks[b];
    const e = explore(s, block);
    const inScope = block.entry === undefined ? e.count : perEntry.get(block.entry)!;
    for (const r of s.roles) {
      if (r.role !== 'use') continue;
      const k = r.sentence;
      if (e.self[k] || inScope - (e.explores[k] ? 1 : 0) > 0 || e.followUps - (e.followUp[k] ? 1 : 0) > 0) continue;
      return { role: r, block };
    }
  }
  return undefined;
}

/** Block summaries by block text, per lexicon (an organisation's terms make another; a WeakMap lets it go). */
const blockSummaries = new WeakMap<FamilyLexicon, BlockValues<BlockSummary>>();

/** Fills `analysis.categories['substance-misuse']` and the facts the substance rules read. */
export function analyseSubstance(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const lex = lexiconFor(options);
  let memo = blockSummaries.get(lex);
  if (!memo) blockSummaries.set(lex, (memo = new BlockValues()));
  const blocks = doc.blocks;
  const kind = doc.kind;
  const caseNotes = kind === 'case-notes';

  const summaries = memo.of(blocks, (b) => summarise(doc, blocks[b], lex));
  const evidence: Span[] = [];
  let linked = false;
  let evidencedSomewhere = false;
  let anyUse = false;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const s = summaries[b];
    if (!s.roles.length) continue;
    if (s.evidenceAt !== block.start) {
      s.evidenceAt = block.start;
      s.evidenceSpans = s.contentSentences.map((k) => ({ start: block.sentences[k].start, end: block.sentences[k].end }));
    }
    for (const e of s.evidenceSpans) evidence.push(e);
    // Is there analysis? A substance sentence that links to offending/risk/proposal, or a treatment requirement.
    if (!linked && (s.link || (caseNotes && caseNoteFlags(s).link))) linked = true;
    // Evidence sentences anywhere: a test or service sentence with a result, outside the conditions.
    if (!evidencedSomewhere && (s.evidence || (caseNotes && caseNoteFlags(s).evidence))) evidencedSomewhere = true;
    if (s.firstUse) anyUse = true;
  }

  /** Distinct substance groups, in order of first mention, over the use mentions or all of them. */
  const merged = (use: boolean): string[] => {
    const out: string[] = [];
    for (let b = 0; b < summaries.length && out.length < SUBSTANCE_GROUPS.size; b++) for (const g of use ? summaries[b].useGroups : summaries[b].groups) if (!out.includes(g)) out.push(g);
    return out;
  };
  let useGroupsMemo: string[] | undefined;
  const useGroups = () => (useGroupsMemo ??= merged(true)).slice();

  /** In a report, the next paragraph of the same section may carry the basis ("However, his AUDIT score…"). */
  const nextBlockVerifies = (b: number): boolean => {
    const next = blocks[b + 1];
    return !caseNotes && !!next && next.type !== 'heading' && next.section === blocks[b].section && summaries[b + 1].verifies;
  };

  const gaps: SubstanceGap[] = [];

  // --- Unanalysed use: use is described but never linked to offending, risk or the proposal.
  // In a contact log each entry is judged on its own: use reported in an entry should be explored there.
  // In a report, use is judged unanalysed when nothing links it to the offending, risk or proposal and its
  // own paragraph does not weigh it against evidence ("drinks rarely; the custody record shows she was sober").
  let unexplored: { role: BlockRole; block: Block } | undefined;
  if (caseNotes) unexplored = anyUse ? firstUnexploredEntry(blocks, summaries) : undefined;
  else if (!linked) {
    for (let b = 0; b < blocks.length && !unexplored; b++) {
      const s = summaries[b];
      if (s.firstUse && !s.verifies) unexplored = { role: s.firstUse, block: blocks[b] };
    }
  }
  if (unexplored) {
    const s = unexplored.block.sentences[unexplored.role.sentence];
    gaps.push({ kind: 'unanalysed', start: s.start, end: s.end, phrase: unexplored.role.term, substances: useGroups() });
  }

  // --- Minimising framing accepted without challenge (one per paragraph).
  for (let b = 0; b < blocks.length; b++) {
    const s = summaries[b];
    const c = s.minimising;
    if (!c || s.verifies || nextBlockVerifies(b)) continue;
    const at = blocks[b].start;
    gaps.push({ kind: 'minimising', start: at + c.start, end: at + c.end, phrase: c.phrase, substances: c.here ? c.here.slice() : useGroups(), cue: c.group });
  }

  // --- Abstinence or denial taken on the person's word.
  for (let b = 0; b < blocks.length && !evidencedSomewhere; b++) {
    const s = summaries[b];
    const c = s.abstinence;
    if (!c || verifiesAll(s, blocks[b]) || nextBlockVerifies(b)) continue;
    const at = blocks[b].start;
    gaps.push({ kind: 'unverified-abstinence', start: at + c.start, end: at + c.end, phrase: c.phrase, substances: c.here!.slice() });
    break;
  }

  // --- Substance condition (licence or order) with no referral, test or provider contact recorded.
  if (caseNotes) {
    const b = summaries.findIndex((s) => s.firstCondition);
    if (b >= 0) {
      // A provider the lexicon does not know ("Referred to Horizon Recovery; assessment booked").
      const engaged = summaries.some((s) => caseNoteFlags(s).engaged) || summaries.some((s, i) => referral(s, blocks[i]));
      if (!engaged) {
        const first = summaries[b].firstCondition!;
        const at = blocks[b].start;
        gaps.push({ kind: 'condition-no-referral', start: at + first.start, end: at + first.end, phrase: first.term, substances: merged(false) });
      }
    }
  }

  // --- A DRR or ATR proposed without the provider's assessment, suitability or consent.
  if (!caseNotes) {
    for (let b = 0; b < blocks.length; b++) {
      const s = summaries[b];
      const first = blocks[b].section === 'sentencing-proposal' ? s.proposedAny : s.proposedCue;
      if (!first) continue;
      if (!summaries.some((x) => x.assessed)) {
        const at = blocks[b].start;
        gaps.push({ kind: 'treatment-unassessed', start: at + first.start, end: at + first.end, phrase: first.term, substances: merged(false) });
      }
      break;
    }
  }

  // --- A report (or its lifestyle section) silent on drink and drugs.
  const covered = options.context?.categoriesCovered?.includes('substance-misuse');
  const lifestyleSection = options.section === 'behaviour-lifestyle' || (kind === 'section' && doc.blocks.some((b) => b.section === 'behaviour-lifestyle'));
  const silent = !evidence.length;
  if (silent && !covered && (kind === 'psr' || (kind === 'section' && lifestyleSection))) {
    const heading = analysis.sections.find((s) => s.id === 'behaviour-lifestyle');
    const block = heading ? doc.blocks.find((b) => b.start >= heading.start) : doc.blocks[0];
    const start = block?.start ?? 0;
    const end = block?.end ?? Math.min(doc.text.length, 1);
    gaps.push({ kind: 'not-addressed', start, end, phrase: doc.text.slice(start, end), substances: [] });
  }

  gaps.sort((a, b) => a.start - b.start);
  let mentions: SubstanceMention[] | undefined;
  facts.set(analysis, {
    // Built on first read: the rules need only the gaps, so a lint does not place every mention.
    get mentions() {
      return (mentions ??= allMentions(blocks, summaries));
    },
    gaps,
    linked,
  });

  // --- Coverage for the Analysis contract (evidence: each sentence with a mention of the person's own use, support or a negation).
  const required = kind === 'psr' || (kind === 'section' && lifestyleSection) || !silent;
  const reasons: string[] = [];
  if (anyUse) reasons.push(`Use indicated: ${useGroups().join(', ')}.`);
  else if (!silent) reasons.push('Drink and drugs are discussed; no current use indicated.');
  if (linked && kind !== 'case-notes') reasons.push('Linked to offending, risk or the proposal.');
  for (const g of gaps) reasons.push(REASON[g.kind]);
  analysis.categories['substance-misuse'] = {
    status: covered ? 'covered' : gaps.some((g) => g.kind === 'not-addressed') ? 'missing' : gaps.length ? 'partial' : !silent ? 'covered' : 'missing',
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
