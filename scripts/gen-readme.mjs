#!/usr/bin/env node
// Regenerates the rules table in README.md (between <!-- rules:start --> and <!-- rules:end -->) from the
// rule files' meta, so the README cannot drift from the rules. `--check` exits 1 when the table is stale
// (test/readme.test.ts runs it). The rules are TypeScript, so they are loaded through tsx.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

/** Markdown table of rule metas: id, category, severity, description, standard (linked). */
export function renderRulesTable(metas) {
  const rows = [...metas]
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    .map((m) => `| \`${m.id}\` | ${m.category} | ${m.severity} | ${cell(m.description)} | [${cell(m.standard)}](${m.url}) |`);
  return [
    `${metas.length} rules. Generated from \`rules/*.ts\` by \`npm run gen\`; do not edit by hand.`,
    '',
    '| rule | category | default severity | what it checks | standard |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces whatever lies between the markers; throws when they are missing. */
export function spliceTable(readme, table) {
  const s = readme.indexOf(START);
  const e = readme.indexOf(END);
  if (s < 0 || e < s) throw new Error(`README.md needs ${START} and ${END} markers`);
  return `${readme.slice(0, s + START.length)}\n${table}\n${readme.slice(e)}`;
}

async function loadMetas() {
  const { tsImport } = await import('tsx/esm/api');
  const mod = await tsImport(pathToFileURL(join(root, 'rules', 'index.ts')).href, import.meta.url);
  return mod.rules.map((r) => r.meta);
}

async function main() {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const next = spliceTable(readme, renderRulesTable(await loadMetas()));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md rules table is stale: run npm run gen');
      process.exit(1);
    }
  } else if (next !== readme) {
    writeFileSync(path, next);
    console.log('README.md: rules table updated');
  } else console.log('README.md: rules table up to date');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
