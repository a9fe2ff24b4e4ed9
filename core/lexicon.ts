/**
 * Term lists are data (rules/lexicons/*.json) that non-programmers can edit. A term is plain text matched
 * case-insensitively on word boundaries, with two conveniences:
 *   - `*` at the end of a word matches any word ending ("depress*" → depressed, depression);
 *   - a space matches any run of spaces or hyphens ("self harm" → self-harm, self  harm).
 * A term written as `/…/` is a raw regular expression, for the few cases plain text cannot express.
 * A term starting with `=` is matched case-sensitively (acronyms such as "=DA", "=PoP").
 */
import { TextMemo, SENTENCES } from './memo.js';
import type { TermsOption } from './types.js';

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

/** The pattern of a plain term, without word boundaries: spaces match spaces or hyphens, `*` a word ending. */
export function plainTermSource(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => {
      const star = word.endsWith('*');
      const w = escape(star ? word.slice(0, -1) : word).replace(/['’]/g, "['’]");
      return star ? `${w}[\\w'’-]*` : w;
    })
    .join('[\\s-]+');
}

function termSource(term: string): string {
  if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) return `(?:${term.slice(1, -1).replace(/(^|[^\\])\((?!\?)/g, '$1(?:')})`; // keep group numbering ours
  const body = plainTermSource(term);
  const start = /^\w/.test(term) ? '\\b' : '';
  const end = /[\w*]$/.test(term) ? '\\b' : '';
  return `${start}${body}${end}`;
}

let counter = 0;

/**
 * `(?:(?<!post )\btrauma)` is `\b(?<!post )trauma`: two zero-width checks at one position, in either
 * order. Moving the `\b` to the front lets the term share the hoisted boundary, instead of its lookbehind
 * running at every character of the text. Returns the source without its `\b`, or null.
 */
function hoistPastLookbehind(src: string): string | null {
  const m = /^\(\?:\(\?<[!=]/.exec(src);
  if (!m) return null;
  // Find the end of the lookbehind group (it may hold groups and escaped parentheses of its own).
  let depth = 0;
  let i = 3;
  for (; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(src, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) break;
  }
  if (depth !== 0 || !src.startsWith('\\b', i + 1)) return null;
  return `(?:${src.slice(3, i + 1)}${src.slice(i + 3)}`;
}

/** Index of the `]` that closes the character class opening at `start`. */
function classEnd(src: string, start: number): number {
  for (let k = start + 1; k < src.length; k++) {
    if (src[k] === '\\') k++;
    else if (src[k] === ']' && k > start + 1) return k;
  }
  return src.length;
}

/**
 * Compiles groups of terms into two regular expressions (case-insensitive and case-sensitive), longest
 * terms first so "CPS case summary" wins over "CPS".
 */
export function compileLexicon(name: string, groups: Record<string, readonly string[]>): CompiledLexicon {
  const entries: { group: string; term: string; cs: boolean; src: string }[] = [];
  for (const [group, terms] of Object.entries(groups)) {
    for (const raw of terms) {
      if (!raw || !raw.trim()) continue;
      const cs = raw.startsWith('=');
      const term = cs ? raw.slice(1) : raw;
      entries.push({ group, term, cs, src: termSource(term) });
    }
  }
  entries.sort((a, b) => b.term.length - a.term.length);
  const build = (cs: boolean) => {
    const all = entries.filter((e) => e.cs === cs);
    if (!all.length) return null;
    // Terms that start on a word boundary share one hoisted `\b`: V8 then rejects most positions once
    // instead of once per term (about 3x faster on large lexicons). Capture groups stay in `list` order.
    const hoist = (src: string) => (src.startsWith('\\b') ? src.slice(2) : src.startsWith('(?:\\b') ? `(?:${src.slice(5)}` : hoistPastLookbehind(src));
    const word = all.filter((e) => hoist(e.src) !== null);
    const rest = all.filter((e) => hoist(e.src) === null);
    const parts: string[] = [];
    if (word.length) parts.push(`\\b(?:${word.map((e) => `(${hoist(e.src)})`).join('|')})`);
    if (rest.length) parts.push(rest.map((e) => `(${e.src})`).join('|'));
    return { list: [...word, ...rest], re: new RegExp(parts.join('|'), cs ? 'g' : 'gi') };
  };
  const ci = build(false);
  const cs = build(true);
  const key = `${name}#${++counter}`;

  const run = (text: string, out: TermMatch[], compiled: ReturnType<typeof build>) => {
    if (!compiled) return;
    const { re, list } = compiled;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // Find which alternative matched: the first defined capture group.
      let k = 1;
      while (k < m.length && m[k] === undefined) k++;
      const e = list[k - 1];
      out.push({ start: m.index, end: m.index + m[0].length, group: e.group, term: e.term });
    }
  };

  // Analysers ask `test` about the same clause texts on every lint (negation, hypotheticals near a trigger);
  // a string lookup is far cheaper than re-running a regex of hundreds of alternatives, so answers are memoised.
  const testMemo = new TextMemo<boolean>(SENTENCES);
  const testUncached = (text: string): boolean => {
    if (ci) {
      ci.re.lastIndex = 0;
      if (ci.re.test(text)) return true;
    }
    if (cs) {
      cs.re.lastIndex = 0;
      if (cs.re.test(text)) return true;
    }
    return false;
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
      let answer = testMemo.get(text);
      if (answer === undefined) {
        answer = testUncached(text);
        testMemo.set(text, answer);
      }
      return answer;
    },
  };
}

/** Convenience for a flat list of terms. */
export function compileTerms(name: string, terms: readonly string[]): CompiledLexicon {
  return compileLexicon(name, { [name]: terms });
}

/**
 * Why a term from settings (`.curiorc.json`, the options page, managed policy) cannot be used, or undefined
 * when it is fine. Plain terms are always fine: they are escaped. A `/…/` term must compile and must not
 * be able to backtrack catastrophically, because it runs against every paragraph on every keystroke:
 * `/(a+)+$/` would hang the checker on one long line. The check is structural (no quantified group that
 * itself holds an unbounded quantifier or an alternation, no back-references), so it never needs timing.
 */
export function termProblem(term: string): string | undefined {
  if (!(term.length > 2 && term.startsWith('/') && term.endsWith('/'))) return undefined;
  const body = term.slice(1, -1);
  try {
    new RegExp(body, 'gi');
  } catch (e) {
    return `is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  if (/\\[1-9]|\\k</.test(body)) return 'uses a back-reference, which can make matching very slow; use plain words instead';
  // One frame per open group: does it (so far) hold an unbounded quantifier or a top-level alternation?
  const stack: { risky: boolean }[] = [{ risky: false }];
  const unboundedAt = (i: number) => body[i] === '*' || body[i] === '+' || (body[i] === '{' && /^\{\d+,\}/.test(body.slice(i)));
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '[') { i = classEnd(body, i); continue; }
    if (ch === '(') { stack.push({ risky: false }); continue; }
    if (ch === '|') { stack[stack.length - 1].risky = true; continue; }
    if (ch === ')') {
      const inner = stack.length > 1 ? stack.pop()! : { risky: false };
      if (inner.risky && unboundedAt(i + 1)) {
        return 'repeats a group that itself repeats or alternates (like (a+)+), which can take minutes on one long line; simplify it';
      }
      // The enclosing group inherits the risk, and a group repeated without bound is itself a repetition.
      stack[stack.length - 1].risky ||= inner.risky || unboundedAt(i + 1);
      continue;
    }
    if (unboundedAt(i)) stack[stack.length - 1].risky = true;
  }
  return undefined;
}

/** Every unusable term in organisation terms, as `key: "term" problem` lines (empty when all are fine). */
export function termsProblems(terms: TermsOption): string[] {
  const out: string[] = [];
  const see = (key: string, term: unknown) => {
    const problem = typeof term === 'string' ? termProblem(term) : undefined;
    if (problem) out.push(`"${key}" term ${JSON.stringify(term)} ${problem}`);
  };
  for (const [id, names] of Object.entries(terms.sources ?? {})) for (const n of Array.isArray(names) ? names : []) see(`terms.sources.${id}`, n);
  for (const key of ['acronyms', 'plainLanguage'] as const) for (const term of Object.keys(terms[key] ?? {})) see(`terms.${key}`, term);
  for (const term of Array.isArray(terms.substances) ? terms.substances : []) see('terms.substances', term);
  return out;
}

/** The same terms without the unusable ones (for managed policy, which has no one to show an error to at load). */
export function withoutUnsafeTerms(terms: TermsOption): TermsOption {
  const ok = (t: unknown) => typeof t === 'string' && !termProblem(t);
  const out: TermsOption = {};
  if (terms.sources) out.sources = Object.fromEntries(Object.entries(terms.sources).map(([id, ns]) => [id, (Array.isArray(ns) ? ns : []).filter(ok)]));
  for (const key of ['acronyms', 'plainLanguage'] as const) {
    if (terms[key]) out[key] = Object.fromEntries(Object.entries(terms[key]!).filter(([t]) => ok(t)));
  }
  if (Array.isArray(terms.substances)) out.substances = terms.substances.filter(ok);
  return out;
}
