import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addDismissal, dismissalsItem, migrateSettingsV1, readEffectiveSettings, settingsItem } from '../../extension/utils/storage';
import { exchangeFacts } from '../../extension/utils/session-facts';
import { dismissalHash, fieldKey } from '../../extension/utils/hash';

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates version-1 settings (sites, disabled rules) to version 2', async () => {
    await fakeBrowser.storage.local.set({ settings: { sites: ['https://a.example'], disabledRules: ['language-jargon'] }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ enabledSites: ['https://a.example'], rules: { 'language-jargon': 'off' }, terms: {}, reportKind: 'auto' });
    expect(migrateSettingsV1({ sites: [], disabledRules: [] }).reportKind).toBe('auto');
  });

  it('falls back to defaults on a fresh install', async () => {
    const eff = await readEffectiveSettings();
    expect(eff.enabledSites).toEqual([]);
    expect(eff.locked.sites).toEqual([]);
  });

  it('stores dismissals as hashes, never the flagged text', async () => {
    const key = fieldKey('https://a.example', '/report', '#offence');
    const flagged = 'criminogenic needs';
    await addDismissal(key, dismissalHash('language-jargon', flagged));
    await addDismissal(key, dismissalHash('language-jargon', flagged));
    const all = await dismissalsItem.getValue();
    expect(all[key]).toHaveLength(1);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('criminogenic');
  });

  it('carries facts between pages of a form, not back to the page that recorded them', async () => {
    await exchangeFacts('https://psr.example', '/sources', { sourcesCited: ['cps', 'interview'], categoriesCovered: [] });
    const onNext = await exchangeFacts('https://psr.example', '/offence', { sourcesCited: ['oasys'], categoriesCovered: ['substance-misuse'] });
    expect(onNext).toEqual({ sourcesCited: ['cps', 'interview'], categoriesCovered: [] });
    const back = await exchangeFacts('https://psr.example', '/sources', null);
    expect(back).toEqual({ sourcesCited: ['oasys'], categoriesCovered: ['substance-misuse'] });
    expect(await exchangeFacts('https://other.example', '/x', null)).toEqual({ sourcesCited: [], categoriesCovered: [] });
  });
});

describe('dismissal hashing', () => {
  it('is stable, ignores case and re-wrapping, and differs by rule', () => {
    const h = dismissalHash('substance-minimising-language', 'social drinker');
    expect(dismissalHash('substance-minimising-language', '  Social\n drinker ')).toBe(h);
    expect(dismissalHash('language-jargon', 'social drinker')).not.toBe(h);
    expect(dismissalHash('substance-minimising-language', 'social drinkers')).not.toBe(h);
    expect(h).toMatch(/^[0-9a-z]+$/);
  });
});
