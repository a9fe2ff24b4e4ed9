/**
 * The checks every host editor must pass (issue #3, "Tests"). Each spec file calls `editorSuite(hostPage)`;
 * a failing check here names the missing behaviour — none is skipped.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, open, waitForLint, overlayInfo, marks, markOver, marksOver, revealField, phraseRects, markLocator, hoverOpen, card, fieldText, focusField,
  mutations, clearMutations, readyFrame, pressEscape, typeAndTime, report, assertNoOffOrigin, editableFrame,
} from './helpers.mjs';

export const CATEGORIES = ['sources', 'diversity', 'mental-health', 'substance-misuse', 'curiosity', 'risk', 'language', 'structure'];
const T = { timeout: 90000 };
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Finds the mark over `phrase`, failing with the list of marks actually drawn. Polls for a while: an editor that
 * fills itself asynchronously (TinyMCE after a reload) can be linted once empty before its content arrives.
 */
export async function requireMark(page, hp, phrase, { timeout = 10000 } = {}) {
  let m = await markOver(page, hp, phrase);
  for (const end = Date.now() + timeout; !m && Date.now() < end; ) {
    await page.waitForTimeout(100);
    m = await markOver(page, hp, phrase);
  }
  if (!m) {
    const all = await marks(page, hp);
    assert.fail(`no underline over "${phrase}" in ${hp.path}; marks drawn: ` +
      JSON.stringify(all.map((x) => ({ rule: x.ruleId, cat: x.category, at: [x.start, x.end], boxes: x.rects.length }))));
  }
  return m;
}

/** Opens the card of the target mark, falling back to the alternates, and returns the first that offers a fix. */
async function fixableMark(page, hp) {
  const tried = [];
  for (const phrase of [hp.target, ...(hp.fixAlt ?? [])]) {
    const m = await markOver(page, hp, phrase);
    if (!m) { tried.push(`${phrase}: no mark`); continue; }
    const dialog = await hoverOpen(page, hp, m);
    const fix = dialog.locator('[data-action="fix"]');
    if (await fix.count()) return { mark: m, phrase, dialog, fix };
    tried.push(`${phrase}: ${m.ruleId} has no fix`);
    await pressEscape(page, hp);
  }
  assert.fail(`no fixable finding in ${hp.path} (${tried.join('; ')})`);
}

/**
 * @param {import('./helpers.mjs').HostPage & {name: string, typing?: string, fixAlt?: string[]}} hp
 * @param {{name: string, fn: (env: any) => Promise<void>}[]} [extras] page-specific checks run in the same browser
 */
export function editorSuite(hp, extras = []) {
  describe(hp.name, () => {
    let env;
    let shared;
    before(async () => { env = await setup(); });
    after(async () => { await env?.close(); });
    // One page load serves the checks in order (underline → card → DOM → fix → typing); a reload-based check last.
    // The mutation log therefore covers everything Curio did since the editor was ready, including the cards.
    // A failed check may leave the page edited or a card open: drop the page so the next check starts clean.
    const check = (name, fn) => test(name, T, async () => {
      try { await fn(); } catch (e) { await shared?.close().catch(() => {}); shared = null; throw e; }
    });
    const ready = async () => {
      if (!shared || shared.isClosed()) shared = await open(env, hp);
      else {
        await pressEscape(shared, hp); // close any card an earlier failed check left open
        await shared.mouse.move(1, 1);
      }
      await waitForLint(shared, hp);
      return shared;
    };

    check('underlines the expected finding where its text is on screen', async () => {
      const page = await ready();
      const info = await overlayInfo(page, hp);
      assert.equal(info.count, 1, 'exactly one <curio-overlay> for the field');
      assert.ok(info.openShadow, 'overlay has an open shadow root');
      assert.ok(!info.insideEditable, 'overlay is outside the editable');
      const all = await marks(page, hp);
      assert.ok(all.length > 0, 'the fragment has several known gaps; at least one mark expected');
      for (const m of all) {
        assert.ok(CATEGORIES.includes(m.category), `mark category ${m.category} is one of the core's categories`);
        assert.ok(m.ruleId && m.label, 'mark carries data-rule-id and aria-label');
        assert.equal(m.tabindex, '0');
        assert.equal(m.role, 'button');
        assert.ok(Number.isInteger(m.start) && m.end > m.start, 'mark carries data-start < data-end');
      }
      await requireMark(page, hp, hp.target);
      for (const phrase of hp.alt ?? []) await requireMark(page, hp, phrase);
    });

    check('opens the card on mouse hover', async () => {
      const page = await ready();
      const m = await requireMark(page, hp, hp.target);
      const dialog = await hoverOpen(page, hp, m);
      assert.equal(await dialog.count(), 1, 'one card at a time');
      const text = await dialog.innerText();
      assert.ok(norm(text).includes(norm(m.label)), `card shows the message "${m.label}"`);
      assert.equal(await dialog.locator('[data-action="dismiss"]').count(), 1, 'dismiss action');
      assert.equal(await dialog.locator('[data-action="disable-rule"]').count(), 1, 'turn-rule-off action');
      await pressEscape(page, hp);
      await dialog.first().waitFor({ state: 'hidden', timeout: 3000 });
    });

    check('opens the card on keyboard focus', async () => {
      const page = await ready();
      const m = await requireMark(page, hp, hp.target);
      await (await markLocator(page, hp, m.index)).focus();
      const dialog = await card(page, hp);
      await dialog.first().waitFor({ state: 'visible', timeout: 5000 });
      assert.ok(norm(await dialog.innerText()).includes(norm(m.label)));
      await pressEscape(page, hp);
      await dialog.first().waitFor({ state: 'hidden', timeout: 3000 });
    });

    check('leaves the editable DOM untouched', async () => {
      const page = await ready();
      const m = await requireMark(page, hp, hp.target);
      const dialog = await hoverOpen(page, hp, m);
      await pressEscape(page, hp);
      await dialog.first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
      await page.waitForTimeout(400);
      const muts = await mutations(page, hp);
      assert.deepEqual(muts, [], `mutations inside the editable: ${JSON.stringify(muts.slice(0, 5))}`);
    });

    check('applies a fix, and Ctrl+Z restores the original', async () => {
      const page = await ready();
      const original = await fieldText(page, hp);
      const { phrase, fix } = await fixableMark(page, hp);
      await clearMutations(page, hp);
      await fix.click();
      const efr = await editableFrame(page, hp);
      const deadline = Date.now() + 5000;
      let fixed = original;
      while (Date.now() < deadline && norm(fixed) === norm(original)) {
        await page.waitForTimeout(50);
        fixed = await fieldText(page, hp);
      }
      assert.notEqual(norm(fixed), norm(original), `fix for "${phrase}" changed the text`);
      // Only the flagged span changed: the edit region (between the common prefix and suffix) sits on the phrase.
      const [a, b] = [norm(original), norm(fixed)];
      let pre = 0;
      while (pre < a.length && a[pre] === b[pre]) pre++;
      let suf = 0;
      while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
      const i = a.indexOf(phrase);
      const changedEnd = a.length - suf;
      assert.ok(pre <= i + phrase.length && changedEnd >= i, `the fix edited the flagged text (changed ${pre}..${changedEnd}, phrase at ${i})`);
      assert.ok(changedEnd - pre <= phrase.length + 60, `the fix changed only the flagged span, not ${changedEnd - pre} chars`);
      await focusField(page, hp);
      await page.keyboard.press('Control+z');
      let undone = fixed;
      const d2 = Date.now() + 3000;
      while (Date.now() < d2 && norm(undone) !== norm(original)) {
        await page.waitForTimeout(50);
        undone = await fieldText(page, hp);
      }
      assert.equal(norm(undone), norm(original), 'Ctrl+Z restored the original text');
      void efr;
    });

    check('updates underlines after typing (measures keystroke → underline)', async () => {
      const page = await ready();
      const { ms } = await typeAndTime(page, hp, hp.typing ?? ' He said he was arrested again last week.');
      report(`${hp.name}: last keystroke → underlines updated`, ms);
      assert.ok(Number.isFinite(ms), 'overlay re-linted after the last keystroke');
      // Marks stay on their text after the edit (scroll back first: typing at the end may have scrolled the field).
      await page.keyboard.press('Control+Home');
      await page.waitForTimeout(300);
      await requireMark(page, hp, hp.target);
    });

    check('underlines follow the text when the page reflows', async () => {
      const page = await ready();
      const before = await phraseRects(page, hp, hp.target);
      await page.setViewportSize({ width: 760, height: 900 }); // narrower window: the field re-wraps
      try {
        await revealField(page, hp);
        await page.waitForTimeout(500);
        const moved = await phraseRects(page, hp, hp.target);
        assert.ok(moved?.length, 'target still on screen after the reflow');
        const m = await markOver(page, hp, hp.target);
        assert.ok(m, `underline re-aligned over "${hp.target}" after the reflow (text moved from ` +
          `${JSON.stringify(before?.[0])} to ${JSON.stringify(moved[0])})`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    check('dismissal persists across reload', async () => {
      const page = await ready();
      await page.reload(); // start from the page's own text (earlier checks typed into it)
      await readyFrame(page, hp);
      await revealField(page, hp);
      await waitForLint(page, hp);
      const m = await requireMark(page, hp, hp.target);
      const dialog = await hoverOpen(page, hp, m);
      await dialog.locator('[data-action="dismiss"]').click();
      const gone = async () => (await marksOver(page, hp, hp.target)).every((x) => x.ruleId !== m.ruleId);
      const d = Date.now() + 5000;
      while (Date.now() < d && !(await gone())) await page.waitForTimeout(50);
      assert.ok(await gone(), `dismissed ${m.ruleId} mark disappears`);
      await page.reload();
      await readyFrame(page, hp);
      const fresh = page;
      await waitForLint(fresh, hp);
      await fresh.waitForTimeout(200);
      const after = await marksOver(fresh, hp, hp.target);
      assert.ok(after.every((x) => x.ruleId !== m.ruleId), `dismissed ${m.ruleId} stays dismissed after reload`);
      await fresh.close();
    });

    // Page-specific checks share this browser (one launch per spec file keeps the run short).
    for (const x of extras) check(x.name, () => x.fn(env));

    check('made no request other than to its own local server', async () => {
      assert.ok(env.server.requests.some((r) => r.path.startsWith('/' + hp.path)), 'the page was served locally');
      assertNoOffOrigin(env);
    });
  });
}
