/**
 * Professional curiosity: finds events and changes that a curious practitioner follows up (a new partner,
 * a move, a job lost, a missed appointment, a bereavement...) and decides whether the text goes on to
 * explore them; also finds optimistic claims ("out of character", "one-off") and tests them against the
 * history the same document gives.
 *
 * Everything is found through `doc.hits` (cached per block), and the per-event checks only look at the
 * handful of sentences that hit a trigger, so the cost after a keystroke is a few regex tests.
 */
import type { Block, Doc, Hit, Sentence } from '../document.js';
import { compileLexicon, type CompiledLexicon } from '../lexicon.js';
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
  /** Position in the lexicon: breaks ties when two events in one sentence start at the same place. */
  priority: number;
}

/** Event types in lexicon order. */
export const EVENT_TYPES: readonly EventType[] = Object.entries(
  eventsData.entries as Record<string, { label: string; message: string; prompts: string[]; terms: string[]; reportsRequire?: string[]; reportsExclude?: string[] }>,
).map(([id, e], priority) => ({
  id,
  label: e.label,
  message: e.message,
  prompts: e.prompts,
  terms: e.terms,
  reportsRequire: e.reportsRequire?.length ? compileLexicon(`events-${id}-require`, { [id]: e.reportsRequire }) : undefined,
  reportsExclude: e.reportsExclude?.length ? compileLexicon(`events-${id}-exclude`, { [id]: e.reportsExclude }) : undefined,
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

const NEAR_WORDS = 6;
const WINDOW_SENTENCES = 3;
/** Short fragments ("No arrests;") should not use up the window: it runs on to at least this many characters. */
const WINDOW_CHARS = 200;
const LATER_ENTRIES = 4;
const LATER_PARAGRAPHS = 2;

interface Candidate {
  type: EventType;
  hit: Hit;
  sentence: Sentence;
  /** End of the report of the event: its sentence, or the next one when that continues the same event. */
  end: number;
}

/** Fills `analysis.events` and the internal curiosity facts. */
export function analyseEvents(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const ctx = new Context(doc, options);
  const candidates = ctx.candidates();
  const events: CuriosityFacts['events'] = [];
  // In a contact log, a later mention in the same words of an event already explored is a follow-up, not a new event.
  // A change of circumstances (not a repeatable incident) explored within the last few entries is the same
  // story continuing ("grandmother died" ... "funeral is on Friday").
  const exploredWords = new Map<string, Set<string>>();
  const exploredEntry = new Map<string, number>();
  for (const c of candidates) {
    const words = contentWords(doc.text.slice(c.hit.start, c.hit.end));
    const known = exploredWords.get(c.type.id);
    const entry = doc.blocks[c.sentence.block].entry;
    const lastEntry = exploredEntry.get(c.type.id);
    const continuing =
      doc.kind === 'case-notes' &&
      !INCIDENT_TYPES.has(c.type.id) &&
      ((!!known && words.some((w) => known.has(w))) || (lastEntry !== undefined && entry !== undefined && entry - lastEntry <= LATER_ENTRIES));
    const explored = continuing || ctx.explored(c);
    if (explored) {
      if (known) for (const w of words) known.add(w);
      else exploredWords.set(c.type.id, new Set(words));
      if (entry !== undefined) exploredEntry.set(c.type.id, entry);
    }
    events.push({
      type: c.type.id,
      label: c.type.label,
      start: c.hit.start,
      end: c.end,
      explored,
      prompts: c.type.prompts,
      sentence: c.sentence.index,
      trigger: doc.text.slice(c.hit.start, c.hit.end),
    });
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
const clauseMemo = new Map<string, boolean>();
function memo(key: string, make: () => boolean): boolean {
  let v = clauseMemo.get(key);
  if (v === undefined) {
    v = make();
    if (clauseMemo.size > 20000) clauseMemo.clear();
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
  private docYear: number | undefined;
  private cueSentences: Set<number> | undefined;

  constructor(
    readonly doc: Doc,
    readonly options: LintOptions,
  ) {}

  private sectionOf(block: Block): SectionId | undefined {
    return block.section ?? (this.doc.kind === 'section' ? this.options.section : undefined);
  }

  /** Blocks that only list or report sources (a sources section, a "Basis:" line) or are document furniture. */
  private skipBlock(block: Block): boolean {
    if (block.type === 'heading' || block.type === 'table-row') return true;
    if (this.sectionOf(block) === 'sources') return true;
    if (block.label && SOURCES_LABEL.test(block.label)) return true;
    // The header of a contact log (order, licence, release details) comes before the first dated entry.
    if (this.doc.kind === 'case-notes' && block.entry === undefined) return true;
    return false;
  }

  private latestYear(): number {
    if (this.docYear === undefined) {
      let max = 0;
      for (const h of this.doc.hits(yearLexicon)) max = Math.max(max, Number(this.doc.text.slice(h.start, h.end)));
      this.docYear = max;
    }
    return this.docYear;
  }

  /** Events dated three or more years before the latest date in the document are background, not change. */
  private historical(sentence: Sentence): boolean {
    if (LONG_AGO.test(sentence.text)) return true;
    let newest = 0;
    for (const m of sentence.text.matchAll(DATED_YEAR)) newest = Math.max(newest, Number(m[1]));
    if (!newest || RECENT.test(sentence.text)) return false;
    return newest <= this.latestYear() - 3;
  }

  /** The person's own release: "he was released from prison in May", "Mr SURNAME got out in March". */
  private selfRelease(sentence: Sentence, hit: Hit): boolean {
    const before = sentence.text.slice(0, hit.start - sentence.start);
    if (SELF_SUBJECT.test(before)) return true;
    const surname = this.surname();
    return !!surname && new RegExp(`\\b${surname}\\b`, 'i').test(before.split(/[,;:]/).pop() ?? '');
  }

  private surnameMemo: string | null | undefined;
  /** The person's surname from a header line ("Name: Jo BLOGGS", "BLOGGS, Jo"), when the document has one. */
  private surname(): string | null {
    if (this.surnameMemo === undefined) {
      const head = this.doc.text.slice(0, 800);
      const m = /\b[A-Z][a-z]+ ([A-Z]{2,}(?:-[A-Z]{2,})?)\b/.exec(head) ?? /\b([A-Z]{2,}(?:-[A-Z]{2,})?), [A-Z][a-z]+/.exec(head);
      const word = m?.[1];
      this.surnameMemo = word && !/^(?:PSR|CRN|PNC|DOB|HMP|OASYS|PDU|CPS|MC)$/.test(word) ? word : null;
    }
    return this.surnameMemo;
  }

  /** One candidate per (sentence, type): the hits that survive the structural and linguistic filters. */
  candidates(): Candidate[] {
    const { doc } = this;
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const reported = new Map<string, Set<string>>();
    const lastOfType = new Map<string, Candidate>();
    for (const hit of doc.hits(eventLexicon)) {
      const type = TYPE_BY_ID.get(hit.group);
      if (!type || hit.sentence < 0) continue;
      const key = `${hit.sentence}:${type.id}`;
      if (seen.has(key)) continue;
      const block = doc.blocks[hit.block];
      if (this.skipBlock(block)) continue;
      const sentence = doc.sentences[hit.sentence];
      const isReport = doc.kind !== 'case-notes';
      if (isReport && this.sectionOf(block) === 'offence-analysis' && INDEX_OFFENCE_TYPES.has(type.id)) continue;
      if (isReport && type.reportsRequire && !type.reportsRequire.test(sentence.text)) continue;
      if (isReport && type.reportsExclude && type.reportsExclude.test(sentence.text)) continue;
      // In a report, a later mention of the same kind of event in the same words is the same event again
      // ("19 weeks pregnant" ... "since finding out she was pregnant").
      const words = contentWords(doc.text.slice(hit.start, hit.end));
      const earlier = reported.get(type.id);
      if (isReport && earlier && words.some((w) => earlier.has(w))) continue;
      if (isNonEvent(sentence.text, hit.start - sentence.start, hit.end - sentence.start)) continue;
      if (this.historical(sentence)) continue;
      if (type.id === 'released-known-person' && this.selfRelease(sentence, hit)) continue;
      // The same kind of event in the next sentence of the same paragraph is the same event told in two parts.
      const prev = lastOfType.get(type.id);
      if (prev && prev.sentence.block === sentence.block && sentence.index - prev.sentence.index === 1) {
        prev.end = sentence.end;
        continue;
      }
      seen.add(key);
      if (earlier) for (const w of words) earlier.add(w);
      else reported.set(type.id, new Set(words));
      const candidate = { type, hit, sentence, end: sentence.end };
      lastOfType.set(type.id, candidate);
      out.push(candidate);
    }
    return out;
  }

  /** Sentences carrying a follow-up cue (verification, contact, action, analysis). */
  private cues(): Set<number> {
    if (!this.cueSentences) {
      this.cueSentences = new Set();
      for (const h of this.doc.hits(cueLexicon)) if (h.sentence >= 0) this.cueSentences.add(h.sentence);
    }
    return this.cueSentences;
  }

  private rawSentences: Map<number, Set<string>> | undefined;

  /** Every trigger hit by sentence, filters aside: a later "the lapse" still refers back to the lapse. */
  private rawBySentence(): Map<number, Set<string>> {
    if (!this.rawSentences) {
      this.rawSentences = new Map();
      for (const h of this.doc.hits(eventLexicon)) {
        if (h.sentence < 0) continue;
        let set = this.rawSentences.get(h.sentence);
        if (!set) this.rawSentences.set(h.sentence, (set = new Set()));
        set.add(h.group);
      }
    }
    return this.rawSentences;
  }

  /**
   * An event is explored when its own sentence, or the next few sentences of the same paragraph (or
   * case-note entry) before another event is reported, verify it, record contact or action, or analyse
   * its impact; in a contact log, a later entry that returns to the same kind of event or the same named
   * person with such a cue also counts.
   */
  explored(c: Candidate): boolean {
    const { doc } = this;
    const cues = this.cues();
    if (cues.has(c.sentence.index)) return true;
    const block = doc.blocks[c.sentence.block];
    const sameUnit = (s: Sentence) => {
      const b = doc.blocks[s.block];
      if (s.block === block.index) return true;
      return doc.kind === 'case-notes' && block.entry !== undefined && b.entry === block.entry && b.type !== 'heading';
    };
    let chars = 0;
    for (let i = c.sentence.index + 1, n = 0; i < doc.sentences.length && (n < WINDOW_SENTENCES || chars < WINDOW_CHARS); i++, n++) {
      const s = doc.sentences[i];
      if (!sameUnit(s)) break;
      chars += s.end - s.start;
      // A following sentence that reports another event usually explains this one ("FTA. Staff rang: he
      // had been taken to A&E..."), so the window runs on through it.
      if (cues.has(i)) return true;
    }
    return this.exploredLater(c);
  }

  /**
   * A later case-note entry (or, in a report, the next paragraph or two) that returns to the event — the
   * same kind of event, a word of the trigger ("complained" → "the complaints") or, in a contact log, a
   * name from the sentence — together with a follow-up cue.
   */
  private exploredLater(c: Candidate): boolean {
    const { doc } = this;
    const notes = doc.kind === 'case-notes';
    const unitOf = (blockIndex: number) => (notes ? doc.blocks[blockIndex].entry : blockIndex);
    const start = unitOf(c.sentence.block);
    if (start === undefined) return false;
    const limit = start + (notes ? LATER_ENTRIES : LATER_PARAGRAPHS);
    const cues = this.cues();
    const raw = this.rawBySentence();
    const surname = this.surname()?.toLowerCase();
    const names = notes
      ? properNames(c.sentence.text)
          .filter((n) => n.toLowerCase() !== surname)
          .map((n) => new RegExp(`\\b${n}\\b`))
      : [];
    const stems = contentWords(doc.text.slice(c.hit.start, c.hit.end))
      .filter((w) => w.length >= 5)
      .map((w) => new RegExp(`\\b${w.slice(0, 6)}`, 'i'));
    for (let i = c.sentence.index + 1; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      const u = unitOf(s.block);
      if (u === undefined || u === start) continue;
      if (u > limit) break;
      if (doc.blocks[s.block].type === 'heading') break;
      const sameType = raw.get(i)?.has(c.type.id);
      // Another missed appointment or another arrest is a new incident, not a return to this one.
      if (sameType && INCIDENT_TYPES.has(c.type.id)) continue;
      const returns =
        sameType || stems.some((re) => re.test(s.text)) || names.some((re) => re.test(s.text));
      if (!returns) continue;
      if (cues.has(i)) return true;
      const next = doc.sentences[i + 1];
      if (next && next.block === s.block && cues.has(i + 1)) return true;
    }
    return false;
  }

  /** Optimistic claims and whether the document's history supports or contradicts them. */
  optimism(): OptimismClaim[] {
    const { doc } = this;
    const claims = doc.hits(claimLexicon);
    if (!claims.length) return [];
    const history = doc.hits(historyLexicon).filter((h) => {
      if (this.skipBlockForHistory(doc.blocks[h.block])) return false;
      const s = doc.sentences[h.sentence];
      return !s || !isNonEvent(s.text, h.start - s.start, h.end - s.start);
    });
    const contradicting = history.find((h) => h.group === 'contradicts');
    const supported = history.some((h) => h.group === 'supports');
    const cues = this.cues();
    const out: OptimismClaim[] = [];
    // "this was not an isolated incident" is the author being curious, not optimistic; it also answers a
    // claim made in the same or the previous sentence ("He says it was a one-off, but it was not...").
    const rejected = new Set<number>();
    for (const hit of claims) {
      const s = doc.sentences[hit.sentence];
      if (!s) continue;
      const near = clauseBefore(s.text, hit.start - s.start);
      if (near && negationLexicon.test(near)) rejected.add(s.index);
    }
    for (const hit of claims) {
      const block = doc.blocks[hit.block];
      if (block.type === 'heading') continue;
      const sentence = doc.sentences[hit.sentence];
      if (!sentence) continue;
      if (rejected.has(sentence.index) || rejected.has(sentence.index + 1)) continue;
      let examined = supported;
      for (let i = sentence.index; i < Math.min(doc.sentences.length, sentence.index + 3) && !examined; i++) {
        if (doc.sentences[i].block === sentence.block && cues.has(i)) examined = true;
      }
      out.push({
        start: hit.start,
        end: hit.end,
        claim: doc.text.slice(hit.start, hit.end),
        contradictedBy: contradicting
          ? { start: contradicting.start, end: contradicting.end, text: doc.text.slice(contradicting.start, contradicting.end) }
          : undefined,
        examined,
      });
    }
    return out;
  }

  /** History is read from anywhere, including a sources or basis line ("DA check: 3 call-outs"). */
  private skipBlockForHistory(block: Block): boolean {
    return block.type === 'heading';
  }
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
