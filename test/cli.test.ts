/**
 * The command line, run the way people and the scorer run it: the built bundle (`node bin/curio.js`)
 * spawned on real files in a temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, chmodSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../core/index.js';
import { CATEGORIES } from '../core/types.js';
import { describeFsError } from '../cli/files.js';
import type { Diagnostic } from '../core/types.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(root, 'bin', 'curio.js');
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function curio(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? dir,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const REPORT = `# Pre-sentence report

## Sources of information

- Interview with Mr Example at the probation office
- CPS case summary and a list of previous convictions

## Offence analysis

He took two bottles of whisky from a shop and was stopped at the door. He said he had been drinking all day.

## Risk analysis

He poses a medium risk of serious harm.

## Sentencing proposal

A community order with a rehabilitation activity requirement.
`;

/** A rule and one of its own examples that it must flag: lets these tests force an error-severity finding. */
const flagging = rules
  .flatMap((r) => r.meta.examples.invalid.map((ex) => ({ rule: r, ex })))
  .find(({ ex }) => !ex.options?.terms && !ex.options?.context && !ex.options?.rules);

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'curio-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage', () => {
  it('--help shows real usage and exits 0', () => {
    const r = curio(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:\s+curio check/);
    for (const opt of ['--format', '--kind', '--config', '--quiet', '--section']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toMatch(/Examples:/);
  });
  it('--version prints the package version', () => {
    const r = curio(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it.each([
    [['check', '--format', 'xml', 'a.md'], /--format must be one of/],
    [['check', '--kind', 'essay', 'a.md'], /--kind must be one of/],
    [['check', '--nope', 'a.md'], /unknown option '--nope'/],
    [['check'], /nothing to check/],
    [['lint', 'a.md'], /unknown command 'lint'/],
    [['check', '--format'], /needs a value/],
  ])('%j is a usage error: exit 2, one line, no stack', (args, message) => {
    const r = curio(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(r.stdout).toBe('');
  });
});

describe('json output', () => {
  it('has exactly { version: 1, files: [{ path, kind, diagnostics, analysis }] }', () => {
    const p = file('report.md', REPORT);
    const r = curio(['check', '--format', 'json', p]);
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['files', 'version']);
    expect(out.version).toBe(1);
    expect(out.files).toHaveLength(1);
    const f = out.files[0];
    expect(Object.keys(f).sort()).toEqual(['analysis', 'diagnostics', 'kind', 'path']);
    expect(f.path).toBe(p);
    expect(['psr', 'case-notes', 'section']).toContain(f.kind);
    expect(f.analysis.kind).toBe(f.kind);
    expect(Object.keys(f.analysis.categories).sort()).toEqual(['diversity', 'mental-health', 'sources', 'substance-misuse']);
    for (const d of f.diagnostics as Diagnostic[]) {
      expect(CATEGORIES).toContain(d.category);
      expect(REPORT.slice(d.start.offset, d.end.offset).length).toBe(d.end.offset - d.start.offset);
    }
  });
  it('walks folders recursively for .md and .txt, in name order, skipping other files', () => {
    file('tree/b.txt', 'Second document. He drinks most evenings.');
    file('tree/a.md', REPORT);
    file('tree/sub/c.md', 'Third document.');
    file('tree/notes.docx', 'not a document type curio reads from folders');
    file('tree/node_modules/x.md', 'ignored');
    const r = curio(['check', '--format', 'json', join(dir, 'tree')]);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path.slice(dir.length + 1));
    expect(paths).toEqual(['tree/a.md', 'tree/b.txt', 'tree/sub/c.md']);
  });
  it('reads standard input with -', () => {
    const r = curio(['check', '--format', 'json', '-'], { input: REPORT });
    const out = JSON.parse(r.stdout);
    expect(out.files[0].path).toBe('<stdin>');
    expect(out.files[0].kind).toBe('psr');
  });
  it('--kind overrides detection', () => {
    const p = file('kind.md', REPORT);
    const out = JSON.parse(curio(['check', '--format', 'json', '--kind', 'section', p]).stdout);
    expect(out.files[0].kind).toBe('section');
  });
});

describe('bad input: one line naming the file, the others still checked, exit 2', () => {
  const cases: [string, string | Buffer | null, RegExp][] = [
    ['missing.md', null, /no such file/],
    ['empty.md', '', /empty/],
    ['blank.md', ' \n\t\n', /only whitespace/],
    ['binary.txt', Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x03]), /binary/],
    ['report.pdf.txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), /PDF/],
    ['latin1.md', Buffer.from('Caf\xe9 au lait. He said it was fine.', 'latin1'), /not valid UTF-8 \(line 1/],
    ['huge.md', Buffer.alloc(5 * 1024 * 1024 + 10, 0x61), /too large/],
  ];
  // One run with every bad file and one good one: each bad file gets its own line, the good one is still checked.
  it('each bad file gets its own line; the good file is still checked', () => {
    const bad = cases.map(([name, content]) => (content === null ? join(dir, name) : file(name, content)));
    const good = file('good.md', REPORT);
    const r = curio(['check', '--format', 'json', ...bad, good]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(cases.length);
    cases.forEach(([, , problem], i) => {
      const line = lines.find((l) => l.startsWith(`curio: ${bad[i]}: `));
      expect(line, `no error line for ${bad[i]}`).toBeDefined();
      expect(line).toMatch(problem);
    });
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+|Error:/);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([good]);
  });
  it('a folder with no documents', () => {
    mkdirSync(join(dir, 'nothing-here'), { recursive: true });
    file('nothing-here/readme.pdf', 'x');
    const r = curio(['check', join(dir, 'nothing-here')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing-here: folder contains no \.md or \.txt documents/);
  });
  it('an unreadable file', () => {
    // Root (as in CI) can read a chmod 000 file, so there the message itself is checked directly.
    if (process.getuid?.() === 0) {
      const err = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      expect(describeFsError(err)).toBe('cannot read it (permission denied)');
      return;
    }
    const p = file('locked.md', REPORT);
    chmodSync(p, 0o000);
    const r = curio(['check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/locked\.md: cannot read it \(permission denied\)/);
  });
  it('strips a UTF-8 byte-order mark (offsets index the text after it)', () => {
    const p = file('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT)]));
    const withBom = JSON.parse(curio(['check', '--format', 'json', p]).stdout).files[0];
    const plain = JSON.parse(curio(['check', '--format', 'json', file('nobom.md', REPORT)]).stdout).files[0];
    expect(withBom.diagnostics).toEqual(plain.diagnostics);
    expect(withBom.kind).toBe(plain.kind);
  });
  it('decodes UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const plain = JSON.parse(curio(['check', '--format', 'json', file('plain16.md', REPORT)]).stdout).files[0];
    for (const [name, bytes] of [['le.md', le], ['be.md', be]] as const) {
      const r = curio(['check', '--format', 'json', file(name, bytes)]);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).files[0].diagnostics).toEqual(plain.diagnostics);
    }
  });
  it('CRLF files are read as written (offsets count the CR)', () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const out = JSON.parse(curio(['check', '--format', 'json', file('crlf.md', crlf)]).stdout).files[0];
    for (const d of out.diagnostics as Diagnostic[]) expect(d.end.offset).toBeLessThanOrEqual(crlf.length);
  });
});

describe('settings (.curiorc.json)', () => {
  it('is discovered in the working folder or above', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'deep', 'er'), { recursive: true });
    writeFileSync(join(project, '.curiorc.json'), JSON.stringify({ kind: 'case-notes' }));
    const p = file('project/deep/er/r.md', REPORT);
    const out = JSON.parse(curio(['check', '--format', 'json', p], { cwd: join(project, 'deep', 'er') }).stdout);
    expect(out.files[0].kind).toBe('case-notes');
    // the flag wins over the file
    const flagged = JSON.parse(curio(['check', '--format', 'json', '--kind', 'psr', p], { cwd: join(project, 'deep') }).stdout);
    expect(flagged.files[0].kind).toBe('psr');
  });
  it('--config names a file explicitly', () => {
    const cfg = file('cfg/custom.json', JSON.stringify({ kind: 'section', sourcesCited: ['oasys'] }));
    const out = JSON.parse(curio(['check', '--format', 'json', '--config', cfg, file('c.md', REPORT)]).stdout);
    expect(out.files[0].kind).toBe('section');
  });
  it.each([
    ['{ kind: psr }', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"kind":"essay"}', /"kind" must be one of/],
    ['{"colour":"red"}', /unknown setting "colour"/],
    ['{"rules":{"no-such-rule-anywhere":"error"}}', /unknown rule "no-such-rule-anywhere"/],
    ['{"sourcesCited":["the-internet"]}', /unknown source "the-internet"/],
    ['{"terms":{"sources":{"cps":"CPS bundle"}}}', /must be a list/],
    ['{"terms":{"slang":[]}}', /unknown "terms" entry "slang"/],
  ])('rejects %s with a clear error and exit 2', (json, message) => {
    const cfg = file('bad-config.json', json);
    const r = curio(['check', '--config', cfg, file('d.md', REPORT)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad-config.json');
    expect(r.stderr).toMatch(message);
  });
  it('a missing --config file is an error', () => {
    const r = curio(['check', '--config', join(dir, 'absent.json'), file('e.md', REPORT)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/absent\.json: no such settings file/);
  });
});

describe.skipIf(!flagging)('exit codes and severities', () => {
  // Read lazily: the describe body runs even when skipped (no rules yet).
  const { rule, ex } = flagging ?? { rule: rules[0], ex: { text: '', options: undefined } };
  const args = (cfg: string) => [
    'check',
    '--config',
    cfg,
    ...(ex.options?.kind ? ['--kind', ex.options.kind] : []),
    ...(ex.options?.section ? ['--section', ex.options.section] : []),
  ];
  it(`exit 1 when a finding is at error severity (${rule?.meta.id} set to error)`, () => {
    const cfg = file('sev/error.json', JSON.stringify({ rules: { [rule.meta.id]: 'error' } }));
    const r = curio([...args(cfg), '--format', 'json', file('sev/ex.md', ex.text)]);
    expect(r.code).toBe(1);
    const ds = JSON.parse(r.stdout).files[0].diagnostics as Diagnostic[];
    expect(ds.some((d) => d.ruleId === rule.meta.id && d.severity === 'error')).toBe(true);
  });
  it('exit 0 when every rule is at most a warning; --quiet then prints no findings', () => {
    const cfg = file('sev/warn.json', JSON.stringify({ rules: Object.fromEntries(rules.map((r) => [r.meta.id, 'warning'])) }));
    const p = file('sev/ex2.md', ex.text);
    const r = curio([...args(cfg), '--format', 'json', p]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].diagnostics.length).toBeGreaterThan(0);
    const q = curio([...args(cfg), '--quiet', '--format', 'json', p]);
    expect(JSON.parse(q.stdout).files[0].diagnostics).toEqual([]);
    const qs = curio([...args(cfg), '--quiet', p]);
    expect(qs.stdout).not.toContain(rule.meta.id);
  });
  it('a rule set to off never reports', () => {
    const cfg = file('sev/off.json', JSON.stringify({ rules: { [rule.meta.id]: 'off' } }));
    const r = curio([...args(cfg), '--format', 'json', file('sev/ex3.md', ex.text)]);
    expect(JSON.parse(r.stdout).files[0].diagnostics.some((d: Diagnostic) => d.ruleId === rule.meta.id)).toBe(false);
  });
  it('stylish shows line:col, severity, message, rule id, prompts and a summary', () => {
    const cfg = file('sev/error2.json', JSON.stringify({ rules: { [rule.meta.id]: 'error' } }));
    const p = file('sev/ex4.md', ex.text);
    const json = JSON.parse(curio([...args(cfg), '--format', 'json', p]).stdout).files[0].diagnostics as Diagnostic[];
    const d = json.find((x) => x.ruleId === rule.meta.id)!;
    const r = curio([...args(cfg), p]);
    expect(r.stdout).toContain(p);
    const line = r.stdout.split('\n').find((l) => l.includes(d.message) && l.includes(rule.meta.id))!;
    expect(line).toMatch(new RegExp(`^\\s+${d.start.line}:${d.start.column}\\s+error\\s+`));
    for (const prompt of d.prompts) expect(r.stdout).toContain(prompt);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 of 1 file/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a TTY: no colour
    expect(curio([...args(cfg), '--color', p]).stdout).toMatch(/\u001b\[/);
  });
});

describe('sarif output', () => {
  it('is SARIF 2.1.0 with rule metadata and located results', () => {
    const text = flagging ? flagging.ex.text : REPORT;
    const p = file('sarif/s.md', text);
    const r = curio(['check', '--format', 'sarif', ...(flagging?.ex.options?.kind ? ['--kind', flagging.ex.options.kind] : []), p]);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('curio');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(rules.map((x) => x.meta.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(rule.helpUri).toMatch(/^https?:\/\//);
    }
    for (const res of run.results) {
      expect(typeof res.ruleId).toBe('string');
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.message.text).toBeTruthy();
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toContain('s.md');
      const g = loc.region;
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(g[k]).toBeGreaterThanOrEqual(1);
      expect(g.charOffset).toBeGreaterThanOrEqual(0);
      expect(g.charOffset + g.charLength).toBeLessThanOrEqual(text.length);
      expect(g.snippet.text).toBe(text.slice(g.charOffset, g.charOffset + g.charLength));
    }
    if (flagging) expect(run.results.some((x: { ruleId: string }) => x.ruleId === flagging.rule.meta.id)).toBe(true);
  });
});

describe('special files and terminal safety (issue #11)', () => {
  it('skips a link to a device or a FIFO inside a folder with a one-line note, and checks the rest', () => {
    const folder = join(dir, 'special');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'real.txt'), 'He was arrested on Saturday.\n');
    symlinkSync('/dev/zero', join(folder, 'zero.txt'));
    execFileSync('mkfifo', [join(folder, 'pipe-target')]);
    symlinkSync(join(folder, 'pipe-target'), join(folder, 'pipe.md'));
    // A hang or a read of /dev/zero into memory would hit this timeout instead of finishing.
    const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', folder], { encoding: 'utf8', timeout: 20000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/zero\.txt: skipped: links to a device, not a regular file/);
    expect(r.stderr).toMatch(/pipe\.md: skipped: links to a pipe \(FIFO\), not a regular file/);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path.split('/').pop())).toEqual(['real.txt']);
  });

  it('refuses a device named on the command line without reading it', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '/dev/zero'], { encoding: 'utf8', timeout: 20000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('curio: /dev/zero: skipped: a device, not a regular file');
  });

  it('shows control characters in file names and messages as escapes, never raw', () => {
    const name = 'evil\u001b[2J\rname\n.txt';
    file(name, 'Case notes.\n\n12/03/2024 Home visit. He has a new partner.\n');
    const r = curio(['check', name]);
    expect(r.stdout).not.toMatch(/[\u001b\r]/);
    expect(r.stdout).toContain('evil\\x1b[2J\\rname\\n.txt');
    file('empty\u001b]0;title\u0007.txt', '');
    const e = curio(['check', 'empty\u001b]0;title\u0007.txt']);
    expect(e.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(e.stderr).toContain('empty\\x1b]0;title\\x07.txt');
  });
});

describe('settings terms are validated up front (issue #11)', () => {
  it.each([
    ['{"terms":{"substances":["/(/"]}}', /"terms\.substances" term "\/\(\/" is not a valid regular expression/],
    ['{"terms":{"sources":{"substance-service":["/(a+)+$/"]}}}', /"terms\.sources\.substance-service" term "\/\(a\+\)\+\$\/" repeats a group/],
  ])('%s stops the run with one line naming the file and key', (json, reason) => {
    const sub = join(dir, `cfg-${Math.random().toString(36).slice(2)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, '.curiorc.json'), json);
    writeFileSync(join(sub, 'a.txt'), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n');
    const r = curio(['check', 'a.txt'], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('.curiorc.json');
    expect(r.stderr).toMatch(reason);
  });
});
