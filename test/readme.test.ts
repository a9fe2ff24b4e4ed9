/**
 * The README stays true: its rules table matches the rule files, it names what every dependency is for,
 * and the commands it tells a newcomer to run exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../core/index.js';
import { renderRulesTable, spliceTable } from '../scripts/gen-readme.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('README.md', () => {
  it('has an up-to-date rules table (run `npm run gen` when this fails)', () => {
    const expected = spliceTable(readme, renderRulesTable(rules.map((r) => r.meta)));
    expect(readme).toBe(expected);
  });

  it('lists every rule id', () => {
    for (const r of rules) expect(readme).toContain(`\`${r.meta.id}\``);
  });

  it('says what every dependency is for', () => {
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    const section = readme.slice(readme.indexOf('## Dependencies'));
    const missing = deps.filter((d) => !section.includes(`\`${d}\``));
    expect(missing, `add these to the README's Dependencies section: ${missing.join(', ')}`).toEqual([]);
  });

  it('documents the two set-up commands, and they exist', () => {
    expect(readme).toMatch(/npm start/);
    expect(readme).toMatch(/npm test/);
    expect(pkg.scripts.start).toBeTruthy();
    expect(pkg.scripts.test).toBeTruthy();
  });

  it('keeps the places other parts of the project fill in', () => {
    expect(readme).toMatch(/^## Browser extension$/m);
    expect(readme).toMatch(/^## Editor$/m);
  });
});
