import assert from 'node:assert/strict';
import { editorSuite } from './editor-suite.mjs';
import { open, waitForLint, overlayInfo, typeAndTime, report } from './helpers.mjs';

const hp = {
  name: 'Long textarea (10,000 words)',
  path: 'long.html', kind: 'textarea', field: '#long-field', overlayFor: '#long-field',
  target: 'criminogenic', fixAlt: ['RoSH'],
};

editorSuite(hp, [{
  name: 'a lint pass blocks the main thread ≤ 4 ms (else it must run in a worker)',
  fn: async (env) => {
    const page = await open(env, hp);
    assert.equal(await page.evaluate(() => window.__curioWordCount), 10000);
    await waitForLint(page, hp);
    const first = await overlayInfo(page, hp);
    report('10,000 words: main-thread ms of the first lint pass (data-curio-lint-ms)', first.lintMs);
    const { ms } = await typeAndTime(page, hp, 'x');
    const again = await overlayInfo(page, hp);
    report('10,000 words: last keystroke → underlines updated', ms);
    report('10,000 words: main-thread ms of the re-lint after one keystroke', again.lintMs);
    await page.close();
    assert.ok(Number.isFinite(first.lintMs) && Number.isFinite(again.lintMs), 'overlay reports data-curio-lint-ms');
    assert.ok(again.lintMs <= 4, `re-lint after one keystroke blocked the main thread ${again.lintMs} ms (> 4 ms)`);
    assert.ok(first.lintMs <= 4, `first lint pass blocked the main thread ${first.lintMs} ms (> 4 ms: needs a worker)`);
  },
}]);
