/**
 * `curio check [paths… | -]` — thin over the core. (Minimal version; see issue #2 for the full contract.)
 */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../core/index.js';
import type { KindOption } from '../core/index.js';

const args = process.argv.slice(2);
const cmd = args.shift();
if (cmd === '--help' || cmd === '-h' || !cmd) {
  console.log('Usage: curio check [paths… | -] [--format stylish|json|sarif] [--kind psr|case-notes|section|auto]');
  process.exit(0);
}
let format = 'stylish';
let kind: KindOption = 'auto';
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--format') format = args[++i];
  else if (args[i] === '--kind') kind = args[++i] as KindOption;
  else paths.push(args[i]);
}
const files: string[] = [];
const walk = (p: string) => {
  if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
  else if (/\.(md|txt)$/i.test(p)) files.push(p);
};
for (const p of paths) walk(p);
const out = files.map((path) => {
  const text = readFileSync(path, 'utf8');
  const r = check(text, { kind });
  return { path, kind: r.kind, diagnostics: r.diagnostics, analysis: r.analysis };
});
if (format === 'json') console.log(JSON.stringify({ version: 1, files: out }));
else for (const f of out) for (const d of f.diagnostics) console.log(`${f.path}:${d.start.line}:${d.start.column} ${d.severity} ${d.message} ${d.ruleId}`);
