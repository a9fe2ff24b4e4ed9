/**
 * The document model every analyser and rule reads: blocks (headings, paragraphs, list items, dated
 * case-note entries), sentences, sections, and lexicon hits.
 *
 * Speed is the design constraint here. Everything derived from one block of text (its structure, its
 * sentences, its lexicon hits) is computed once and cached by the block's text, so re-linting after a
 * keystroke only re-reads the block that changed; document-level work is a cheap pass over cached facts.
 * Markdown structure comes from remark-parse, run only on blocks that carry markdown syntax.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { CompiledLexicon, TermMatch } from './lexicon.js';
import { lastAtOrBefore } from './positions.js';
import { TextMemo, clearMemos, BLOCKS } from './memo.js';
import type { DocumentKind, Point, SectionId, Span } from './types.js';

export type BlockType = 'heading' | 'paragraph' | 'list-item' | 'entry' | 'table-row';

export interface Sentence extends Span {
  index: number;
  block: number;
  text: string;
}

export interface Block extends Span {
  index: number;
  /**
   * The block's text, as a string of its own (not a slice of the document), shared by every document
   * that contains the same block. Analysers may key memos by it and cut strings from it to keep; they
   * must not keep slices of `doc.text`, which would hold every past version of the document in memory.
   */
  text: string;
  type: BlockType;
  /** Heading text without markup, when the whole block is a heading. */
  heading?: string;
  /** A leading label such as "**Alcohol:**" or "Basis:" on a block that also has content. */
  label?: string;
  /** Heading depth: markdown depth, or 2 for plain-text headings. */
  level?: number;
  /** The PSR section this block falls under, when known. */
  section?: SectionId;
  /** For case-note entries, the date the entry starts with (as written). */
  date?: string;
  /** Index of the case-note entry this block belongs to (entries can span several blocks). */
  entry?: number;
  sentences: Sentence[];
}

/** A lexicon match with the sentence and block it falls in. Offsets are absolute. */
export interface Hit extends TermMatch {
  sentence: number;
  block: number;
}

interface BlockFacts {
  /**
   * The block's text as its own flat string. A slice of the document would keep the whole document
   * alive for as long as the cache (and every memo keyed by a sentence of it) holds the key: while
   * someone types in a 10,000-word report that is one 56 KB copy per keystroke, hundreds of MB, and
   * the garbage collector then dominated re-lint time.
   */
  text: string;
  type: BlockType;
  heading?: string;
  label?: string;
  level?: number;
  date?: string;
  /** Sentence spans relative to the block. */
  sentences: Span[];
  /**
   * Their texts, sliced once: every document that contains the block shares the same strings, so the
   * analysers' memos keyed by sentence text find them without hashing a fresh copy on each lint.
   */
  sentenceTexts: string[];
  /** Lexicon matches by lexicon key, relative to the block (read-only: shared by every document with the block). */
  hits: Map<string, readonly TermMatch[]>;
}

const markdown = unified().use(remarkParse);
const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);

// ---------------------------------------------------------------------------------------------------
// Cache of per-block facts, keyed by the block's text, in two generations (see core/memo.ts) so a long
// typing session keeps the current document's blocks and lets each keystroke's variant age out.
const cache = new TextMemo<BlockFacts>(BLOCKS);
function cached(text: string, make: (own: string) => BlockFacts): BlockFacts {
  let facts = cache.get(text);
  if (!facts) {
    facts = make(ownCopy(text));
    cache.set(facts.text, facts);
  }
  return facts;
}

/** A copy of `s` that does not share storage with the string it was sliced from (see BlockFacts.text). */
function ownCopy(s: string): string {
  // Concatenation then slice makes V8 flatten into a new string of s.length + 1 characters.
  return s.length > 12 ? (' ' + s).slice(1) : s;
}
/** Forgets everything cached between lint runs (blocks, recent documents, analysers' memos): a cold start for benchmarks and tests. */
export function clearDocumentCache(): void {
  clearMemos();
  recent.length = 0;
}

// ---------------------------------------------------------------------------------------------------
// Sentences

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms miss dr prof st no nos approx e.g i.e eg ie etc vs v cf para paras s ss pc ps dc sgt insp det ch supt hmp hmyoi hmip fig vol ref co ltd inc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun am pm'.split(
    ' ',
  ),
);

const SENTENCE_END = /[.!?…]+["'’”)\]]*(?=\s|$)|;(?=\s)|\s[—–]\s(?=[A-Z])/g;

/** Splits a block into sentence spans (relative offsets), trimming whitespace. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.') {
      // "Mr. Smith", "e.g. this", "s.39", "12.5", initials "J. Smith".
      const before = text.slice(Math.max(from, m.index - 12), m.index);
      const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      const next = text.slice(end).trimStart()[0] ?? '';
      if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\./g, ''))) continue;
      if (/^[A-Za-z]$/.test(word) && /[A-Z]/.test(next)) continue; // an initial
      if (next && /[a-z]/.test(next) && m[0] === '.') continue; // "approx. 40", lower-case continuation
    }
    push(out, text, from, end);
    from = end;
  }
  push(out, text, from, text.length);
  return out;
}

function push(out: Span[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

// ---------------------------------------------------------------------------------------------------
// Blocks

const DATE_AT_START = /^(?:[*_#\s[(]*)(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})/i;
const MARKDOWN_HINT = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)|\*\*|__/;
const LABEL = /^\s*(?:\*\*|__)?([A-Z][A-Za-z0-9'’/&()\-, ]{1,40}?)(?::\s*(?:\*\*|__)|(?:\*\*|__):|:)\s+\S/;

function plain(s: string): string {
  return s
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__|[*_`]/g, '')
    .replace(/\s*#+\s*$/, '')
    .replace(/:\s*$/, '')
    .trim();
}

/**
 * The common one-line shapes (ATX heading, list item, a line that is all bold, inline bold in a sentence)
 * classified without remark, which costs 0.3–0.6 ms a line and dominated cold parsing. Returns undefined
 * for anything unusual, which remark then decides; test/document-fastpath.test.ts checks both agree.
 */
export function fastMarkdownFacts(text: string): { type: BlockType; heading?: string; level?: number } | undefined {
  if (text.includes('\n') || /[\\`<\[!&]/.test(text)) return undefined;
  const atx = /^(#{1,6})[ \t]+\S/.exec(text);
  if (atx) return { type: 'heading', heading: plain(text), level: atx[1].length };
  if (/^([-*_])[ \t]*(?:\1[ \t]*){2,}$/.test(text)) return undefined; // thematic break
  if (/^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\S|$)/.test(text)) return { type: 'list-item' };
  if (/^(?:#|>|\||[-*+]\s|\d+[.)]\s)/.test(text)) return undefined;
  const bold = /^(\*\*|__)(\S(?:.*\S)?)\1$/.exec(text);
  if (bold) return /[*_]/.test(bold[2]) ? undefined : { type: 'heading', heading: plain(text), level: 3 };
  // Starts like ordinary prose; inline emphasis cannot make it a heading or a list.
  if (/^[*_]/.test(text)) return undefined;
  return { type: 'paragraph' };
}

function mdastFacts(text: string): { type: BlockType; heading?: string; level?: number } {
  const fast = fastMarkdownFacts(text);
  if (fast) return fast;
  return remarkFacts(text);
}

/** What remark-parse makes of a block (the reference for the fast path). */
export function remarkFacts(text: string): { type: BlockType; heading?: string; level?: number } {
  const tree = markdown.parse(text) as Root;
  const node = tree.children[0];
  if (!node) return { type: 'paragraph' };
  if (node.type === 'heading') return { type: 'heading', heading: plain(text), level: node.depth };
  if (node.type === 'list') return { type: 'list-item' };
  if (node.type === 'table') return { type: 'table-row' };
  if (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong') {
    // A line that is entirely bold is a heading in Word-pasted and markdown reports alike.
    return { type: 'heading', heading: plain(text), level: 3 };
  }
  return { type: 'paragraph' };
}

function analyseBlock(text: string): BlockFacts {
  const dateMatch = DATE_AT_START.exec(text);
  let type: BlockType = 'paragraph';
  let heading: string | undefined;
  let level: number | undefined;
  if (MARKDOWN_HINT.test(text)) ({ type, heading, level } = mdastFacts(text));
  if ((type === 'paragraph' || type === 'list-item') && isPlainHeading(text)) {
    type = 'heading';
    heading = plain(text).replace(/^\d+(\.\d+)*\.?\s+/, '');
    level = 2;
  }
  if (type === 'heading' && heading) heading = heading.replace(/^\d+(\.\d+)*\.?\s+/, '');
  let label: string | undefined;
  if (type !== 'heading') {
    const m = LABEL.exec(text);
    if (m && m[1].split(/\s+/).length <= 6) label = m[1].trim();
  }
  if (dateMatch && type !== 'heading') type = 'entry';
  const sentences = type === 'heading' ? [{ start: 0, end: text.length }] : splitSentences(text);
  return {
    text,
    type,
    heading,
    level,
    label,
    date: dateMatch?.[1],
    sentences,
    sentenceTexts: sentences.map((s) => text.slice(s.start, s.end)),
    hits: new Map(),
  };
}

/** Plain-text headings: "SOURCES OF INFORMATION", "2. Offence analysis", "Risk:" on a line of its own. */
function isPlainHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 80) return false;
  if (/[.;!?,]$/.test(t)) return false;
  const letters = t.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 3 && letters === letters.toUpperCase() && t.split(/\s+/).length <= 10) return true;
  const numbered = /^\d+(\.\d+)*\.?\s+[A-Z][^.]*$/.exec(t);
  if (numbered && t.split(/\s+/).length <= 8 && !/^\d+\.\d+\s/.test(t)) return true;
  if (/^[A-Z][^.:]{2,50}:$/.test(t) && t.split(/\s+/).length <= 6) return true;
  return false;
}

/**
 * Splits text into blocks: one per line, except that a line continues the previous block when it looks
 * like a hard-wrapped continuation (the previous line does not end a sentence and this one starts in
 * lower case).
 */
function splitBlocks(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let end = lineEnd;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--; // CRLF
    let s = lineStart;
    while (s < end && (text[s] === ' ' || text[s] === '\t')) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) {
      const prev = spans[spans.length - 1];
      const continues =
        prev && prev.end >= lineStart - 2 && /^[a-z(]/.test(text[s]) && !/[.!?:;"”]$/.test(text.slice(prev.end - 1, prev.end));
      if (continues && prev) prev.end = e;
      else spans.push({ start: s, end: e });
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------
// Sections

export interface SectionMatcher {
  /** Returns the section a heading or label names, if any. */
  (heading: string): SectionId | undefined;
}

// ---------------------------------------------------------------------------------------------------
// Kind detection

const TITLE_PSR = /\b(pre[\s-]?sentence report|oral (psr|report)|\bpsr\b|fast delivery report|short format report)/i;

function detectKind(blocks: Block[], text: string): DocumentKind {
  const entries = blocks.filter((b) => b.type === 'entry').length;
  if (entries >= 3 && entries >= blocks.length * 0.25) return 'case-notes';
  const head = text.slice(0, 400);
  if (/\b(contact log|case notes?|ndelius contact)\b/i.test(head) && entries >= 1) return 'case-notes';
  if (TITLE_PSR.test(head)) return 'psr';
  const sections = new Set(blocks.map((b) => b.section).filter(Boolean));
  if (sections.size >= 3) return 'psr';
  return 'section';
}

// ---------------------------------------------------------------------------------------------------

/**
 * What a new document shares with one built just before it (the same report, a keystroke later): for
 * each block, the index of the block of `base` with the same text (-1 when there is none). Blocks are
 * aligned in order — first at the same index, then counted from the end — which covers an edit in one
 * place and the benchmark's pattern of an edit moving from one paragraph to another.
 */
interface Reuse {
  base: Doc;
  align: Int32Array;
  /** True when every block is the base's own Block object: the documents are the same. */
  same: boolean;
}

/** Documents built most recently, newest first: a new text is read against the one it shares most with. */
const recent: Doc[] = [];
const RECENT_LIMIT = 4;

/** Length of the common prefix of two strings (compared in chunks first: memcmp is far cheaper than a JS loop). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix, not overlapping a common prefix of `limit` characters. */
function commonSuffix(a: string, b: string, limit: number): number {
  const n = Math.min(a.length, b.length) - limit;
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

export class Doc {
  readonly blocks: Block[] = [];
  readonly sentences: Sentence[] = [];
  readonly sections: { id: SectionId; heading: string; start: number; end: number }[] = [];
  kind: DocumentKind = 'section';
  private lineStarts: number[] | null = null;
  private hitMemo = new Map<string, Hit[]>();
  private facts: BlockFacts[] = [];
  /** Set while this document can borrow from the one before it; cleared when a newer one borrows from this. */
  private reuse: Reuse | undefined;

  constructor(
    readonly text: string,
    sectionOf: SectionMatcher,
  ) {
    const spans = splitBlocks(text);
    const reuse = this.findReuse(spans);
    let section: SectionId | undefined;
    let sectionLevel = 99;
    let entry = -1;
    let sameBlocks = !!reuse && spans.length === reuse.base.blocks.length;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const j = reuse ? reuse.align[i] : -1;
      const facts = j >= 0 ? reuse!.base.facts[j] : cached(text.slice(span.start, span.end), analyseBlock);
      const blockText = facts.text;
      const index = this.blocks.length;
      if (facts.type === 'entry') entry++;
      const named = facts.heading ? sectionOf(facts.heading) : facts.label ? sectionOf(facts.label) : undefined;
      if (facts.type === 'heading') {
        if (named) {
          section = named;
          sectionLevel = facts.level ?? 2;
          this.openSection(named, facts.heading ?? '', span.start);
        } else if ((facts.level ?? 2) <= sectionLevel) {
          // A heading we do not recognise at the same depth ends the current section.
          section = undefined;
          this.closeSection(span.start);
        }
      }
      // "**Alcohol:** drinks at weekends" labels only its own block, unless it stands for a PSR section.
      const blockSection = facts.type !== 'heading' && named && facts.label ? named : section;
      const blockEntry = entry >= 0 && facts.type !== 'heading' ? entry : undefined;
      // The same text at the same place, in the same section and entry, numbered the same: the block of
      // the earlier document is this block, sentences and all.
      const old = j >= 0 ? reuse!.base.blocks[j] : undefined;
      if (
        old &&
        j === index &&
        old.start === span.start &&
        old.section === blockSection &&
        old.entry === blockEntry &&
        (old.sentences.length === 0 || old.sentences[0].index === this.sentences.length)
      ) {
        for (const sentence of old.sentences) this.sentences.push(sentence);
        this.blocks.push(old);
        this.facts.push(facts);
        continue;
      }
      sameBlocks = false;
      const block: Block = {
        index,
        start: span.start,
        end: span.end,
        text: blockText,
        type: facts.type,
        heading: facts.heading,
        label: facts.label,
        level: facts.level,
        date: facts.date,
        sentences: [],
      };
      if (blockEntry !== undefined) block.entry = blockEntry;
      block.section = blockSection;
      for (let k = 0; k < facts.sentences.length; k++) {
        const s = facts.sentences[k];
        const sentence: Sentence = {
          index: this.sentences.length,
          block: index,
          start: span.start + s.start,
          end: span.start + s.end,
          text: facts.sentenceTexts[k],
        };
        this.sentences.push(sentence);
        block.sentences.push(sentence);
      }
      this.blocks.push(block);
      this.facts.push(facts);
    }
    this.closeSection(text.length);
    this.kind = detectKind(this.blocks, text);
    if (reuse) reuse.same = sameBlocks;
    this.reuse = reuse;
    recent.unshift(this);
    if (recent.length > RECENT_LIMIT) recent.pop();
  }

  /**
   * Finds the recent document this text shares most with (by common prefix and suffix) and aligns their
   * blocks: a block whose text is found, unchanged, in the earlier document takes its facts without being
   * hashed or read again.
   */
  private findReuse(spans: Span[]): Reuse | undefined {
    let base: Doc | undefined;
    let cp = 0;
    let cs = 0;
    for (const doc of recent) {
      const p = commonPrefix(this.text, doc.text);
      const q = commonSuffix(this.text, doc.text, p);
      if (!base || p + q > cp + cs) {
        base = doc;
        cp = p;
        cs = q;
      }
    }
    if (!base || cp + cs === 0) return undefined;
    const old = base.blocks;
    const align = new Int32Array(spans.length).fill(-1);
    const blockShift = spans.length - old.length;
    const shift = this.text.length - base.text.length;
    const suffixStart = this.text.length - cs;
    let any = false;
    let last = -1;
    // Same length, and: inside the common prefix (or suffix) at the same place (or moved by the length
    // difference) the text is known to be the same; anywhere else it is compared.
    const sameText = (o: Block, span: Span) =>
      o.end - o.start === span.end - span.start &&
      ((o.start === span.start && span.end <= cp) || (o.start + shift === span.start && span.start >= suffixStart) || this.text.startsWith(o.text, span.start));
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      // Same index first (blocks before the edit), then the same distance from the end (blocks after it);
      // a block between two edits matches either way, wherever it now starts.
      let j = i;
      if (j > last && j < old.length && sameText(old[j], span)) {
        align[i] = last = j;
        any = true;
        continue;
      }
      j = i - blockShift;
      if (blockShift && j > last && j >= 0 && j < old.length && sameText(old[j], span)) {
        align[i] = last = j;
        any = true;
      }
    }
    if (!any) return undefined;
    // The base is finished with (linting is synchronous); dropping its own link keeps the chain one long.
    base.reuse = undefined;
    return { base, align, same: false };
  }

  private openSection(id: SectionId, heading: string, start: number) {
    this.closeSection(start);
    this.sections.push({ id, heading, start, end: -1 });
  }
  private closeSection(at: number) {
    const last = this.sections[this.sections.length - 1];
    if (last && last.end < 0) last.end = at;
  }

  /** All hits of a lexicon, in document order; per-block results are cached across lint runs. */
  hits(lexicon: CompiledLexicon): Hit[] {
    let all = this.hitMemo.get(lexicon.key);
    if (all) return all;
    const reuse = this.reuse;
    const before = reuse?.base.hitMemo.get(lexicon.key);
    if (reuse && before) all = this.hitsFrom(lexicon, reuse, before);
    else {
      all = [];
      for (const block of this.blocks) this.collect(lexicon, block, all);
    }
    this.hitMemo.set(lexicon.key, all);
    return all;
  }

  /**
   * The previous document's hits, re-used: a block aligned with one of the earlier document keeps its
   * Hit objects when it has not moved and gets moved copies when it has; only the other blocks are read.
   * Costs the number of hits that moved, not blocks times lexicons.
   */
  private hitsFrom(lexicon: CompiledLexicon, reuse: Reuse, before: Hit[]): Hit[] {
    if (reuse.same) return before;
    const old = reuse.base.blocks;
    const all: Hit[] = [];
    let k = 0;
    for (const block of this.blocks) {
      const j = reuse.align[block.index];
      if (j < 0) {
        this.collect(lexicon, block, all);
        continue;
      }
      while (k < before.length && before[k].block < j) k++;
      const o = old[j];
      const shift = block.start - o.start;
      const blockShift = block.index - j;
      const sentenceShift = block.sentences.length ? block.sentences[0].index - o.sentences[0].index : 0;
      if (!shift && !blockShift && !sentenceShift) {
        for (; k < before.length && before[k].block === j; k++) all.push(before[k]);
      } else {
        for (; k < before.length && before[k].block === j; k++) {
          const h = before[k];
          all.push({ start: h.start + shift, end: h.end + shift, group: h.group, term: h.term, block: h.block + blockShift, sentence: h.sentence < 0 ? -1 : h.sentence + sentenceShift });
        }
      }
    }
    return all;
  }

  /** Hits of a lexicon inside one block. */
  hitsInBlock(lexicon: CompiledLexicon, blockIndex: number): Hit[] {
    const out: Hit[] = [];
    this.collect(lexicon, this.blocks[blockIndex], out);
    return out;
  }

  /** Hits of a lexicon inside one sentence. */
  hitsInSentence(lexicon: CompiledLexicon, sentence: Sentence): Hit[] {
    return this.hitsInBlock(lexicon, sentence.block).filter((h) => h.sentence === sentence.index);
  }

  private collect(lexicon: CompiledLexicon, block: Block, out: Hit[]) {
    const facts = this.facts[block.index];
    let rel = facts.hits.get(lexicon.key);
    if (!rel) {
      rel = lexicon.match(block.text);
      // Most lexicons find nothing in most blocks: one shared empty list instead of one each.
      facts.hits.set(lexicon.key, rel.length ? rel : NO_MATCHES);
    }
    let si = 0;
    for (const m of rel) {
      const start = block.start + m.start;
      while (si < block.sentences.length - 1 && block.sentences[si].end <= start) si++;
      const sentence = block.sentences[si];
      // A literal, not `{ ...m, … }`: one fixed shape, cheaper to build and to read (measured: warm re-lint of
      // 10,000 words about a third faster). Property order is kept so serialised output does not change.
      out.push({ start, end: block.start + m.end, group: m.group, term: m.term, block: block.index, sentence: sentence ? sentence.index : -1 });
    }
  }

  /** The sentence containing an offset (or the nearest one before it). */
  sentenceAt(offset: number): Sentence | undefined {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let best: Sentence | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid].start <= offset) {
        best = this.sentences[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Blocks in a section. */
  blocksIn(section: SectionId): Block[] {
    return this.blocks.filter((b) => b.section === section);
  }

  /** Converts a UTF-16 offset into a 1-based line and column. */
  point(offset: number): Point {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const line = lastAtOrBefore(this.lineStarts, offset);
    return { offset, line: line + 1, column: offset - this.lineStarts[line] + 1 };
  }
}
