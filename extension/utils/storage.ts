/**
 * Every persisted thing, defined once. Only settings, dismissal hashes and facts (source ids,
 * categories covered) are stored — never the text of a report.
 */
import { browser } from 'wxt/browser';
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

/**
 * The managed area throws on browsers or profiles without a policy schema; that simply means no policy.
 * Administrators set the keys at the top level of the policy, so read them all.
 */
export async function readPolicy(): Promise<ManagedPolicy> {
  try {
    const area = (browser as any).storage?.managed;
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
