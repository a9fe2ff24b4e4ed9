import { setup, open, waitForLint, markOver, hoverOpen, marks, fieldText, focusField, editableFrame } from './helpers.mjs';
const env = await setup();
const which = process.argv[2];
const hps = {
  tinymce: { path: 'tinymce.html', kind: 'iframe-body', field: 'body', frame: '#tinymce-field_ifr', overlayFor: '#tinymce-field_ifr', target: 'criminogenic' },
  ckeditor: { path: 'ckeditor.html', kind: 'contenteditable', field: '.ck-editor__editable', overlayFor: null, target: 'criminogenic' },
};
const hp = hps[which];
const page = await open(env, hp);
page.on('console', m => console.log('console', m.type(), m.text().slice(0, 300)));
await waitForLint(page, hp);
const m = await markOver(page, hp, 'criminogenic');
console.log(m.ruleId, m.start, m.end);
const d = await hoverOpen(page, hp, m);
await d.locator('[data-action="fix"]').click();
await page.waitForTimeout(1500);
console.log('AFTER FIX', (await fieldText(page, hp)).slice(-120));
await focusField(page, hp);
const f = await editableFrame(page, hp);
console.log('focus', await f.evaluate(() => [document.activeElement?.nodeName, document.activeElement?.className, document.hasFocus()]));
if (which === 'tinymce') console.log('undo levels', await page.evaluate(() => [tinymce.activeEditor.undoManager.data.length, tinymce.activeEditor.undoManager.hasUndo()]));
if (which === 'ckeditor') console.log('ck data', await page.evaluate(() => editor.getData().slice(-150)));
await page.keyboard.press('Control+z');
await page.waitForTimeout(800);
console.log('AFTER UNDO', (await fieldText(page, hp)).slice(-120));
await env.close();
