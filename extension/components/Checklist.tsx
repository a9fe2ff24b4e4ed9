import type { Analysis, CoverageStatus } from '../../core/types.js';

const FAMILIES: { id: keyof Analysis['categories']; label: string }[] = [
  { id: 'sources', label: 'Sources of information' },
  { id: 'diversity', label: 'Diversity' },
  { id: 'mental-health', label: 'Mental health' },
  { id: 'substance-misuse', label: 'Substance misuse' },
];

/** Readable names for the core's source ids (the ids stay in data-source for tests and exports). */
export const SOURCE_LABELS: Record<string, string> = {
  cps: 'CPS case papers',
  'previous-convictions': 'Previous convictions (PNC)',
  interview: 'Interview with the person',
  oasys: 'OASys assessment',
  'domestic-abuse-check': 'Police domestic abuse check',
  'safeguarding-check': "Children's services safeguarding check",
  'victim-statement': 'Victim statement',
  'service-records': 'Probation records',
  medical: 'Medical or mental-health information',
  'substance-service': 'Drug or alcohol service',
  'third-party': 'Family or other third party',
  'equality-form': 'Equality and diversity information',
  'sentencing-guidelines': 'Sentencing guidelines',
};
const sourceName = (id: string) => SOURCE_LABELS[id] ?? id;

const STATUS_TEXT: Record<CoverageStatus, string> = { covered: 'Covered', partial: 'Partly covered', missing: 'Not yet covered' };

/** The report as a whole, from the core's analysis: what is covered, which sources are cited and expected, open questions. */
export function Checklist({ analysis, pageSources }: { analysis: Analysis | null; pageSources: string[] }) {
  if (!analysis) return <div data-testid="checklist"><p className="muted">Nothing checked yet.</p></div>;
  const cited = new Set([...analysis.sourcesCited.map((s) => s.id), ...pageSources]);
  const expected = analysis.sourcesRequired;
  const missing = expected.filter((r) => !cited.has(r.id));
  const outstanding = analysis.sourcesCited.filter((s) => s.outstanding);
  const openEvents = analysis.events.filter((e) => !e.explored);
  return (
    <div data-testid="checklist">
      <table>
        <tbody>
          {FAMILIES.map((f) => {
            const c = analysis.categories[f.id];
            return (
              <tr key={f.id} data-testid="checklist-row" data-category={f.id} data-status={c.status}>
                <th scope="row">{f.label}</th>
                <td className={c.required ? `status-${c.status}` : 'status-na'}>{c.required ? STATUS_TEXT[c.status] : 'Not expected here'}</td>
                <td className="muted">{c.reasons.slice(0, 2).join(' ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>
        Sources cited <span className="badge" data-testid="sources-cited-count">{cited.size}</span> of expected{' '}
        <span className="badge" data-testid="sources-expected-count">{expected.length}</span>
      </h3>
      {cited.size + outstanding.length + missing.length === 0 && <p className="muted">No sources cited or expected yet.</p>}
      <ul data-testid="sources">
        {[...cited].map((id) => (
          <li key={id} data-source={id} data-state="cited">✓ {sourceName(id)}{pageSources.includes(id) ? ' (ticked on the page)' : ''}</li>
        ))}
        {outstanding.map((s) => (
          <li key={`o-${s.id}`} data-source={s.id} data-state="outstanding">… {sourceName(s.id)}: requested, not yet received{s.implicationStated ? '' : ' — what does it mean for the assessment?'}</li>
        ))}
        {missing.map((r) => (
          <li key={`m-${r.id}`} data-source={r.id} data-state="missing">✗ {sourceName(r.id)}: {r.reason}</li>
        ))}
      </ul>
      <h3>
        Open curiosity prompts <span className="badge">{openEvents.length}</span>
      </h3>
      {openEvents.length ? (
        <ul>
          {openEvents.map((e, i) => (
            <li key={`${e.type}-${e.start}-${i}`}>
              <strong>{e.label}</strong>
              {e.prompts.length > 0 && <ul>{e.prompts.map((p) => <li key={p}>{p}</li>)}</ul>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None open.</p>
      )}
    </div>
  );
}
