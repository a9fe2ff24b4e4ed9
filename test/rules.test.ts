// One harness runs every rule's own examples, so adding a rule never means writing test boilerplate.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { rules } from '../rules/index.js';
import { check } from '../core/engine.js';
import { CATEGORIES } from '../core/types.js';

describe('rule registry', () => {
  it('is generated from the rule files and up to date', () => {
    expect(() => execFileSync('node', ['scripts/gen-rules.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
  it('has one file per rule, named by its id', () => {
    const files = readdirSync('rules').filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(rules.map((r) => r.meta.id).sort()).toEqual(files.sort());
  });
});

for (const rule of rules) {
  const { meta } = rule;
  describe(`rule ${meta.id}`, () => {
    it('documents itself', () => {
      expect(CATEGORIES).toContain(meta.category);
      expect(['error', 'warning', 'info']).toContain(meta.severity);
      expect(meta.description.length).toBeGreaterThan(10);
      expect(meta.why.length).toBeGreaterThan(10);
      expect(meta.standard.length).toBeGreaterThan(5);
      expect(meta.url).toMatch(/^https:\/\//);
      expect(meta.examples.invalid.length).toBeGreaterThan(0);
      expect(meta.examples.valid.length).toBeGreaterThan(0);
    });
    meta.examples.invalid.forEach((ex, i) => {
      it(`flags invalid example ${i + 1}`, () => {
        const found = check(ex.text, ex.options ?? {}, [rule]).diagnostics;
        expect(found.length, `expected ${meta.id} to flag: ${ex.text.slice(0, 120)}`).toBeGreaterThan(0);
        for (const d of found) {
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.start.offset).toBeLessThanOrEqual(d.end.offset);
        }
        if (ex.flags) {
          const s = ex.text.indexOf(ex.flags);
          expect(s, `flags substring not in example: ${ex.flags}`).toBeGreaterThanOrEqual(0);
          const e = s + ex.flags.length;
          expect(found.some((d) => d.start.offset < e && d.end.offset > s), `no finding overlaps "${ex.flags}"`).toBe(true);
        }
      });
    });
    meta.examples.valid.forEach((ex, i) => {
      it(`passes valid example ${i + 1}`, () => {
        const found = check(ex.text, ex.options ?? {}, [rule]).diagnostics;
        expect(found.map((d) => `${d.message} @${d.start.offset}`)).toEqual([]);
      });
    });
  });
}
