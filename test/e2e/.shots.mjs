// scratch: visual QA screenshots (removed at the end)
import { setup, open, waitForLint, marks, hoverOpen, card } from './helpers.mjs';
const OUT = '/tmp/shots/';
const which = process.argv.slice(2);
const want = (n) => !which.length || which.includes(n);
const env = await setup();
const sw = await env.serviceWorker();
try {
  if (want('govuk')) {
    const hp = { path: 'govuk.html', kind: 'textarea', field: '#more-detail', overlayFor: '#more-detail' };
    const p = await open(env, hp);
    await waitForLint(p, hp);
    await p.waitForTimeout(300);
    await p.screenshot({ path: OUT + 'govuk.png' });
    const ms = await marks(p, hp);
    console.log('govuk marks', ms.length, ms.map(m=>m.ruleId+':'+m.label).slice(0,8));
    await hoverOpen(p, hp, ms[0]);
    await p.waitForTimeout(200);
    await p.screenshot({ path: OUT + 'card.png' });
    // last mark near right edge?
    const right = ms.slice().sort((a,b)=> (b.rects[0].x+b.rects[0].width)-(a.rects[0].x+a.rects[0].width))[0];
    await hoverOpen(p, hp, right);
    await p.waitForTimeout(200);
    await p.screenshot({ path: OUT + 'card-right.png' });
    await p.setViewportSize({ width: 420, height: 700 });
    await p.waitForTimeout(500);
    const ms2 = await marks(p, hp);
    await p.screenshot({ path: OUT + 'narrow.png' }); const vis = ms2.filter(m=>m.rects.length); console.log(JSON.stringify(vis.map(m=>[m.ruleId,m.rects]))); console.log('narrow visible', vis.length); await hoverOpen(p, hp, vis[3]);
    await p.waitForTimeout(200);
    await p.screenshot({ path: OUT + 'card-narrow.png' });
    await p.mouse.move(1,1); await p.keyboard.press('Escape');
    // keyboard: focus field then Tab
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.locator(hp.field).focus();
    await p.keyboard.press('Tab');
    await p.waitForTimeout(300);
    await p.screenshot({ path: OUT + 'keyboard.png' });
    await p.keyboard.press('Tab'); await p.waitForTimeout(200);
    await p.keyboard.press('Enter'); await p.waitForTimeout(200);
    await p.screenshot({ path: OUT + 'keyboard2.png' });
    console.log('active in card', await p.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.shadowRoot?.activeElement?.textContent));
    await p.keyboard.press('Escape'); await p.waitForTimeout(100);
    console.log('after esc', await p.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-rule-id')));
    await p.keyboard.press('Escape'); await p.waitForTimeout(100);
    console.log('after esc2', await p.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.id));
    await p.keyboard.press('Shift+Tab'); await p.waitForTimeout(100);
    console.log('after shift-tab', await p.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.id));
    console.log('active after tab', await p.evaluate(() => { const a = document.activeElement; return a?.tagName + ' ' + (a?.shadowRoot?.activeElement?.outerHTML?.slice(0,200) ?? ''); }));
    await p.close();
  }
  if (want('ckeditor')) {
    const hp = { path: 'ckeditor.html', kind: 'contenteditable', field: '.ck-editor__editable', overlayFor: null };
    const p = await open(env, hp);
    await waitForLint(p, hp);
    await p.waitForTimeout(300);
    await p.screenshot({ path: OUT + 'ckeditor.png' });
    await p.close();
  }
  if (want('psr') || want('sidepanel')) {
    const hp = { path: 'psr.html', kind: 'textarea', field: '#circumstances', overlayFor: '#circumstances' };
    const p = await open(env, hp);
    await waitForLint(p, hp);
    await p.screenshot({ path: OUT + 'psr.png', fullPage: true });
    const url = env.server.url + hp.path;
    const [tabId] = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), url);
    const panel = await env.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${env.extId}/sidepanel.html?tabId=${tabId}`);
    await p.bringToFront();
    await panel.waitForTimeout(2500);
    await panel.screenshot({ path: OUT + 'sidepanel.png', fullPage: true });
    const empty = await env.context.newPage();
    await empty.setViewportSize({ width: 400, height: 700 });
    const blank = await env.context.newPage();
    await blank.goto(env.server.url + 'index.html');
    const [tid2] = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), env.server.url + 'index.html');
    await empty.goto(`chrome-extension://${env.extId}/sidepanel.html?tabId=${tid2}`);
    await empty.waitForTimeout(2000);
    await empty.screenshot({ path: OUT + 'sidepanel-empty.png', fullPage: true });
  }
  if (want('popup')) {
    const p = await env.context.newPage();
    await p.setViewportSize({ width: 360, height: 400 });
    await p.goto(`chrome-extension://${env.extId}/popup.html`);
    await p.waitForTimeout(1000);
    await p.screenshot({ path: OUT + 'popup.png' });
  }
  if (want('options')) {
    const p = await env.context.newPage();
    await p.goto(`chrome-extension://${env.extId}/options.html`);
    await p.waitForTimeout(1000);
    await p.screenshot({ path: OUT + 'options.png', fullPage: true });
  }
  if (want('demo')) {
    const p = await env.context.newPage();
    await p.goto(`chrome-extension://${env.extId}/demo.html`);
    await p.waitForTimeout(2500);
    await p.screenshot({ path: OUT + 'demo.png', fullPage: true });
  }
} catch (e) { console.error(e); }
await env.close();
