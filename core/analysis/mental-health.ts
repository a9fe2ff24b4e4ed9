/**
 * Mental health: finds indicators about the person (not negated, not someone else's), then judges
 * whether the text analyses them — a link to offending, engagement or risk (including risk to self), the
 * proposal (MHTR, medical report) or action taken — and, in case notes, whether a disclosure of decline
 * or a change in presentation was acted on in that entry or soon after.
 *
 * Expectations differ by kind (see ../shared/domain/README.md):
 *   - psr: mental health must be addressed; "no concerns" needs a basis (asked, GP, screening);
 *     indicators need analysis.
 *   - case-notes: nothing is required, but a disclosure needs action in the entry or the next two.
 *   - section: only indicators present without analysis are gaps.
 *
 * What a block's indicators are (found through `doc.hitsInBlock`, judged sentence by sentence for negation
 * and whose condition it is) is cached by block text, so a re-lint after an edit re-reads one block; the
 * cue lexicon is read only in blocks the judgements need. The document-level judgements fold over those
 * cached facts.
 */
import indicatorData from '../../rules/lexicons/mental-health.json' with { type: 'json' };
import cueData from '../../rules/lexicons/mental-health-cues.json' with { type: 'json' };
import type { Block, Doc } from '../document.js';
import { compileLexicon } from '../lexicon.js';
import { BlockValues, TextMemo, SENTENCES, onClearMemos } from '../memo.js';
import { isAboutOther, isEnquiry, isNegated } from '../nlp.js';
import type { Analysis, CoverageStatus, LintOptions, Span } from '../types.js';

const indicators = compileLexicon('mental-health', indicatorData.groups);
const cues = compileLexicon('mental-health-cues', cueData.groups);

/** Groups that are indicators in their own right and call for analysis. */
const STRONG = new Set(['diagnosis', 'detention', 'medication', 'service', 'self-harm', 'suicide', 'psychotic-symptoms', 'perceptual-disturbance', 'trauma-symptoms']);
/** Softer signs: a change in presentation or a disclosure of decline. */
const WEAK = new Set(['weak-presentation']);
/** Everyday feeling words ("anxious", "stressed"): evidence, never a finding on their own. */
const AFFECT = new Set(['affect']);
/** MH-specific proposal terms (MHTR, medical report) count as analysis wherever they appear. */
const PROPOSAL = 'proposal';
/** Cue groups that show analysis in a PSR or section: a link, risk or the proposal (action alone is not analysis). */
const ANALYSIS_CUES = new Set(['link', 'risk', 'proposal']);
/** Cue groups that show a change in presentation was explored in a PSR or section. */
const EXPLORED_CUES = new Set(['link', 'risk', 'proposal', 'action', 'action-generic']);
/** A later case-note entry's action counts only when its sentence is about how the person is. */
const WELLBEING_TOPIC = /\b(?:mood|sleep\w*|grie\w*|bereave\w*|wellbeing|well-being|feel\w*|coping|mental|low|self-harm|suicid\w*)\b/i;
/** Medication terms mean a change only with one of these; bare mention in case notes is routine. */
const MED_CHANGE = /\b(?:stop(?:ped|s|ping)?|not (?:taking|had|been taking|collected)|missed|refus\w*|ran out|run out|chang\w*|increas\w*|reduc\w*|came off|coming off|come off|no longer|didn['’]t take|hasn['’]t (?:taken|had))\b/i;
/** Unnamed medication ("his meds") is a mental-health indicator only when changed and not for a physical condition. */
const PHYSICAL = /\b(?:diabet\w*|insulin|epilep\w*|asthma|inhaler|blood pressure|heart|cholesterol|pain\w*|thyroid|arthritis|antibiotics?|infection|injury|injuries)\b/i;
/** Case notes: the entry under way and up to this many later entries may record the action. */
const FOLLOW_UP_ENTRIES = 2;

/** One mental-health term in the text, with the sentence-level judgements about it. */
export interface MentalHealthIndicator extends Span {
  group: string;
  term: string;
  sentence: number;
  block: number;
  /** strong: calls for analysis; weak: a change in presentation; mention: says "mental health"; affect: everyday feeling words, evidence only. */
  strength: 'strong' | 'weak' | 'mention' | 'affect';
  /** "no history of self-harm", "denies suicidal thoughts", or only asked about ("asked about self-harm"). */
  negated: boolean;
  /** Someone else's condition ("his mother's depression"). */
  other: boolean;
}

/** What the analyser found, for the mental-health rules (and the sources analyser: `medical`). */
export interface MentalHealthFacts {
  /** Every indicator-lexicon hit about the person, negated or not (not someone else's). */
  indicators: MentalHealthIndicator[];
  /** Indicators affirmed about the person (strong and weak). */
  affirmed: MentalHealthIndicator[];
  /** Whether the text says anything about the person's mental health (including "no concerns"). */
  addressed: boolean;
  /** Whether a diagnosis, detention, medication or MH service is affirmed (for the `medical` source). */
  significant: boolean;
  /** A "no concerns"-style statement stated without a basis (psr only). */
  unsupportedNegative?: MentalHealthIndicator;
  /** Strong indicators in a text that never analyses them (one per block). */
  unanalysed: MentalHealthIndicator[];
  /** Disclosures or changes in presentation with no recorded action or exploration. */
  disclosuresWithoutAction: MentalHealthIndicator[];
  /** PSR that says nothing about the person's mental health. */
  notAddressed: boolean;
  /** Where a not-addressed finding and its fix belong: the circumstances heading, else the first block. */
  anchor?: { start: number; end: number; afterHeading: boolean };
  /** Bereavement words near a disclosure, for prompts. */
  bereavementBlocks: Set<number>;
}

const factsByAnalysis = new WeakMap<Analysis, MentalHealthFacts>();

/** The mental-health facts behind an Analysis (undefined before `analyseMentalHealth` ran). */
export function mentalHealthFacts(analysis: Analysis): MentalHealthFacts | undefined {
  return factsByAnalysis.get(analysis);
}

// ---------------------------------------------------------------------------------------------------
// Sentence judgements, cached by sentence text (and the main surname, which changes whose "Mr X" it is).

interface Judgement {
  negated: boolean;
  other: boolean;
}
type RelHit = { start: number; end: number; group: string };
/** Keyed by surname and sentence text; the hits are kept to check a hit (the same sentence can be read with other hits). */
const judgementCache = new TextMemo<{ rel: RelHit[]; out: Judgement[] }>(SENTENCES);

const sameHits = (a: RelHit[], b: RelHit[]) => a.length === b.length && a.every((h, i) => h.start === b[i].start && h.end === b[i].end && h.group === b[i].group);

function judgeSentence(text: string, rel: RelHit[], surname: string | undefined): Judgement[] {
  const key = `${surname ?? ''}\u0000${text}`;
  const hit = judgementCache.get(key);
  if (hit && sameHits(hit.rel, rel)) return hit.out;
  const out = rel.map((h, k) => {
    // Other terms are blanked so the "not" inside "not been sleeping" cannot negate the next term.
    let masked = text;
    rel.forEach((o, j) => {
      if (j !== k) masked = masked.slice(0, o.start) + 'x'.repeat(o.end - o.start) + masked.slice(o.end);
    });
    return {
      // Stopping medication is written with negation ("not taking his depot"): a change, not an absence.
      negated:
        h.group.startsWith('medication')
          ? /\b(?:no|not been prescribed|never been prescribed)\s+(?:\w+\s+){0,2}$/i.test(masked.slice(0, h.start)) && !MED_CHANGE.test(text)
          : // "I asked about self-harm" names the question, not an answer: the reply decides.
            isNegated(masked, h.start, h.end) || isEnquiry(masked, h.start),
      other: isAboutOther(text, h.start, surname),
    };
  });
  judgementCache.set(key, { rel, out });
  return out;
}

/** A title that makes `analyseMentalHealth` look up the person's surname. */
const TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx)\b/;
/** A word `isAboutOther` reads as a title ("Mr", "ms", "MISS"): only then can the surname change its answer. */
const TITLE_WORD = /(?<![A-Za-z])(?:mr|mrs|ms|miss|mx)(?![\w'’-])/i;
const TITLE_BEFORE = /(?<![A-Za-z])(?:mr|mrs|ms|miss|mx)$/i;
const NAMED = /\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][A-Za-z'’-]+)/g;
/** A title at the very end of a block, whose name would sit on the next line. */
const TITLE_AT_END = /\b(?:Mr|Mrs|Ms|Miss|Mx)\.?$/;
/** The surname is read from the start of the text only. */
const SURNAME_WINDOW = 20000;

/** "Mr/Ms X" names in a piece of text, lower-cased, with counts, in order of first appearance. */
function namesIn(text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const m of text.matchAll(NAMED)) {
    const n = m[1].toLowerCase();
    const e = out.find((x) => x[0] === n);
    if (e) e[1]++;
    else out.push([n, 1]);
  }
  return out;
}

/** The last surname worked out, and what it was worked out from (the blocks that start in the window). */
let surnameMemo: { window: BlockSummary[]; cut: number; value: string | undefined } | undefined;
onClearMemos(() => (surnameMemo = undefined));

/**
 * The person's surname: the most frequent "Mr/Ms X" in the first 20,000 characters (the first to reach the
 * highest count). Counted block by block from cached per-block counts — the same as one pass over the text,
 * since the text between blocks is only whitespace — unless a block ends in a bare title, whose name would
 * be on the next line; then the text is read in one pass. The answer depends only on the blocks in the window
 * (and where the window cuts the last one), so it is kept while those stay the same.
 */
function mainSurname(doc: Doc, summaries: BlockSummary[]): string | undefined {
  const blocks = doc.blocks;
  // n: how many blocks start inside the window (blocks are in order).
  let n = 0;
  for (let hi = blocks.length; n < hi; ) {
    const mid = (n + hi) >> 1;
    if (blocks[mid].start < SURNAME_WINDOW) n = mid + 1;
    else hi = mid;
  }
  const cut = n && blocks[n - 1].end > SURNAME_WINDOW ? blocks[n - 1].start : -1;
  const memo = surnameMemo;
  if (memo && memo.window.length === n && memo.cut === cut && memo.window.every((s, i) => s === summaries[i])) return memo.value;
  const counts = new Map<string, number>();
  let value: string | undefined;
  let dangling = false;
  for (let b = 0; b < n && !dangling; b++) {
    const block = blocks[b];
    const s = summaries[b];
    s.titles ??= { names: namesIn(block.text), dangling: TITLE_AT_END.test(block.text) };
    dangling = s.titles.dangling;
    for (const [name, c] of block.start === cut ? namesIn(doc.text.slice(block.start, SURNAME_WINDOW)) : s.titles.names) counts.set(name, (counts.get(name) ?? 0) + c);
  }
  if (dangling) value = mainSurnameOfText(doc.text);
  else {
    let max = 0;
    for (const [name, c] of counts) if (c > max) [value, max] = [name, c];
  }
  surnameMemo = { window: summaries.slice(0, n), cut, value };
  return value;
}

function mainSurnameOfText(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const [n, c] of namesIn(text.slice(0, SURNAME_WINDOW))) counts.set(n, c);
  let best: string | undefined;
  let max = 0;
  for (const [n, c] of counts) if (c > max) [best, max] = [n, c];
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Per-block facts. What the indicator and cue lexicons find in a block, and the sentence judgements about
// it, depend only on the block's text, so they are worked out once per distinct block text and cached: a
// keystroke re-reads the block it changed, and the document-level judgements are a cheap fold. Only whose
// condition "Mr X"'s is depends on the document (its main surname); blocks where that matters keep one
// reading per surname.

/** An indicator in a block: `MentalHealthIndicator` with offsets relative to the block and `sentence` within it. */
type BlockIndicator = Omit<MentalHealthIndicator, 'block' | 'other'>;

/** A sentence of the block with indicator hits to judge. */
interface HitSentence {
  /** Index within the block. */
  k: number;
  text: string;
  /** Hits relative to the sentence (for the judgements) and to the block. */
  rel: RelHit[];
  terms: string[];
  /** A title here makes the analyser look up the surname (from this sentence on, in the document). */
  title: boolean;
  /** Whose condition it is can depend on the surname. */
  sensitive: boolean;
  /** Judgements with no surname (filled on first use). */
  judged: Judgement[] | undefined;
}

/** The block's indicators for one surname situation, sorted by start; `affirmed` merged ("paranoid schizophrenia"). */
interface Reading {
  indicators: BlockIndicator[];
  affirmed: BlockIndicator[];
  /** Some non-affect indicator has link, risk or proposal cues in or next to its sentence: [strong/weak, mention]. */
  analysed: [boolean, boolean] | undefined;
  /** At absolute offsets (with each indicator's evidence span), from the last time the block sat at `start` (shared: read-only). */
  placed: { start: number; block: number; sentence0: number; indicators: MentalHealthIndicator[]; evidence: Span[]; affirmed: MentalHealthIndicator[] } | undefined;
}

interface BlockSummary {
  /** A mental-health proposal term (MHTR, medical report): analysis wherever it appears. */
  proposal: boolean;
  bereavement: boolean;
  sentences: HitSentence[];
  /** Index in `sentences` of the first with a title (-1: none). */
  firstTitle: number;
  /** Index in `sentences` of the last whose reading can depend on the surname (-1: none). */
  lastSensitive: number;
  /** Read with no surname (filled on first use). */
  base: Reading | undefined;
  /** Read with a surname from `sentences[from]` on (the last one asked for). */
  variant: { from: number; surname: string; reading: Reading } | undefined;
  /** Filled on first use: cue hits (sentence within the block, group), "Mr/Ms X" names. */
  cues: { k: number; group: string; wellbeing: boolean | undefined }[] | undefined;
  titles: { names: [string, number][]; dangling: boolean } | undefined;
}

/** Block summaries, by block text (core/memo.ts). */
const blockSummaries = new BlockValues<BlockSummary>();

function summarise(doc: Doc, block: Block): BlockSummary {
  const s: BlockSummary = { proposal: false, bereavement: false, sentences: [], firstTitle: -1, lastSensitive: -1, base: undefined, variant: undefined, cues: undefined, titles: undefined };
  if (block.type === 'heading') return s;
  const first = block.sentences.length ? block.sentences[0].index : 0;
  for (const h of doc.hitsInBlock(indicators, block.index)) {
    if (h.sentence < 0) continue;
    if (h.group === PROPOSAL) s.proposal = true;
    else if (h.group === 'bereavement') s.bereavement = true;
    else {
      const k = h.sentence - first;
      // Hits come in order, so a sentence's hits are consecutive.
      let hs = s.sentences[s.sentences.length - 1];
      if (hs?.k !== k) {
        const text = block.sentences[k].text;
        s.sentences.push((hs = { k, text, rel: [], terms: [], title: TITLE.test(text), sensitive: TITLE_WORD.test(text), judged: undefined }));
      }
      const at = block.sentences[k].start;
      hs.rel.push({ start: h.start - at, end: h.end - at, group: h.group });
      hs.terms.push(h.term);
      // A title cut off by the term itself ("Mr" right before it) still reads as one.
      if (!hs.sensitive && TITLE_BEFORE.test(hs.text.slice(Math.max(0, h.start - at - 5), h.start - at))) hs.sensitive = true;
    }
  }
  s.sentences.forEach((hs, j) => {
    if (hs.title && s.firstTitle < 0) s.firstTitle = j;
    if (hs.sensitive) s.lastSensitive = j;
  });
  return s;
}

/** The block's indicators when sentences from `sentences[from]` on are judged knowing the surname. */
function read(block: Block, s: BlockSummary, from: number, surname: string | undefined): Reading {
  const list: BlockIndicator[] = [];
  s.sentences.forEach((hs, j) => {
    const judged = j >= from && hs.sensitive && surname !== undefined ? judgeSentence(hs.text, hs.rel, surname) : (hs.judged ??= judgeSentence(hs.text, hs.rel, undefined));
    const at = block.sentences[hs.k].start - block.start;
    hs.rel.forEach((h, i) => {
      if (judged[i].other) return;
      let group = h.group;
      if (group === 'medication-generic') {
        if (!MED_CHANGE.test(hs.text) || PHYSICAL.test(hs.text)) return;
        group = 'medication';
      }
      const strength = STRONG.has(group) ? 'strong' : WEAK.has(group) ? 'weak' : AFFECT.has(group) ? 'affect' : 'mention';
      list.push({ start: at + h.start, end: at + h.end, group, term: hs.terms[i], sentence: hs.k, strength, negated: judged[i].negated });
    });
  });
  list.sort((a, b) => a.start - b.start);
  const affirmed = mergeAdjacent(
    list.filter((i) => !i.negated && (i.strength === 'strong' || i.strength === 'weak')),
    block.text,
  );
  return { indicators: list, affirmed, analysed: undefined, placed: undefined };
}

/** "paranoid schizophrenia" is one finding, not two. Returns new objects; `indicators` keep the raw terms. */
function mergeAdjacent(list: BlockIndicator[], text: string): BlockIndicator[] {
  const out: BlockIndicator[] = [];
  for (const i of list) {
    const prev = out[out.length - 1];
    if (prev && prev.sentence === i.sentence && prev.strength === i.strength && /^[\s-]?$/.test(text.slice(prev.end, i.start))) {
      prev.end = i.end;
      prev.term = `${prev.term} ${i.term}`;
      if (i.group === 'diagnosis') prev.group = i.group;
    } else out.push({ ...i });
  }
  return out;
}

/** The reading that applies when the surname is known from `sentences[from]` on (`surname` undefined: not known). */
function readingFor(block: Block, s: BlockSummary, from: number, surname: string | undefined): Reading {
  if (surname === undefined || s.lastSensitive < from) return (s.base ??= read(block, s, Infinity, undefined));
  const v = s.variant;
  if (v && v.from === from && v.surname === surname) return v.reading;
  const reading = read(block, s, from, surname);
  s.variant = { from, surname, reading };
  return reading;
}

/** The block's indicators at absolute offsets (before the sources-section filter); reused while the block stays put. */
function place(r: Reading, block: Block): NonNullable<Reading['placed']> {
  const sentence0 = block.sentences.length ? block.sentences[0].index : -1;
  const p = r.placed;
  if (p && p.start === block.start && p.block === block.index && p.sentence0 === sentence0) return p;
  const abs = (i: BlockIndicator): MentalHealthIndicator => ({
    start: block.start + i.start,
    end: block.start + i.end,
    group: i.group,
    term: i.term,
    sentence: sentence0 + i.sentence,
    block: block.index,
    strength: i.strength,
    negated: i.negated,
    other: false,
  });
  const indicators = r.indicators.map(abs);
  const evidence = indicators.map((i) => ({ start: i.start, end: i.end }));
  return (r.placed = { start: block.start, block: block.index, sentence0, indicators, evidence, affirmed: r.affirmed.map(abs) });
}

/** Cue-lexicon hits in a block, by sentence within the block (read only in blocks the judgements need). */
function cuesIn(doc: Doc, block: Block, s: BlockSummary): NonNullable<BlockSummary['cues']> {
  if (!s.cues) {
    const first = block.sentences.length ? block.sentences[0].index : 0;
    s.cues = doc.hitsInBlock(cues, block.index).map((h) => ({ k: h.sentence - first, group: h.group, wellbeing: undefined }));
  }
  return s.cues;
}

// ---------------------------------------------------------------------------------------------------

/** Fills `analysis.categories['mental-health']` and stashes the facts the mental-health rules read. */
export function analyseMentalHealth(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const kind = doc.kind;
  const blocks = doc.blocks;
  const facts: MentalHealthFacts = {
    indicators: [],
    affirmed: [],
    addressed: false,
    significant: false,
    unanalysed: [],
    disclosuresWithoutAction: [],
    notAddressed: false,
    bereavementBlocks: new Set(),
  };
  factsByAnalysis.set(analysis, facts);

  const summaries = blockSummaries.of(blocks, (b) => summarise(doc, blocks[b]));

  // The surname is looked up once a sentence with indicators has a title, and applies from there on.
  let surnameKnown = false;
  let surname: string | undefined;
  let proposalAnywhere = false;
  /** Each block's reading, where it has indicators (kept for the judgements below). */
  const readings: (Reading | undefined)[] = new Array(blocks.length);
  const evidence: Span[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const s = summaries[b];
    if (s.proposal) proposalAnywhere = true;
    if (s.bereavement) facts.bereavementBlocks.add(b);
    if (!s.sentences.length) continue;
    const block = blocks[b];
    let from = Infinity;
    if (surnameKnown) from = 0;
    else if (s.firstTitle >= 0) {
      surnameKnown = true;
      surname = mainSurname(doc, summaries);
      from = s.firstTitle;
    }
    const r = (readings[b] = readingFor(block, s, from, surname));
    if (!r.indicators.length) continue;
    const p = place(r, block);
    const sources = block.section === 'sources';
    p.indicators.forEach((i, j) => {
      // Naming a screening or service in the sources list does not say anything about the person.
      if (sources && i.strength === 'mention') return;
      facts.indicators.push(i);
      evidence.push(p.evidence[j]);
    });
    for (const i of p.affirmed) facts.affirmed.push(i);
  }
  facts.addressed = facts.indicators.some((i) => i.strength !== 'affect');
  facts.significant = facts.affirmed.some((i) => i.strength === 'strong' && i.group !== 'trauma-symptoms');

  const coveredElsewhere = options.context?.categoriesCovered?.includes('mental-health') ?? false;
  const required = kind === 'psr' && !coveredElsewhere;
  const reasons: string[] = [];
  let status: CoverageStatus;

  if (kind === 'case-notes') {
    status = judgeCaseNotes(doc, summaries, facts, reasons);
  } else {
    const strong = facts.affirmed.filter((i) => i.strength === 'strong');
    const weak = facts.affirmed.filter((i) => i.strength === 'weak');
    /** Cue groups present in a block. */
    const blockCues = (b: number) => cuesIn(doc, blocks[b], summaries[b]);
    // A PSR must analyse a change in presentation; in a lone section, exploring it (or acting on it) is enough.
    const weakCues = kind === 'psr' ? ANALYSIS_CUES : EXPLORED_CUES;
    const exploredBlock = (b: number) => blockCues(b).some((c) => weakCues.has(c.group));
    /** Blocks with a statement about mental health (a negated indicator or a mention) say what it is based on. */
    const basisStated = () => {
      let last = -1;
      for (const i of facts.indicators) {
        if (i.block === last || !((i.negated && i.strength !== 'affect') || i.strength === 'mention')) continue;
        last = i.block;
        if (blockCues(i.block).some((c) => c.group === 'basis')) return true;
      }
      return false;
    };
    if (strong.length) {
      // Analysis sits in, or next to, a sentence about the person's own mental health (not an everyday feeling word).
      if (proposalAnywhere || analysedAnywhere(doc, summaries, readings)) {
        status = 'covered';
        reasons.push('Mental-health indicators are linked to the offence, risk, engagement or the proposal.');
      } else {
        status = 'partial';
        reasons.push('Mental-health indicators are described but not linked to offending, risk or the proposal.');
        const seen = new Set<number>();
        for (const i of strong) if (!seen.has(i.block)) seen.add(i.block) && facts.unanalysed.push(i);
      }
    } else if (weak.length) {
      const unexplored = weak.filter((i) => !exploredBlock(i.block));
      if (!unexplored.length || (kind === 'psr' && basisStated())) {
        status = 'covered';
        reasons.push('Changes in presentation are explored or mental health was considered with a basis.');
      } else {
        status = 'partial';
        reasons.push('A change in presentation or disclosure is not explored.');
        const seen = new Set<number>();
        for (const i of unexplored) if (!seen.has(i.block)) seen.add(i.block) && facts.disclosuresWithoutAction.push(i);
      }
    } else if (facts.addressed) {
      if (kind !== 'psr' || basisStated()) {
        status = 'covered';
        reasons.push('Mental health was considered and no concerns found, with a basis.');
      } else {
        status = 'partial';
        reasons.push('"No concerns" is stated without saying what it is based on.');
        facts.unsupportedNegative = facts.indicators.find((i) => i.strength !== 'affect');
      }
    } else {
      status = 'missing';
      if (required) {
        facts.notAddressed = true;
        facts.anchor = anchorFor(doc);
        reasons.push('The report does not mention mental health.');
      }
    }
  }

  analysis.categories['mental-health'] = { status, required, evidence, reasons };
}

/**
 * Whether any indicator that is not an everyday feeling word has link, risk or proposal cues in its sentence
 * or the sentences either side (within its block). Mentions in the sources section do not count.
 */
function analysedAnywhere(doc: Doc, summaries: BlockSummary[], readings: (Reading | undefined)[]): boolean {
  for (let b = 0; b < readings.length; b++) {
    const r = readings[b];
    if (!r?.indicators.length) continue;
    if (!r.analysed) {
      const near = cuesIn(doc, doc.blocks[b], summaries[b]).filter((c) => ANALYSIS_CUES.has(c.group));
      const analysed = (i: BlockIndicator) => near.some((c) => Math.abs(c.k - i.sentence) <= 1);
      r.analysed = [
        r.indicators.some((i) => (i.strength === 'strong' || i.strength === 'weak') && analysed(i)),
        r.indicators.some((i) => i.strength === 'mention' && analysed(i)),
      ];
    }
    if (r.analysed[0] || (r.analysed[1] && doc.blocks[b].section !== 'sources')) return true;
  }
  return false;
}

/** Case notes: every disclosure needs action in its own entry or the next few. */
function judgeCaseNotes(doc: Doc, summaries: BlockSummary[], facts: MentalHealthFacts, reasons: string[]): CoverageStatus {
  const disclosures = facts.affirmed.filter((i) => {
    if (i.group === 'service') return false; // naming a service is not a disclosure
    if (i.group === 'medication') return MED_CHANGE.test(doc.sentences[i.sentence].text);
    return true;
  });
  if (!disclosures.length) {
    reasons.push(facts.indicators.length ? 'Mental health is recorded with no unexplored disclosure.' : 'No mental-health content.');
    return 'covered';
  }
  const entryBlocks = new Map<number, Block[]>();
  for (const b of doc.blocks) {
    if (b.entry === undefined) continue;
    let list = entryBlocks.get(b.entry);
    if (!list) entryBlocks.set(b.entry, (list = []));
    list.push(b);
  }
  const mhSentences = new Set(facts.indicators.map((i) => i.sentence));
  const actedOn = (i: MentalHealthIndicator): boolean => {
    const entry = doc.blocks[i.block].entry;
    const blocks = entry === undefined ? [doc.blocks[i.block]] : [];
    if (entry !== undefined) for (let e = entry; e <= entry + FOLLOW_UP_ENTRIES; e++) blocks.push(...(entryBlocks.get(e) ?? []));
    for (const b of blocks) {
      const first = b.sentences.length ? b.sentences[0].index : 0;
      for (const c of cuesIn(doc, b, summaries[b.index])) {
        const sentence = first + c.k;
        if (c.group === 'action' && (b.entry === entry || (c.wellbeing ??= WELLBEING_TOPIC.test(doc.sentences[sentence].text)))) return true;
        // "referred", "explored", "booked" count where the sentence is itself about mental health.
        if (c.group === 'action-generic' && (sentence === i.sentence || (b.entry === entry && mhSentences.has(sentence)))) return true;
      }
    }
    return false;
  };
  const seen = new Set<number>();
  for (const i of disclosures) {
    if (seen.has(i.sentence) || actedOn(i)) continue;
    seen.add(i.sentence);
    facts.disclosuresWithoutAction.push(i);
  }
  if (facts.disclosuresWithoutAction.length) {
    reasons.push('A disclosure or change in presentation has no recorded action.');
    return 'partial';
  }
  reasons.push('Disclosures are followed up.');
  return 'covered';
}

/** The circumstances/behaviour heading (or, failing that, the first block) for a not-addressed finding. */
function anchorFor(doc: Doc): { start: number; end: number; afterHeading: boolean } | undefined {
  const heading = doc.blocks.find((b) => b.type === 'heading' && b.section === 'behaviour-lifestyle');
  if (heading) return { start: heading.start, end: heading.end, afterHeading: true };
  const first = doc.blocks[0];
  return first ? { start: first.start, end: first.end, afterHeading: false } : undefined;
}
