/**
 * Turning Curio on or off for a site. The popup asks for the host permission (inside the user's click,
 * or the browser refuses to prompt) and only then tells the background, which stores the site and
 * re-registers the content script. A refusal stores nothing.
 */
import { browser } from 'wxt/browser';
import { sendMessage, type SiteState } from './messaging';
import { originPattern } from './settings';
import { readEffectiveSettings, settingsItem } from './storage';
import { grantedPatterns, syncRegistration } from './registration';

/** Popup side of "Enable Curio on this site". Returns null when the user refused the permission. */
export async function requestSite(origin: string, tabId?: number): Promise<SiteState | null> {
  // Must be the first await of the click handler: the prompt needs the user gesture.
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
  if (!granted) return null;
  return sendMessage('setSiteEnabled', { origin, enabled: true, tabId });
}

/** Popup side of turning a site off (no prompt; the permission is kept, the script no longer matches). */
export function disableSite(origin: string, tabId?: number): Promise<SiteState> {
  return sendMessage('setSiteEnabled', { origin, enabled: false, tabId });
}

/** Background side: adds or removes the site in the user's settings. */
export async function storeSite(origin: string, enabled: boolean): Promise<void> {
  const settings = await settingsItem.getValue();
  const sites = new Set(settings.enabledSites);
  if (enabled) sites.add(origin);
  else sites.delete(origin);
  await settingsItem.setValue({ ...settings, enabledSites: [...sites] });
}

let queue: Promise<string[]> = Promise.resolve([]);

/**
 * Background side: makes the registered content script match the enabled sites (user's and policy's)
 * that the browser granted. Runs one at a time: a settings change and the message that caused it both
 * ask for a sync, and two overlapping registrations of the same script id would fail.
 */
export function resyncRegistration(): Promise<string[]> {
  const run = async () => {
    const settings = await readEffectiveSettings();
    const patterns = await grantedPatterns(settings.enabledSites);
    await syncRegistration(patterns);
    return patterns;
  };
  queue = queue.then(run, run);
  return queue;
}
