/**
 * Shared end-to-end helpers: launch Debian Chromium with the e2e build of the extension, serve the host pages,
 * locate Curio's overlay/marks/cards, and measure. Specs stay short: one per host editor.
 *
 * Only playwright-core is used (no bundled browsers); the browser is /usr/bin/chromium unless CURIO_CHROMIUM is set.
 */
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXT_DIR = path.resolve(ROOT, process.env.CURIO_EXT ?? '.output/chrome-mv3-e2e');
export const OUT_DIR = path.join(ROOT, 'test-results/e2e');
const CHROMIUM = process.env.CURIO_CHROMIUM ?? '/usr/bin/chromium';

// Let Playwright report the extension service worker's own network requests too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * One browser + one local server for a spec file.
 * `offOrigin` collects every request to anything but the local server or the extension itself — must stay empty.
 */
export async function setup({ extension = true } = {}) {
  const server = await startServer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'curio-e2e-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
  if (extension) {
    assert.ok(fs.existsSync(path.join(EXT_DIR, 'manifest.json')), `extension build missing: ${EXT_DIR} (run npm run build:e2e)`);
    args.push(`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  const env = { server, context, userDataDir, extId: null, serviceWorker: null, requests: [], offOrigin: [] };
  const allowed = (url) =>
    url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:') ||
    (env.extId && url.startsWith(`chrome-extension://${env.extId}/`));
  context.on('request', (req) => {
    const url = req.url();
    env.requests.push(url);
    if (!allowed(url)) env.offOrigin.push(url);
  });
  env.close = async () => {
    await context.close().catch(() => {});
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  if (extension) {
    // Chromium names an unpacked extension after its path, so the id is known without waiting for the worker.
    env.extId = unpackedExtensionId(EXT_DIR);
    env.serviceWorker = async () => {
      const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${env.extId}/`)) ??
        (await context.waitForEvent('serviceworker', { timeout: 45000 }));
      return sw;
    };
  }
  return env;
}

/** The id Chromium gives an unpacked extension: the first 32 hex digits of SHA-256(path), written with a–p. */
export function unpackedExtensionId(dir) {
  const hex = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * A host page description.
 * @typedef {{ path: string, kind: 'textarea'|'contenteditable'|'iframe-body', field: string, frame?: string,
 *   overlayFor?: string|null, overlayInFrame?: boolean, target: string, alt?: string[] }} HostPage
 * `frame`: CSS selector of the iframe holding the editable (null = top document).
 * `overlayInFrame`: the overlay lives in that iframe's document (textarea in iframe) rather than the top one (TinyMCE).
 * `overlayFor`: expected data-curio-for value (null = the page's only overlay).
 * `target`: a word Curio must flag with a fixable finding (jargon/acronym), `alt` other phrases it should flag.
 */

/** Opens the page and waits for the host page's own editor to be ready. */
export async function open(env, hp, { query = '' } = {}) {
  const page = await env.context.newPage();
  await page.goto(env.server.url + hp.path + query);
  await readyFrame(page, hp);
  await revealField(page, hp);
  return page;
}

/** Scrolls the field (or the iframe holding it) into view, as a user would before working in it. */
export async function revealField(page, hp) {
  if (hp.frame) await page.locator(hp.frame).scrollIntoViewIfNeeded();
  if (hp.kind !== 'iframe-body') {
    const frame = await editableFrame(page, hp);
    await frame.locator(hp.field).scrollIntoViewIfNeeded();
  }
}

/** Waits for the host page's editor to be ready (after goto or reload). */
export async function readyFrame(page, hp) {
  const f = await editableFrame(page, hp);
  // tinymce: the ready flag lives in the top window; iframe textarea: in the inner window.
  const flagFrame = hp.kind === 'iframe-body' ? page.mainFrame() : f;
  await flagFrame.waitForFunction(() => window.__curioReady === true, null, { timeout: 20000 });
}

/** The frame whose document holds the editable. */
export async function editableFrame(page, hp) {
  if (!hp.frame) return page.mainFrame();
  const handle = await page.waitForSelector(hp.frame, { timeout: 20000 });
  const frame = await handle.contentFrame();
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/** The frame whose document holds the overlay for this field. */
export async function overlayFrame(page, hp) {
  return hp.frame && hp.overlayInFrame ? editableFrame(page, hp) : page.mainFrame();
}

const overlaySelector = (hp) => (hp.overlayFor ? `curio-overlay[data-curio-for="${hp.overlayFor}"]` : 'curio-overlay');

/** Waits until the field's overlay reports a lint with version > `after`; returns the version. */
let lintSeen = false;
let lintMissed = false;
export async function waitForLint(page, hp, { after = 0, timeout } = {}) {
  // Fail fast once a spec has shown the extension never lints here: keeps a broken build's run short.
  timeout ??= !lintSeen && lintMissed ? 3000 : 20000;
  const frame = await overlayFrame(page, hp);
  const sel = overlaySelector(hp);
  try {
    const h = await frame.waitForFunction(
      ([sel, after]) => {
        const o = document.querySelector(sel);
        const v = o && Number(o.getAttribute('data-curio-version'));
        return v > after ? v : false;
      },
      [sel, after],
      { timeout },
    );
    lintSeen = true;
    return await h.jsonValue();
  } catch (e) {
    lintMissed = true;
    const seen = await frame.evaluate(() =>
      [...document.querySelectorAll('curio-overlay')].map((o) => o.outerHTML.slice(0, 200)));
    throw new Error(`no lint (version > ${after}) on ${sel} within ${timeout} ms; overlays in frame: ${JSON.stringify(seen)}`);
  }
}

/** Reads the overlay's attributes. */
export async function overlayInfo(page, hp) {
  const frame = await overlayFrame(page, hp);
  return frame.evaluate((sel) => {
    const all = document.querySelectorAll(sel);
    const o = all[0];
    return o && {
      count: all.length,
      version: Number(o.getAttribute('data-curio-version')),
      lintMs: Number(o.getAttribute('data-curio-lint-ms')),
      workerMs: Number(o.getAttribute('data-curio-worker-ms')),
      renderMs: Number(o.getAttribute('data-curio-render-ms')),
      openShadow: !!o.shadowRoot,
      insideEditable: !!o.closest('[contenteditable], textarea'),
    };
  }, overlaySelector(hp));
}

/**
 * The field's marks, with their boxes in the overlay document's viewport coordinates.
 * @returns {Promise<{ruleId:string, category:string, start:number, end:number, label:string, index:number,
 *   rects:{x:number,y:number,width:number,height:number}[]}[]>}
 */
export async function marks(page, hp) {
  const frame = await overlayFrame(page, hp);
  return frame.evaluate((sel) => {
    const o = document.querySelector(sel);
    if (!o || !o.shadowRoot) return [];
    return [...o.shadowRoot.querySelectorAll('.curio-mark')].map((m, index) => ({
      index,
      ruleId: m.getAttribute('data-rule-id'),
      category: m.getAttribute('data-category'),
      start: Number(m.getAttribute('data-start')),
      end: Number(m.getAttribute('data-end')),
      label: m.getAttribute('aria-label') ?? '',
      tabindex: m.getAttribute('tabindex'),
      role: m.getAttribute('role'),
      rects: [...m.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))
        .filter((r) => r.width > 0 && r.height > 0),
    }));
  }, overlaySelector(hp));
}

/** Locator of the i-th mark (Playwright CSS pierces open shadow roots). */
export async function markLocator(page, hp, index) {
  const frame = await overlayFrame(page, hp);
  return frame.locator(`${overlaySelector(hp)} .curio-mark`).nth(index);
}

/**
 * Client rects of the first occurrence of `phrase` in the field, in the OVERLAY document's viewport coordinates.
 * Textarea: a mirror div with the textarea's metrics; contenteditable: a DOM Range over the text node.
 */
export async function phraseRects(page, hp, phrase) {
  const frame = await editableFrame(page, hp);
  const rects = await frame.evaluate(([field, kind, phrase]) => {
    const el = kind === 'iframe-body' ? document.body : document.querySelector(field);
    if (!el) return null;
    const list = (rs) => [...rs].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })).filter((r) => r.width > 0);
    if (el instanceof HTMLTextAreaElement) {
      const i = el.value.indexOf(phrase);
      if (i < 0) return null;
      const cs = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const m = document.createElement('div');
      for (const p of ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
        'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle', 'borderRightStyle',
        'borderBottomStyle', 'borderLeftStyle', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch',
        'fontVariant', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textIndent', 'textTransform', 'tabSize', 'direction']) {
        m.style[p] = cs[p];
      }
      // The textarea's content box narrows when it shows a vertical scrollbar.
      const scrollbar = el.offsetWidth - el.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
      if (scrollbar > 0) m.style.paddingRight = `${parseFloat(cs.paddingRight) + scrollbar}px`;
      Object.assign(m.style, { position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, whiteSpace: 'pre-wrap',
        overflowWrap: 'break-word', visibility: 'hidden', margin: '0', overflow: 'hidden', height: 'auto' });
      m.append(document.createTextNode(el.value.slice(0, i)));
      const span = document.createElement('span');
      span.textContent = phrase;
      m.append(span, document.createTextNode(el.value.slice(i + phrase.length)));
      document.documentElement.append(m);
      const out = list(span.getClientRects()).map((r) => ({ ...r, x: r.x - el.scrollLeft, y: r.y - el.scrollTop }));
      m.remove();
      return out;
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(phrase);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + phrase.length);
      return list(r.getClientRects());
    }
    return null;
  }, [hp.field, hp.kind, phrase]);
  if (!rects) return null;
  // TinyMCE: text is in the iframe, the overlay in the top document — shift by the iframe's content box.
  if (hp.frame && !hp.overlayInFrame) {
    const off = await page.evaluate((sel) => {
      const f = document.querySelector(sel);
      const b = f.getBoundingClientRect();
      return { x: b.left + f.clientLeft, y: b.top + f.clientTop };
    }, hp.frame);
    return rects.map((r) => ({ ...r, x: r.x + off.x, y: r.y + off.y }));
  }
  return rects;
}

/** Area of overlap between two rect lists (tolerates the underline sitting just below the glyph box). */
export function overlaps(a, b, slack = 3) {
  return a.some((r) => b.some((s) =>
    r.x < s.x + s.width && s.x < r.x + r.width && r.y - slack < s.y + s.height && s.y < r.y + r.height + slack));
}

/** All marks drawn over `phrase` (their boxes overlap the phrase's client rects), tightest first. */
export async function marksOver(page, hp, phrase, { category } = {}) {
  const pr = await phraseRects(page, hp, phrase);
  assert.ok(pr && pr.length, `phrase "${phrase}" not found on screen in ${hp.path}`);
  const area = (m) => m.rects.reduce((t, r) => t + r.width * r.height, 0);
  return (await marks(page, hp))
    .filter((m) => (!category || m.category === category) && overlaps(m.rects, pr))
    .sort((a, b) => area(a) - area(b));
}

/** The most specific mark drawn over `phrase`, or null. */
export async function markOver(page, hp, phrase, opts) {
  return (await marksOver(page, hp, phrase, opts))[0] ?? null;
}

/** Viewport point (top-level page coordinates) at the centre of a mark's first box. */
export async function markPoint(page, hp, mark) {
  const r = mark.rects[0];
  let x = r.x + r.width / 2;
  let y = r.y + r.height / 2;
  if (hp.frame && hp.overlayInFrame) {
    const off = await page.evaluate((sel) => {
      const f = document.querySelector(sel);
      const b = f.getBoundingClientRect();
      return { x: b.left + f.clientLeft, y: b.top + f.clientTop };
    }, hp.frame);
    x += off.x;
    y += off.y;
  }
  return { x, y };
}

/** Locator of the open card's dialog (in the overlay's document). */
export async function card(page, hp) {
  const frame = await overlayFrame(page, hp);
  return frame.locator('curio-card [role="dialog"]');
}

/** Opens the card of `mark` by moving the real mouse over it. */
export async function hoverOpen(page, hp, mark) {
  const { x, y } = await markPoint(page, hp, mark);
  // Jump straight from a neutral corner so the pointer crosses no other mark on the way.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(50);
  await page.mouse.move(x, y);
  const dialog = await card(page, hp);
  await dialog.first().waitFor({ state: 'visible', timeout: 5000 });
  return dialog;
}

/** Presses Escape with keyboard focus in the card's document (a card in an iframe only hears keys sent there). */
export async function pressEscape(page, hp) {
  if (hp.frame && hp.overlayInFrame) await (await overlayFrame(page, hp)).evaluate(() => window.focus());
  await page.keyboard.press('Escape');
}

/** Text of the field as the user sees it. */
export async function fieldText(page, hp) {
  const frame = await editableFrame(page, hp);
  return frame.evaluate(([field, kind]) => {
    const el = kind === 'iframe-body' ? document.body : document.querySelector(field);
    return el instanceof HTMLTextAreaElement ? el.value : el.innerText;
  }, [hp.field, hp.kind]);
}

/** Focuses the editable (keyboard focus, caret where the browser/editor puts it). */
export async function focusField(page, hp) {
  const frame = await editableFrame(page, hp);
  if (hp.kind === 'iframe-body') await frame.locator('body').focus();
  else await frame.locator(hp.field).focus();
}

/** Mutations recorded inside the editable since the host editor became ready (see pages/e2e-lib.js). */
export async function mutations(page, hp) {
  const frame = hp.kind === 'iframe-body' ? page.mainFrame() : await editableFrame(page, hp);
  return frame.evaluate(() => window.__curioMutations.slice());
}

export async function clearMutations(page, hp) {
  const frame = hp.kind === 'iframe-body' ? page.mainFrame() : await editableFrame(page, hp);
  return frame.evaluate(() => { window.__curioMutations.length = 0; });
}

/**
 * Types `text` at the end of the field and returns the ms from the last keystroke to the overlay's next lint.
 */
export async function typeAndTime(page, hp, text) {
  const oframe = await overlayFrame(page, hp);
  const before = (await overlayInfo(page, hp)).version;
  // Record the overlay's version changes with page-side timestamps (same clock as the keystroke times).
  await oframe.evaluate((sel) => {
    const o = document.querySelector(sel);
    window.__curioVersionTimes = [];
    new MutationObserver(() => window.__curioVersionTimes.push({ t: performance.now(), v: o.getAttribute('data-curio-version') }))
      .observe(o, { attributes: true, attributeFilter: ['data-curio-version'] });
  }, overlaySelector(hp));
  await focusField(page, hp);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 25 });
  await waitForLint(page, hp, { after: before });
  // Under load a lint may land between two keystrokes; wait for the one after the last keystroke.
  await oframe.waitForFunction(() => (window.__curioVersionTimes ?? []).some((x) => x.t >= window.__curioLastInput),
    null, { timeout: 10000 }).catch(() => {});
  const version = (await overlayInfo(page, hp)).version;
  // Keystroke times are recorded in the window that owns the overlay (TinyMCE forwards its iframe's keys to the top).
  const lastInput = await oframe.evaluate(() => window.__curioLastInput ?? 0);
  const times = await oframe.evaluate(() => window.__curioVersionTimes);
  const next = times.find((x) => x.t >= lastInput);
  const ms = next ? next.t - lastInput : NaN;
  return { ms, version };
}

const results = [];
/** Records and prints a measurement; all are appended to test-results/e2e/timings.jsonl. */
export function report(name, value, unit = 'ms') {
  const line = `[curio-e2e] ${name}: ${typeof value === 'number' ? value.toFixed(1) : value} ${unit}`;
  console.log(line);
  results.push({ name, value, unit });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.appendFileSync(path.join(OUT_DIR, 'timings.jsonl'), JSON.stringify({ name, value, unit, at: new Date().toISOString() }) + '\n');
}

/** Asserts no request left the machine's local server or the extension. */
export function assertNoOffOrigin(env) {
  assert.deepEqual(env.offOrigin, [], `requests to other origins: ${env.offOrigin.join(', ')}`);
  const missing = env.server.requests.filter((r) => r.status >= 400);
  assert.deepEqual(missing, [], `local requests that failed: ${JSON.stringify(missing)}`);
}
