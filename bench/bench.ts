/**
 * `npm run bench`: median milliseconds per document for Curio (cold and warm per-block cache) beside
 * harper.js, alex and write-good on the same generated report texts, plus re-linting after a one-character
 * edit, with PASS/FAIL against the targets in issue #2. Timings are printed, never asserted in tests.
 *
 *   npm run bench                 full run
 *   npm run bench -- --quick      fewer runs, Curio only (for a quick look while optimising)
 *   npm run bench -- --json       machine-readable results on stdout
 *   npm run bench -- --strict     exit 1 when a target is missed
 *   npm run bench -- --cpu        time process CPU (user + system) instead of wall-clock, for a busy machine
 */
import { performance } from 'node:perf_hooks';
import { lint } from '../core/index.js';
import { clearDocumentCache } from '../core/document.js';
import { generateReport, wordCount, rng } from './generate.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const asJson = args.has('--json');
const SIZES = [500, 2000, 10000, 50000];
const cpu = args.has('--cpu');
/** Milliseconds on the chosen clock. */
const now = cpu
  ? () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  : () => performance.now();
const log = (s = '') => (asJson ? process.stderr.write(`${s}\n`) : process.stdout.write(`${s}\n`));

interface Cell {
  median: number;
  runs: number;
}

/** Times `fn` until `minRuns` and `budgetMs` are both met (or `maxRuns`), after `warmup` untimed calls. */
async function time(fn: () => unknown, { minRuns = 5, maxRuns = quick ? 15 : 60, budgetMs = quick ? 400 : 1500, warmup = 2, before }: { minRuns?: number; maxRuns?: number; budgetMs?: number; warmup?: number; before?: () => void } = {}): Promise<Cell> {
  for (let i = 0; i < warmup; i++) {
    before?.();
    await fn();
  }
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < budgetMs)) {
    before?.();
    const t0 = now();
    await fn();
    samples.push(now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median = samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
  return { median, runs: samples.length };
}

interface Competitor {
  name: string;
  lint: (text: string) => unknown;
}

async function competitors(): Promise<Competitor[]> {
  if (quick) return [];
  const out: Competitor[] = [];
  try {
    const { LocalLinter } = await import('harper.js');
    const { binaryInlined } = await import('harper.js/binaryInlined');
    const harper = new LocalLinter({ binary: binaryInlined });
    await harper.setup();
    out.push({ name: 'harper.js', lint: (t) => harper.lint(t) });
  } catch (e) {
    log(`(harper.js unavailable: ${(e as Error).message})`);
  }
  try {
    const alex = await import('alex');
    out.push({ name: 'alex', lint: (t) => alex.markdown(t) });
  } catch (e) {
    log(`(alex unavailable: ${(e as Error).message})`);
  }
  try {
    const writeGood = (await import('write-good')).default as (t: string) => unknown;
    out.push({ name: 'write-good', lint: (t) => writeGood(t) });
  } catch (e) {
    log(`(write-good unavailable: ${(e as Error).message})`);
  }
  try {
    const nlp = (await import('compromise')).default;
    out.push({ name: 'compromise parse', lint: (t) => nlp(t).json({ offset: true }) });
  } catch (e) {
    log(`(compromise unavailable: ${(e as Error).message})`);
  }
  return out;
}

/** Median time to re-lint `text` after a one-character insertion at a fresh place each run. */
async function oneCharEdit(text: string): Promise<Cell & { findings: number }> {
  const r = rng(42);
  // Edit inside paragraphs (not headings), as a practitioner typing would.
  const paragraphs: number[] = [];
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) {
    if (text[i + 2] && text[i + 2] !== '#' && text[i + 2] !== '-') paragraphs.push(i + 2);
  }
  lint(text);
  let edited = text;
  let findings = 0;
  const cell = await time(() => (findings = lint(edited).length), {
    before: () => {
      const start = paragraphs[Math.floor(r() * paragraphs.length)];
      const at = start + 5 + Math.floor(r() * 40);
      edited = text.slice(0, at) + 'x' + text.slice(at);
    },
    warmup: 3,
  });
  return { ...cell, findings };
}

async function main() {
  const texts = SIZES.map((n) => generateReport(n, n));
  const others = await competitors();
  const rows: { words: number; findings: number; cold: Cell; warm: Cell; others: Record<string, Cell> }[] = [];
  log(`Curio benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}`);
  log(`median ms per document (${cpu ? 'process CPU time' : 'wall-clock'}; runs in brackets); cold = per-block cache cleared before every run\n`);
  const header = ['words', 'findings', 'curio cold', 'curio warm', ...others.map((o) => o.name)];
  log(header.map((h, i) => (i === 0 ? h.padEnd(7) : h.padStart(i < 2 ? 9 : 17))).join(''));
  for (let i = 0; i < SIZES.length; i++) {
    const text = texts[i];
    const findings = lint(text).length;
    const cold = await time(() => lint(text), { before: clearDocumentCache });
    lint(text);
    const warm = await time(() => lint(text));
    const o: Record<string, Cell> = {};
    for (const c of others) {
      const budget = SIZES[i] >= 10000 ? { minRuns: 3, maxRuns: 10, warmup: 1 } : {};
      o[c.name] = await time(() => c.lint(text), budget);
    }
    rows.push({ words: wordCount(text), findings, cold, warm, others: o });
    const fmt = (c: Cell) => `${c.median.toFixed(2)} (${c.runs})`.padStart(17);
    log(
      `${String(wordCount(text)).padEnd(7)}${String(findings).padStart(9)}${fmt(cold)}${fmt(warm)}${others.map((c) => fmt(o[c.name])).join('')}`,
    );
  }
  const edit = await oneCharEdit(texts[2]);
  log(`\none-character edit, then re-lint the ${wordCount(texts[2])}-word text: ${edit.median.toFixed(2)} ms median (${edit.runs} runs)`);

  const two = rows[1].cold.median;
  const fifty = rows[3].cold.median;
  const targets = [
    { target: 'fresh 2,000-word report ≤ 10 ms median', value: `${two.toFixed(2)} ms`, pass: two <= 10 },
    { target: '50,000 words ≤ 30× the 2,000-word time', value: `${(fifty / two).toFixed(1)}× (${fifty.toFixed(1)} ms)`, pass: fifty <= 30 * two },
    { target: 'one-character re-lint of 10,000 words ≤ 2 ms', value: `${edit.median.toFixed(2)} ms`, pass: edit.median <= 2 },
  ];
  log('');
  for (const t of targets) log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.value}`);
  if (asJson) process.stdout.write(`${JSON.stringify({ rows, edit, targets }, null, 2)}\n`);
  if (args.has('--strict') && targets.some((t) => !t.pass)) process.exitCode = 1;
}

await main();
