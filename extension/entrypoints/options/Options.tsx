/**
 * Settings: enabled sites, rule severities, extra terms, report kind, import/export. Anything set by the
 * organisation's managed policy is shown but locked.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { rules } from '../../../core/index.js';
import type { KindOption, SeverityOption, TermsOption } from '../../../core/types.js';
import { CATEGORY_LABELS } from '../../overlay/colours';
import { DEFAULT_SETTINGS, mergeSettings, normaliseOrigin, originPattern, parseSettingsJson, type EffectiveSettings, type ManagedPolicy, type Settings } from '../../utils/settings';
import { readPolicy, settingsItem } from '../../utils/storage';
import { termsProblems } from '../../../core/lexicon.js';

const SEVERITIES: (SeverityOption | '')[] = ['', 'error', 'warning', 'info', 'off'];

export function Options() {
  const [user, setUser] = useState<Settings>(DEFAULT_SETTINGS);
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  const [newSite, setNewSite] = useState('');
  const [termsText, setTermsText] = useState('{}');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void (async () => {
      const [u, p] = await Promise.all([settingsItem.getValue(), readPolicy()]);
      setUser({ ...DEFAULT_SETTINGS, ...u });
      setTermsText(JSON.stringify(u.terms ?? {}, null, 2));
      setPolicy(p);
    })();
    return settingsItem.watch((u) => u && setUser({ ...DEFAULT_SETTINGS, ...u }));
  }, []);

  const effective: EffectiveSettings = mergeSettings(user, policy);
  const save = async (next: Settings, note = 'Saved.') => {
    setUser(next);
    await settingsItem.setValue(next);
    setMessage(note);
  };

  const addSite = async () => {
    const origin = normaliseOrigin(newSite.trim());
    if (!origin) return setMessage('Enter a web address such as https://psr.example.gov.uk');
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
    if (!granted) return setMessage('Permission was not granted, so Curio cannot check that site.');
    setNewSite('');
    await save({ ...user, enabledSites: [...new Set([...user.enabledSites, origin])] });
  };

  const setSeverity = (id: string, value: SeverityOption | '') => {
    const rulesCopy = { ...user.rules };
    if (value) rulesCopy[id] = value;
    else delete rulesCopy[id];
    void save({ ...user, rules: rulesCopy });
  };

  const saveTerms = () => {
    try {
      const terms = JSON.parse(termsText) as TermsOption;
      if (!terms || typeof terms !== 'object' || Array.isArray(terms)) throw new Error('not an object');
      const problems = termsProblems(terms);
      if (problems.length) {
        setMessage(`Not saved: ${problems[0]}.`);
        return;
      }
      void save({ ...user, terms });
    } catch {
      setMessage('Extra terms must be a JSON object, e.g. {"sources": {"substance-service": ["Horizon Recovery"]}}.');
    }
  };

  const exportJson = () => {
    const blob = new Blob([JSON.stringify(user, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'curio-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const importJson = async (file: File | undefined) => {
    if (!file) return;
    try {
      const next = parseSettingsJson(await file.text());
      setTermsText(JSON.stringify(next.terms, null, 2));
      await save(next, 'Imported. Sites in the file still need permission: add them again if Curio asks.');
    } catch (e) {
      setMessage(`Could not import: ${(e as Error).message}`);
    }
  };

  return (
    <main className="page" style={{ maxWidth: 860 }}>
      <h1>Curio settings</h1>
      {message && <p role="status" data-testid="options-message">{message}</p>}

      <h2>Sites where Curio checks fields</h2>
      <ul data-testid="sites">
        {effective.enabledSites.map((site) => {
          const locked = effective.locked.sites.includes(site);
          return (
            <li key={site} data-site={site}>
              {site}
              {locked ? (
                <span className="locked">🔒 set by your organisation</span>
              ) : (
                <>
                  {' '}
                  <button type="button" onClick={() => void save({ ...user, enabledSites: user.enabledSites.filter((s) => s !== site) })}>
                    Remove
                  </button>
                </>
              )}
            </li>
          );
        })}
        {!effective.enabledSites.length && <li className="muted">None yet. Enable a site from Curio's toolbar button, or add it here.</li>}
      </ul>
      <div className="row">
        <input aria-label="Site to enable" type="text" size={32} placeholder="https://psr.example.gov.uk" value={newSite} onChange={(e) => setNewSite(e.currentTarget.value)} />
        <button type="button" onClick={() => void addSite()}>
          Add site
        </button>
      </div>

      <h2>Report kind</h2>
      <select
        aria-label="Report kind"
        data-testid="report-kind"
        value={effective.reportKind}
        disabled={effective.locked.reportKind}
        onChange={(e) => void save({ ...user, reportKind: e.currentTarget.value as KindOption })}
      >
        <option value="auto">Work it out from the text</option>
        <option value="psr">Pre-sentence report</option>
        <option value="case-notes">Case notes</option>
        <option value="section">One section of a report</option>
      </select>
      {effective.locked.reportKind && <span className="locked">🔒 set by your organisation</span>}

      <h2>Checks</h2>
      <table data-testid="rules">
        <thead>
          <tr>
            <th>Check</th>
            <th>Area</th>
            <th>Severity</th>
          </tr>
        </thead>
        <tbody>
          {rules.map(({ meta }) => {
            const locked = effective.locked.rules.includes(meta.id);
            const value = (locked ? effective.rules[meta.id] : user.rules[meta.id]) ?? '';
            return (
              <tr key={meta.id} data-rule-id={meta.id}>
                <td>
                  <strong>{meta.id}</strong>
                  <div className="muted">{meta.description}</div>
                </td>
                <td>{CATEGORY_LABELS[meta.category] ?? meta.category}</td>
                <td>
                  <select aria-label={`Severity of ${meta.id}`} value={value} disabled={locked} onChange={(e) => setSeverity(meta.id, e.currentTarget.value as SeverityOption | '')}>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {s ? s : `default (${meta.severity})`}
                      </option>
                    ))}
                  </select>
                  {locked && <span className="locked">🔒</span>}
                </td>
              </tr>
            );
          })}
          {!rules.length && (
            <tr>
              <td colSpan={3} className="muted">No checks are installed.</td>
            </tr>
          )}
        </tbody>
      </table>

      <h2>Extra terms</h2>
      <p className="muted">
        Local names Curio should recognise, as JSON: <code>sources</code> (aliases per source id), <code>acronyms</code>, <code>plainLanguage</code>, <code>substances</code>.
        {effective.locked.terms.length > 0 && ` Your organisation adds: ${effective.locked.terms.join(', ')} (locked).`}
      </p>
      <textarea aria-label="Extra terms (JSON)" data-curio="off" rows={6} style={{ width: '100%', fontFamily: 'monospace' }} value={termsText} onChange={(e) => setTermsText(e.currentTarget.value)} />
      <div className="row">
        <button type="button" onClick={saveTerms}>
          Save terms
        </button>
      </div>

      <h2>Import and export</h2>
      <div className="row">
        <button type="button" data-testid="export" onClick={exportJson}>
          Export settings (JSON)
        </button>
        <label>
          Import settings: <input type="file" accept="application/json,.json" data-testid="import" onChange={(e) => void importJson(e.currentTarget.files?.[0])} />
        </label>
      </div>
      <p className="muted">Settings files hold sites, severities, terms and the report kind — never report text.</p>
    </main>
  );
}
