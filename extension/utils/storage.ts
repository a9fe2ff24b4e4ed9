/**
 * Every persisted thing, defined once. Only settings, dismissal hashes and facts (source ids,
 * categories covered) are stored — never the text of a report.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, mergeSettings, sanitisePolicy, type EffectiveSettings, type ManagedPolicy, type Settings } from './settings';

/** Version 1 (first draft) stored `sites` and a list of disabled rule ids. */
export interface SettingsV1 {
  sites: string[];
  disabledRules: string[];
  reportKind?: Settings['reportKind'];
}

/** v1 → v2: sites become enabledSites; disabled rules become `off` severities. */
export function migrateSettingsV1(old: SettingsV1): Settings {
  return {
    ...DEFAULT_SETTINGS,
    enabledSites: old?.sites ?? [],
    rules: Object.fromEntries((old?.disabledRules ?? []).map((id) => [id, 'off' as const])),
    reportKind: old?.reportKind ?? 'auto',
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsV1 },
});

/** Dismissed findings per field key: hashes of (rule id + flagged text), never the text. */
export const dismissalsItem = storage.defineItem<Record<string, string[]>>('local:dismissals', { fallback: {} });

/** Facts a multi-page form established on its earlier pages, per origin and page path. Cleared when the browser closes. */
export interface PageFacts {
  sourcesCited: string[];
  categoriesCovered: string[];
}
export const sessionFactsItem = storage.defineItem<Record<string, Record<string, PageFacts>>>('session:facts', { fallback: {} });

/**
 * The managed area throws on browsers or profiles without a policy schema; that simply means no policy.
 * Administrators set the keys at the top level of the policy, so read them all.
 */
export async function readPolicy(): Promise<ManagedPolicy> {
  try {
    const area = (globalThis as any).browser?.storage?.managed ?? (globalThis as any).chrome?.storage?.managed;
    if (!area) return {};
    const all = await area.get(null);
    return sanitisePolicy(all?.policy ?? all);
  } catch {
    return {};
  }
}

export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, policy] = await Promise.all([settingsItem.getValue(), readPolicy()]);
  return mergeSettings({ ...DEFAULT_SETTINGS, ...user }, policy);
}

export async function addDismissal(fieldKey: string, hash: string): Promise<void> {
  const all = await dismissalsItem.getValue();
  const list = new Set(all[fieldKey] ?? []);
  list.add(hash);
  await dismissalsItem.setValue({ ...all, [fieldKey]: [...list] });
}

/** Records this page's facts and returns the union of the facts from the form's other pages. */
export async function exchangeFacts(origin: string, path: string, facts: PageFacts | null): Promise<PageFacts> {
  const all = await sessionFactsItem.getValue();
  const site = { ...(all[origin] ?? {}) };
  if (facts) {
    const prev = site[path];
    if (!prev || prev.sourcesCited.join() !== facts.sourcesCited.join() || prev.categoriesCovered.join() !== facts.categoriesCovered.join()) {
      site[path] = facts;
      await sessionFactsItem.setValue({ ...all, [origin]: site });
    }
  }
  const out: PageFacts = { sourcesCited: [], categoriesCovered: [] };
  for (const [p, f] of Object.entries(site)) {
    if (p === path) continue;
    out.sourcesCited.push(...f.sourcesCited);
    out.categoriesCovered.push(...f.categoriesCovered);
  }
  return { sourcesCited: [...new Set(out.sourcesCited)], categoriesCovered: [...new Set(out.categoriesCovered)] };
}
