/**
 * What the checker needs from the rest of the extension (settings, dismissals, facts, the off-thread
 * linter, the panel), behind one interface so the demo page and unit tests can supply their own.
 */
import { browser } from 'wxt/browser';
import type { CheckResult } from '../../core/engine.js';
import type { LintOptions, SeverityOption } from '../../core/types.js';
import type { EffectiveSettings } from '../utils/settings';
import type { FrameReport } from '../utils/messaging';
import { sendMessage } from '../utils/messaging';
import { addDismissal, dismissalsItem, readEffectiveSettings, settingsItem, type PageFacts } from '../utils/storage';

export interface CheckerServices {
  settings(): Promise<EffectiveSettings>;
  onSettingsChanged(cb: () => void): () => void;
  dismissals(): Promise<Record<string, string[]>>;
  dismiss(fieldKey: string, hash: string): Promise<void>;
  setRuleSeverity(ruleId: string, severity: SeverityOption): Promise<void>;
  exchangeFacts(origin: string, path: string, facts: PageFacts | null): Promise<PageFacts>;
  /** Lint off the page's main thread; null when unavailable. */
  lintOffThread: ((text: string, options: LintOptions) => Promise<CheckResult & { workerMs: number }>) | null;
  publish(report: FrameReport): void;
}

/** The services backed by extension storage and the background (content scripts and extension pages). */
export function extensionServices(): CheckerServices {
  return {
    settings: readEffectiveSettings,
    onSettingsChanged(cb) {
      const unwatch = settingsItem.watch(() => cb());
      const managed = (changes: unknown, area: string) => area === 'managed' && cb();
      browser.storage.onChanged.addListener(managed);
      return () => {
        unwatch();
        browser.storage.onChanged.removeListener(managed);
      };
    },
    dismissals: () => dismissalsItem.getValue(),
    dismiss: addDismissal,
    async setRuleSeverity(ruleId, severity) {
      const s = await settingsItem.getValue();
      await settingsItem.setValue({ ...s, rules: { ...s.rules, [ruleId]: severity } });
    },
    // Session storage is for trusted contexts only (Chrome), so content scripts go through the background.
    exchangeFacts: async (origin, path, facts) =>
      (await sendMessage('exchangeFacts', { origin, path, facts }).catch(() => null)) ?? { sourcesCited: [], categoriesCovered: [] },
    lintOffThread: (text, options) => sendMessage('lint', { text, options }),
    publish(report) {
      sendMessage('report', report).catch(() => {});
    },
  };
}
