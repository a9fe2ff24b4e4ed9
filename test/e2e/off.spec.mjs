import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, waitForLint, assertNoOffOrigin } from './helpers.mjs';

const control = { path: 'off.html', kind: 'textarea', field: '#control-field', overlayFor: '#control-field' };

describe('Fields Curio must skip', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  test('data-curio="off" (field or ancestor), disabled and read-only fields get no overlay', { timeout: 60000 }, async () => {
    const page = await open(env, control);
    await waitForLint(page, control);
    await page.waitForTimeout(800); // give any wrongly attached overlay time to appear
    const overlays = await page.evaluate(() =>
      [...document.querySelectorAll('curio-overlay')].map((o) => o.getAttribute('data-curio-for')));
    assert.deepEqual(overlays, ['#control-field'], 'only the control field is checked');
    const untouched = await page.evaluate(() =>
      ['off-field', 'off-ancestor-field', 'disabled-field', 'readonly-field', 'off-ancestor-ce']
        .every((id) => document.getElementById(id).getAttributeNames().every((a) => !/curio/.test(a) || a === 'data-curio')));
    assert.ok(untouched, 'skipped fields carry no Curio attributes');
    await page.close();
    assertNoOffOrigin(env);
  });
});
