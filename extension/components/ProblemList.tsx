import { CATEGORY_COLOURS, CATEGORY_LABELS } from '../overlay/colours';
import type { Category } from '../../core/types.js';
import type { FrameReport } from '../utils/messaging';

export interface ProblemItem {
  frameId: number;
  fieldId: string;
  fieldFor: string;
  ruleId: string;
  category: Category;
  message: string;
  excerpt: string;
  start: number;
  end: number;
  revealable: boolean;
}

/** Flattens a tab's frame reports into one list (the page is one report). */
export function problemsOf(frames: FrameReport[]): ProblemItem[] {
  return frames.flatMap((fr) =>
    fr.fields.flatMap((field) =>
      field.diagnostics.map((d) => ({
        frameId: fr.frameId ?? 0,
        fieldId: field.fieldId,
        fieldFor: field.fieldFor,
        ruleId: d.ruleId,
        category: d.category,
        message: d.message,
        excerpt: d.excerpt,
        start: d.start.offset,
        end: d.end.offset,
        revealable: fr.mode === 'fields',
      })),
    ),
  );
}

/** Problems grouped by category with counts; clicking one selects its span in the page. */
export function ProblemList({ items, onReveal, checked = 1 }: { items: ProblemItem[]; onReveal(item: ProblemItem): void; checked?: number }) {
  if (!items.length) {
    return (
      <p className="muted" data-testid="no-problems">
        {checked
          ? 'No problems found in the checked text.'
          : 'Nothing checked on this page yet. Turn Curio on for this site from the toolbar button, or use “Check this page” to read it once.'}
      </p>
    );
  }
  const groups = new Map<Category, ProblemItem[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return (
    <div data-testid="problems">
      {[...groups].map(([category, list]) => (
        <section key={category} data-category={category}>
          <h3>
            <span className="swatch" style={{ background: CATEGORY_COLOURS[category] }} />
            {CATEGORY_LABELS[category] ?? category} <span className="badge" data-testid="category-count">{list.length}</span>
          </h3>
          <ul className="plain">
            {list.map((p, i) => (
              <li key={`${p.frameId}-${p.fieldId}-${p.ruleId}-${p.start}-${i}`}>
                <button
                  type="button"
                  className="problem"
                  data-testid="problem"
                  data-rule-id={p.ruleId}
                  style={{ ['--c' as string]: CATEGORY_COLOURS[p.category] }}
                  onClick={() => onReveal(p)}
                >
                  {p.message}
                  {p.excerpt.trim() && <span className="quote">“{p.excerpt.trim()}”</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
