import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, lintOptions, mergeSettings, normaliseOrigin, originPattern, parseSettingsJson, sanitisePolicy } from '../../extension/utils/settings';

describe('settings and managed policy', () => {
  const user = { ...DEFAULT_SETTINGS, enabledSites: ['https://a.example'], rules: { 'language-jargon': 'off' as const, 'x-rule': 'info' as const }, terms: { substances: ['spice'] } };

  it('lets the policy win on what it sets and locks it', () => {
    const eff = mergeSettings(user, { enabledSites: ['https://psr.example.gov.uk'], rules: { 'language-jargon': 'warning' }, reportKind: 'psr', terms: { substances: ['nitrous'] } });
    expect(eff.enabledSites).toEqual(['https://psr.example.gov.uk', 'https://a.example']);
    expect(eff.rules).toEqual({ 'language-jargon': 'warning', 'x-rule': 'info' });
    expect(eff.reportKind).toBe('psr');
    expect(eff.terms.substances).toEqual(['spice', 'nitrous']);
    expect(eff.locked).toEqual({ sites: ['https://psr.example.gov.uk'], rules: ['language-jargon'], reportKind: true, terms: ['substances'] });
  });

  it('without a policy, the user settings stand and nothing is locked', () => {
    const eff = mergeSettings(user, {});
    expect(eff.rules).toEqual(user.rules);
    expect(eff.reportKind).toBe('auto');
    expect(eff.locked).toEqual({ sites: [], rules: [], reportKind: false, terms: [] });
  });

  it('drops malformed policy entries', () => {
    expect(sanitisePolicy({ enabledSites: ['https://ok.example/path', 42, 'ftp://no'], rules: { a: 'error', b: 'loud' }, reportKind: 'novel' })).toEqual({
      enabledSites: ['https://ok.example'],
      rules: { a: 'error' },
    });
    expect(sanitisePolicy(null)).toEqual({});
  });

  it('normalises origins and match patterns', () => {
    expect(normaliseOrigin('https://x.gov.uk/a/b?c')).toBe('https://x.gov.uk');
    expect(normaliseOrigin('x.gov.uk')).toBe('https://x.gov.uk');
    expect(normaliseOrigin('chrome://settings')).toBe('');
    expect(originPattern('http://127.0.0.1:4173')).toBe('http://127.0.0.1/*');
  });

  it('builds the core options from settings and page context', () => {
    expect(lintOptions(user, { sourcesCited: ['cps'] })).toEqual({ kind: 'auto', rules: user.rules, terms: user.terms, context: { sourcesCited: ['cps'] } });
    expect(lintOptions(DEFAULT_SETTINGS).terms).toBeUndefined();
  });

  it('imports a settings file and rejects what is not one', () => {
    expect(parseSettingsJson(JSON.stringify({ enabledSites: ['https://a.example'], reportKind: 'case-notes' }))).toEqual({ ...DEFAULT_SETTINGS, enabledSites: ['https://a.example'], reportKind: 'case-notes' });
    expect(() => parseSettingsJson('not json')).toThrow();
    expect(() => parseSettingsJson('3')).toThrow(/Not a Curio settings file/);
  });
});
