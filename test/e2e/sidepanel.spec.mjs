import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, waitForLint, assertNoOffOrigin } from './helpers.mjs';

const hp = { path: 'psr.html', kind: 'textarea', field: '#circumstances', overlayFor: '#circumstances' };

describe('Side panel', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  test('lists the problems of the page, grouped by category, with the checklist', { timeout: 60000 }, async () => {
    const host = await open(env, hp);
    await waitForLint(host, hp);
    const url = env.server.url + hp.path;
    const sw = await env.serviceWorker();
    assert.equal(new URL(sw.url()).host, env.extId, 'service worker of the Curio extension');
    const [tabId] = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), url);
    assert.ok(Number.isInteger(tabId), 'host tab found from the service worker');
    // sidepanel.html opened as a tab: ?tabId= names the tab it reports on; the host is brought back to the front too,
    // so a panel that follows the active tab sees it.
    const panel = await env.context.newPage();
    await panel.goto(`chrome-extension://${env.extId}/sidepanel.html?tabId=${tabId}`);
    await host.bringToFront();
    const problems = panel.locator('[data-testid="problem"]');
    try {
      await problems.first().waitFor({ timeout: 5000 });
    } catch {
      await panel.locator('[data-testid="check-page"]').click();
      await problems.first().waitFor({ timeout: 10000 });
    }
    const ids = await problems.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    assert.ok(ids.length > 0 && ids.every(Boolean), 'problems carry data-rule-id');
    const checklist = panel.locator('[data-testid="checklist"]');
    await checklist.waitFor({ timeout: 5000 });
    const text = (await checklist.innerText()).toLowerCase();
    for (const word of ['sources', 'diversity', 'mental health', 'substance']) {
      assert.ok(text.includes(word), `checklist has a "${word}" row`);
    }
    await panel.close();
    await host.close();
    assertNoOffOrigin(env);
  });
});
