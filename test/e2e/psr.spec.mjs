import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSuite } from './editor-suite.mjs';
import { setup, open, waitForLint, overlayInfo, marks, mutations, assertNoOffOrigin } from './helpers.mjs';

const FIELDS = ['sources-detail', 'offence-analysis', 'circumstances', 'risk-analysis', 'proposal'];
const field = (id) => ({ path: 'psr.html', kind: 'textarea', field: `#${id}`, overlayFor: `#${id}`, target: 'criminogenic' });

editorSuite({ ...field('risk-analysis'), name: 'Multi-field PSR: risk analysis field', fixAlt: ['RoSH'] });

/** All marks of all fields of the page, with the field id. */
async function allMarks(page) {
  const out = [];
  for (const id of FIELDS) for (const m of await marks(page, field(id))) out.push({ ...m, field: id });
  return out;
}

describe('Multi-field PSR page', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  test('every report field gets exactly one overlay, outside the field', { timeout: 60000 }, async () => {
    const page = await open(env, field('proposal'));
    for (const id of FIELDS) {
      await waitForLint(page, field(id));
      const info = await overlayInfo(page, field(id));
      assert.equal(info.count, 1, `one overlay for #${id}`);
      assert.ok(!info.insideEditable);
    }
    const ms = await allMarks(page);
    assert.ok(ms.some((m) => m.field === 'circumstances'), 'the behaviour and lifestyle field is flagged (weed, partner with children, stopped medication)');
    for (const id of FIELDS) assert.deepEqual(await mutations(page, field(id)), [], `#${id} untouched`);
    await page.close();
  });

  test('a ticked "Sources of information" checkbox counts as a cited source', { timeout: 60000 }, async () => {
    // Unticked: the partner and the curfew at the partner's address need a police domestic-abuse check.
    const daFinding = (m) => m.category === 'sources' && /domestic|\bDA\b/i.test(m.label);
    const unticked = await open(env, field('proposal'));
    for (const id of FIELDS) await waitForLint(unticked, field(id));
    const before = (await allMarks(unticked)).filter(daFinding);
    await unticked.close();
    assert.ok(before.length > 0, 'with the DA box unticked, a sources finding asks about the domestic-abuse check');

    const ticked = await open(env, field('proposal'), { query: '?da=1' });
    for (const id of FIELDS) await waitForLint(ticked, field(id));
    const after = (await allMarks(ticked)).filter(daFinding);
    await ticked.close();
    assert.deepEqual(after.map((m) => m.label), [], 'with the DA box ticked, no finding asks for the domestic-abuse check');
  });

  test('the fields are judged as one report (sources cited in one field count for the others)', { timeout: 60000 }, async () => {
    const page = await open(env, field('proposal'));
    for (const id of FIELDS) await waitForLint(page, field(id));
    const ms = await allMarks(page);
    // CPS summary, previous convictions and the interview are ticked and named in "Other sources".
    const asksForCore = ms.filter((m) => m.category === 'sources' && /\bCPS\b|previous convictions|interview/i.test(m.label));
    assert.deepEqual(asksForCore.map((m) => `${m.field}: ${m.label}`), []);
    await page.close();
    assertNoOffOrigin(env);
  });
});
