/**
 * The side panel: the Problems list for the active tab, grouped by category, and the checklist for the
 * report as a whole. Findings arrive from the background (which the content scripts push to).
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Checklist } from '../../components/Checklist';
import { ProblemList, problemsOf, type ProblemItem } from '../../components/ProblemList';
import { isEnvelope, sendMessage, type TabReport } from '../../utils/messaging';

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [report, setReport] = useState<TabReport | null>(null);
  const [checking, setChecking] = useState(false);

  const refresh = useCallback(async () => {
    const id = await activeTabId();
    setTabId(id);
    if (id !== undefined) setReport(await sendMessage('getTabReport', { tabId: id }).catch(() => null));
  }, []);

  useEffect(() => {
    void refresh();
    const onMessage = (msg: unknown) => {
      if (isEnvelope(msg) && msg.type === 'tabReportChanged') {
        const data = msg.data as TabReport;
        setReport((prev) => (prev === null || data.tabId === prev.tabId ? data : prev));
      }
    };
    const onActivated = () => void refresh();
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [refresh]);

  const frames = report?.tabId === tabId ? (report?.frames ?? []) : [];
  const pageCheck = frames.find((f) => f.mode === 'page');
  const shown = pageCheck ? [pageCheck] : frames;
  const items = problemsOf(shown);
  const main = shown.find((f) => f.analysis && f.fields.length) ?? shown[0];
  const pageSources = [...new Set(shown.flatMap((f) => f.pageSources))];
  const fieldCount = frames.reduce((n, f) => n + f.fields.length, 0);

  const reveal = (p: ProblemItem) => {
    if (tabId === undefined || !p.revealable) return;
    void sendMessage('reveal', { tabId, frameId: p.frameId, fieldId: p.fieldId, start: p.start, end: p.end });
  };
  const checkPage = async () => {
    if (tabId === undefined) return;
    setChecking(true);
    await sendMessage('checkPage', { tabId }).catch(() => false);
    setChecking(false);
  };

  return (
    <main className="page">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Curio</h1>
        <button type="button" data-testid="check-page" onClick={checkPage} disabled={checking}>
          {checking ? 'Checking…' : 'Check this page'}
        </button>
      </div>
      <p className="muted">
        {pageCheck ? `Checked the ${pageCheck.fields[0]?.fieldFor === 'selection' ? 'selected text' : "page's main text"} (read-only).` : fieldCount === 0 ? 'No fields checked on this page.' : `${fieldCount} ${fieldCount === 1 ? 'field' : 'fields'} checked on this page.`}{' '}
        Everything stays on this computer.
      </p>
      <h2>
        Problems <span className="badge" data-testid="problem-count">{items.length}</span>
      </h2>
      <ProblemList items={items} onReveal={reveal} checked={pageCheck ? 1 : fieldCount} />
      <h2>Checklist</h2>
      <Checklist analysis={main?.analysis ?? null} pageSources={pageSources} />
    </main>
  );
}
