#!/usr/bin/env node
/**
 * Tiny static server for Curio's host pages (test/e2e/pages) and the editor packages they use.
 * No dependencies, binds to 127.0.0.1 only, never references anything off the machine.
 * Every request is logged in memory so end-to-end tests can assert a page asked for nothing else.
 *
 *   node scripts/serve.mjs [--port 4173]
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nm = path.join(root, 'node_modules');

/** URL prefix → directory. Only the subtrees the pages need are exposed. */
export const MOUNTS = [
  ['/vendor/govuk-frontend/', path.join(nm, 'govuk-frontend/dist/govuk')],
  // govuk-frontend's CSS refers to its fonts and images at the site root.
  ['/assets/', path.join(nm, 'govuk-frontend/dist/govuk/assets')],
  ['/vendor/ckeditor5/', path.join(nm, 'ckeditor5/dist/browser')],
  ['/vendor/tinymce/', path.join(nm, 'tinymce')],
  ['/vendor/quill/', path.join(nm, 'quill/dist')],
  ['/', path.join(root, 'test/e2e/pages')],
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function resolve(urlPath) {
  for (const [prefix, dir] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
    const file = path.resolve(dir, rel);
    // Refuse anything that escapes its mount (../ tricks).
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    let stat;
    try { stat = fs.statSync(file); } catch { continue; }
    if (stat.isDirectory()) {
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? index : null;
    }
    return file;
  }
  return null;
}

/**
 * Start the server. Resolves once listening.
 * @param {{port?: number, host?: string, quiet?: boolean}} [opts] port 0 picks a free port.
 * @returns {Promise<{url: string, port: number, requests: {method: string, path: string, status: number, referer?: string}[], close: () => Promise<void>}>}
 */
export function startServer({ port = 0, host = '127.0.0.1', quiet = true } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const entry = { method: req.method ?? 'GET', path: u.pathname + u.search, status: 200, referer: req.headers.referer };
    requests.push(entry);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      entry.status = status;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const file = resolve(u.pathname);
    if (!file) {
      if (!quiet) console.log(`404 ${u.pathname}`);
      return send(404, 'not found');
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    fs.readFile(file, (err, body) => (err ? send(500, 'read error') : send(200, req.method === 'HEAD' ? '' : body, type)));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
      ok({
        url: `http://${host}:${actual}/`,
        port: actual,
        requests,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 4173);
  const srv = await startServer({ port, quiet: false });
  console.log(`Curio host pages: ${srv.url}`);
}
