// The built manifests, as shipped: the production build asks for nothing at install beyond its minimal
// permissions and never mentions localhost; only the e2e build enables local test pages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (dir) => JSON.parse(fs.readFileSync(path.join(root, '.output', dir, 'manifest.json'), 'utf8'));

test('production manifest: minimal permissions, optional hosts only, no localhost', () => {
  const m = read('chrome-mv3');
  assert.doesNotMatch(JSON.stringify(m), /localhost|127\.0\.0\.1/);
  assert.equal(m.host_permissions, undefined);
  assert.deepEqual(m.content_scripts ?? [], []);
  assert.ok(Array.isArray(m.optional_host_permissions) && m.optional_host_permissions.length > 0);
  for (const p of m.permissions) assert.ok(['storage', 'sidePanel', 'activeTab', 'scripting'].includes(p), `unexpected permission ${p}`);
});

test('e2e manifest: local test pages enabled without a prompt', () => {
  const m = read('chrome-mv3-e2e');
  assert.deepEqual(m.host_permissions, ['http://localhost/*', 'http://127.0.0.1/*']);
  assert.ok((m.content_scripts ?? []).length > 0);
});
