/**
 * Term lists are data (rules/lexicons/*.json) that non-programmers can edit. A term is plain text matched
 * case-insensitively on word boundaries, with two conveniences:
 *   - `*` at the end of a word matches any word ending ("depress*" → depressed, depression);
 *   - a space matches any run of spaces or hyphens ("self harm" → self-harm, self  harm).
 * A term written as `/…/` is a raw regular expression, for the few cases plain text cannot express.
 * A term starting with `=` is matched case-sensitively (acronyms such as "=DA", "=PoP").
 */

export interface TermMatch {
  start: number;
  end: number;
  /** The group (e.g. a source id or event type) the term belongs to. */
  group: string;
  /** The term as written in the lexicon. */
  term: string;
}

export interface CompiledLexicon {
  /** Unique per content, used as a cache key. */
  key: string;
  match(text: string): TermMatch[];
  test(text: string): boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the first word of a plain term says about where it can match: the text's word (run of `\w`) at the
 * match start must equal `run` ('exact') or start with it ('prefix'). Raw regular expressions say nothing
 * ('any'). Used only to find which term produced a match, never to decide whether there is one.
 */
interface Anchor {
  mode: 'exact' | 'prefix' | 'any';
  run: string;
}

function termSource(term: string): { src: string; anchor: Anchor } {
  if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) {
    const inner = term.slice(1, -1);
    return { src: `(?:${inner.replace(/(^|[^\\])\((?!\?)/g, '$1(?:')})`, anchor: regexAnchor(inner) }; // keep group numbering ours
  }
  const words = term.trim().split(/\s+/);
  const body = words
    .map((word) => {
      const star = word.endsWith('*');
      const w = escape(star ? word.slice(0, -1) : word).replace(/['’]/g, "['’]");
      return star ? `${w}[\\w'’-]*` : w;
    })
    .join('[\\s-]+');
  const start = /^\w/.test(term) ? '\\b' : '';
  const end = /[\w*]$/.test(term) ? '\\b' : '';
  const first = words[0] ?? '';
  const star = first.endsWith('*');
  const core = star ? first.slice(0, -1) : first;
  const run = /^\w*/.exec(core)![0];
  // After the run comes a non-word character, a space between words, or a word boundary: the text's word
  // is exactly the run. Otherwise (a `*`, or a single word with no closing boundary) it only starts with it.
  const exact = run.length < core.length || (!star && (words.length > 1 || end !== ''));
  return { src: `${start}${body}${end}`, anchor: { mode: run && start ? (exact ? 'exact' : 'prefix') : 'any', run } };
}

/**
 * A raw expression that starts `\\b` and a literal word prefix ("/\\bkick(?:ed)? out/") can only match where
 * the text's word starts with that prefix (a character followed by a quantifier is not part of it). A
 * top-level `|` would let another branch match anywhere, so such expressions stay unindexed.
 */
function regexAnchor(inner: string): Anchor {
  const none: Anchor = { mode: 'any', run: '' };
  if (!inner.startsWith('\\b')) return none;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      for (i++; i < inner.length && inner[i] !== ']'; i++) if (inner[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return none;
  }
  let run = /^\w*/.exec(inner.slice(2))![0];
  if (/^[?*{]/.test(inner.slice(2 + run.length))) run = run.slice(0, -1);
  return run ? { mode: 'prefix', run } : none;
}

let counter = 0;

interface Entry {
  group: string;
  term: string;
  cs: boolean;
  src: string;
  anchor: Anchor;
  /** A single plain word: equal words mean a match, no need to run its expression. */
  simple: boolean;
  /** Position in priority order (longest term first) within its branch. */
  rank: number;
  sticky?: RegExp;
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The words of a text (runs of `\w` that start on a boundary), computed once and shared by every lexicon. */
interface Words {
  start: number[];
  end: number[];
  /** The word as written and lower-cased, and the lower-cased first three / two / one characters. */
  word: string[];
  lower: string[];
  l3: string[];
  l2: string[];
  l1: string[];
  /** For each case-insensitive lexicon (by id) compiled before these words were read: the words that may begin one of its terms. */
  cand: Map<number, number[]>;
  version: number;
}

/**
 * Every case-insensitive lexicon's first words, in one index: a text's words are looked up once for all
 * lexicons instead of once per lexicon (there are dozens, and most words begin no term in any of them).
 */
const GLOBAL = { exact: new Map<string, number[]>(), p3: new Map<string, number[]>(), p2: new Map<string, number[]>(), p1: new Map<string, number[]>() };
let lexiconIds = 0;
function register(map: Map<string, number[]>, key: string, id: number) {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  if (list[list.length - 1] !== id) list.push(id);
}

const WORDS_LIMIT = 4096;
const NONE: number[] = [];
const wordsCache = new Map<string, Words>();
function wordsOf(text: string): Words {
  let w = wordsCache.get(text);
  if (w) return w;
  w = { start: [], end: [], word: [], lower: [], l3: [], l2: [], l1: [], cand: new Map(), version: lexiconIds };
  const note = (ids: number[] | undefined, j: number) => {
    if (!ids) return;
    for (const id of ids) {
      let list = w!.cand.get(id);
      if (!list) w!.cand.set(id, (list = []));
      if (list[list.length - 1] !== j) list.push(j);
    }
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
    const word = text.slice(s, i);
    const lower = word.toLowerCase();
    w.start.push(s);
    w.end.push(i);
    w.word.push(word);
    w.lower.push(lower);
    w.l3.push(lower.length > 3 ? lower.slice(0, 3) : lower);
    w.l2.push(lower.length > 2 ? lower.slice(0, 2) : lower);
    w.l1.push(lower[0]);
    const j = w.start.length - 1;
    note(GLOBAL.exact.get(lower), j);
    note(GLOBAL.p3.get(w.l3[j]), j);
    note(GLOBAL.p2.get(w.l2[j]), j);
    note(GLOBAL.p1.get(w.l1[j]), j);
  }
  if (wordsCache.size >= WORDS_LIMIT) wordsCache.clear();
  wordsCache.set(text, w);
  return w;
}

/** For benchmarks and tests that want a cold start (called by clearDocumentCache). */
export function clearLexiconCache(): void {
  wordsCache.clear();
}

/**
 * Compiles groups of terms into matchers, longest terms first so "CPS case summary" wins over "CPS".
 *
 * The result is exactly what one big alternation would find (leftmost match; at the same place the longest
 * term, then lexicon order; terms that start mid-word or with punctuation after the others), but found far
 * faster: V8 tries every alternative of an alternation at every word, and with one capture group per term
 * every match allocated an array as long as the lexicon — most of the cost of a cold lint. Plain terms are
 * instead indexed by their first word and looked up word by word; only the words that begin a term run
 * that term's own expression. Raw `/…/` terms and terms not starting on a word keep a (small) alternation.
 */
export function compileLexicon(name: string, groups: Record<string, readonly string[]>): CompiledLexicon {
  const entries: Entry[] = [];
  for (const [group, terms] of Object.entries(groups)) {
    for (const raw of terms) {
      if (!raw || !raw.trim()) continue;
      const cs = raw.startsWith('=');
      const term = cs ? raw.slice(1) : raw;
      const { src, anchor } = termSource(term);
      const simple = anchor.mode === 'exact' && src === `\\b${anchor.run}\\b`;
      entries.push({ group, term, cs, src, anchor, simple, rank: 0 });
    }
  }
  entries.sort((a, b) => b.term.length - a.term.length);
  const build = (cs: boolean) => {
    const all = entries.filter((e) => e.cs === cs);
    if (!all.length) return null;
    const flags = cs ? '' : 'i';
    const hoist = (src: string) => (src.startsWith('\\b') ? src.slice(2) : src.startsWith('(?:\\b') ? `(?:${src.slice(5)}` : null);
    const word = all.filter((e) => hoist(e.src) !== null);
    const rest = all.filter((e) => hoist(e.src) === null);
    word.forEach((e, i) => (e.rank = i));
    rest.forEach((e, i) => (e.rank = word.length + i));
    const exact = new Map<string, Entry[]>();
    const p3 = new Map<string, Entry[]>();
    const p2 = new Map<string, Entry[]>();
    const p1 = new Map<string, Entry[]>();
    const slow: Entry[] = [];
    const add = (map: Map<string, Entry[]>, key: string, e: Entry) => {
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push(e);
    };
    const id = lexiconIds++;
    for (const e of word) {
      const run = cs ? e.anchor.run : e.anchor.run.toLowerCase();
      if (e.anchor.mode === 'exact') {
        add(exact, run, e);
        if (!cs) register(GLOBAL.exact, run, id);
      } else if (e.anchor.mode === 'prefix') {
        const [map, global] = run.length >= 3 ? [p3, GLOBAL.p3] : run.length === 2 ? [p2, GLOBAL.p2] : [p1, GLOBAL.p1];
        const key = run.length >= 3 ? run.slice(0, 3) : run;
        add(map, key, e);
        if (!cs) register(global, key, id);
      } else slow.push(e);
    }
    // Word-branch terms we cannot index share one hoisted `\b` (V8 then rejects most positions once).
    const slowWord = slow.map((e) => `(${hoist(e.src)})`).join('|');
    const parts: string[] = [];
    if (slowWord) parts.push(`\\b(?:${slowWord})`);
    if (rest.length) parts.push(rest.map((e) => `(${e.src})`).join('|'));
    const slowList = [...slow, ...rest];
    // The whole lexicon as one expression, for `test` (no captures: a yes/no answer).
    const testParts: string[] = [];
    if (word.length) testParts.push(`\\b(?:${word.map((e) => hoist(e.src)).join('|')})`);
    if (rest.length) testParts.push(rest.map((e) => e.src).join('|'));
    return {
      id,
      cs,
      flags,
      exact,
      p3: p3.size ? p3 : null,
      p2: p2.size ? p2 : null,
      p1: p1.size ? p1 : null,
      slowRe: parts.length ? new RegExp(parts.join('|'), `g${flags}`) : null,
      slowList,
      testRe: new RegExp(testParts.join('|'), flags),
    };
  };
  type Compiled = NonNullable<ReturnType<typeof build>>;
  const ci = build(false);
  const cs = build(true);
  const key = `${name}#${++counter}`;

  /** Length of the match of `e` at `at`, or -1. */
  const matchAt = (c: Compiled, e: Entry, text: string, at: number, w: Words, i: number): number => {
    if (e.anchor.mode === 'prefix' && !(c.cs ? w.word[i] : w.lower[i]).startsWith(c.cs ? e.anchor.run : e.anchor.run.toLowerCase())) return -1;
    if (e.simple) return w.end[i] - at;
    const re = (e.sticky ??= new RegExp(e.src, `y${c.flags}`));
    re.lastIndex = at;
    const m = re.exec(text);
    return m ? m[0].length : -1;
  };

  // No closures are created per word or per call: the hot loops below run for every word of every block.
  let bestEntry: Entry | undefined;
  let bestLen = 0;
  /** Tries a candidate list in priority order, keeping the best match in bestEntry/bestLen. */
  const tryList = (c: Compiled, list: Entry[] | undefined, text: string, w: Words, i: number) => {
    if (!list) return;
    for (const e of list) {
      if (bestEntry && e.rank >= bestEntry.rank) return;
      const l = matchAt(c, e, text, w.start[i], w, i);
      if (l >= 0) {
        bestEntry = e;
        bestLen = l;
        return;
      }
    }
  };

  /** The first slow-path match from `pos`, or null. */
  const nextSlow = (c: Compiled, text: string, pos: number): { at: number; len: number; e: Entry } | null => {
    const re = c.slowRe;
    if (!re) return null;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    return { at: m.index, len: m[0].length, e: c.slowList[k - 1] };
  };

  const run = (text: string, out: TermMatch[], c: Compiled | null) => {
    if (!c) return;
    let w = wordsOf(text);
    if (!c.cs && c.id >= w.version) {
      // Read before this lexicon was compiled (organisation terms): index the words again.
      wordsCache.delete(text);
      w = wordsOf(text);
    }
    const n = w.start.length;
    let pos = 0;
    let i = 0; // first (candidate) word at or after pos
    let slow: { at: number; len: number; e: Entry } | null | undefined; // undefined: not yet searched from pos
    for (;;) {
      if (slow === undefined || (slow && slow.at < pos)) slow = nextSlow(c, text, pos);
      // The first indexed match at or after pos, up to the next slow-path match.
      let hit: { at: number; len: number; e: Entry } | null = null;
      // Words that may begin a term: from the shared index (case-insensitive lexicons), else every word.
      const list = c.cs ? undefined : (w.cand.get(c.id) ?? NONE);
      if (list) {
        while (i < list.length && w.start[list[i]] < pos) i++;
      } else {
        while (i < n && w.start[i] < pos) i++;
      }
      const count = list ? list.length : n;
      for (let q = i; q < count; q++) {
        const j = list ? list[q] : q;
        const at = w.start[j];
        if (slow && at > slow.at) break;
        bestEntry = undefined;
        if (c.cs) {
          const word = w.word[j];
          tryList(c, c.exact.get(word), text, w, j);
          if (c.p3) tryList(c, c.p3.get(word.slice(0, 3)), text, w, j);
          if (c.p2) tryList(c, c.p2.get(word.slice(0, 2)), text, w, j);
          if (c.p1) tryList(c, c.p1.get(word[0]), text, w, j);
        } else {
          tryList(c, c.exact.get(w.lower[j]), text, w, j);
          if (c.p3) tryList(c, c.p3.get(w.l3[j]), text, w, j);
          if (c.p2) tryList(c, c.p2.get(w.l2[j]), text, w, j);
          if (c.p1) tryList(c, c.p1.get(w.l1[j]), text, w, j);
        }
        if (bestEntry) {
          hit = { at, len: bestLen, e: bestEntry };
          break;
        }
      }
      // At the same place, priority decides; an indexed term always outranks one outside the word branch.
      if (hit && slow && slow.at === hit.at && slow.e.rank < hit.e.rank) hit = slow;
      else if (!hit) hit = slow ?? null;
      if (!hit) return;
      if (hit.len === 0) {
        pos = hit.at + 1;
        slow = undefined;
        continue;
      }
      out.push({ start: hit.at, end: hit.at + hit.len, group: hit.e.group, term: hit.e.term });
      pos = hit.at + hit.len;
      if (hit === slow) slow = undefined;
    }
  };

  return {
    key,
    match(text) {
      const out: TermMatch[] = [];
      run(text, out, ci);
      run(text, out, cs);
      if (cs && ci) out.sort((a, b) => a.start - b.start);
      return out;
    },
    test(text) {
      return !!((ci && ci.testRe.test(text)) || (cs && cs.testRe.test(text)));
    },
  };
}

/** Convenience for a flat list of terms. */
export function compileTerms(name: string, terms: readonly string[]): CompiledLexicon {
  return compileLexicon(name, { [name]: terms });
}
