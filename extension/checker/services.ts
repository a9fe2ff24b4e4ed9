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
import { addDismissal, dismissalsItem, readEffectiveSettings, settingsItem } from '../utils/storage';
import type { PageFacts } from '../utils/session-facts';

/** The core's result plus what the overlay needs from rule metadata and the worker's timing. */
export type LintResult = CheckResult & {
  /** Milliseconds the core took in the worker. */
  workerMs: number;
  /** Standard cited by each rule that reported something. */
  standards: Record<string, string>;
};

export interface CheckerServices {
  settings(): Promise<EffectiveSettings>;
  onSettingsChanged(cb: () => void): () => void;
  dismissals(): Promise<Record<string, string[]>>;
  dismiss(fieldKey: string, hash: string): Promise<void>;
  setRuleSeverity(ruleId: string, severity: SeverityOption): Promise<void>;
  exchangeFacts(origin: string, path: string, facts: PageFacts | null): Promise<PageFacts>;
  /** Lints off the page's main thread (the background worker). */
  lint(text: string, options: LintOptions): Promise<LintResult>;
  publish(report: FrameReport): void;
}

/** The services backed by extension storage and the background (content scripts and extension pages). */
export function extensionServices(): CheckerServices {
  // Reading the managed area can take seconds on a busy machine; read once, again only when it changes.
  let settings: Promise<EffectiveSettings> | null = null;
  const forget = (_c: unknown, area: string) => {
    if (area === 'local' || area === 'managed') settings = null;
  };
  browser.storage.onChanged.addListener(forget);
  return {
    settings: () => (settings ??= readEffectiveSettings()),
    onSettingsChanged(cb) {
      const unwatch = settingsItem.watch(() => {
        settings = null;
        cb();
      });
      const managed = (_changes: unknown, area: string) => {
        if (area !== 'managed') return;
        settings = null;
        cb();
      };
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
    lint: (text, options) => sendMessage('lint', { text, options }),
    publish(report) {
      sendMessage('report', report).catch(() => {});
    },
  };
}
