/**
 * Sources of information: which sources the text cites (in a sources section, a "Basis:" line, a list or
 * running prose), which ones its content makes necessary, and whether outstanding checks say what their
 * absence means. Rules in rules/sources-*.ts report from these facts.
 *
 * Everything is found through `doc.hitsInBlock` and judged with small, sentence-local tests: a source name
 * counts as cited when it is in the sources section, names a document or check in its own right ("PNC
 * printout", "DA call-out check"), or sits next to a word showing the author read, checked or spoke to it
 * ("her GP confirmed"); and not when it is negated, hypothetical or merely possessed ("he has a criminal
 * record"). The judgements are made once per block text and cached (see BlockFacts), so a re-lint re-reads
 * only the blocks that changed and the rest is a cheap pass over cached facts.
 */
import type { Block, Doc, Hit, Sentence } from '../document.js';
import { compileLexicon, compileTerms, type CompiledLexicon } from '../lexicon.js';
import type { Analysis, LintOptions, SectionId, SourceCitation, SourceId, SourceRequirement, Span, TermsOption } from '../types.js';
import { SOURCE_IDS } from '../types.js';
import sourcesData from '../../rules/lexicons/sources.json' with { type: 'json' };
import cuesData from '../../rules/lexicons/sources-cues.json' with { type: 'json' };
import triggersData from '../../rules/lexicons/sources-triggers.json' with { type: 'json' };
import { BlockValues } from '../memo.js';

type Groups = Record<string, string[]>;

// ---------------------------------------------------------------------------------------------------
// Lexicons: compiled once at load; the sources lexicon once more per distinct `terms` object.

const SOURCE_GROUPS = sourcesData.groups as Groups;
const baseSources = compileLexicon('sources', SOURCE_GROUPS);
const withTerms = new WeakMap<object, CompiledLexicon>();

/** The sources lexicon, extended by `options.terms.sources` (compiled once per terms object). */
export function sourcesLexicon(terms?: TermsOption): CompiledLexicon {
  const extra = terms?.sources;
  if (!terms || !extra || !Object.values(extra).some((v) => Array.isArray(v) && v.length)) return baseSources;
  let lex = withTerms.get(terms);
  if (!lex) {
    const groups: Groups = { ...SOURCE_GROUPS };
    for (const [id, list] of Object.entries(extra)) {
      if (!(SOURCE_IDS as readonly string[]).includes(id) || !Array.isArray(list)) continue;
      const clean = list.filter((t): t is string => typeof t === 'string' && t.trim().length > 0);
      if (clean.length) groups[id] = [...(groups[id] ?? []), ...clean];
    }
    lex = compileLexicon('sources+terms', groups);
    withTerms.set(terms, lex);
  }
  return lex;
}

const cueGroups = cuesData.groups as Groups;
const CUE = {
  cite: compileTerms('sources-cue-cite', cueGroups.cite),
  outstanding: compileTerms('sources-cue-outstanding', cueGroups.outstanding),
  done: compileTerms('sources-cue-done', cueGroups.done),
  implication: compileTerms('sources-cue-implication', cueGroups.implication),
  statement: compileTerms('sources-cue-statement', cueGroups.statement),
  contactBefore: compileTerms('sources-cue-contact-before', cueGroups['contact-before']),
  contactAfter: compileTerms('sources-cue-contact-after', cueGroups['contact-after']),
};

const trig = triggersData.groups as Groups;
const family = (name: string, ...groups: string[]) =>
  compileLexicon(`sources-trigger-${name}`, Object.fromEntries(groups.filter((g) => trig[g]).map((g) => [g, trig[g]])));
const TRIGGER = {
  domestic: family('domestic', 'domestic', 'domestic:not'),
  children: family('children', 'children', 'children:not'),
  mentalHealth: family('mental-health', 'mental-health', 'mental-health:clinical'),
  supervision: family('supervision', 'supervision', 'supervision:not'),
  victimOffence: family('victim-offence', 'victim-offence', 'victim-offence:not'),
  victim: family('victim', 'victim', 'victim:not'),
  curfew: family('curfew', 'curfew'),
};

// ---------------------------------------------------------------------------------------------------
// Sentence-local tests. Applied only to the few sentences that hold a hit, never to the whole text.

/** A negator just before the term in its clause: "no", "not seen his", "never had a". */
const NEG_PRE = /\b(?:no|not|nothing|never|without|nor|neither|unable to|didn['’]t|hasn['’]t|haven['’]t|hadn['’]t|wasn['’]t|weren['’]t|isn['’]t|doesn['’]t)\b(?:\s+[\w'’-]+){0,3}\s*$/i;
/** Negated existence: "no children", "not in a relationship", "neither of them has". */
const NEG_EXIST =
  /(?:\b(?:no|none|nor|not|without|never (?:had|been in|been married|has had)|not (?:in|currently in|got|have|had|living with)|(?:does|did|do)(?: not|n['’]t) have|(?:has|have|had)(?: not|n['’]t)(?: got| had| any)?|is(?: not|n['’]t)(?: currently)? in)\s+(?:(?:a|an|any|got|current|currently|other|further|new|own|more|the|ever|had|biological|young|dependent|step|of|them|his|her|their)\s+){0,3}$)|\bneither\b[^.;]*$/i;
/** Broad negation for health indicators ("never self-harmed and reported no thoughts of suicide or"). */
const NEG_HEALTH = /\b(?:no|not|never|nor|neither|denie[sd]|deny|denying|without|ruled out|free of)\b[^;:]{0,50}$/i;
/** The text says no statement was made or one is unavailable. */
const NONE_POST =
  /^[^.;]{0,70}?\b(?:declined|refused|was not (?:made|provided|submitted|available|obtained)|were not (?:made|provided|submitted|available)|(?:has|have|had) not been (?:made|provided|submitted|obtained)|not (?:made|provided|submitted|available)|none (?:was|were|has|had))/i;
/** Future or hypothetical: "a psychiatric report should be obtained", "I recommend a GP letter". */
const FUTURE = /\b(?:should|could|would|may wish|might|recommend\w*|suggest\w*|propos\w*|will need|need(?:s|ed)? to be|to be (?:obtained|requested|completed|sought|reviewed)|consider (?:ordering|obtaining|requesting)|adjourn\w* for)\b/i;
/** "He has a criminal record", "she has a social worker": possession, not use. */
const POSSESSED = /\b(?:he|she|they|mr\.? [\w'’-]+|ms\.? [\w'’-]+|mrs\.? [\w'’-]+|miss [\w'’-]+) (?:has|have|had)(?: got)? (?:an? |no |any )?(?:\w+ )?$/i;
/** Police, not probation, interviews. */
const POLICE_CONTEXT = /\b(?:police|arrest\w*|custody|caution|no comment|PACE|officers?)\b/i;
const PROBATION_INTERVIEW = /\b(?:with me|I interviewed|my interview|our interview|probation|interviewed (?:him|her|them) (?:at|on|in|by))\b/i;
const DECEASED = /\b(?:died|death|passed away|late (?:wife|husband|partner)|widow\w*|bereave\w*)\b/i;
const OTHERS_POSSESSIVE =
  /\b(?:mother|mum|father|dad|sister|brother|aunt|uncle|nan|gran|grandmother|grandfather|friend|cousin|landlord|landlady)\s+and\s+(?:her|his|their)\s+$|\b(?:mother|mum|father|dad|sister|brother|friend|victim|cousin|aunt|uncle|son|daughter|neighbour|colleague|nan|gran|grandmother|grandfather|housemate|flatmate)(?:'s|’s)\s+(?:[\w-]+\s+)?$/i;
const RELATION =
  /\b(?:mother|mum|father|dad|sister|brother|partner|wife|husband|girlfriend|boyfriend|son|daughter|child|friend|victim|nan|gran|grandmother|grandfather|uncle|aunt|cousin|neighbour|parents?)\b/gi;
/** "spoke to him about his mother": the conversation was with the defendant, not the relative. */
const TO_DEFENDANT = /^\s*(?:him|them|the defendant|her\s+(?:about|on|at|by|in|regarding|and|with|when|after|before|over)\b)/i;
const SUBJECT_SWITCH = /\b(?:he|she|mr|ms|mrs|miss|the defendant)\b/i;
const ADULT_POST = /^\s*,?\s*(?:who is |who's |aged |now |\()?(?:now |aged )?(?:1[89]|[2-9]\d)\b/i;
const ADULT_PRE = /\b(?:adult|grown[\s-]up|grown)\s+$/i;
const NOT_MENTAL = /\b(?:diabet\w*|asthma|epilep\w*|cancer|dyslexi\w*|dyspraxi\w*|arthritis|heart|HIV|hepatitis|COPD|physical|back|knee|injur\w*|autis\w*|ASD|ASC|ADHD|learning|hearing loss|sight|kidney|liver)\b/i;
const CLINICAL = /\b(?:diagnos\w*|prescri\w*|medicat\w*|GP|treatment|treated|therap\w*|counsell\w*|disorder|for (?:many |several |some )?years|history of|long[\s-]standing|severe|chronic|sectioned|hospital\w*|CMHT|psychiatr\w*|psycholog\w*|crisis|referr\w*|clinical)\b/i;
const HYPOTHETICAL =
  /\b(?:would|could|might|may|propos\w*|recommend\w*|suggest\w*|if|suitab\w*|available|threshold|starting point|consider\w*|alternatives?|options?|unless|instead|rather than|will|shall|should|impose|imposes|ask the court|range|can be)\b/i;
const HISTORY =
  /\b(?:subject to|received|receiving|imposed|given|sentenced|made in|made on|completed|complied|breach\w*|revoked|previous|previously|prior|last|current|currently|existing|ongoing|still|already|was on|were on|is on|served|serving|released|recalled|on licence|under supervision|supervised|ended|expired|expires|during|at the time|(?:19|20)\d\d|ago|when he was|when she was)\b/i;
const REQUIREMENT = /requirement|unpaid work|^(?:UPW|RAR|DRR|ATR|MHTR)$/i;
const REQUIREMENT_HISTORY =
  /\b(?:completed|complied|breach\w*|previous|previously|prior|last|current|currently|existing|was given|were given|received|imposed|subject to|(?:19|20)\d\d)\b/i;
const SPEECH_CUE = /^(?:told me|states|stated|describes|described|confirmed|confirms|confirm|indicates|indicated|reports from)$/i;
/** A stated non-psychiatric purpose for a medicine ("for sleep", "for back pain"). */
const PHYSICAL_PURPOSE = /^[^.;]{0,40}?\bfor (?:his |her |their )?(?:sleep|insomnia|pain|back|headaches?|migraines?|nerve pain|arthritis|epilepsy|seizures|diabetes|blood pressure|asthma)\b/i;
/** Generic RoSH categories ("low risk to known adults and children"). */
const RISK_CATEGORY = /\b(?:risk|RoSH|harm)\b[^.;]{0,80}$/i;
const MEDICINE = /^(?:antidepressant\*|anti depressant\*|sertraline|fluoxetine|citalopram|escitalopram|mirtazapine|amitriptyline|venlafaxine|quetiapine|olanzapine)$/i;
const CURRENT_PRE = /\b(?:existing|current|currently|previous|previously|ongoing|earlier|last)\b[\w\s-]{0,20}$/i;
const PREVIOUS_OFFENCE = /\b(?:previous|convictions?|history|cautioned|caution|record|in (?:19|20)\d\d|(?:19|20)\d\d|prior|earlier)\b/i;
const VICTIM_PASSIVE = /\b(?:was|were|is|are|been|being|as|got)\s+$/i;
const BUSINESS = /\b(?:shop|store|supermarket|business|company|retailer|premises|branch|firm|chain|council|bank)\b/i;
const CURFEW_PROPOSAL = /\b(?:propos\w*|recommend\w*|requirement|suitab\w*|court (?:could|may|might)|order|impose|sentence)\b/i;
const CURFEW_LICENCE = /\b(?:approved premises|AP|hostel|licence|HDC|home detention)\b/;
const BASELINE: SourceId[] = ['cps', 'previous-convictions', 'interview'];

// ---------------------------------------------------------------------------------------------------
// Facts kept for the rules.

/** One sighting of a source in the text, with the verdict on it. */
export interface SourceSighting {
  id: SourceId;
  start: number;
  end: number;
  term: string;
  sentence: number;
  block: number;
  /** Counts as the author having used this source. */
  cited: boolean;
  inSourcesSection: boolean;
  outstanding: boolean;
  implicationStated: boolean;
  /** The text says none was made or none is available (e.g. the victim declined to make a statement). */
  none: boolean;
}

/** Where the sources are listed, so findings and fixes can point there. */
export interface SourcesPlace {
  /** The sources heading block, if there is one. */
  heading?: Block;
  /** The last content block of the sources section. */
  last?: Block;
  /** How a new line in the list should start ("- ", "1.6 ", "" for prose). */
  linePrefix: string;
}

export interface SourceFacts {
  sightings: SourceSighting[];
  place: SourcesPlace;
  /** Required ids that are not cited (in requirement order), excluding curfew-only requirements. */
  missing: SourceRequirement[];
  /** Checks a curfew proposal calls for that are not cited. */
  curfew?: { because: Span; missing: SourceId[] };
  /** Citations that are outstanding and do not state what that means. */
  outstandingWithoutImplication: SourceCitation[];
  /** The span of the first block, for findings about the document as a whole. */
  top: Span;
}

const facts = new WeakMap<Analysis, SourceFacts>();

/** The sources facts computed for an analysis (undefined before `analyseSources` ran). */
export function sourceFacts(analysis: Analysis): SourceFacts | undefined {
  return facts.get(analysis);
}

// ---------------------------------------------------------------------------------------------------

const bySentence = (hits: Hit[]) => {
  const m = new Map<number, Hit[]>();
  for (const h of hits) {
    const list = m.get(h.sentence);
    if (list) list.push(h);
    else m.set(h.sentence, [h]);
  }
  return m;
};

const CLAUSE_BREAK = /[;:()[\]]|\s[—–-]\s|\bbut\b|\bhowever\b|\balthough\b|\bwhereas\b/gi;

/** Text of the sentence before `offset`, cut back to the start of its clause. */
function clauseBefore(s: Sentence, offset: number): string {
  const pre = s.text.slice(0, Math.max(0, offset - s.start));
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(pre))) cut = m.index + m[0].length;
  return pre.slice(cut);
}

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

type GroupKind = 'strong' | 'mention' | 'not' | 'person';
/** Parsed group names ("gp:mention" → gp, mention); lexicons have a few hundred, so this stays small. */
const groupMemo = new Map<string, { id: string; kind: GroupKind }>();

function baseGroup(group: string): { id: string; kind: GroupKind } {
  let g = groupMemo.get(group);
  if (!g) {
    const i = group.indexOf(':');
    const k = i < 0 ? '' : group.slice(i + 1);
    g = { id: i < 0 ? group : group.slice(0, i), kind: i < 0 ? 'strong' : k === 'mention' ? 'mention' : k === 'person' ? 'person' : 'not' };
    groupMemo.set(group, g);
  }
  return g;
}

/** `section`: the PSR field a fragment comes from (`options.section`), when it is one. */
function isSourcesBlock(block: Block, section: SectionId | undefined): boolean {
  if (section === 'sources') return true;
  if (block.section === 'sources') return true;
  if (block.type === 'table-row' && /^\|?\s*(?:\*\*)?(?:sources|basis|information used)/i.test(block.text)) return true;
  return false;
}

/** Sightings relative to their block, cached by block text so a re-lint only re-reads changed blocks. */
interface RelSighting {
  id: SourceId;
  start: number;
  end: number;
  term: string;
  /** Index of the sentence within its block. */
  sent: number;
  cited: boolean;
  outstanding: boolean;
  none: boolean;
}

/** The sightings of one block judged inside or outside the sources section. */
interface Judged {
  rel: RelSighting[];
  /** A cited sighting shares its sentence with a sources statement ("This report is based on…"). */
  statement: boolean;
}

/**
 * Everything analyseSources reads from one block, relative to the block. It depends only on the block's text
 * and the lexicons, so it is cached by text (per sources lexicon) and a re-lint re-reads only changed blocks;
 * what depends on where the block sits (its section, the rest of the document) is decided in the fold.
 * Parts not every lint needs are filled on first use.
 */
interface BlockFacts {
  /** The block holds a hit of the sources lexicon (any group), so its sightings are judged. */
  hasSources: boolean;
  /** Judged sightings: [0] outside, [1] inside the sources section. */
  judged: [Judged | undefined, Judged | undefined];
  /** Per sentence of the block: the relative start of its last implication cue, or -1. */
  implication?: number[];
  /** Trigger candidates by family (only PSRs and the sources field ask, and only up to the first trigger). */
  triggers?: (Candidate[] | undefined)[];
  /** Sons, daughters or children this block shows to be adults. */
  adultNouns?: string[];
}


/** Block facts per sources lexicon. A WeakMap, so lexicons compiled for `options.terms` are not kept alive. */
const blockCaches = new WeakMap<CompiledLexicon, BlockValues<BlockFacts>>();

/** Facts for every block of the document, in order. */
function allBlockFacts(doc: Doc, lexicon: CompiledLexicon): BlockFacts[] {
  let cache = blockCaches.get(lexicon);
  if (!cache) blockCaches.set(lexicon, (cache = new BlockValues()));
  return cache.of(doc.blocks, (b) => ({ hasSources: doc.hitsInBlock(lexicon, b).length > 0, judged: [undefined, undefined] }));
}

function judged(f: BlockFacts, doc: Doc, b: number, inSources: boolean, lexicon: CompiledLexicon): Judged {
  const k = inSources ? 1 : 0;
  let j = f.judged[k];
  if (!j) {
    const block = doc.blocks[b];
    const first = block.sentences[0]?.index ?? 0;
    const rel = judgeBlock(doc, b, inSources, lexicon).map((sg) => ({
      id: sg.id,
      start: sg.start - block.start,
      end: sg.end - block.start,
      term: sg.term,
      sent: sg.sentence - first,
      cited: sg.cited,
      outstanding: sg.outstanding,
      none: sg.none,
    }));
    const statementSentences = new Set(doc.hitsInBlock(CUE.statement, b).map((h) => h.sentence - first));
    j = f.judged[k] = { rel, statement: rel.some((r) => r.cited && statementSentences.has(r.sent)) };
  }
  return j;
}

/**
 * The document's sightings at absolute offsets, in order. Built only when `SourceFacts.sightings` is read:
 * the fold works on the cached relative ones, so a lint allocates nothing per sighting.
 */
function placeSightings(doc: Doc, perBlock: readonly BlockFacts[], section: SectionId | undefined, implications: readonly boolean[]): SourceSighting[] {
  const out: SourceSighting[] = [];
  let k = 0;
  for (let b = 0; b < perBlock.length; b++) {
    const f = perBlock[b];
    if (!f.hasSources) continue;
    const block = doc.blocks[b];
    const inSources = isSourcesBlock(block, section);
    const first = block.sentences[0]?.index ?? 0;
    for (const r of f.judged[inSources ? 1 : 0]!.rel) {
      out.push({
        id: r.id,
        start: r.start + block.start,
        end: r.end + block.start,
        term: r.term,
        sentence: r.sent + first,
        block: b,
        cited: r.cited,
        inSourcesSection: inSources,
        outstanding: r.outstanding,
        implicationStated: r.outstanding ? implications[k++] : false,
        none: r.none,
      });
    }
  }
  return out;
}

/**
 * Cue hits of one block by sentence, each lexicon run only when a judgement first reads it (a block of strong
 * source names never needs the cite cues, whose lexicon costs as much to run as the sources one).
 */
class BlockCues {
  private memo = new Map<CompiledLexicon, Map<number, Hit[]>>();
  constructor(
    private doc: Doc,
    private b: number,
  ) {}
  private read(lex: CompiledLexicon): Map<number, Hit[]> {
    let m = this.memo.get(lex);
    if (!m) this.memo.set(lex, (m = bySentence(this.doc.hitsInBlock(lex, this.b))));
    return m;
  }
  get cite() {
    return this.read(CUE.cite);
  }
  get outstanding() {
    return this.read(CUE.outstanding);
  }
  get done() {
    return this.read(CUE.done);
  }
  get contactBefore() {
    return this.read(CUE.contactBefore);
  }
  get contactAfter() {
    return this.read(CUE.contactAfter);
  }
}

/** Judges every source name in one block: cited, outstanding, or "none was made". */
function judgeBlock(doc: Doc, b: number, inSources: boolean, lexicon: CompiledLexicon): SourceSighting[] {
  const sourceHits = doc.hitsInBlock(lexicon, b);
  const cues = new BlockCues(doc, b);
  const hitsBySentence = bySentence(sourceHits.filter((h) => !h.group.endsWith(':not')));

  const sightings: SourceSighting[] = [];
  for (const h of sourceHits) {
    const { id, kind } = baseGroup(h.group);
    if (kind === 'not') continue;
    const s = doc.sentences[h.sentence];
    if (!s) continue;
    const pre = clauseBefore(s, h.start);
    const same = hitsBySentence.get(h.sentence) ?? [];
    // The clause segment that belongs to this source: up to the next source of another kind.
    // "Police DA and children's services checks have been requested": a coordinated list shares what follows it.
    let tail = h.end;
    let next: Hit | undefined;
    for (const o of same) {
      if (o.start < h.end) continue;
      const joined = /^[\s,&/-]*(?:and|or|plus)?[\s,&/-]*$/i.test(doc.text.slice(tail, o.start));
      if (baseGroup(o.group).id === id) {
        if (joined) tail = o.end;
        continue;
      }
      if (joined) {
        tail = o.end;
        continue;
      }
      next = o;
      break;
    }
    const segEnd = next ? next.start : s.end;
    let prev: Hit | undefined;
    for (const o of same) if (o.end <= h.start && baseGroup(o.group).id !== id) prev = o;
    const segStart = Math.max(prev ? prev.end : s.start, h.start - pre.length);
    const post = doc.text.slice(h.end, segEnd);
    const segment = doc.text.slice(segStart, segEnd);

    let cited = false;
    let outstanding = false;
    let none = false;
    const negated = isNegated(pre, h, cues);

    if (kind === 'person') {
      // A family member, employer or other agency counts when the author spoke to, or heard from, them.
      const before = (cues.contactBefore.get(h.sentence) ?? []).some((c) => c.end <= h.start && h.start - c.end <= 30 && !TO_DEFENDANT.test(doc.text.slice(c.end, h.start)));
      const after = (cues.contactAfter.get(h.sentence) ?? []).some(
        (c) => c.start >= h.end && c.start - h.end <= 45 && !SUBJECT_SWITCH.test(doc.text.slice(h.end, c.start).replace(/\b(?:Mr|Ms|Mrs|Miss)\.? [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?/g, '')),
      );
      if ((before || after) && !negated && !FUTURE.test(segment)) sightings.push(sighting('third-party', h, true, inSources));
      continue;
    }
    if (id === 'interview' && /^interview/i.test(h.term) && POLICE_CONTEXT.test(s.text) && !PROBATION_INTERVIEW.test(s.text)) continue;
    if (id === 'substance-service' && /\b(?:custody|arrest\w*|police)\b/i.test(s.text)) continue;

    if (id === 'victim-statement' && (h.term.startsWith('/') || negated || NONE_POST.test(post))) none = true;
    if (!none && !negated) {
      const isOutstanding = hasCue(cues.outstanding, h, segStart, segEnd) && !doneAfter(cues, h, segStart, segEnd);
      if (isOutstanding) outstanding = true;
      if (inSources) cited = true;
      else if (FUTURE.test(pre) || (FUTURE.test(post) && !isOutstanding)) cited = false;
      else if (kind === 'strong') cited = !POSSESSED.test(pre);
      else {
        // A bare mention ("his GP", "children's services") needs a word showing it was used.
        // Speech verbs only count after the mention ("his GP told me"), not before it ("he told me his GP…").
        cited =
          (cues.cite.get(h.sentence) ?? []).some(
            (c) => Math.abs(c.start - h.start) <= 60 && !overlaps(c, [h]) && (c.start > h.start || !SPEECH_CUE.test(c.term)),
          ) && !POSSESSED.test(pre);
      }
      if (outstanding) cited = true;
    }
    if (none) cited = false;
    if (!cited && !none) continue;
    const sg = sighting(id as SourceId, h, cited, inSources);
    sg.outstanding = outstanding && cited;
    sg.none = none;
    sightings.push(sg);
  }

  // Conversations listed in the sources section with someone who is not the defendant ("Telephone
  // conversation with Mrs Royce") count as third-party even when no relationship word is used.
  if (inSources) {
    for (const [si, list] of cues.contactBefore) {
      const s = doc.sentences[si];
      for (const c of list) {
        const after = doc.text.slice(c.end, Math.min(s.end, c.end + 40));
        if (/^\s*(?:him|her|them|the defendant|the person on probation)\b/i.test(after)) continue;
        if (!/^\s*(?:(?:his|her|their|the)\s+)?(?:[A-Z][\w'’-]+\s+)?(?:Mr|Ms|Mrs|Miss|Dr)\b/.test(after)) continue;
        if ((hitsBySentence.get(si) ?? []).some((h) => baseGroup(h.group).id === 'interview' && Math.abs(h.start - c.start) < 40)) continue;
        sightings.push({ id: 'third-party', start: c.start, end: c.end, term: c.term, sentence: si, block: s.block, cited: true, inSourcesSection: true, outstanding: false, implicationStated: false, none: false });
      }
    }
  }
  return sightings;
}


/** Fills sourcesCited, sourcesStated, sourcesRequired and categories.sources. */
export function analyseSources(doc: Doc, analysis: Analysis, options: LintOptions): void {
  const lexicon = sourcesLexicon(options.terms);
  const required = analysis.kind === 'psr' || analysis.section === 'sources';

  // One pass over the blocks' cached facts. Citations: one per id, outstanding only when every sighting is.
  const perBlock = allBlockFacts(doc, lexicon);
  const cited = new Map<SourceId, SourceCitation>();
  /** Ids with an outstanding sighting whose implication is stated. */
  let implied: Set<SourceId> | undefined;
  /** For each outstanding sighting in order, whether its implication is stated (for `placeSightings`). */
  const implications: boolean[] = [];
  let victimNone = false;
  const sourceBlocks: Block[] = [];
  let headingBlock: Block | undefined;
  let statement = false;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    const f = perBlock[b];
    const inSources = isSourcesBlock(block, analysis.section);
    if (inSources && block.type !== 'heading') sourceBlocks.push(block);
    if (!headingBlock && block.type === 'heading' && block.section === 'sources') headingBlock = block;
    if (!f.hasSources) continue;
    const j = judged(f, doc, b, inSources, lexicon);
    if (j.statement) statement = true;
    for (const r of j.rel) {
      if (r.id === 'victim-statement' && r.none) victimNone = true;
      if (!r.cited) continue;
      let c = cited.get(r.id);
      if (!c) {
        c = { id: r.id, spans: [], outstanding: true, implicationStated: true, external: false };
        cited.set(r.id, c);
      }
      c.spans.push({ start: block.start + r.start, end: block.start + r.end });
      if (!r.outstanding) {
        c.outstanding = false;
        continue;
      }
      // The implication of an outstanding check may follow in later blocks, so it is judged on the document.
      const stated = implicationAfter(doc, { sentence: (block.sentences[0]?.index ?? 0) + r.sent, start: block.start + r.start }, perBlock);
      implications.push(stated);
      if (stated) (implied ??= new Set()).add(r.id);
    }
  }
  for (const c of cited.values()) c.implicationStated = c.outstanding && implied !== undefined && implied.has(c.id);
  let external = false;
  for (const raw of options.context?.sourcesCited ?? []) {
    const id = String(raw).trim().toLowerCase() as SourceId;
    if (!(SOURCE_IDS as readonly string[]).includes(id)) continue;
    external = true;
    if (!cited.has(id)) cited.set(id, { id, spans: [], outstanding: false, implicationStated: false, external: true });
  }
  analysis.sourcesCited = SOURCE_IDS.filter((id) => cited.has(id)).map((id) => cited.get(id)!);

  // Stated: a sources section or "Basis:" line with content, a prose statement, or enough sources in prose.
  let textIds = 0;
  for (const c of cited.values()) if (!c.external) textIds++;
  analysis.sourcesStated = sourceBlocks.length > 0 || statement || textIds >= 3 || external;

  // Requirements.
  const requirements: SourceRequirement[] = [];
  let curfew: Span | undefined;
  if (required) {
    for (const id of BASELINE) requirements.push({ id, reason: baselineReason(id) });
    const w: Walk = { doc, perBlock, lexicon };
    const dom = findDomestic(w);
    if (dom) requirements.push({ id: 'domestic-abuse-check', reason: dom.reason, because: dom.span });
    const kids = findChildren(w);
    if (kids) requirements.push({ id: 'safeguarding-check', reason: kids.reason, because: kids.span });
    const mh = findMentalHealth(w);
    if (mh) requirements.push({ id: 'medical', reason: 'A mental-health diagnosis, treatment or history is described.', because: mh });
    const sup = findSupervision(w);
    if (sup) requirements.push({ id: 'service-records', reason: 'Current or previous supervision (an order or licence) is mentioned.', because: sup });
    const vic = victimNone ? undefined : findVictim(w);
    if (vic) requirements.push({ id: 'victim-statement', reason: 'There is an identifiable individual victim.', because: vic });
    curfew = findCurfew(w);
    if (curfew) {
      for (const id of ['domestic-abuse-check', 'safeguarding-check'] as SourceId[]) {
        if (!requirements.some((r) => r.id === id)) requirements.push({ id, reason: 'A curfew with electronic monitoring is proposed: the address needs checking.', because: curfew });
      }
    }
  }
  analysis.sourcesRequired = requirements;

  // Requirements only a curfew brings (`because` is the curfew span) are reported with the curfew.
  const missing = requirements.filter((r) => !cited.has(r.id) && !(curfew !== undefined && r.because === curfew));
  const curfewMissing = requirements.filter((r) => curfew !== undefined && r.because === curfew && !cited.has(r.id)).map((r) => r.id);
  const outstandingWithoutImplication = analysis.sourcesCited.filter((c) => c.outstanding && !c.implicationStated && !c.external);

  // Coverage.
  const cov = analysis.categories.sources;
  cov.required = required;
  cov.evidence = sourceBlocks.length ? sourceBlocks.map((b) => ({ start: b.start, end: b.end })) : analysis.sourcesCited.flatMap((c) => c.spans);
  cov.reasons = [];
  if (!analysis.sourcesStated) cov.reasons.push('No sources of information are stated.');
  for (const r of missing) cov.reasons.push(`Not cited: ${r.id} — ${r.reason}`);
  for (const c of outstandingWithoutImplication) cov.reasons.push(`Outstanding without its implication: ${c.id}.`);
  if (required) {
    cov.status = !analysis.sourcesStated && cited.size === 0 ? 'missing' : missing.length || outstandingWithoutImplication.length || !analysis.sourcesStated ? 'partial' : 'covered';
  } else {
    cov.status = cited.size ? 'covered' : 'missing';
  }
  if (cov.status === 'covered') cov.reasons.push(`Sources cited: ${analysis.sourcesCited.map((c) => c.id).join(', ')}.`);

  const last = sourceBlocks[sourceBlocks.length - 1];
  const first = doc.blocks[0];
  const section = analysis.section;
  let sightings: SourceSighting[] | undefined;
  facts.set(analysis, {
    get sightings() {
      return (sightings ??= placeSightings(doc, perBlock, section, implications));
    },
    place: { heading: headingBlock, last, linePrefix: last ? linePrefix(last.text) : '' },
    missing,
    curfew: curfew && curfewMissing.length ? { because: curfew, missing: curfewMissing } : undefined,
    outstandingWithoutImplication,
    top: first ? { start: first.start, end: first.end } : { start: 0, end: 0 },
  });
}

/** Words naming what a check found ("no call-outs", "no convictions recorded on the PNC"), not the check. */
const RESULT_TERM = /call.?outs?|incidents?|records?|convictions?|history|trace|concerns?|known/i;
const FOUND_IN = /\b(?:on|in|from|per|by|within)\b/i;

/**
 * Negation that undoes a citation ("has not seen his GP", "no DA check was made"), as opposed to a check's
 * negative result ("no call-outs are recorded", "no trace on the PNC").
 */
function isNegated(pre: string, h: Hit, cues: { readonly cite: Map<number, Hit[]> }): boolean {
  const m = NEG_PRE.exec(pre);
  if (!m) return false;
  const between = m[0].replace(/^\S+/, '');
  if (FOUND_IN.test(between)) return false;
  if (/^(?:no|nothing)\b/i.test(m[0]) && RESULT_TERM.test(h.term) && (cues.cite.get(h.sentence) ?? []).some((c) => !overlaps(c, [h]))) return false;
  return true;
}

function sighting(id: SourceId, h: Hit, cited: boolean, inSources: boolean): SourceSighting {
  return { id, start: h.start, end: h.end, term: h.term, sentence: h.sentence, block: h.block, cited, inSourcesSection: inSources, outstanding: false, implicationStated: false, none: false };
}

function hasCue(map: Map<number, Hit[]>, h: Hit, from: number, to: number): boolean {
  return (map.get(h.sentence) ?? []).some((c) => c.start >= from && c.end <= to && !overlaps(c, [h]));
}

/** "requested on 2 May and returned on 9 May" is done; "had not been returned" is not. */
function doneAfter(cues: { outstanding: Map<number, Hit[]>; done: Map<number, Hit[]> }, h: Hit, from: number, to: number): boolean {
  const out = (cues.outstanding.get(h.sentence) ?? []).filter((c) => c.start >= from && c.end <= to);
  const negOut = out.filter((c) => /\b(?:not|nothing|yet|awaiting|awaited|pending|outstanding|waiting|no)\b/i.test(c.term));
  if (negOut.length) return false;
  return (cues.done.get(h.sentence) ?? []).some((c) => c.start >= from && c.end <= to && !overlaps(c, out));
}

/** The implication of an outstanding check: in the same sentence or the next three (not past a heading). */
function implicationAfter(doc: Doc, h: { sentence: number; start: number }, perBlock: readonly BlockFacts[]): boolean {
  for (let si = h.sentence; si < Math.min(doc.sentences.length, h.sentence + 4); si++) {
    const s = doc.sentences[si];
    const block = doc.blocks[s.block];
    if (si > h.sentence && block.type === 'heading') break;
    const last = implicationStarts(perBlock[s.block], doc, s.block)[si - block.sentences[0].index];
    if (last >= 0 && (si > h.sentence || block.start + last >= h.start)) return true;
  }
  return false;
}

/** Per sentence of block `b`: the relative start of its last implication cue, or -1 (cached in its facts). */
function implicationStarts(f: BlockFacts, doc: Doc, b: number): number[] {
  if (!f.implication) {
    const block = doc.blocks[b];
    const first = block.sentences[0]?.index ?? 0;
    const starts = block.sentences.map(() => -1);
    for (const c of doc.hitsInBlock(CUE.implication, b)) {
      const i = c.sentence - first;
      if (c.sentence >= 0 && i < starts.length) starts[i] = Math.max(starts[i], c.start - block.start);
    }
    f.implication = starts;
  }
  return f.implication;
}

function baselineReason(id: SourceId): string {
  if (id === 'cps') return 'Every PSR draws on the prosecution case (CPS case summary or papers).';
  if (id === 'previous-convictions') return 'Every PSR draws on the record of previous convictions (PNC).';
  return 'Every PSR draws on an interview with the defendant.';
}

function linePrefix(text: string): string {
  const bullet = /^\s*([-*+•])\s/.exec(text);
  if (bullet) return `${bullet[1]} `;
  const num = /^\s*(\d+)\.(\d+)\s/.exec(text);
  if (num) return `${num[1]}.${Number(num[2]) + 1} `;
  const plainNum = /^\s*(\d+)([.)])\s/.exec(text);
  if (plainNum) return `${Number(plainNum[1]) + 1}${plainNum[2]} `;
  return '';
}

// ---------------------------------------------------------------------------------------------------
// Triggers: the first qualifying hit of each family is the `because` span.
//
// Most of the judgement is local to the hit's sentence, so a block's candidates for a family are found once
// per block text (`BlockFacts.triggers`), and only when the walk in `firstTrigger` reaches the block before
// finding that family's trigger (usually in the first blocks: an edit further down then costs nothing here).
// What depends on where the block sits (its section, the report's header) or on the whole document (sons
// and daughters shown to be adults elsewhere) is kept as a flag on the candidate and settled by the walk.

/** A trigger hit that passed its sentence-local tests, at offsets relative to its block. */
interface Candidate {
  start: number;
  end: number;
  /** Domestic and children: the requirement's reason. */
  reason?: string;
  /** Children: not a trigger if a son, daughter or child of this noun is shown to be an adult anywhere. */
  adultNoun?: string;
  /** Supervision: an existing order, so it counts in the sentencing proposal too. */
  anySection?: boolean;
  /** Victim (offence): about earlier offending, which only an offence label or the report's header overrides. */
  previous?: boolean;
  /** Curfew: the sentence proposes it, so it counts outside the proposal section too. */
  proposal?: boolean;
}

type FamilyId = 'domestic' | 'children' | 'mentalHealth' | 'supervision' | 'victimOffence' | 'victim' | 'curfew';

/** A sentence-local test: the candidate's flags when the hit qualifies, else undefined. */
type Judge = (doc: Doc, h: Hit, s: Sentence, pre: string, post: string) => Omit<Candidate, 'start' | 'end'> | undefined;

/** The rest of the test, where the block sits in the document. */
type Accept = (c: Candidate, block: Block, w: Walk) => boolean;

interface Family {
  /** Index of the family's candidates in `BlockFacts.triggers`. */
  slot: number;
  lexicon: CompiledLexicon;
  /** Hits inside a source name ("domestic abuse check", "GP letter") are not triggers. */
  skipSources: boolean;
  judge: Judge;
  /** The candidate counts wherever its block sits, so no later hit of the block can come first. */
  final: (c: Candidate) => boolean;
}

const always = () => true;

const FAMILIES: Record<FamilyId, Family> = {
  domestic: { slot: 0, lexicon: TRIGGER.domestic, skipSources: true, judge: judgeDomestic, final: always },
  children: { slot: 1, lexicon: TRIGGER.children, skipSources: true, judge: judgeChildren, final: (c) => c.adultNoun === undefined },
  mentalHealth: { slot: 2, lexicon: TRIGGER.mentalHealth, skipSources: true, judge: judgeMentalHealth, final: always },
  supervision: { slot: 3, lexicon: TRIGGER.supervision, skipSources: true, judge: judgeSupervision, final: (c) => c.anySection === true },
  victimOffence: { slot: 4, lexicon: TRIGGER.victimOffence, skipSources: true, judge: judgeVictimOffence, final: (c) => !c.previous },
  victim: { slot: 5, lexicon: TRIGGER.victim, skipSources: true, judge: judgeVictim, final: always },
  curfew: { slot: 6, lexicon: TRIGGER.curfew, skipSources: false, judge: judgeCurfew, final: (c) => c.proposal === true },
};

/** The candidates of one family in block `b`, in order, up to its first final one (cached in the block's facts). */
function familyCandidates(f: BlockFacts, doc: Doc, b: number, lexicon: CompiledLexicon, family: Family): Candidate[] {
  const triggers = (f.triggers ??= []);
  let out = triggers[family.slot];
  if (!out) {
    out = triggers[family.slot] = [];
    const origin = doc.blocks[b].start;
    const sources = family.skipSources && f.hasSources ? doc.hitsInBlock(lexicon, b).filter((h) => !h.group.endsWith(':not') && !h.group.endsWith(':person')) : [];
    for (const h of doc.hitsInBlock(family.lexicon, b)) {
      if (h.group.endsWith(':not')) continue;
      if (overlaps(h, sources)) continue;
      const s = doc.sentences[h.sentence];
      if (!s) continue;
      const pre = clauseBefore(s, h.start);
      const post = doc.text.slice(h.end, s.end);
      const flags = family.judge(doc, h, s, pre, post);
      if (!flags) continue;
      const c: Candidate = { start: h.start - origin, end: h.end - origin, ...flags };
      out.push(c);
      if (family.final(c)) break;
    }
  }
  return out;
}

/** One lint's walk over the blocks for triggers. */
interface Walk {
  doc: Doc;
  perBlock: readonly BlockFacts[];
  lexicon: CompiledLexicon;
  /** Nouns shown to be adults anywhere in the document (gathered when a candidate first depends on them). */
  adultNouns?: Set<string>;
}

/**
 * The first candidate of a family that `accept` takes where its block sits. `inBlock`, when given, rules out
 * whole blocks first, so their candidates are never looked for (the offence victim is only sought in the
 * offence analysis and the header, not in every block an edit touches).
 */
function firstTrigger(w: Walk, family: Family, accept: Accept, inBlock?: (block: Block) => boolean): { span: Span; c: Candidate } | undefined {
  const { doc, perBlock } = w;
  for (let b = 0; b < doc.blocks.length; b++) {
    if (inBlock && !inBlock(doc.blocks[b])) continue;
    const list = perBlock[b].triggers?.[family.slot] ?? familyCandidates(perBlock[b], doc, b, w.lexicon, family);
    for (let i = 0; i < list.length; i++) {
      const block = doc.blocks[b];
      if (accept(list[i], block, w)) return { span: { start: block.start + list[i].start, end: block.start + list[i].end }, c: list[i] };
    }
  }
  return undefined;
}

function findDomestic(w: Walk): { span: Span; reason: string } | undefined {
  const t = firstTrigger(w, FAMILIES.domestic, always);
  return t && { span: t.span, reason: t.c.reason! };
}

function judgeDomestic(_doc: Doc, h: Hit, s: Sentence, pre: string): ReturnType<Judge> {
  if (NEG_EXIST.test(pre)) return undefined;
  if (OTHERS_POSSESSIVE.test(pre)) return undefined;
  if (DECEASED.test(s.text) && !/abuse|violence|coercive|controlling|molestation|restraining/i.test(h.term)) return undefined;
  const abuse = /abuse|violence|coercive|controlling|molestation|restraining|DVP|Clare|MARAC|^DA$|^DV$|IDVA|incident|dispute|aggravated|related/i.test(h.term);
  return { reason: abuse ? 'Domestic abuse or a protective order is mentioned.' : 'A partner or ex-partner is mentioned.' };
}

/** Words that show a son, daughter or "the children" are adults: they drive, work, marry, have left home. */
const ADULT_CONTEXT =
  /^(?:['’]s)?\W{0,3}(?:[\w'’-]+\W+){0,7}?(?:driv\w*|car|van|lorry|licen[cs]e|works?|worked|working|job|employ\w*|married|wife|husband|fianc\w*|university|uni|own (?:flat|house|home|family|children)|moved out|left home|army|adult|grown)\b/i;
/** Words that show a child is a child. */
const CHILD_CONTEXT = /\b(?:aged? (?:[1-9]|1[0-7])\b|(?:[1-9]|1[0-7])[\s-]years?[\s-]old|young|little|baby|toddler|school|nursery|primary|infant|under (?:5|five|18)|teenage)\b/i;
const NOUN = (term: string) => term.toLowerCase().replace(/s$/, '').replace(/^(?:child|children|kid)$/, 'child').replace(/^childre$/, 'child');

function findChildren(w: Walk): { span: Span; reason: string } | undefined {
  const t = firstTrigger(w, FAMILIES.children, notAdult);
  return t && { span: t.span, reason: t.c.reason! };
}

// A son, daughter or "the children" shown to be adults anywhere (driving, working, married) are adults
// elsewhere in the document too, unless that mention itself shows a child.
function notAdult(c: Candidate, _block: Block, w: Walk): boolean {
  if (c.adultNoun === undefined) return true;
  if (!w.adultNouns) {
    w.adultNouns = new Set();
    for (let b = 0; b < w.doc.blocks.length; b++) for (const n of blockAdultNouns(w.perBlock[b], w.doc, b)) w.adultNouns.add(n);
  }
  return !w.adultNouns.has(c.adultNoun);
}

/** Sons, daughters or children that block `b` shows to be adults (cached in its facts). */
function blockAdultNouns(f: BlockFacts, doc: Doc, b: number): string[] {
  if (!f.adultNouns) {
    const out: string[] = [];
    for (const h of doc.hitsInBlock(TRIGGER.children, b)) {
      if (!/^(?:sons?|daughters?|children|kids)$/i.test(h.term)) continue;
      const s = doc.sentences[h.sentence];
      if (!s) continue;
      const post = doc.text.slice(h.end, s.end);
      if (ADULT_POST.test(post) || ADULT_CONTEXT.test(post) || ADULT_PRE.test(clauseBefore(s, h.start))) out.push(NOUN(h.term));
    }
    f.adultNouns = out;
  }
  return f.adultNouns;
}

function judgeChildren(doc: Doc, h: Hit, s: Sentence, pre: string, post: string): ReturnType<Judge> {
  if (NEG_EXIST.test(pre)) return undefined;
  const kinship = /^(?:son|sons|daughters?|child|children|kids?|nephews?|nieces?|grand\w*)$/i.test(h.term);
  if (kinship && (ADULT_POST.test(post) || ADULT_PRE.test(pre) || ADULT_CONTEXT.test(post))) return undefined;
  if (/^(?:child|children)$/i.test(h.term) && (RISK_CATEGORY.test(pre) || /^\s*:?\s*(?:is |are )?(?:low|medium|high|very high)\b/i.test(post))) return undefined;
  if (/pregnan/i.test(h.term) && /\bnot\b[\w\s]{0,12}$/i.test(pre)) return undefined;
  const pregnancy = /pregnan|baby|babies|unborn|newborn|expecting|birth/i.test(doc.text.slice(h.start, h.end));
  return {
    reason: pregnancy ? 'A pregnancy or a baby is mentioned.' : 'Children living with or in contact with the person are mentioned.',
    adultNoun: kinship && !CHILD_CONTEXT.test(s.text) ? NOUN(h.term) : undefined,
  };
}

/** Someone else's condition: a relation noun earlier in the sentence with no switch back to the person. */
function otherPersons(pre: string): boolean {
  RELATION.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = RELATION.exec(pre))) last = m;
  if (!last) return false;
  const between = pre.slice(last.index + last[0].length);
  return !SUBJECT_SWITCH.test(between) && !/\b(?:I|his|her)\s+(?:own|diagnos)/i.test(between);
}

function findMentalHealth(w: Walk): Span | undefined {
  return firstTrigger(w, FAMILIES.mentalHealth, always)?.span;
}

function judgeMentalHealth(_doc: Doc, h: Hit, s: Sentence, pre: string, post: string): ReturnType<Judge> {
  const full = s.text.slice(0, h.start - s.start);
  if (NEG_HEALTH.test(pre)) return undefined;
  if (otherPersons(full)) return undefined;
  if (/^diagnos/i.test(h.term) && NOT_MENTAL.test(post.slice(0, 40))) return undefined;
  if (/^dx$/i.test(h.term) && NOT_MENTAL.test(s.text.slice(Math.max(0, h.start - s.start - 20), h.start - s.start))) return undefined;
  if (h.group === 'mental-health:clinical' && !CLINICAL.test(s.text)) return undefined;
  if (MEDICINE.test(h.term) && PHYSICAL_PURPOSE.test(post)) return undefined;
  if (/^(?:depot|lithium|detained under|psychiatric|diagnosis|diagnosed)$/i.test(h.term) && !/\b(?:mental|psych\w*|injection|medicat\w*|prescri\w*|schizo\w*|bipolar|hospital|section\w*|disorder|depress\w*|anxiety|PTSD|psychosis)\b/i.test(s.text)) return undefined;
  return {};
}

function findSupervision(w: Walk): Span | undefined {
  return firstTrigger(w, FAMILIES.supervision, (c, block) => c.anySection === true || block.section !== 'sentencing-proposal')?.span;
}

function judgeSupervision(_doc: Doc, h: Hit, s: Sentence, pre: string, post: string): ReturnType<Judge> {
  if (NEG_EXIST.test(pre) || NEG_PRE.test(pre) || /\b(?:never|no|not|first)\b[^.;,]{0,40}$/i.test(pre)) return undefined;
  if (otherPersons(s.text.slice(0, h.start - s.start))) return undefined;
  const current = CURRENT_PRE.test(s.text.slice(Math.max(0, h.start - s.start - 25), h.start - s.start));
  if (current) return { anySection: true };
  // The rest holds only outside the sentencing proposal (findSupervision checks the section).
  const near = s.text.slice(Math.max(0, h.start - s.start - 60), Math.min(s.text.length, h.end - s.start + 30));
  if (HYPOTHETICAL.test(near)) return undefined;
  if (/^\s*(?:is|was|would be|will be|are)\s+(?:not|un\w+)\b/i.test(post)) return undefined;
  // A requirement (RAR, unpaid work, a treatment requirement) is history only when tied to an order
  // nearby ("completed 80 hours of unpaid work on his last order"), not because a year appears somewhere.
  if (REQUIREMENT.test(h.term)) return REQUIREMENT_HISTORY.test(near) ? { anySection: false } : undefined;
  if (!HISTORY.test(s.text)) return undefined;
  return { anySection: false };
}

function findVictim(w: Walk): Span | undefined {
  const firstSection = w.doc.sections[0]?.start ?? Infinity;
  const header = (block: Block) => block.start < firstSection && block.index < 10 && !block.section;
  const offenceLabel = (block: Block) => (block.label ? /offen[cs]e|charge|matter/i.test(block.label) : false);
  const offence = firstTrigger(
    w,
    FAMILIES.victimOffence,
    (c, block) => !c.previous || offenceLabel(block) || header(block),
    (block) => block.section === 'offence-analysis' || header(block) || offenceLabel(block) || (!w.doc.sections.length && block.section === undefined && block.index < 4),
  );
  if (offence) return offence.span;
  return firstTrigger(w, FAMILIES.victim, always)?.span;
}

function judgeVictimOffence(_doc: Doc, _h: Hit, s: Sentence, pre: string): ReturnType<Judge> {
  if (VICTIM_PASSIVE.test(pre)) return undefined;
  if (NEG_PRE.test(pre)) return undefined;
  return { previous: PREVIOUS_OFFENCE.test(s.text) };
}

function judgeVictim(_doc: Doc, _h: Hit, s: Sentence, pre: string): ReturnType<Judge> {
  if (VICTIM_PASSIVE.test(pre)) return undefined;
  if (BUSINESS.test(s.text)) return undefined;
  if (NEG_PRE.test(pre)) return undefined;
  return {};
}

function findCurfew(w: Walk): Span | undefined {
  return firstTrigger(w, FAMILIES.curfew, (c, block) => c.proposal === true || block.section === 'sentencing-proposal')?.span;
}

function judgeCurfew(_doc: Doc, _h: Hit, s: Sentence, pre: string): ReturnType<Judge> {
  if (NEG_PRE.test(pre)) return undefined;
  if (CURFEW_LICENCE.test(s.text)) return undefined;
  return { proposal: CURFEW_PROPOSAL.test(s.text) };
}
