/**
 * Professional curiosity: finds events and changes that a curious practitioner follows up (a new partner,
 * a move, a job lost, a missed appointment, a bereavement...) and decides whether the text goes on to
 * explore them; also finds optimistic claims ("out of character", "one-off") and tests them against the
 * history the same document gives.
 *
 * Everything that depends only on one block's text (its trigger, cue, claim and history hits, and the
 * judgements about each hit and sentence) is worked out once and cached by that text (see `blockMemo`), so
 * re-linting after a keystroke re-reads only the edited block; the document-level work (windows over
 * neighbouring sentences, dedupe across the document) is a pass over those cached facts.
 */
import type { Block, Doc, Hit, Sentence } from '../document.js';
import { compileLexicon, type CompiledLexicon } from '../lexicon.js';
import { BlockValues, TextMemo, SENTENCES, onClearMemos } from '../memo.js';
import type { Analysis, CuriosityEvent, LintOptions, SectionId } from '../types.js';
import eventsData from '../../rules/lexicons/events.json' with { type: 'json' };
import cuesData from '../../rules/lexicons/curiosity-cues.json' with { type: 'json' };
import optimismData from '../../rules/lexicons/curiosity-optimism.json' with { type: 'json' };

/** One event type from rules/lexicons/events.json. */
export interface EventType {
  id: string;
  label: string;
  /** Short question used as the finding's message. */
  message: string;
  prompts: string[];
  terms: string[];
  /** In a report, the sentence must also contain one of these (compiled), else the mention is the index offence or history. */
  reportsRequire?: CompiledLexicon;
  /** In a report, a sentence containing one of these describes the index offence and is skipped. */
  reportsExclude?: CompiledLexicon;
  /** Follow-up evidence specific to this type: a check, contact or action that only makes sense for it. */
  explores?: CompiledLexicon;
  /** Words showing a sentence is on this type's subject ("tenancy", "landlord" for an eviction). */
  about: AboutWords;
  /** Position in the lexicon: breaks ties when two events in one sentence start at the same place. */
  priority: number;
}

/** Event types in lexicon order. */
export const EVENT_TYPES: readonly EventType[] = Object.entries(
  eventsData.entries as Record<
    string,
    {
      label: string;
      message: string;
      prompts: string[];
      terms: string[];
      reportsRequire?: string[];
      reportsExclude?: string[];
      explores?: string[];
      about?: string[];
    }
  >,
).map(([id, e], priority) => ({
  id,
  label: e.label,
  message: e.message,
  prompts: e.prompts,
  terms: e.terms,
  reportsRequire: e.reportsRequire?.length ? compileLexicon(`events-${id}-require`, { [id]: e.reportsRequire }) : undefined,
  reportsExclude: e.reportsExclude?.length ? compileLexicon(`events-${id}-exclude`, { [id]: e.reportsExclude }) : undefined,
  // One lexicon per type: the same follow-up wording (an SPO told, a DA check) can explore several types,
  // and one shared alternation would give each stretch of text to one type only.
  explores: e.explores?.length ? compileLexicon(`events-${id}-explores`, { [id]: e.explores }) : undefined,
  about: aboutWords(e.about ?? []),
  priority,
}));

const TYPE_BY_ID = new Map(EVENT_TYPES.map((t) => [t.id, t]));

/** The pseudo event type under which optimistic claims appear in `analysis.events`. */
export const OPTIMISM_TYPE = 'optimism-claim';

const eventLexicon = compileLexicon('events', Object.fromEntries(EVENT_TYPES.map((t) => [t.id, t.terms])));
const cueLexicon = compileLexicon('curiosity-cues', cuesData.groups);
const negationLexicon = compileLexicon('curiosity-negation', { negation: cuesData.extra.negation });
const hypotheticalLexicon = compileLexicon('curiosity-hypothetical', { hypothetical: cuesData.extra.hypothetical });
const claimLexicon = compileLexicon('curiosity-optimism', optimismData.groups);
const historyLexicon = compileLexicon('curiosity-history', {
  contradicts: optimismData.extra.contradicts,
  supports: optimismData.extra.supports,
});

/** An optimistic claim and what the document's history says about it. */
export interface OptimismClaim {
  start: number;
  end: number;
  claim: string;
  /** History in the same document that cuts against the claim, if any. */
  contradictedBy?: { start: number; end: number; text: string };
  /** The text examines the claim (a source confirms it, or the record shows no history). */
  examined: boolean;
}

/** Internal facts the curiosity rules read. */
export interface CuriosityFacts {
  events: (CuriosityEvent & { sentence: number; trigger: string })[];
  optimism: OptimismClaim[];
}

const facts = new WeakMap<Analysis, CuriosityFacts>();

/** The curiosity facts computed for an analysis (empty when the analyser has not run). */
export function curiosityFacts(analysis: Analysis): CuriosityFacts {
  return facts.get(analysis) ?? { events: [], optimism: [] };
}

/** Types that, inside an offence analysis, almost always describe the index offence itself. */
const INDEX_OFFENCE_TYPES = new Set(['arrest-police', 'police-callout', 'injury', 'behaviour-complaint', 'relapse', 'released-known-person']);
/** Events that recur as separate incidents: an earlier one being explored says nothing about the next. */
const INCIDENT_TYPES = new Set(['non-compliance', 'relapse', 'arrest-police', 'police-callout', 'behaviour-complaint', 'injury', 'device-social-media']);
/** Changes that run as one story over several contacts: a later mention soon after an explored one continues it. */
const STORY_TYPES = new Set(['bereavement', 'children-pregnancy', 'eviction-housing-loss', 'medication-stopped', 'job-loss', 'new-job', 'travel']);
const SOURCES_LABEL = /^(?:basis|sources?|information|info used)\b/i;
/** Four-digit years, found through `doc.hits` so the scan is cached per block. */
const yearLexicon = compileLexicon('curiosity-years', { year: ['/\\b(?:19|20)\\d{2}\\b/'] });
/** A year used as a date ("in 2020", "summer of 2023", "3 May 2021", "14/02/2019"), not a model year ("a 2019 Audi"). */
const DATED_YEAR = /(?:\b(?:in|since|during|from|of|until|by|around|about|between|and)\s+|\b\d{1,2}(?:st|nd|rd|th)?\s+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+|\b\d{1,2}[/.-]\d{1,2}[/.-])((?:19|20)\d{2})\b/gi;
/** Phrases that place an event in the person's past rather than the present. */
const LONG_AGO = /\b(?:as a (?:child|boy|girl|teenager|baby|toddler)|in (?:his|her|their) (?:childhood|teens|early teens)|during (?:his|her|their) childhood|growing up|(?:when|while) (?:he|she|they) (?:was|were) (?:young|little|a (?:child|boy|girl|teenager)|\d{1,2}|at school|in care)|(?:many|several|\d+|ten|five) years ago|at primary school|before (?:his |her |their |the )?(?:sentence|sentencing|custody|prison sentence)|prior to (?:custody|sentence|his sentence|her sentence))\b/i;
/** Released-person triggers preceded by the person themselves ("he was released", "since her release") are their own release. */
const SELF_SUBJECT = /\b(?:he|she|they|pop|i)(?:['’]s| has| had| was| were| is| have)?(?: just| recently| only)?(?: been)?\s*$/i;
const RECENT = /\b(?:recent(?:ly)?|just|now|currently|last (?:week|night|month|weekend)|this (?:week|month|year|morning)|yesterday|today)\b/i;
/** A subordinator between a negator and the trigger starts a new clause: "has not worked since he lost his job". */
const CLAUSE_BREAK = /[,;:()—–]|\b(?:but|although|though|since|after|because|when|as|until|before|and then|however)\b/gi;
const AFTER_NEGATION = /^[^.;]{0,40}?(?:,\s*|\s[—–-]\s*)(?:none|nothing|no)\b(?! longer)[^.;]{0,25}\b(?:reported|disclosed|identified|found|noted|recorded|seen)/i;
const ANAPHORIC = /\b(?:the|this|that|these|those)\s+$/i;
/** An incident placed at another time than the offence ("police came out in March") is history, not the index offence. */
const EARLIER_OCCASION = /\b(?:in (?:january|february|march|april|june|july|august|september|october|november|december)|last (?:year|month|summer|winter|spring|autumn)|(?:weeks|months|a year|years) (?:before|earlier|ago)|previously|on (?:an )?(?:earlier|previous|other|another) occasions?)\b/i;
/** Words that make the rest of a sentence the time or cause of the event before them. */
const SUBORDINATE = /\b(?:when|after|because|since|once|following)\b/i;

const NEAR_WORDS = 6;
/** How far back in the same paragraph or entry a type-specific check still counts. */
const WINDOW_BEFORE = 3;
/**
 * How far into the same paragraph or entry a follow-up is looked for. Later sentences must refer back
 * to the event (see `Context.refersBack`), so the window can cover a whole case-note entry.
 */
const WINDOW_SENTENCES = 12;
/** Short fragments ("No arrests;") should not use up the window: it runs on to at least this many characters. */
const WINDOW_CHARS = 600;
const LATER_ENTRIES = 4;
const LATER_PARAGRAPHS = 2;

interface Candidate {
  type: EventType;
  hit: EventHit;
  /** Absolute offset of the trigger. */
  start: number;
  sentence: Sentence;
  /** End of the report of the event: its sentence, or the next one when that continues the same event. */
  end: number;
}

/**
 * What the analyser reads from one block, worked out from the block's text alone: its hits (offsets and
 * sentence indices relative to the block, so the memo still holds when an edit elsewhere moves the block)
 * and judgements about each hit and sentence, filled on first use. Anything that depends on the rest of
 * the document (the person's surname, the latest year, the section, neighbouring blocks) is applied per lint.
 */
interface BlockMemo {
  /** The block's text (the block's own copy from `Doc`, not a slice of the document). */
  text: string;
  sentences: SentenceMemo[];
  events: EventHit[];
  claims: ClaimHit[];
  history: HistoryHit[];
  /** Latest four-digit year in the block (0 for none): the document's latest date is the max over blocks. */
  maxYear: number;
  /** The block's label introduces a sources or basis line ("Basis:"). */
  sourcesLabel: boolean;
  /** Sentences (relative) carrying a follow-up cue specific to an event type, by type id; filled per type on first use. */
  typeCues: Map<string, Set<number>>;
  /** The general cues (`SentenceMemo.cues`) have been read: only blocks near an event or claim need them. */
  cuesRead: boolean;
}

/** One sentence of a cached block. Optional fields are judgements filled on first use. */
interface SentenceMemo {
  text: string;
  /** Offset of the sentence in its block. */
  start: number;
  /** Event types triggered in the sentence, filters aside (a later "the lapse" still refers back to the lapse). */
  raw?: Set<string>;
  /** General follow-up cue groups from cues outside quoted speech (see `Context.cueGroups`). */
  cues?: Set<string>;
  /** Cues that open with a title ("Ms SURNAME told me"): whether they count depends on the person's surname. */
  titledCues?: { group: string; lower: string }[];
  titledFor?: { surname: string | undefined; groups: Set<string> | undefined };
  facts?: SentenceFacts;
  actorsFor?: { surname: string | undefined; actors: Set<string> };
  /** -1 when the sentence places itself long ago; else the newest year it dates something to, 0 when none counts. */
  dated?: number;
  earlierOccasion?: boolean;
  /** Ends with a semicolon or colon: the next sentence is still its clause. */
  clauseEnd?: boolean;
  /** Opens by pointing back ("This was...") or takes "this" as its object. */
  anaphor?: boolean;
  contrast?: boolean;
}

/** A trigger from the events lexicon, relative to its block. */
interface EventHit {
  type: EventType | undefined;
  start: number;
  end: number;
  /** Sentence index within the block, -1 for none. */
  sentence: number;
  trigger: string;
  /** Content words of the trigger, for telling whether two mentions say the same thing. */
  words: string[];
  wordSet: Set<string>;
  /** The trigger's words without the generic ones ("been", "started"), and their stems. */
  specific: string[];
  keys: Set<string>;
  reportSkip?: boolean;
  nonEvent?: boolean;
  /** For released-person triggers: preceded by the person themselves, and the clause before the trigger. */
  selfSubject?: boolean;
  releaseClause?: string;
  releaseFor?: { surname: string; self: boolean };
}

/** An optimistic claim, relative to its block. */
interface ClaimHit {
  start: number;
  end: number;
  sentence: number;
  text: string;
  /** Negated just before ("this was not an isolated incident"). */
  negated?: boolean;
}

/** A history cue (supports or contradicts a claim), relative to its block. */
interface HistoryHit {
  start: number;
  end: number;
  sentence: number;
  group: string;
  text: string;
  /** Names an order, which is taken out against the person whoever the sentence starts with. */
  order: boolean;
  nonEvent?: boolean;
  /** The clause's subject when it is someone else: a lower-cased surname, '' for a relative or role, null for none. */
  subject?: string | null;
}

const ORDER = /\border\b/i;
const CLAUSE_END = /[;:]\s*$/;

/** Per-block memos, keyed by the block's text (see core/memo.ts). */
const blockMemos = new BlockValues<BlockMemo>();
onClearMemos(() => {
  surnameHead = undefined;
  surnameFound = null;
});

/**
 * Reads a block's hits (through the document's per-block hit cache) into a memo. Strings kept in the memo
 * are cut from `text`, the block's own copy of its text (never a slice of the whole document, which
 * would keep every past version of the document alive).
 */
function buildBlockMemo(doc: Doc, block: Block, text: string): BlockMemo {
  const s0 = block.sentences.length ? block.sentences[0].index : 0;
  const sentenceOf = (h: Hit) => (h.sentence < 0 ? -1 : h.sentence - s0);
  // Every field is present from the start (filled later), so all memos share one shape and reads stay fast.
  const sentences = block.sentences.map(
    (s): SentenceMemo => ({
      text: text.slice(s.start - block.start, s.end - block.start),
      start: s.start - block.start,
      raw: undefined,
      cues: undefined,
      titledCues: undefined,
      titledFor: undefined,
      facts: undefined,
      actorsFor: undefined,
      dated: undefined,
      earlierOccasion: undefined,
      clauseEnd: undefined,
      anaphor: undefined,
      contrast: undefined,
    }),
  );

  const events = doc.hitsInBlock(eventLexicon, block.index).map((h): EventHit => {
    const start = h.start - block.start;
    const end = h.end - block.start;
    const trigger = text.slice(start, end);
    const words = contentWords(trigger);
    const specific = words.filter((w) => !GENERIC_TRIGGER_WORDS.has(w));
    const sentence = sentenceOf(h);
    if (sentence >= 0) (sentences[sentence].raw ??= new Set()).add(h.group);
    return {
      type: TYPE_BY_ID.get(h.group),
      start,
      end,
      sentence,
      trigger,
      words,
      wordSet: new Set(words),
      specific,
      keys: new Set(specific.map(stemKey)),
      reportSkip: undefined,
      nonEvent: undefined,
      selfSubject: undefined,
      releaseClause: undefined,
      releaseFor: undefined,
    };
  });

  const claims = doc.hitsInBlock(claimLexicon, block.index).map(
    (h): ClaimHit => ({
      start: h.start - block.start,
      end: h.end - block.start,
      sentence: sentenceOf(h),
      text: text.slice(h.start - block.start, h.end - block.start),
      negated: undefined,
    }),
  );
  const history = doc.hitsInBlock(historyLexicon, block.index).map((h): HistoryHit => {
    const hitText = text.slice(h.start - block.start, h.end - block.start);
    return {
      start: h.start - block.start,
      end: h.end - block.start,
      sentence: sentenceOf(h),
      group: h.group,
      text: hitText,
      order: ORDER.test(hitText),
      nonEvent: undefined,
      subject: undefined,
    };
  });
  let maxYear = 0;
  for (const h of doc.hitsInBlock(yearLexicon, block.index)) maxYear = Math.max(maxYear, Number(text.slice(h.start - block.start, h.end - block.start)));

  return {
    text,
    sentences,
    events,
    claims,
    history,
    maxYear,
    sourcesLabel: !!block.label && SOURCES_LABEL.test(block.label),
    typeCues: new Map(),
    cuesRead: false,
  };
}

/** Fills the general follow-up cues of a block's sentences. */
function readCues(doc: Doc, block: Block, memo: BlockMemo): void {
  const s0 = block.sentences.length ? block.sentences[0].index : 0;
  for (const h of doc.hitsInBlock(cueLexicon, block.index)) {
    if (h.sentence < 0) continue;
    const s = memo.sentences[h.sentence - s0];
    const start = h.start - block.start;
    // Cues inside quoted speech are the person's words ("sometimes I think..."), not follow-up.
    if (inQuote(s.text, start - s.start)) continue;
    const hitText = memo.text.slice(start, h.end - block.start);
    if (SELF_TITLE.test(hitText)) (s.titledCues ??= []).push({ group: h.group, lower: hitText.toLowerCase() });
    else (s.cues ??= new Set()).add(h.group);
  }
  memo.cuesRead = true;
}

/** Relative indices of a block's sentences carrying a follow-up cue from `lexicon` (an event type's `explores`). */
function typeCueSentences(doc: Doc, block: Block, lexicon: CompiledLexicon): Set<number> {
  const set = new Set<number>();
  for (const h of doc.hitsInBlock(lexicon, block.index)) {
    const hs = doc.sentences[h.sentence];
    if (!hs || inQuote(hs.text, h.start - hs.start)) continue;
    // "He confirmed the address" is the person's own word, not a check.
    if (PERSON_SUBJECT.test(hs.text.slice(Math.max(0, h.start - hs.start - 24), h.start - hs.start))) continue;
    set.add(h.sentence - block.sentences[0].index);
  }
  return set;
}

/** Events dated three or more years before the latest date are background: see `Context.historical`. */
function datedYear(text: string): number {
  if (LONG_AGO.test(text)) return -1;
  let newest = 0;
  for (const m of text.matchAll(DATED_YEAR)) newest = Math.max(newest, Number(m[1]));
  if (!newest || RECENT.test(text)) return 0;
  return newest;
}

let surnameHead: string | undefined;
let surnameFound: string | null = null;
/** The person's surname from a header line ("Name: Jo BLOGGS", "BLOGGS, Jo"); the last answer is kept, keyed by the head of the text. */
function surnameOf(text: string): string | null {
  const head = text.slice(0, 800);
  if (head !== surnameHead) {
    const m = /\b[A-Z][a-z]+ ([A-Z]{2,}(?:-[A-Z]{2,})?)\b/.exec(head) ?? /\b([A-Z]{2,}(?:-[A-Z]{2,})?), [A-Z][a-z]+/.exec(head);
    const word = m?.[1];
    surnameFound = word && !/^(?:PSR|CRN|PNC|DOB|HMP|OASYS|PDU|CPS|MC)$/.test(word) ? word : null;
    surnameHead = head;
  }
  return surnameFound;
}

/** Fills `analysis.events` and the internal curiosity facts. */
export function analyseEvents(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const ctx = new Context(doc, options);
  const candidates = ctx.candidates();
  const events: CuriosityFacts['events'] = [];
  // In a contact log, a later mention in the same words of an event already explored is a follow-up, not a new event.
  // A change of circumstances that runs as one story (a death, a pregnancy, a lost tenancy) explored within the
  // last few entries is the same story continuing ("grandmother died" ... "funeral is on Friday"); a new
  // address, partner or disclosure of distress a few entries on is a new event and is judged on its own.
  const exploredWords = new Map<string, Set<string>>();
  const exploredEntry = new Map<string, number>();
  for (const c of candidates) {
    const words = c.hit.specific;
    const known = exploredWords.get(c.type.id);
    const entry = doc.blocks[c.sentence.block].entry;
    const lastEntry = exploredEntry.get(c.type.id);
    const continuing =
      doc.kind === 'case-notes' &&
      !INCIDENT_TYPES.has(c.type.id) &&
      ((!!known && sharesWord(words, known)) ||
        (STORY_TYPES.has(c.type.id) && lastEntry !== undefined && entry !== undefined && entry - lastEntry <= LATER_ENTRIES));
    const explored = continuing || ctx.explored(c);
    if (explored) {
      if (known) for (const w of words) known.add(w);
      else exploredWords.set(c.type.id, new Set(words));
      if (entry !== undefined) exploredEntry.set(c.type.id, entry);
    }
    events.push({
      type: c.type.id,
      label: c.type.label,
      start: c.start,
      end: c.end,
      explored,
      prompts: c.type.prompts,
      sentence: c.sentence.index,
      trigger: c.hit.trigger,
    });
  }
  // "Relapsed ... when he lost his room": an event told as the when or why of an earlier event in the same
  // sentence is part of that event's story, so following up the main event covers it.
  for (const e of events) {
    if (e.explored) continue;
    for (const main of events) {
      if (main === e || !main.explored || main.sentence !== e.sentence || main.start >= e.start) continue;
      if (SUBORDINATE.test(doc.text.slice(main.start, e.start))) e.explored = true;
      break;
    }
  }
  const optimism = ctx.optimism();
  for (const o of optimism) {
    const s = doc.sentenceAt(o.start);
    events.push({
      type: OPTIMISM_TYPE,
      label: 'optimistic claim',
      start: o.start,
      end: s ? Math.max(o.end, s.end) : o.end,
      explored: o.examined && !o.contradictedBy,
      prompts: OPTIMISM_PROMPTS,
      sentence: s?.index ?? -1,
      trigger: o.claim,
    });
  }
  events.sort((a, b) => a.start - b.start);
  analysis.events = events.map(({ type, label, start, end, explored, prompts }) => ({ type, label, start, end, explored, prompts }));
  facts.set(analysis, { events, optimism });
}

/** Follow-up questions for an optimistic claim. */
export const OPTIMISM_PROMPTS = [
  'Does the history support the claim — previous convictions, call-outs, other incidents, witness accounts?',
  'What evidence is there for it, and from which source?',
  'If the history points the other way, how does the assessment account for it?',
];

/** Sentence-level judgements are cached by sentence text: they do not depend on the rest of the document. */
const clauseMemo = new TextMemo<boolean>(SENTENCES);
function memo(key: string, make: () => boolean): boolean {
  let v = clauseMemo.get(key);
  if (v === undefined) {
    v = make();
    clauseMemo.set(key, v);
  }
  return v;
}

/** The words of the clause just before `rel` (relative offset into `text`), at most NEAR_WORDS of them. */
function clauseBefore(text: string, rel: number): string {
  const before = text.slice(0, rel);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(before))) cut = m.index + m[0].length;
  const words = before.slice(cut).trim().split(/\s+/).filter(Boolean);
  return words.slice(-NEAR_WORDS).join(' ');
}

/** True when the trigger at `rel` in a sentence is negated, hypothetical or a back-reference. */
export function isNonEvent(sentenceText: string, rel: number, relEnd: number): boolean {
  return memo(`${rel}:${relEnd}:${sentenceText}`, () => {
    const near = clauseBefore(sentenceText, rel);
    if (near && negationLexicon.test(near)) return true;
    if (near && hypotheticalLexicon.test(near)) return true;
    if (AFTER_NEGATION.test(sentenceText.slice(relEnd))) return true;
    // "the lapse", "this eviction": a one-word trigger after a determiner refers back to an event already reported.
    const trigger = sentenceText.slice(rel, relEnd);
    if (!/\s/.test(trigger) && ANAPHORIC.test(sentenceText.slice(Math.max(0, rel - 12), rel))) return true;
    return false;
  });
}

class Context {
  /** The cached memo of each block, by block index. */
  private readonly memos: BlockMemo[];
  /** The cached memo of each sentence, by sentence index. */
  private readonly sents: SentenceMemo[];
  private readonly surname: string | null;
  private readonly surnameLower: string | undefined;
  private docYear: number | undefined;

  constructor(
    readonly doc: Doc,
    readonly options: LintOptions,
  ) {
    const { blocks } = doc;
    this.memos = blockMemos.of(blocks, (b) => buildBlockMemo(doc, blocks[b], blocks[b].text));
    // Sized up front: growing an array of this length by push allocates about three times the memory.
    this.sents = new Array(doc.sentences.length);
    let n = 0;
    for (const memo of this.memos) for (const s of memo.sentences) this.sents[n++] = s;
    this.surname = surnameOf(doc.text);
    this.surnameLower = this.surname?.toLowerCase();
  }

  private sectionOf(block: Block): SectionId | undefined {
    return block.section ?? (this.doc.kind === 'section' ? this.options.section : undefined);
  }

  /** Blocks that only list or report sources (a sources section, a "Basis:" line) or are document furniture. */
  private skipBlock(block: Block): boolean {
    if (block.type === 'heading' || block.type === 'table-row') return true;
    if (this.sectionOf(block) === 'sources') return true;
    if (this.memos[block.index].sourcesLabel) return true;
    // The header of a contact log (order, licence, release details) comes before the first dated entry.
    if (this.doc.kind === 'case-notes' && block.entry === undefined) return true;
    return false;
  }

  private latestYear(): number {
    if (this.docYear === undefined) {
      let max = 0;
      for (const m of this.memos) max = Math.max(max, m.maxYear);
      this.docYear = max;
    }
    return this.docYear;
  }

  /** Events dated three or more years before the latest date in the document are background, not change. */
  private historical(s: SentenceMemo): boolean {
    const dated = (s.dated ??= datedYear(s.text));
    return dated < 0 || (dated > 0 && dated <= this.latestYear() - 3);
  }

  /** The person's own release: "he was released from prison in May", "Mr SURNAME got out in March". */
  private selfRelease(hit: EventHit, s: SentenceMemo): boolean {
    if (hit.selfSubject === undefined) {
      const before = s.text.slice(0, hit.start - s.start);
      hit.selfSubject = SELF_SUBJECT.test(before);
      hit.releaseClause = before.split(/[,;:]/).pop() ?? '';
    }
    if (hit.selfSubject) return true;
    const { surname } = this;
    if (!surname) return false;
    if (hit.releaseFor?.surname !== surname) {
      hit.releaseFor = { surname, self: new RegExp(`\\b${surname}\\b`, 'i').test(hit.releaseClause ?? '') };
    }
    return hit.releaseFor.self;
  }

  private factsOf(s: SentenceMemo): SentenceFacts {
    return (s.facts ??= sentenceFacts(s.text));
  }

  /** People a sentence names (other than the person on probation) and relatives or roles it mentions. */
  private actors(s: SentenceMemo): Set<string> {
    const surname = this.surnameLower;
    if (!s.actorsFor || s.actorsFor.surname !== surname) {
      const f = this.factsOf(s);
      const actors = new Set(f.kin);
      for (const n of f.names) if (n !== surname) actors.add(n);
      s.actorsFor = { surname, actors };
    }
    return s.actorsFor.actors;
  }

  /** One candidate per (sentence, type): the hits that survive the structural and linguistic filters. */
  candidates(): Candidate[] {
    const { doc } = this;
    const isReport = doc.kind !== 'case-notes';
    const out: Candidate[] = [];
    /** (sentence, type) pairs that already have a candidate, as sentence × number of types + type priority. */
    const seen = new Set<number>();
    const reported = new Map<string, { words: Set<string>; actors: Set<string> }[]>();
    const lastOfType = new Map<string, Candidate>();
    for (const block of doc.blocks) {
      const memo = this.memos[block.index];
      if (!memo.events.length || this.skipBlock(block)) continue;
      const s0 = block.sentences.length ? block.sentences[0].index : 0;
      const offenceAnalysis = isReport && this.sectionOf(block) === 'offence-analysis';
      for (const hit of memo.events) {
        const { type } = hit;
        if (!type || hit.sentence < 0) continue;
        const index = s0 + hit.sentence;
        const key = index * EVENT_TYPES.length + type.priority;
        if (seen.has(key)) continue;
        const s = memo.sentences[hit.sentence];
        if (offenceAnalysis && INDEX_OFFENCE_TYPES.has(type.id) && !(s.earlierOccasion ??= EARLIER_OCCASION.test(s.text))) continue;
        if (isReport && (hit.reportSkip ??= (!!type.reportsRequire && !type.reportsRequire.test(s.text)) || (!!type.reportsExclude && type.reportsExclude.test(s.text))))
          continue;
        // In a report, a later mention of the same kind of event in the same words is the same event again
        // ("19 weeks pregnant" ... "since finding out she was pregnant").
        // Only when nobody new is involved: "Ms A moved into the house next door" and "his grandson moved into
        // the spare room" share a verb but are two events.
        const actors = this.actors(s);
        const earlier = reported.get(type.id);
        if (isReport && earlier && reportedBefore(earlier, hit.words, actors)) continue;
        if ((hit.nonEvent ??= isNonEvent(s.text, hit.start - s.start, hit.end - s.start))) continue;
        if (this.historical(s)) continue;
        if (type.id === 'released-known-person' && this.selfRelease(hit, s)) continue;
        // The same kind of event in the next sentence of the same paragraph is the same event told in two parts.
        const sentence = doc.sentences[index];
        const prev = lastOfType.get(type.id);
        if (prev && prev.sentence.block === sentence.block && sentence.index - prev.sentence.index === 1 && sameActors(this.actors(this.sents[prev.sentence.index]), actors)) {
          prev.end = sentence.end;
          continue;
        }
        seen.add(key);
        if (earlier) earlier.push({ words: hit.wordSet, actors });
        else reported.set(type.id, [{ words: hit.wordSet, actors }]);
        const candidate = { type, hit, start: block.start + hit.start, sentence, end: sentence.end };
        lastOfType.set(type.id, candidate);
        out.push(candidate);
      }
    }
    return out;
  }

  /**
   * Follow-up cues of sentence `i`: the general cue groups (verified, contacted, action, analysed) it carries,
   * or undefined for none. Cues inside quoted speech are the person's words ("sometimes I think..."), not
   * follow-up (dropped when the block's cues are read, see `readCues`).
   */
  private cueGroups(i: number): Set<string> | undefined {
    const s = this.sents[i];
    if (!s) return undefined;
    const b = this.doc.sentences[i].block;
    if (!this.memos[b].cuesRead) readCues(this.doc, this.doc.blocks[b], this.memos[b]);
    if (!s.titledCues) return s.cues;
    // "Ms SURNAME told me" is the person's own account, not a third party confirming it ("Mrs" and "Dr"
    // with the same surname are usually relatives or professionals, so only the everyday titles are dropped).
    const surname = this.surnameLower;
    if (!s.titledFor || s.titledFor.surname !== surname) {
      const groups = new Set(s.cues);
      for (const t of s.titledCues) if (!(surname && t.lower.includes(surname))) groups.add(t.group);
      s.titledFor = { surname, groups: groups.size ? groups : undefined };
    }
    return s.titledFor.groups;
  }

  /**
   * Whether sentence `i` carries a follow-up cue specific to `type` (its `explores` list). Looked up per
   * block, only for the blocks around candidate events, and kept with the block's memo.
   */
  private typeCue(type: EventType, i: number): boolean {
    if (!type.explores) return false;
    const s = this.doc.sentences[i];
    const block = this.doc.blocks[s.block];
    const memo = this.memos[s.block];
    let set = memo.typeCues.get(type.id);
    if (!set) memo.typeCues.set(type.id, (set = typeCueSentences(this.doc, block, type.explores)));
    return set.has(i - block.sentences[0].index);
  }

  /**
   * Index of the last sentence the candidate's report covers: an event told in two sentences covers both,
   * and a clause after a semicolon or colon ("...known to police; I have made a referral") is still its sentence.
   */
  private lastSentence(c: Candidate): number {
    let i = c.sentence.index;
    const { sentences } = this.doc;
    while (
      i + 1 < sentences.length &&
      sentences[i + 1].block === c.sentence.block &&
      (sentences[i + 1].start < c.end || (this.sents[i].clauseEnd ??= CLAUSE_END.test(sentences[i].text))) &&
      i - c.sentence.index < 3
    )
      i++;
    return i;
  }

  /**
   * What a later sentence must share to be about this event: the stems of the trigger's words
   * ("evicted" → "the eviction"), and the people the event's sentence names — proper names (not the
   * person's own surname) and relatives or roles ("his brother", "the landlord").
   */
  private refs(c: Candidate, last: number): EventRefs {
    const surname = this.surnameLower;
    const names = new Set<string>();
    const kin = new Set<string>();
    for (let i = c.sentence.index; i <= last; i++) {
      const f = this.factsOf(this.sents[i]);
      for (const n of f.names) if (n !== surname) names.add(n);
      for (const k of f.kin) kin.add(k);
    }
    return { keys: c.hit.keys, names, kin };
  }

  /**
   * Whether sentence `i` refers back to the event: it repeats a trigger stem, names the same person or
   * relative, reports the same kind of event, or — straight after the event — opens with "This"/"It" or
   * has a follow-up verb taking "this" as its object ("confirmed this").
   */
  private refersBack(c: Candidate, refs: EventRefs, i: number, adjacent: boolean): boolean {
    const s = this.sents[i];
    if (s.raw?.has(c.type.id)) return true;
    const f = this.factsOf(s);
    for (const k of refs.keys) if (f.keys.has(k)) return true;
    for (const n of refs.names) if (f.names.has(n)) return true;
    for (const k of refs.kin) if (f.kin.has(k)) return true;
    if (aboutTypes(f).has(c.type.id)) return true;
    return adjacent && (s.anaphor ??= ANAPHOR_START.test(s.text) || ANAPHOR_OBJECT.test(s.text));
  }

  /**
   * An event is explored when its own sentence carries a follow-up cue, or a following sentence of the
   * same paragraph (or case-note entry) does so and is about this event: a cue specific to the event type
   * (a DA check for a new partner, a GP contacted for low mood), or a general cue (verified, contacted,
   * action, analysis) in a sentence that refers back to the event. A relative confirming something about
   * his drinking says nothing about the hopelessness he disclosed a sentence earlier. In a contact log a
   * later entry that returns to the event with a cue also counts (see `exploredLater`).
   */
  explored(c: Candidate): boolean {
    const { doc } = this;
    const last = this.lastSentence(c);
    for (let i = c.sentence.index; i <= last; i++) if (this.hasCue(c.type, i)) return true;
    const block = doc.blocks[c.sentence.block];
    // A check specific to this kind of event just before it in the same entry or paragraph ("HV at the
    // new address. He moved in on Monday.") is about it too.
    // In a report the sentences before are usually background, so this holds for contact logs only.
    const before = doc.kind === 'case-notes' ? WINDOW_BEFORE : 0;
    for (let i = c.sentence.index - 1; i >= 0 && i >= c.sentence.index - before && this.sameUnit(block, doc.sentences[i]); i--) {
      if (this.typeCue(c.type, i)) return true;
    }
    let refs: EventRefs | undefined;
    let chain: EventRefs | undefined;
    let linked = last;
    let chars = 0;
    for (let i = last + 1, n = 0; i < doc.sentences.length && (n < WINDOW_SENTENCES || chars < WINDOW_CHARS); i++, n++) {
      const s = doc.sentences[i];
      if (!this.sameUnit(block, s)) break;
      chars += s.end - s.start;
      if (this.typeCue(c.type, i)) return true;
      if (!this.cueGroups(i)) {
        // A sentence about the event with no follow-up of its own ("PoP rang to say her aunt was in hospital")
        // hands its people on to the next one ("OM rang the ward, who confirmed the aunt was admitted").
        if (i === linked + 1 && this.cueGroups(i + 1)) {
          refs ??= this.refs(c, last);
          if (this.refersBack(c, refs, i, i === last + 1)) {
            const f = this.factsOf(this.sents[i]);
            chain = { keys: (chain ?? refs).keys, names: new Set([...(chain ?? refs).names, ...[...f.names].filter((n) => n !== this.surnameLower)]), kin: new Set([...(chain ?? refs).kin, ...f.kin]) };
            linked = i;
          }
        }
        continue;
      }
      refs ??= this.refs(c, last);
      if (this.refersBack(c, i === linked + 1 && chain ? chain : refs, i, i === last + 1)) return true;
    }
    return this.exploredLater(c, last, refs ?? this.refs(c, last));
  }

  /** Sentence `s` is in the same paragraph as `block` or, in a contact log, the same entry. */
  private sameUnit(block: Block, s: Sentence): boolean {
    if (s.block === block.index) return true;
    const b = this.doc.blocks[s.block];
    return this.doc.kind === 'case-notes' && block.entry !== undefined && b.entry === block.entry && b.type !== 'heading';
  }

  /** Sentence `i` carries a general follow-up cue or one specific to `type`. */
  private hasCue(type: EventType, i: number): boolean {
    return !!this.cueGroups(i) || this.typeCue(type, i);
  }

  /**
   * A later case-note entry (or, in a report, the next paragraph or two) that returns to the event — the
   * same kind of event, a word of the trigger ("complained" → "the complaints") or, in a contact log, a
   * name or relative from the event's sentence — together with a follow-up cue in that sentence or the next.
   */
  private exploredLater(c: Candidate, last: number, refs: EventRefs): boolean {
    const { doc } = this;
    const notes = doc.kind === 'case-notes';
    // The unit is the case-note entry in a contact log, the paragraph in a report.
    const start = notes ? doc.blocks[c.sentence.block].entry : c.sentence.block;
    if (start === undefined) return false;
    const limit = start + (notes ? LATER_ENTRIES : LATER_PARAGRAPHS);
    for (let i = last + 1; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      const u = notes ? doc.blocks[s.block].entry : s.block;
      if (u === undefined || u === start) continue;
      if (u > limit) break;
      if (doc.blocks[s.block].type === 'heading') break;
      const sameType = this.sents[i].raw?.has(c.type.id);
      // Another missed appointment or another arrest is a new incident, not a return to this one.
      if (sameType && INCIDENT_TYPES.has(c.type.id)) continue;
      let returns = !!sameType;
      if (!returns) {
        const f = this.factsOf(this.sents[i]);
        for (const k of refs.keys) if (f.keys.has(k)) returns = true;
        if (notes && !returns) {
          for (const n of refs.names) if (f.names.has(n)) returns = true;
          for (const k of refs.kin) if (f.kin.has(k)) returns = true;
        }
      }
      if (!returns) continue;
      if (this.hasCue(c.type, i)) return true;
      const next = doc.sentences[i + 1];
      if (next && next.block === s.block && this.hasCue(c.type, i + 1)) return true;
    }
    return false;
  }

  /**
   * Optimistic claims and whether the document's history supports or contradicts them. A claim is
   * examined when the record supports it ("no previous convictions", "nothing recorded") or a source
   * confirms it in the same or the next sentence; the author's own opinion ("I consider...") is not
   * evidence. History that contradicts it (similar incidents, call-outs, orders, witnesses to earlier
   * occasions) outweighs support, unless the text itself sets that history against the claim.
   */
  optimism(): OptimismClaim[] {
    const { doc, memos } = this;
    if (!memos.some((m) => m.claims.length)) return [];
    const contradictingHits: { start: number; end: number; sentence: number; text: string }[] = [];
    let supported = false;
    for (const block of doc.blocks) {
      const memo = memos[block.index];
      if (!memo.history.length || this.skipBlockForHistory(block)) continue;
      const s0 = block.sentences.length ? block.sentences[0].index : 0;
      for (const h of memo.history) {
        if (!this.historyCounts(h, memo)) continue;
        if (h.group === 'contradicts') contradictingHits.push({ start: block.start + h.start, end: block.start + h.end, sentence: h.sentence < 0 ? -1 : s0 + h.sentence, text: h.text });
        else if (h.group === 'supports') supported = true;
      }
    }
    const first = contradictingHits[0];
    // One object for every claim: they all point at the same history (read-only).
    const contradictedBy = first ? { start: first.start, end: first.end, text: first.text } : undefined;
    const contradictingSentences = new Set(contradictingHits.map((h) => h.sentence));
    const evidence = (i: number) => {
      const g = this.cueGroups(i);
      return !!g && (g.has('verified') || g.has('contacted'));
    };
    // The text answers the claim with the history: "...out of character. The CPS papers, however, record an
    // earlier order against him." History conceded before the claim ("Although he has three previous
    // convictions, this appears out of character") is the claim accepted anyway, so it does not count.
    const challengedNext = (i: number) => contradictingSentences.has(i) && (this.sents[i].contrast ??= CONTRAST.test(this.sents[i].text));
    const challengedAfter = (claimEnd: number, i: number) =>
      contradictingSentences.has(i) && contradictingHits.some((h) => h.sentence === i && h.start > claimEnd && CONTRAST.test(doc.text.slice(claimEnd, h.start)));
    const out: OptimismClaim[] = [];
    // "this was not an isolated incident" is the author being curious, not optimistic; it also answers a
    // claim made in the same or the previous sentence ("He says it was a one-off, but it was not...").
    const rejected = new Set<number>();
    for (const block of doc.blocks) {
      const memo = memos[block.index];
      for (const hit of memo.claims) {
        if (hit.sentence < 0) continue;
        const s = memo.sentences[hit.sentence];
        if ((hit.negated ??= negatedBefore(s.text, hit.start - s.start))) rejected.add(block.sentences[0].index + hit.sentence);
      }
    }
    for (const block of doc.blocks) {
      const memo = memos[block.index];
      if (!memo.claims.length || block.type === 'heading') continue;
      for (const hit of memo.claims) {
        if (hit.sentence < 0) continue;
        const index = block.sentences[0].index + hit.sentence;
        if (rejected.has(index) || rejected.has(index + 1)) continue;
        const next = doc.sentences[index + 1];
        const nextInBlock = next && next.block === block.index ? next.index : -1;
        const start = block.start + hit.start;
        const end = block.start + hit.end;
        if (challengedAfter(end, index) || (nextInBlock >= 0 && challengedNext(nextInBlock))) continue;
        const examined = supported || evidence(index) || (nextInBlock >= 0 && evidence(nextInBlock));
        out.push({
          start,
          end,
          claim: hit.text,
          contradictedBy,
          examined,
        });
      }
    }
    return out;
  }

  /**
   * Whether a history cue counts: not negated or hypothetical, and — for contradicting history — about the
   * person. Someone else's record ("her ex-partner has several previous convictions") says nothing about
   * the claim; an order is taken out against the person, whoever the sentence starts with.
   */
  private historyCounts(h: HistoryHit, memo: BlockMemo): boolean {
    if (h.sentence < 0) return true;
    const s = memo.sentences[h.sentence];
    if ((h.nonEvent ??= isNonEvent(s.text, h.start - s.start, h.end - s.start))) return false;
    if (h.group !== 'contradicts' || h.order) return true;
    if (h.subject === undefined) h.subject = thirdPartySubject(s.text.slice(0, h.start - s.start));
    // The clause before has someone else as its subject ("His brother has...", "Mr X has...").
    return !(h.subject !== null && (h.subject === '' || h.subject !== this.surnameLower));
  }

  /** History is read from anywhere, including a sources or basis line ("DA check: 3 call-outs"). */
  private skipBlockForHistory(block: Block): boolean {
    return block.type === 'heading';
  }
}

/**
 * The subject of the clause before a history cue when it is another person ("His brother has...", "Mr X
 * has..."): the lower-cased surname after a title, '' for a relative or role, null when there is none.
 */
function thirdPartySubject(before: string): string | null {
  const clause = before.split(/[;:]/).pop() ?? '';
  const m = THIRD_PARTY_SUBJECT.exec(clause);
  if (!m) return null;
  return m[1] ? m[1].toLowerCase() : '';
}

/** A negation in the clause just before `rel` ("this was not an isolated incident"). */
function negatedBefore(text: string, rel: number): boolean {
  const near = clauseBefore(text, rel);
  return !!near && negationLexicon.test(near);
}

/** What a sentence must share with an event to be about it (see `Context.refs`). */
interface EventRefs {
  keys: Set<string>;
  names: Set<string>;
  kin: Set<string>;
}

/** Trigger words too common to tie a later sentence to the event ("been", "started", "feeling"). */
const GENERIC_TRIGGER_WORDS = new Set(
  'been being have having were said says just started starting start also again still really very quite feel feeling feels felt seem seemed seems appeared about over some more into your'.split(' '),
);
/** Comparable form of a word: its first five letters, so "evicted" and "eviction" meet. */
const stemKey = (w: string) => (w.length > 5 ? w.slice(0, 5) : w);
/** Relatives and roles: "his brother" in a later sentence is the brother the event named. */
const KIN =
  /\b(?:mum|mother|dad|father|parents?|brother|sister|son|daughter|grandson|granddaughter|grandchild(?:ren)?|nan|gran|grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|cousin|nephew|niece|partner|ex-partner|girl ?friend|boy ?friend|wife|husband|fianc[ée]e?|step-?(?:son|daughter|father|mother|dad|mum)|friend|mate|neighbour|landlord|landlady|lodger|flatmate|housemate|employer|boss|manager|supervisor|keyworker|key worker|social worker|teacher|baby|child|children|kids?)s?\b/gi;
/** Words by which the author sets history against a claim. */
const CONTRAST = /\b(?:but|however|although|though|yet|despite|whereas|contradict\w*|inconsistent|at odds|does not fit|sits uneasily)\b/i;
/**
 * A clause whose subject is another person: "His ex-partner has...", "the co-defendant had...", "Mr Jones
 * has..." (group 1 is the surname, checked against the person's own).
 */
const THIRD_PARTY_SUBJECT =
  /^\s*(?:(?:[Hh]owever|[Bb]ut|[Aa]nd|[Aa]lthough)\W+)?(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he) (?:[a-z-]+ )?(?:partner|ex-partner|ex|brother|sister|father|dad|mother|mum|son|daughter|cousin|uncle|aunt|friend|co-defendant|co-accused|associate|girlfriend|boyfriend|husband|wife|stepfather|stepmother|neighbour|landlord)|(?:Mr|Mrs|Ms|Miss|Mx|Dr) ([A-Z][a-z]+))\b[^,]*$/;
const SELF_TITLE = /^(?:Mr|Ms|Miss|Mx)\b/i;
/** The person on probation as the subject just before a verb ("he confirmed", "PoP has said"). */
const PERSON_SUBJECT = /\b(?:he|she|they|pop)(?: has| had| also| then| later)?\s*$/i;
/** A sentence straight after the event that opens by pointing back at it. */
const ANAPHOR_START =
  /^(?:this|that|it|these|those|both|which|the (?:above|same|latter)|explored|asked|checked|confirmed|verified|followed up|queried|challenged)\b/i;
/** ...or takes the event as the object of a follow-up verb: "His manager confirmed this". */
const ANAPHOR_OBJECT = /\b(?:this|these)\b(?!\s+(?:offence|offences|offending|report|order|court|week|month|year|morning|afternoon|evening|weekend|time|sentence|case)\b)/i;

interface SentenceFacts {
  keys: Set<string>;
  names: Set<string>;
  kin: Set<string>;
  /** Every word, lower-cased. */
  words: Set<string>;
  /** Lower-cased text with hyphens as spaces, for `about` phrases. */
  norm: string;
  /** Event types whose `about` words the sentence uses (filled on first use). */
  about?: Set<string>;
}
/** Word stems, proper names and relatives of a sentence, cached by its text across lint runs. */
const sentenceMemo = new TextMemo<SentenceFacts>(SENTENCES);
function sentenceFacts(text: string): SentenceFacts {
  let f = sentenceMemo.get(text);
  if (!f) {
    const kin = new Set<string>();
    for (const m of text.matchAll(KIN)) kin.add(m[0].toLowerCase().replace(/[\s-]+/g, '').replace(/s$/, ''));
    f = {
      keys: new Set(contentWords(text).map(stemKey)),
      names: new Set(properNames(text).map((n) => n.toLowerCase())),
      kin,
      words: new Set(text.toLowerCase().split(/[^a-z0-9&£]+/).filter(Boolean)),
      norm: ` ${text.toLowerCase().replace(/[^a-z0-9&£]+/g, ' ')} `,
    };
    sentenceMemo.set(text, f);
  }
  return f;
}

/** Two mentions can be the same event unless each names people and they have nobody in common. */
function sameActors(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return true;
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** An earlier report of the same type shares a trigger word with this one and nobody new is involved. */
function reportedBefore(earlier: { words: Set<string>; actors: Set<string> }[], words: string[], actors: Set<string>): boolean {
  for (const e of earlier) if (sharesWord(words, e.words) && sameActors(e.actors, actors)) return true;
  return false;
}

function sharesWord(words: string[], set: Set<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** A type's `about` words, split for matching against a sentence's word set without a regex. */
export interface AboutWords {
  words: Set<string>;
  prefixes: string[];
  phrases: string[];
}

function aboutWords(terms: string[]): AboutWords {
  const out: AboutWords = { words: new Set(), prefixes: [], phrases: [] };
  for (const raw of terms) {
    const t = raw.toLowerCase().trim();
    if (/[^a-z0-9&£* -]/.test(t)) continue;
    if (/[ -]/.test(t)) out.phrases.push(` ${t.replace(/[\s-]+/g, ' ').replace(/\*$/, '')}`);
    else if (t.endsWith('*')) out.prefixes.push(t.slice(0, -1));
    else out.words.add(t);
  }
  return out;
}

/** All types' `about` words in one index, so a sentence is matched against every type in one pass. */
const ABOUT_EXACT = new Map<string, string[]>();
const ABOUT_PREFIX = new Map<string, string[]>();
const ABOUT_PHRASES: [string, string][] = [];
for (const t of EVENT_TYPES) {
  for (const w of t.about.words) ABOUT_EXACT.set(w, [...(ABOUT_EXACT.get(w) ?? []), t.id]);
  for (const p of t.about.prefixes) ABOUT_PREFIX.set(p, [...(ABOUT_PREFIX.get(p) ?? []), t.id]);
  for (const p of t.about.phrases) ABOUT_PHRASES.push([p, t.id]);
}
const ABOUT_PREFIX_LENGTHS = [...new Set([...ABOUT_PREFIX.keys()].map((p) => p.length))];

/** The event types whose subject a sentence touches, computed once per sentence text. */
function aboutTypes(f: SentenceFacts): Set<string> {
  if (f.about) return f.about;
  const out = new Set<string>();
  for (const w of f.words) {
    const exact = ABOUT_EXACT.get(w);
    if (exact) for (const id of exact) out.add(id);
    for (const n of ABOUT_PREFIX_LENGTHS) {
      if (w.length < n) continue;
      const ids = ABOUT_PREFIX.get(w.slice(0, n));
      if (ids) for (const id of ids) out.add(id);
    }
  }
  for (const [p, id] of ABOUT_PHRASES) if (f.norm.includes(p)) out.add(id);
  f.about = out;
  return out;
}

/** True when offset `rel` of a sentence falls inside quoted speech (straight or curly double quotes). */
export function inQuote(text: string, rel: number): boolean {
  let straight = 0;
  let open = 0;
  for (let i = 0; i < rel && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) straight++;
    else if (ch === 0x201c) open++;
    else if (ch === 0x201d) open--;
  }
  return straight % 2 === 1 || open > 0;
}

const FUNCTION_WORDS = new Set('with from into that this their them then have been were what when where which some back'.split(' '));
/** Lower-cased words of four or more letters, for telling whether two triggers say the same thing. */
function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w));
}

const NAME_STOP = new Set(
  'PoP OM SPO PO PSO PC DC Mr Mrs Ms Miss Dr I AP UPW RAR DRR ATR CO UC GP CMHT OASys Next Attended Planned Says Said He She They The His Her Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/** Capitalised words after the first word of a sentence: people and places the event names. */
function properNames(text: string): string[] {
  const out: string[] = [];
  const words = text.split(/[\s,.;:'"“”‘’()]+/).filter(Boolean);
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (/^[A-Z][a-z]{2,}$/.test(w) && !NAME_STOP.has(w)) out.push(w);
  }
  return out;
}

/** Looks up an event type by id. */
export function eventType(id: string): EventType | undefined {
  return TYPE_BY_ID.get(id);
}
