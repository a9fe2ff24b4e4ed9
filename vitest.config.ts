import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 30000,
    projects: [
      {
        // The core, rules and CLI: plain node.
        test: {
          name: 'core',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/extension/**', 'node_modules/**'],
          testTimeout: 30000,
          hookTimeout: 60000,
        },
      },
      {
        // The browser extension: WXT's environment (fakeBrowser, import.meta.env) and a DOM.
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['test/extension/**/*.test.ts'],
          environment: 'happy-dom',
          testTimeout: 30000,
          hookTimeout: 60000,
        },
      },
    ],
  },
});
