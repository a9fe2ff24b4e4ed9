/**
 * A bounded memo for facts derived from a piece of text (a block, a sentence, a clause), kept in two
 * generations. New entries go into the young generation; when it is full it becomes the old one and the
 * previous old one is dropped. An entry found in the old generation moves back to the young one, so what
 * the current document keeps asking for survives, while the text of each past keystroke ages out.
 *
 * Why not a plain Map cleared when full: while someone types, every keystroke adds a new variant of one
 * paragraph to every memo. Large memos full of dead variants made the garbage collector the biggest cost
 * of a re-lint, and clearing them all at once made the next lint start cold. Two generations keep the
 * memory bounded (at most twice `limit` entries) with O(1) work per lookup and no cold restarts.
 */
export class TextMemo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {
    register(this);
  }

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Returns the memoised value for `key`, computing and storing it first when absent. */
  use(key: string, make: (key: string) => V): V {
    let v = this.get(key);
    if (v === undefined) {
      v = make(key);
      this.set(key, v);
    }
    return v;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}

/**
 * One value per block of a document, kept by block text across lints, for analysers. The last lint's
 * blocks are tried first — at the same index, or the same distance from the end — because after an edit
 * nearly every block is found there, and comparing with one string is cheaper than a lookup in a large
 * map (whose scattered buckets cost cache misses); the rest come from a TextMemo, and only text not seen
 * before is computed.
 */
export class BlockValues<V> {
  private readonly byText: TextMemo<V>;
  private lastTexts: string[] = [];
  private lastValues: V[] = [];

  constructor(limit = BLOCKS) {
    this.byText = new TextMemo(limit);
    register(this);
  }

  /** Values for `blocks` in order; `make(b)` computes one for a block whose text has not been seen. */
  of(blocks: readonly { text: string }[], make: (b: number) => V): V[] {
    const n = blocks.length;
    const shift = this.lastTexts.length - n;
    const texts: string[] = new Array(n);
    const values: V[] = new Array(n);
    for (let b = 0; b < n; b++) {
      const text = blocks[b].text;
      texts[b] = text;
      let v: V | undefined;
      if (this.lastTexts[b] === text) v = this.lastValues[b];
      else if (shift !== 0 && this.lastTexts[b + shift] === text) v = this.lastValues[b + shift];
      else if ((v = this.byText.get(text)) === undefined) this.byText.set(text, (v = make(b)));
      values[b] = v as V;
    }
    this.lastTexts = texts;
    this.lastValues = values;
    return values;
  }

  clear(): void {
    this.byText.clear();
    this.lastTexts = [];
    this.lastValues = [];
  }
}

/** Every cache still in use (weakly: a lexicon compiled for one set of options can go away with its memo). */
const live = new Set<WeakRef<{ clear(): void }>>();
function register(cache: { clear(): void }): void {
  live.add(new WeakRef(cache));
  if (live.size > 256) for (const ref of live) if (!ref.deref()) live.delete(ref);
}

/** Resets for caches that are not TextMemos (such as "the blocks of the last lint"). */
const resets: (() => void)[] = [];

/** Registers a reset that `clearMemos` runs, for a cache kept some other way. */
export function onClearMemos(reset: () => void): void {
  resets.push(reset);
}

/** Empties every memo and cache, for benchmarks and tests that want a cold start. */
export function clearMemos(): void {
  for (const ref of live) {
    const memo = ref.deref();
    if (memo) memo.clear();
    else live.delete(ref);
  }
  for (const reset of resets) reset();
}

/**
 * Generation sizes. A generation must hold the blocks (or sentences) of the largest document being
 * edited — 50,000 words is about 900 blocks and 3,000 sentences — and memory grows with it while someone
 * types, since each keystroke's variant of a paragraph stays until its generation is dropped.
 */
export const BLOCKS = 1000;
export const SENTENCES = 3000;
