/**
 * What the page itself says about the report: ticked "sources of information" checkboxes become
 * `context.sourcesCited`. The labels of such lists are short and conventional, so a small table of
 * cues per canonical source id is enough; unknown labels are ignored rather than guessed.
 */
import { SOURCE_IDS, type SourceId } from '../../core/types.js';

const SOURCE_CUES: [SourceId, RegExp][] = [
  ['cps', /\b(cps|crown prosecution|prosecution (papers|case|summary|bundle)|case summary|mg ?5|witness statements?|police summary)\b/i],
  ['previous-convictions', /\b(previous convictions?|pnc|criminal record|antecedents?|police national computer)\b/i],
  ['interview', /\binterview(s|ed)?\b/i],
  ['oasys', /\b(oasys|ogrs|ovp|osp|rsr|sara|risk predictor)/i],
  ['domestic-abuse-check', /\b(domestic (abuse|violence)|da (check|enquir))/i],
  ['safeguarding-check', /\b(safeguarding|children'?s services|social care|mash|local authority)\b/i],
  ['victim-statement', /\bvictim\b.*\bstatement\b|\bvictim (personal|impact)\b/i],
  ['service-records', /\b(probation records?|ndelius|delius|previous (psr|supervision|pre-sentence)|prison records?|case records?)\b/i],
  ['medical', /\b(medical|gp|psychiatri|psycholog|cmht|mental health (report|team|service)|liaison and diversion|health records?)/i],
  ['substance-service', /\b(drug|alcohol|substance)\b.*\b(service|test|screening|team|worker)s?\b|\bdrug tests?\b/i],
  ['third-party', /\b(family|partner|employer|housing|college|school|third[- ]party|other agenc)/i],
  ['equality-form', /\bequalit(y|ies)\b/i],
  ['sentencing-guidelines', /\bsentencing (council|guidelines?)\b/i],
];

/** Canonical source id named by a checkbox label, if any. */
export function sourceForLabel(label: string): SourceId | null {
  for (const [id, cue] of SOURCE_CUES) if (cue.test(label)) return id;
  return null;
}

const GROUP_LABEL = /sources? of information|information sources|sources used/i;

function labelText(box: HTMLInputElement): string {
  const doc = box.ownerDocument;
  const labels = box.labels ? [...box.labels] : [];
  if (!labels.length && box.id) labels.push(...(doc.querySelectorAll(`label[for="${CSS.escape(box.id)}"]`) as NodeListOf<HTMLLabelElement>));
  const text = labels.map((l) => l.textContent ?? '').join(' ');
  return (text || box.getAttribute('aria-label') || box.value || '').replace(/\s+/g, ' ').trim();
}

function inSourcesGroup(box: HTMLInputElement): boolean {
  for (let el: Element | null = box.parentElement; el; el = el.parentElement) {
    if (el.tagName === 'FIELDSET') {
      const legend = el.querySelector(':scope > legend');
      if (legend && GROUP_LABEL.test(legend.textContent ?? '')) return true;
    }
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy && (el.getAttribute('role') === 'group' || el.tagName === 'FIELDSET')) {
      const text = labelledBy.split(/\s+/).map((id) => el!.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
      if (GROUP_LABEL.test(text)) return true;
    }
    const aria = el.getAttribute('aria-label');
    if (aria && GROUP_LABEL.test(aria)) return true;
  }
  return false;
}

/** Source ids ticked in any "sources of information" checkbox group of the document. */
export function pageSources(doc: Document): SourceId[] {
  const out = new Set<SourceId>();
  for (const box of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    if (!inSourcesGroup(box)) continue;
    // Forms built on the canonical ids say so in the value; otherwise the label says which source it is.
    const id = (SOURCE_IDS as readonly string[]).includes(box.value) ? (box.value as SourceId) : sourceForLabel(labelText(box));
    if (id) out.add(id);
  }
  return [...out];
}
