/**
 * Opt-in per site, end to end inside the extension (popup → background → storage → registration), with
 * the browser's permission prompt and content-script registry faked: fakeBrowser implements neither.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background';
import { disableSite, requestSite, resyncRegistration } from '../../extension/utils/sites';
import { readEffectiveSettings, settingsItem } from '../../extension/utils/storage';
import { sendMessage } from '../../extension/utils/messaging';
import { CONTENT_SCRIPT_ID } from '../../extension/utils/registration';

const SITE = 'https://psr.example.gov.uk';
const PATTERN = 'https://psr.example.gov.uk/*';

interface Fakes {
  granted: Set<string>;
  /** What the user answers to the next permission prompt. */
  answer: boolean;
  registered: Map<string, { id: string; matches: string[]; js: string[]; allFrames?: boolean }>;
  prompts: string[][];
}

function installFakes(): Fakes {
  const f: Fakes = { granted: new Set(), answer: true, registered: new Map(), prompts: [] };
  const b = fakeBrowser as any;
  b.permissions.request = vi.fn(async ({ origins }: { origins: string[] }) => {
    f.prompts.push(origins);
    if (f.answer) for (const o of origins) f.granted.add(o);
    return f.answer;
  });
  b.permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => f.granted.has(o)));
  b.permissions.onAdded.addListener = vi.fn();
  b.permissions.onRemoved.addListener = vi.fn();
  b.scripting.getRegisteredContentScripts = vi.fn(async ({ ids }: { ids?: string[] } = {}) =>
    [...f.registered.values()].filter((s) => !ids || ids.includes(s.id)).map((s) => structuredClone(s)));
  b.scripting.registerContentScripts = vi.fn(async (scripts: any[]) => {
    // Like Chrome: registering an id twice is an error.
    for (const s of scripts) if (f.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
    for (const s of scripts) f.registered.set(s.id, structuredClone(s));
  });
  b.scripting.updateContentScripts = vi.fn(async (scripts: any[]) => {
    for (const s of scripts) f.registered.set(s.id, { ...f.registered.get(s.id)!, ...structuredClone(s) });
  });
  b.scripting.unregisterContentScripts = vi.fn(async ({ ids }: { ids: string[] }) => {
    for (const id of ids) f.registered.delete(id);
  });
  b.scripting.executeScript = vi.fn(async () => []);
  return f;
}

describe('enabling a site from the popup', () => {
  let f: Fakes;
  beforeEach(async () => {
    fakeBrowser.reset();
    f = installFakes();
    background.main();
    await resyncRegistration();
  });
  afterEach(() => fakeBrowser.reset());

  it('registers nothing on install', async () => {
    expect(f.registered.size).toBe(0);
    expect(f.granted.size).toBe(0);
  });

  it('asks for that one host; granted → site stored → content script registered for it', async () => {
    const state = await requestSite(SITE);
    expect(f.prompts).toEqual([[PATTERN]]);
    expect(state).toMatchObject({ origin: SITE, enabled: true, locked: false, granted: true });
    expect((await settingsItem.getValue()).enabledSites).toEqual([SITE]);
    await resyncRegistration(); // let the settings watcher's sync finish too
    const script = f.registered.get(CONTENT_SCRIPT_ID);
    expect(script?.matches).toEqual([PATTERN]);
    expect(script?.js).toEqual(['content-scripts/content.js']);
    expect(script?.allFrames).toBe(true);
  });

  it('stores nothing and registers nothing when the user refuses the permission', async () => {
    f.answer = false;
    const state = await requestSite(SITE);
    expect(state).toBeNull();
    expect((await settingsItem.getValue()).enabledSites).toEqual([]);
    await resyncRegistration();
    expect(f.registered.size).toBe(0);
    expect((fakeBrowser as any).scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('a second site updates the one registration; disabling both unregisters it', async () => {
    await requestSite(SITE);
    await requestSite('http://case.example:8080');
    await resyncRegistration();
    expect(f.registered.get(CONTENT_SCRIPT_ID)?.matches.sort()).toEqual(['http://case.example/*', PATTERN]);
    await disableSite(SITE);
    await resyncRegistration();
    expect(f.registered.get(CONTENT_SCRIPT_ID)?.matches).toEqual(['http://case.example/*']);
    expect((await disableSite('http://case.example:8080')).enabled).toBe(false);
    await resyncRegistration();
    expect(f.registered.size).toBe(0);
    expect((fakeBrowser as any).scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: [CONTENT_SCRIPT_ID] });
    expect((await settingsItem.getValue()).enabledSites).toEqual([]);
  });

  it('does not match a stored site whose permission was later revoked', async () => {
    await requestSite(SITE);
    f.granted.clear();
    expect(await resyncRegistration()).toEqual([]);
    expect(f.registered.size).toBe(0);
    expect(await sendMessage('getSiteState', { url: `${SITE}/report/1` })).toMatchObject({ enabled: true, granted: false });
  });

  it('overlapping syncs never register the script twice', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), enabledSites: [SITE] });
    f.granted.add(PATTERN);
    await Promise.all([resyncRegistration(), resyncRegistration(), resyncRegistration()]);
    expect(f.registered.get(CONTENT_SCRIPT_ID)?.matches).toEqual([PATTERN]);
  });
});

describe('managed policy', () => {
  let f: Fakes;
  beforeEach(() => {
    fakeBrowser.reset();
    f = installFakes();
  });

  it('merges enabled sites, and locks the severities and report kind it sets over the user settings', async () => {
    await settingsItem.setValue({
      enabledSites: ['https://mine.example'],
      rules: { 'language-jargon': 'off', 'sources-not-stated': 'info' },
      terms: { acronyms: { ABC: 'a b c' } },
      reportKind: 'case-notes',
    });
    await fakeBrowser.storage.managed.set({
      enabledSites: ['https://psr.example.gov.uk/some/page', 'not a url', 42],
      rules: { 'sources-not-stated': 'error', 'bogus-rule': 'loud' },
      terms: { acronyms: { XYZ: 'x y z' } },
      reportKind: 'psr',
    });
    const eff = await readEffectiveSettings();
    expect(eff.enabledSites.sort()).toEqual(['https://mine.example', SITE]);
    // Policy wins where it speaks; the user keeps the rest.
    expect(eff.rules).toEqual({ 'language-jargon': 'off', 'sources-not-stated': 'error' });
    expect(eff.reportKind).toBe('psr');
    expect(eff.terms.acronyms).toEqual({ ABC: 'a b c', XYZ: 'x y z' });
    expect(eff.locked).toEqual({ sites: [SITE], rules: ['sources-not-stated'], reportKind: true, terms: ['acronyms'] });
  });

  it('reads a policy nested under a "policy" key as well', async () => {
    await fakeBrowser.storage.managed.set({ policy: { enabledSites: [SITE] } });
    expect((await readEffectiveSettings()).locked.sites).toEqual([SITE]);
  });

  it('a policy site shows as enabled and locked; it is registered once the host is granted, and stays on when the user turns it off', async () => {
    background.main();
    await fakeBrowser.storage.managed.set({ enabledSites: [SITE] });
    expect(await sendMessage('getSiteState', { url: `${SITE}/x` })).toEqual({ origin: SITE, enabled: true, locked: true, granted: false });
    expect(await resyncRegistration()).toEqual([]);
    await requestSite(SITE);
    await resyncRegistration();
    expect(f.registered.get(CONTENT_SCRIPT_ID)?.matches).toEqual([PATTERN]);
    const after = await disableSite(SITE);
    expect(after).toMatchObject({ enabled: true, locked: true });
    await resyncRegistration();
    expect(f.registered.get(CONTENT_SCRIPT_ID)?.matches).toEqual([PATTERN]);
  });

  it('no managed storage (no schema, other browsers) means no policy', async () => {
    (fakeBrowser as any).storage.managed.get = vi.fn(async () => {
      throw new Error('Managed storage manifest not found');
    });
    const eff = await readEffectiveSettings();
    expect(eff.locked).toEqual({ sites: [], rules: [], reportKind: false, terms: [] });
  });
});
