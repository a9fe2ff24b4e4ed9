/// <reference types="vite/client" />
/**
 * Runs the checker only where it is enabled: one dynamically registered content script whose matches are
 * the enabled sites the user granted host access to. Nothing is matched at install.
 */
import { browser } from 'wxt/browser';
import { originPattern } from './settings';

export const CONTENT_SCRIPT_ID = 'curio-checker';
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** Patterns for the enabled origins that the extension actually holds permission for. */
export async function grantedPatterns(origins: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const origin of origins) {
    const pattern = originPattern(origin);
    try {
      if (await browser.permissions.contains({ origins: [pattern] })) out.push(pattern);
    } catch {
      // malformed origin in a policy: ignore it
    }
  }
  return [...new Set(out)];
}

/** Makes the registered content script match exactly `patterns` (unregistering it when empty). */
export async function syncRegistration(patterns: string[]): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const existing = await scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] }).catch(() => []);
  if (!patterns.length) {
    if (existing.length) await scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return;
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE.slice(1)],
    matches: patterns,
    allFrames: true,
    runAt: 'document_idle' as const,
    // Firefox re-registers on every start (the background calls syncRegistration then) and has not always
    // accepted this key.
    ...(import.meta.env.FIREFOX ? {} : { persistAcrossSessions: true }),
  };
  const same = existing[0]?.matches?.slice().sort().join() === patterns.slice().sort().join();
  if (same) return;
  if (existing.length) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}
