import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/**
 * Curio's browser extension. Production builds ask for nothing up front: host access is optional and
 * granted per site from the popup. The `e2e` mode (`npm run build:e2e` → .output/chrome-mv3-e2e) adds
 * localhost pages as enabled sites with a static content script so Playwright can drive it without a
 * permission prompt; production builds never contain those hosts.
 */
const E2E_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  vite: () => ({
    // Browsers we target preload modules natively; the polyfill would fetch() (blocked by connect-src 'none').
    build: { modulePreload: { polyfill: false } },
    resolve: {
      alias: {
        // micromark's browser build decodes entities with innerHTML, which fails in the background service
        // worker (no DOM); its node build is 25 KB gzipped of entities. See extension/utils/decode-entity.ts.
        'decode-named-character-reference': fileURLToPath(new URL('./extension/utils/decode-entity.ts', import.meta.url)),
      },
    },
  }),
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ mode, browser }) => ({
    name: 'Curio',
    description:
      'Privacy-first writing checks for probation reports: sources, diversity, mental health, substance misuse and professional curiosity. Nothing leaves your machine.',
    // storage: settings, dismissals, session facts. sidePanel: the Problems panel. activeTab: "Check this
    // page" on a site that is not enabled. scripting: the only MV3 way to run the checker on sites the
    // user opts into later (registerContentScripts), since no host is matched statically.
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOSTS } : {}),
    storage: { managed_schema: 'managed-schema.json' },
    action: { default_title: 'Curio' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Curio collects nothing: declared so Firefox shows it at install.
            gecko: { id: 'curio@example.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Curio' },
        }
      : {}),
    content_security_policy: {
      // Extension pages may load only their own code: no remote scripts, fonts or connections.
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({
        matches: E2E_HOSTS,
        js: ['content-scripts/content.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      });
    },
  },
});
