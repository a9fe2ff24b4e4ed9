// Lexicons are data that non-programmers edit; this is their schema check.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { compileLexicon } from '../core/lexicon.js';

const dir = 'rules/lexicons';
const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0);

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  describe(`lexicon ${file}`, () => {
    const data = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    it('has a description', () => {
      expect(typeof data.description).toBe('string');
      expect(data.description.length).toBeGreaterThan(10);
    });
    it('has well-formed term lists', () => {
      const lists: [string, unknown][] = [];
      if ('terms' in data) lists.push(['terms', data.terms]);
      for (const key of ['groups', 'extra']) {
        if (key in data) for (const [g, v] of Object.entries(data[key] as object)) lists.push([`${key}.${g}`, v]);
      }
      if ('map' in data) {
        for (const [k, v] of Object.entries(data.map as object)) {
          expect(typeof k).toBe('string');
          expect(typeof v === 'string' || isStrings(v), `map.${k}`).toBe(true);
        }
      }
      if ('entries' in data) {
        expect(typeof data.entries === 'object' && data.entries !== null).toBe(true);
      }
      expect(lists.length + ('map' in data ? 1 : 0) + ('entries' in data ? 1 : 0)).toBeGreaterThan(0);
      for (const [name, list] of lists) {
        expect(isStrings(list), `${name} must be an array of non-empty strings`).toBe(true);
        expect(() => compileLexicon(name, { [name]: list as string[] }).match('a test sentence.')).not.toThrow();
      }
    });
  });
}
