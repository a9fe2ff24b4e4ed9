/**
 * The popup: turn Curio on for this site (asking for this host's permission at that moment), check a
 * read-only page, open the panel.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type SiteState } from '../../utils/messaging';
import { normaliseOrigin } from '../../utils/settings';
import { disableSite, requestSite } from '../../utils/sites';

export function Popup() {
  const [tab, setTab] = useState<{ id?: number; url?: string; windowId?: number }>({});
  const [site, setSite] = useState<SiteState | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void (async () => {
      const [t] = await browser.tabs.query({ active: true, currentWindow: true });
      setTab({ id: t?.id, url: t?.url, windowId: t?.windowId });
      if (t?.url) setSite(await sendMessage('getSiteState', { url: t.url }).catch(() => null));
    })();
  }, []);

  const origin = tab.url ? normaliseOrigin(tab.url) : '';

  const toggle = async (enabled: boolean) => {
    setError('');
    if (!origin) return;
    if (!enabled) return setSite(await disableSite(origin, tab.id));
    const state = await requestSite(origin, tab.id);
    if (state) setSite(state);
    else setError('Curio needs permission to read fields on this site to check them. Nothing was changed.');
  };

  const openPanel = () => {
    const sidePanel = (browser as any).sidePanel;
    if (sidePanel?.open && tab.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId });
    else void (browser as any).sidebarAction?.open?.();
  };

  const checkPage = async () => {
    openPanel();
    if (tab.id !== undefined) await sendMessage('checkPage', { tabId: tab.id }).catch(() => false);
  };

  return (
    <main className="page">
      <h1>Curio</h1>
      {origin ? (
        <label className="row">
          <input
            type="checkbox"
            role="switch"
            data-testid="site-toggle"
            checked={!!site?.enabled}
            disabled={!site || site.locked}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
          Enable Curio on this site
          {site?.locked && <span className="locked">(set by your organisation)</span>}
        </label>
      ) : null}
      {origin && site?.enabled && site.granted === false ? (
        <p>
          <button type="button" className="primary" data-testid="grant-site" onClick={() => void toggle(true)}>
            Allow Curio to read fields on this site
          </button>
        </p>
      ) : null}
      {origin ? null : (
        <p className="muted">Curio works on web pages (http and https).</p>
      )}
      <p className="muted">{origin ? `${origin} — text` : 'Text'} is checked on this computer and never sent anywhere.</p>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="button" data-testid="check-page" onClick={() => void checkPage()}>
          Check this page
        </button>
        <button type="button" data-testid="open-panel" onClick={openPanel}>
          Open panel
        </button>
      </div>
    </main>
  );
}
