/**
 * The e2e build's shortcut (localhost pages enabled with no prompt) must never reach a production build.
 * Checked on wxt.config.ts itself (every mode and browser) and on a built production manifest when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const LOCAL = /localhost|127\.0\.0\.1/;

type ManifestFn = (env: { mode: string; browser: string; manifestVersion: number; command: string }) => Record<string, any>;
const manifestFor = (mode: string, browser = 'chrome') =>
  (config.manifest as ManifestFn)({ mode, browser, manifestVersion: 3, command: 'build' });

/** Runs the manifest hook as WXT does after generating the manifest. */
function afterHook(mode: string, manifest: Record<string, any>) {
  const hook = (config.hooks as any)?.['build:manifestGenerated'];
  hook?.({ config: { mode } }, manifest);
  return manifest;
}

describe('production builds never enable localhost', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`${browser}: production manifest asks for no host up front and matches no page statically`, () => {
      const m = afterHook('production', manifestFor('production', browser));
      expect(m.host_permissions).toBeUndefined();
      expect(m.content_scripts ?? []).toEqual([]);
      expect(JSON.stringify(m)).not.toMatch(LOCAL);
      expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
      expect(m.permissions).not.toContain('tabs');
      expect(m.permissions).not.toContain('<all_urls>');
    });
  }

  it('development mode is not the e2e mode either', () => {
    expect(JSON.stringify(afterHook('development', manifestFor('development')))).not.toMatch(LOCAL);
  });

  it('only the e2e mode adds localhost hosts and the static content script', () => {
    const m = afterHook('e2e', manifestFor('e2e'));
    expect(m.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(m.content_scripts).toEqual([expect.objectContaining({ matches: m.host_permissions, all_frames: true })]);
  });

  it('extension pages may load only their own code and connect nowhere', () => {
    const csp = manifestFor('production').content_security_policy.extension_pages as string;
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
  });
});
