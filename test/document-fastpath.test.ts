/**
 * core/document.ts classifies common one-line Markdown shapes without remark (for speed). Wherever the
 * fast path gives an answer it must be remark's answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastMarkdownFacts, remarkFacts } from '../core/document.js';

const SAMPLES = [
  '# Pre-Sentence Report', '## Offence analysis', '###### Six', '####### Seven', '## Risk ##', '#hashtag **bold**',
  '- CPS case summary', '* item', '+ item', '1. First', '10) Tenth', '1234567890. no', '1.5 million **x**', '- ', '-',
  '**Alcohol:**', '**Name:** Mr Example', '__Heading__', '**a** and **b**', '**bold*', '** not bold**', '***both***',
  '*emphasis* then text', '_x_ y', '* * *', '- - -', '___', '> quoted **text**', '| a | b |', '|---|---|',
  'He said **no** to it.', 'Plain **bold** middle.', '2024. It was **a** year', '- [ ] task', '**[link](x)**',
  '+44 7700 **900**', '1) x', '1)x **y**', '-\tTabbed item', '#\tTab heading', '**   **', '**x**:', 'A **b** c',
];

describe('markdown fast path agrees with remark', () => {
  it.each(SAMPLES)('%s', (line) => {
    const fast = fastMarkdownFacts(line);
    if (fast) expect(fast).toEqual(remarkFacts(line));
  });

  it('on random one-line mixes of markdown tokens', () => {
    const token = fc.constantFrom('#', '##', ' ', '\t', '-', '*', '**', '_', '__', '+', '1.', '2)', '>', '|', 'word', 'Name:', '.', ':', '9', 'x');
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 10 }), (parts) => {
        const line = parts.join('').trim();
        if (!line) return;
        const fast = fastMarkdownFacts(line);
        if (fast) expect(fast, JSON.stringify(line)).toEqual(remarkFacts(line));
      }),
      { numRuns: 1000 },
    );
  });
});
