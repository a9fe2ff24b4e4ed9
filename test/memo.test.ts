import { describe, expect, it } from 'vitest';
import { BlockValues, TextMemo, clearMemos, onClearMemos } from '../core/memo.js';
import { check } from '../core/index.js';
import { clearDocumentCache } from '../core/document.js';

describe('TextMemo', () => {
  it('keeps at most two generations: an entry not asked for again ages out', () => {
    const memo = new TextMemo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3); // a, b become the old generation
    memo.set('d', 4);
    memo.set('e', 5); // c, d old; a, b dropped
    expect(memo.get('a')).toBeUndefined();
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('c')).toBe(3);
    expect(memo.size).toBeLessThanOrEqual(4);
  });

  it('an entry still in use moves to the young generation and survives', () => {
    const memo = new TextMemo<number>(2);
    memo.set('keep', 1);
    memo.set('x', 2);
    memo.set('y', 3); // keep, x old
    expect(memo.get('keep')).toBe(1); // back to young
    memo.set('z', 4);
    memo.set('w', 5); // old generation dropped; keep was carried over
    expect(memo.get('keep')).toBe(1);
    expect(memo.get('x')).toBeUndefined();
  });

  it('use() computes once', () => {
    const memo = new TextMemo<number>(10);
    let calls = 0;
    const make = () => ++calls;
    expect(memo.use('k', make)).toBe(1);
    expect(memo.use('k', make)).toBe(1);
    expect(calls).toBe(1);
  });
});

describe('BlockValues', () => {
  const blocks = (...texts: string[]) => texts.map((text) => ({ text }));

  it('computes a value only for text it has not seen, wherever the block moved', () => {
    const values = new BlockValues<string>();
    const made: string[] = [];
    const of = (bs: { text: string }[]) => values.of(bs, (b) => (made.push(bs[b].text), bs[b].text.toUpperCase()));
    expect(of(blocks('one', 'two', 'three'))).toEqual(['ONE', 'TWO', 'THREE']);
    // A block inserted at the front shifts the others; an edited block is new.
    expect(of(blocks('zero', 'one', 'two!', 'three'))).toEqual(['ZERO', 'ONE', 'TWO!', 'THREE']);
    expect(made).toEqual(['one', 'two', 'three', 'zero', 'two!']);
    // The earlier version comes back from the memo, not recomputed.
    expect(of(blocks('one', 'two', 'three'))).toEqual(['ONE', 'TWO', 'THREE']);
    expect(made).toHaveLength(5);
  });
});

describe('clearMemos', () => {
  it('empties registered memos and runs registered resets', () => {
    const memo = new TextMemo<number>(10);
    memo.set('a', 1);
    let reset = 0;
    onClearMemos(() => reset++);
    clearMemos();
    expect(memo.get('a')).toBeUndefined();
    expect(reset).toBe(1);
  });

  it('clearDocumentCache gives a cold start that answers the same as a warm one', () => {
    const text = '# Pre-sentence report\n\n## Offence analysis\n\nHe was arrested last week after a row with his new partner.\n\nHe drinks most days and says it helps him cope.';
    const warm = JSON.stringify(check(text));
    clearDocumentCache();
    expect(JSON.stringify(check(text))).toBe(warm);
  });
});
