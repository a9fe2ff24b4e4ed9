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
 * Everything is found through `doc.hits` (cached per block); the cue lexicon is read only in blocks that
 * already mention mental health, and sentence judgements (negation, whose condition) are cached by
 * sentence text.
 */
import indicatorData from '../../rules/lexicons/mental-health.json' with { type: 'json' };
import cueData from '../../rules/lexicons/mental-health-cues.json' with { type: 'json' };
import type { Block, Doc, Hit } from '../document.js';
import { compileLexicon } from '../lexicon.js';
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
const judgementCache = new Map<string, Judgement[]>();

function judgeSentence(text: string, rel: { start: number; end: number; group: string }[], surname: string | undefined): Judgement[] {
  const key = `${surname ?? ''}\u0000${text}`;
  let out = judgementCache.get(key);
  if (out && out.length === rel.length) return out;
  out = rel.map((h, k) => {
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
  if (judgementCache.size > 5000) judgementCache.clear();
  judgementCache.set(key, out);
  return out;
}

/** The person's surname: the most frequent "Mr/Ms X" in the text (cheap, and only asked for when needed). */
function mainSurname(doc: Doc): string | undefined {
  const counts = new Map<string, number>();
  for (const m of doc.text.slice(0, 20000).matchAll(/\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][A-Za-z'’-]+)/g)) {
    const n = m[1].toLowerCase();
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: string | undefined;
  let max = 0;
  for (const [n, c] of counts) if (c > max) [best, max] = [n, c];
  return best;
}

// ---------------------------------------------------------------------------------------------------

/** Fills `analysis.categories['mental-health']` and stashes the facts the mental-health rules read. */
export function analyseMentalHealth(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const kind = doc.kind;
  const hits = doc.hits(indicators);
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

  let proposalAnywhere = false;
  let surname: string | undefined | null = null;
  const bySentence = new Map<number, Hit[]>();
  for (const h of hits) {
    if (doc.blocks[h.block].type === 'heading' || h.sentence < 0) continue;
    if (h.group === PROPOSAL) {
      proposalAnywhere = true;
      continue;
    }
    if (h.group === 'bereavement') {
      facts.bereavementBlocks.add(h.block);
      continue;
    }
    let list = bySentence.get(h.sentence);
    if (!list) bySentence.set(h.sentence, (list = []));
    list.push(h);
  }
  for (const [si, list] of bySentence) {
    const sentence = doc.sentences[si];
    if (surname === null && /\b(?:Mr|Mrs|Ms|Miss|Mx)\b/.test(sentence.text)) surname = mainSurname(doc);
    const judged = judgeSentence(
      sentence.text,
      list.map((h) => ({ start: h.start - sentence.start, end: h.end - sentence.start, group: h.group })),
      surname ?? undefined,
    );
    list.forEach((h, i) => {
      if (judged[i].other) return;
      if (h.group === 'medication-generic') {
        if (!MED_CHANGE.test(sentence.text) || PHYSICAL.test(sentence.text)) return;
        h = { ...h, group: 'medication' };
      }
      const strength = STRONG.has(h.group) ? 'strong' : WEAK.has(h.group) ? 'weak' : AFFECT.has(h.group) ? 'affect' : 'mention';
      // Naming a screening or service in the sources list does not say anything about the person.
      if (strength === 'mention' && doc.blocks[h.block].section === 'sources') return;
      const ind: MentalHealthIndicator = { start: h.start, end: h.end, group: h.group, term: h.term, sentence: si, block: h.block, strength, negated: judged[i].negated, other: false };
      facts.indicators.push(ind);
      if (!ind.negated && (strength === 'strong' || strength === 'weak')) facts.affirmed.push(ind);
    });
  }
  facts.indicators.sort((a, b) => a.start - b.start);
  facts.affirmed.sort((a, b) => a.start - b.start);
  facts.affirmed = mergeAdjacent(facts.affirmed, doc.text);
  facts.addressed = facts.indicators.some((i) => i.strength !== 'affect');
  facts.significant = facts.affirmed.some((i) => i.strength === 'strong' && i.group !== 'trauma-symptoms');

  const coveredElsewhere = options.context?.categoriesCovered?.includes('mental-health') ?? false;
  const required = kind === 'psr' && !coveredElsewhere;
  const evidence: Span[] = facts.indicators.map((i) => ({ start: i.start, end: i.end }));
  const reasons: string[] = [];
  let status: CoverageStatus;

  if (kind === 'case-notes') {
    status = judgeCaseNotes(doc, facts, reasons);
  } else {
    const strong = facts.affirmed.filter((i) => i.strength === 'strong');
    const weak = facts.affirmed.filter((i) => i.strength === 'weak');
    // Analysis sits in, or next to, a sentence about the person's own mental health (not an everyday feeling word).
    const anchors = facts.indicators.filter((i) => i.strength !== 'affect');
    const analysedNear = (i: MentalHealthIndicator) => nearCues(doc, i).some((g) => ANALYSIS_CUES.has(g));
    // A PSR must analyse a change in presentation; in a lone section, exploring it (or acting on it) is enough.
    const weakCues = kind === 'psr' ? ANALYSIS_CUES : EXPLORED_CUES;
    const exploredBlock = (b: number) => cueGroups(doc, b).some((g) => weakCues.has(g));
    const statementBlocks = new Set(
      facts.indicators.filter((i) => (i.negated && i.strength !== 'affect') || i.strength === 'mention').map((i) => i.block),
    );
    const basisStated = [...statementBlocks].some((b) => cueGroups(doc, b).includes('basis'));
    if (strong.length) {
      if (proposalAnywhere || anchors.some(analysedNear)) {
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
      if (!unexplored.length || (basisStated && kind === 'psr')) {
        status = 'covered';
        reasons.push('Changes in presentation are explored or mental health was considered with a basis.');
      } else {
        status = 'partial';
        reasons.push('A change in presentation or disclosure is not explored.');
        const seen = new Set<number>();
        for (const i of unexplored) if (!seen.has(i.block)) seen.add(i.block) && facts.disclosuresWithoutAction.push(i);
      }
    } else if (facts.addressed) {
      if (basisStated || kind !== 'psr') {
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

/** Cue groups present in a block (cue lexicon hits are cached per block by the Doc). */
function cueGroups(doc: Doc, block: number): string[] {
  return doc.hitsInBlock(cues, block).map((h) => h.group);
}

/** Cue groups in the indicator's sentence and the sentences either side of it, within its block. */
function nearCues(doc: Doc, i: MentalHealthIndicator): string[] {
  return doc
    .hitsInBlock(cues, i.block)
    .filter((h) => Math.abs(h.sentence - i.sentence) <= 1)
    .map((h) => h.group);
}

/** "paranoid schizophrenia" is one finding, not two. Returns new objects; `indicators` keep the raw terms. */
function mergeAdjacent(list: MentalHealthIndicator[], text: string): MentalHealthIndicator[] {
  const out: MentalHealthIndicator[] = [];
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

/** Case notes: every disclosure needs action in its own entry or the next few. */
function judgeCaseNotes(doc: Doc, facts: MentalHealthFacts, reasons: string[]): CoverageStatus {
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
      for (const h of doc.hitsInBlock(cues, b.index)) {
        if (h.group === 'action' && (b.entry === entry || WELLBEING_TOPIC.test(doc.sentences[h.sentence].text))) return true;
        // "referred", "explored", "booked" count where the sentence is itself about mental health.
        if (h.group === 'action-generic' && (h.sentence === i.sentence || (b.entry === entry && mhSentences.has(h.sentence)))) return true;
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
