#!/usr/bin/env node
/**
 * Runs the browser specs (test/e2e/*.spec.mjs) with Node's built-in test runner against `.output/chrome-mv3-e2e`.
 * `npm run test:e2e` builds that first. Pass spec names to run a subset: `node test/e2e/run.mjs govuk tinymce`.
 * Measurements go to stdout ([curio-e2e] lines) and test-results/e2e/timings.jsonl; the runner's own summary
 * (# tests / # pass / # fail) stays the last lines, which is what CI reads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const specs = fs.readdirSync(dir)
  .filter((f) => f.endsWith('.spec.mjs'))
  .filter((f) => !wanted.length || wanted.some((w) => f.startsWith(w)))
  .sort()
  .map((f) => path.join(dir, f));

fs.rmSync(path.resolve(dir, '../../test-results/e2e'), { recursive: true, force: true });
// Two browsers at once keeps the run well under five minutes on two cores without starving the timings.
const concurrency = process.env.CURIO_E2E_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--test', '--test-force-exit', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...specs], {
  stdio: 'inherit',
  cwd: path.resolve(dir, '../..'),
});
process.exit(r.status ?? 1);
