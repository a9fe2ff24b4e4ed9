import assert from 'node:assert/strict';
import { editorSuite } from './editor-suite.mjs';
import { open, waitForLint, overlayInfo, marks, mutations } from './helpers.mjs';

const FIELDS = ['sources-detail', 'offence-analysis', 'circumstances', 'risk-analysis', 'proposal'];
const field = (id) => ({ path: 'psr.html', kind: 'textarea', field: `#${id}`, overlayFor: `#${id}`, target: 'criminogenic' });

/** All marks of all fields of the page, with the field id. */
async function allMarks(page) {
  const out = [];
  for (const id of FIELDS) for (const m of await marks(page, field(id))) out.push({ ...m, field: id });
  return out;
}

async function openLinted(env, query = '') {
  const page = await open(env, field('proposal'), { query });
  for (const id of FIELDS) await waitForLint(page, field(id));
  return page;
}

editorSuite({ ...field('risk-analysis'), name: 'Multi-field PSR page (risk analysis field)', fixAlt: ['RoSH'] }, [
  {
    name: 'every report field gets exactly one overlay, outside the field, and stays untouched',
    fn: async (env) => {
      const page = await openLinted(env);
      for (const id of FIELDS) {
        const info = await overlayInfo(page, field(id));
        assert.equal(info.count, 1, `one overlay for #${id}`);
        assert.ok(!info.insideEditable);
      }
      const ms = await allMarks(page);
      assert.ok(ms.some((m) => m.field === 'circumstances'), 'the behaviour and lifestyle field is flagged (weed, partner with children, stopped medication)');
      for (const id of FIELDS) assert.deepEqual(await mutations(page, field(id)), [], `#${id} untouched`);
      await page.close();
    },
  },
  {
    name: 'a ticked "Sources of information" checkbox counts as a cited source',
    fn: async (env) => {
      // Unticked: the partner and the curfew at the partner's address need a police domestic-abuse check.
      const daFinding = (m) => m.category === 'sources' && /domestic|\bDA\b/i.test(m.label);
      const unticked = await openLinted(env);
      const before = (await allMarks(unticked)).filter(daFinding);
      const seen = (await allMarks(unticked)).map((m) => `${m.field}:${m.ruleId}`);
      await unticked.close();
      assert.ok(before.length > 0, `with the DA box unticked, a sources finding should ask about the domestic-abuse check; marks: ${seen.join(', ')}`);
      const ticked = await openLinted(env, '?da=1');
      const after = (await allMarks(ticked)).filter(daFinding);
      await ticked.close();
      assert.deepEqual(after.map((m) => m.label), [], 'with the DA box ticked, no finding asks for the domestic-abuse check');
    },
  },
  {
    name: 'the fields are judged as one report (sources cited in one field count for the others)',
    fn: async (env) => {
      const page = await openLinted(env);
      const ms = await allMarks(page);
      // CPS summary, previous convictions and the interview are ticked and named in "Other sources".
      // Not vacuous: the page must be judged as a report with sources (the partner needs a DA check, the children a
      // safeguarding check, the diagnosis a medical source), yet nothing may ask for what another field cites.
      assert.ok(ms.some((m) => m.category === 'sources'), `sources are checked across the page; marks: ${ms.map((m) => m.ruleId).join(', ')}`);
      const asksForCore = ms.filter((m) => m.category === 'sources' && /\bCPS\b|previous convictions|interview/i.test(m.label));
      assert.deepEqual(asksForCore.map((m) => `${m.field}: ${m.label}`), []);
      await page.close();
    },
  },
]);
