/**
 * The background: keeps the content-script registration in step with the enabled sites, lints long texts
 * off the page's main thread, and relays findings between the tabs and the side panel. It holds findings
 * in memory only; nothing is written but settings and facts, and nothing leaves the machine.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { check, rules } from '../../core/index.js';
import type { TermsOption } from '../../core/types.js';
import { onMessages, sendToTab, type FrameReport, type SiteState, type TabReport } from '../utils/messaging';
import { normaliseOrigin } from '../utils/settings';
import { readEffectiveSettings, settingsItem } from '../utils/storage';
import { exchangeFacts } from '../utils/session-facts';
import { CONTENT_SCRIPT_FILE, grantedPatterns } from '../utils/registration';
import { resyncRegistration, storeSite } from '../utils/sites';

export default defineBackground(() => {
  const reports = new Map<number, Map<number, FrameReport>>();
  /** One object per distinct terms value, so the core compiles extended lexicons once, not per message. */
  const termsCache = new Map<string, TermsOption>();
  const standardOf = new Map(rules.map((r) => [r.meta.id, r.meta.standard]));

  async function resync() {
    await resyncRegistration().catch((e) => console.warn('[curio] registration', e));
  }

  // On every start of the background, not only on install/startup: a policy or permission may have changed while it slept.
  void resync();
  browser.runtime.onInstalled.addListener(() => void resync());
  settingsItem.watch(() => void resync());
  browser.storage.onChanged.addListener((_c, area) => area === 'managed' && void resync());
  browser.permissions.onRemoved?.addListener(() => void resync());
  browser.permissions.onAdded?.addListener(() => void resync());
  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') {
      reports.delete(tabId);
      broadcast(tabId);
    }
  });
  // The side panel opens from the popup; clicking the toolbar icon keeps showing the popup.
  (browser as any).sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch?.(() => {});

  function tabReport(tabId: number): TabReport {
    const frames = [...(reports.get(tabId)?.values() ?? [])].sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
    return { tabId, frames };
  }

  function broadcast(tabId: number) {
    browser.runtime.sendMessage({ curio: 1, type: 'tabReportChanged', data: tabReport(tabId) }).catch(() => {});
  }

  async function siteState(url: string): Promise<SiteState> {
    const settings = await readEffectiveSettings();
    const origin = normaliseOrigin(url);
    const granted = !!origin && (await grantedPatterns([origin])).length > 0;
    return { origin, enabled: !!origin && settings.enabledSites.includes(origin), locked: settings.locked.sites.includes(origin), granted };
  }

  /** Runs the checker in a tab now (the registration only affects future loads). */
  async function inject(tabId: number) {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] }).catch((e) => console.warn('[curio] inject', e));
  }

  // The first pass pays for compiling lexicons and warming the JIT; pay it now, not on the user's first keystroke.
  setTimeout(() => check('Warm-up. He says he drinks socially and has a new partner; his GP prescribed medication.\n\nSources: interview.'), 0);

  onMessages({
    lint({ text, options }) {
      const t0 = performance.now();
      if (options.terms) {
        const key = JSON.stringify(options.terms);
        let terms = termsCache.get(key);
        if (!terms) termsCache.set(key, (terms = options.terms));
        options = { ...options, terms };
      }
      const result = check(text, options);
      const workerMs = performance.now() - t0;
      const standards: Record<string, string> = {};
      for (const d of result.diagnostics) standards[d.ruleId] ??= standardOf.get(d.ruleId) ?? '';
      return { ...result, workerMs, standards };
    },
    report(data, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      let frames = reports.get(tabId);
      if (!frames) reports.set(tabId, (frames = new Map()));
      frames.set(sender.frameId ?? 0, { ...data, frameId: sender.frameId ?? 0 });
      broadcast(tabId);
    },
    async getTabReport({ tabId }) {
      if (!reports.get(tabId)?.size) await sendToTab(tabId, 'requestReport', {}).catch(() => {});
      return tabReport(tabId);
    },
    async reveal({ tabId, frameId, fieldId, start, end }) {
      return (await sendToTab(tabId, 'revealInFrame', { fieldId, start, end }, frameId).catch(() => false)) ?? false;
    },
    async checkPage({ tabId }) {
      let ok = await sendToTab(tabId, 'checkPageInFrame', {}, 0).catch(() => undefined);
      if (ok === undefined) {
        // Not an enabled site: activeTab (granted by the click that opened the popup) lets us run once.
        await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => {});
        ok = await sendToTab(tabId, 'checkPageInFrame', {}, 0).catch(() => false);
      }
      return !!ok;
    },
    exchangeFacts: ({ origin, path, facts }) => exchangeFacts(origin, path, facts),
    async setSiteEnabled({ origin, enabled, tabId }) {
      await storeSite(origin, enabled);
      await resync();
      if (tabId !== undefined) {
        if (enabled) await inject(tabId);
        else await browser.tabs.reload(tabId).catch(() => {});
      }
      return siteState(origin);
    },
    getSiteState: ({ url }) => siteState(url),
    async openPanel({ tabId, windowId }) {
      const sidePanel = (browser as any).sidePanel;
      if (sidePanel?.open) await sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
      else await (browser as any).sidebarAction?.open?.();
    },
  });
});
