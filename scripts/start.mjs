#!/usr/bin/env node
/**
 * `npm start`: build the Curio extension (.output/chrome-mv3) and serve the demo case-management pages on
 * http://localhost:4173/, then explain how to load the extension. Nothing is fetched from outside the machine.
 *
 *   npm start                 build + serve
 *   npm start -- --no-build   serve only (extension already built)
 *   PORT=5000 npm start       another port
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 4173);
const ext = path.join(root, '.output/chrome-mv3');

if (!process.argv.includes('--no-build')) {
  console.log('Building the extension (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('\nThe extension build failed (see above). Fix it, or run `npm start -- --no-build` to serve the pages only.');
    process.exit(r.status ?? 1);
  }
}

let srv;
try {
  srv = await startServer({ port, quiet: false });
} catch (e) {
  console.error(`Could not listen on 127.0.0.1:${port} (${e.code ?? e.message}). Try PORT=<another port> npm start.`);
  process.exit(1);
}
const built = fs.existsSync(path.join(ext, 'manifest.json'));
const url = `http://localhost:${srv.port}/`;
console.log(`
Curio demo pages are being served at ${url}  (Ctrl+C to stop)

To try Curio in Chrome or Chromium:
  1. Open chrome://extensions and switch on "Developer mode" (top right).
  2. Click "Load unpacked" and choose:
       ${ext}${built ? '' : '\n     (not built yet: run npm run build)'}
  3. Open ${url} and pick a page (GOV.UK textarea, CKEditor 5, TinyMCE, Quill, …).
  4. Click the Curio icon in the toolbar → "Enable Curio on this site" and accept the permission prompt.
     Underlines appear in the report fields; hover or Tab to one for its card. "Open panel" shows the Problems list.

Everything runs locally: the pages, the editors (from node_modules) and the checks. Nothing is sent anywhere.
`);

const stop = () => srv.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
