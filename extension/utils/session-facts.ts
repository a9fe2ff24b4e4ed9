/**
 * Facts carried between the pages of a multi-page form (source ids, categories covered — never text), in
 * session storage so they are gone when the browser closes. Chrome allows session storage only in trusted
 * contexts, so only the background imports this; content scripts reach it by message.
 */
import { storage } from 'wxt/utils/storage';

/** Facts a multi-page form established on its earlier pages, per origin and page path. Cleared when the browser closes. */
export interface PageFacts {
  sourcesCited: string[];
  categoriesCovered: string[];
}
export const sessionFactsItem = storage.defineItem<Record<string, Record<string, PageFacts>>>('session:facts', { fallback: {} });

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
