/**
 * User settings and the administrator's managed policy, and how they combine. Pure functions: the
 * storage items live in storage.ts, so this file is testable without a browser.
 */
import type { KindOption, LintOptions, SeverityOption, TermsOption } from '../../core/types.js';
import { withoutUnsafeTerms } from '../../core/lexicon.js';

/** What the user can change on the options page (stored in `local:settings`, version 2). */
export interface Settings {
  /** Origins (e.g. `https://psr.example.gov.uk`) where the user enabled Curio. */
  enabledSites: string[];
  /** Severity per rule id; absent = the rule's default. */
  rules: Record<string, SeverityOption>;
  terms: TermsOption;
  reportKind: KindOption;
}

/** What an administrator can set by policy (`storage.managed`, schema in public/managed-schema.json). */
export interface ManagedPolicy {
  enabledSites?: string[];
  rules?: Record<string, SeverityOption>;
  terms?: TermsOption;
  reportKind?: KindOption;
}

/** Settings in force, plus which parts the policy locked so the options page can show them as such. */
export interface EffectiveSettings extends Settings {
  locked: {
    /** Sites enabled by policy (cannot be turned off by the user). */
    sites: string[];
    /** Rule ids whose severity the policy fixed. */
    rules: string[];
    reportKind: boolean;
    /** Term keys (lexicon names) the policy contributed. */
    terms: string[];
  };
}

export const DEFAULT_SETTINGS: Settings = { enabledSites: [], rules: {}, terms: {}, reportKind: 'auto' };

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const KINDS = new Set(['auto', 'psr', 'case-notes', 'section']);

/** Drops anything malformed from a policy object (policies are typed by hand by administrators). */
export function sanitisePolicy(raw: unknown): ManagedPolicy {
  if (!raw || typeof raw !== 'object') return {};
  const p = raw as Record<string, unknown>;
  const out: ManagedPolicy = {};
  if (Array.isArray(p.enabledSites)) out.enabledSites = p.enabledSites.filter((s): s is string => typeof s === 'string').map(normaliseOrigin).filter(Boolean) as string[];
  if (p.rules && typeof p.rules === 'object') {
    out.rules = {};
    for (const [id, sev] of Object.entries(p.rules as Record<string, unknown>)) if (typeof sev === 'string' && SEVERITIES.has(sev)) out.rules[id] = sev as SeverityOption;
  }
  // A policy regex that does not compile or could backtrack for minutes is dropped rather than hang every tab.
  if (p.terms && typeof p.terms === 'object') out.terms = withoutUnsafeTerms(p.terms as TermsOption);
  if (typeof p.reportKind === 'string' && KINDS.has(p.reportKind)) out.reportKind = p.reportKind as KindOption;
  return out;
}

/** Policy wins over the user on everything it sets; terms are added to, never replaced. */
export function mergeSettings(user: Settings, policy: ManagedPolicy): EffectiveSettings {
  const sites = [...new Set([...(policy.enabledSites ?? []), ...user.enabledSites])];
  const rules = { ...user.rules, ...(policy.rules ?? {}) };
  const terms = mergeTerms(user.terms, policy.terms ?? {});
  return {
    enabledSites: sites,
    rules,
    terms,
    reportKind: policy.reportKind ?? user.reportKind,
    locked: {
      sites: policy.enabledSites ?? [],
      rules: Object.keys(policy.rules ?? {}),
      reportKind: policy.reportKind !== undefined,
      terms: Object.keys(policy.terms ?? {}),
    },
  };
}

function mergeTerms(a: TermsOption, b: TermsOption): TermsOption {
  const out: TermsOption = {};
  if (a.sources || b.sources) {
    const s: Record<string, string[]> = {};
    for (const src of [a.sources ?? {}, b.sources ?? {}]) for (const [id, list] of Object.entries(src)) s[id] = [...new Set([...(s[id] ?? []), ...(list ?? [])])];
    out.sources = s as TermsOption['sources'];
  }
  if (a.acronyms || b.acronyms) out.acronyms = { ...a.acronyms, ...b.acronyms };
  if (a.plainLanguage || b.plainLanguage) out.plainLanguage = { ...a.plainLanguage, ...b.plainLanguage };
  if (a.substances || b.substances) out.substances = [...new Set([...(a.substances ?? []), ...(b.substances ?? [])])];
  return out;
}

/** `https://x.gov.uk/path` → `https://x.gov.uk`; anything that is not an http(s) origin → ''. */
export function normaliseOrigin(url: string): string {
  try {
    const u = new URL(url.includes('://') ? url : `https://${url}`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : '';
  } catch {
    return '';
  }
}

/** Match pattern that grants an origin (ports are not part of match patterns). */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

export function isSiteEnabled(settings: Settings, url: string): boolean {
  const origin = normaliseOrigin(url);
  return !!origin && settings.enabledSites.includes(origin);
}

/** The core's options for these settings plus what the page itself tells us. */
export function lintOptions(settings: Settings, context: LintOptions['context'] = {}): LintOptions {
  const options: LintOptions = { kind: settings.reportKind, rules: settings.rules, context };
  if (Object.keys(settings.terms).length) options.terms = settings.terms;
  return options;
}

/** Parses an imported settings file; throws with a readable message when it is not one. */
export function parseSettingsJson(json: string): Settings {
  const raw = JSON.parse(json) as unknown;
  const p = sanitisePolicy(raw);
  if (!raw || typeof raw !== 'object') throw new Error('Not a Curio settings file.');
  return {
    enabledSites: p.enabledSites ?? [],
    rules: p.rules ?? {},
    terms: p.terms ?? {},
    reportKind: p.reportKind ?? 'auto',
  };
}
