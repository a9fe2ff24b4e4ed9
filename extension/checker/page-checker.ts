/**
 * Finds the fields of one document, lints them as one report, and draws the results. Data flows one way:
 * field → adapter (text + offset map) → core → diagnostics → overlay/card/panel; offsets are those of the
 * text the adapter gave, mapped back to each field by subtracting where its text starts in the report.
 */
import type { Analysis, Diagnostic, LintOptions } from '../../core/types.js';
import { adapterFor } from '../adapters/index';
import type { FieldAdapter } from '../adapters/types';
import { editableFrameBody } from '../adapters/tinymce';
import { Card } from '../overlay/card';
import { Overlay, type FieldFinding } from '../overlay/overlay';
import { dismissalHash, fieldKey } from '../utils/hash';
import type { FieldReport, FrameReport } from '../utils/messaging';
import { pageSources } from '../utils/page-context';
import { lintOptions, type EffectiveSettings } from '../utils/settings';
import type { PageFacts } from '../utils/session-facts';
import { describeField, fieldLabel } from './describe';
import type { Lifecycle } from './lifecycle';
import type { CheckerServices, LintResult } from './services';

/** Quiet time after the last keystroke before re-linting. */
export const DEBOUNCE_MS = 300;
/** Between fields of one page: a blank line, so each field starts a new block for the core. */
const FIELD_SEPARATOR = '\n\n';

const CANDIDATES = 'textarea, [contenteditable]:not([contenteditable="false"]), iframe';


interface FieldSession {
  id: string;
  element: HTMLElement;
  adapter: FieldAdapter;
  overlay: Overlay;
  fieldFor: string;
  key: string;
  /** The field's visible label, the section heading of its text in the page's report. */
  label: string;
  text: string;
  /** Findings currently drawn (offsets in `text`), with their diagnostics. */
  findings: (FieldFinding & { diagnostic: Diagnostic })[];
  /** Watches a rich-text editable for any change (typing, undo, the editor setting its content). */
  watcher?: MutationObserver;
}

/** Whether Curio may check an element at all (contract: `data-curio="off"`, disabled, read-only are skipped). */
export function isEligible(el: HTMLElement): boolean {
  if (el.closest('[data-curio="off"]')) return false;
  if (el.tagName === 'TEXTAREA') {
    const ta = el as HTMLTextAreaElement;
    if (ta.disabled || ta.readOnly || ta.matches(':disabled')) return false;
  } else if (el.tagName === 'IFRAME') {
    const body = editableFrameBody(el as HTMLIFrameElement);
    if (!body || body.closest('[data-curio="off"]') || body.getAttribute('aria-readonly') === 'true') return false;
  } else {
    if (!el.isContentEditable) return false;
    if (el.getAttribute('aria-disabled') === 'true' || el.getAttribute('aria-readonly') === 'true' || el.classList.contains('ck-read-only')) return false;
  }
  if (el.getAttribute('aria-hidden') === 'true') return false;
  // Hidden source elements (CKEditor and TinyMCE hide the textarea they replace) have no boxes.
  return el.getClientRects().length > 0;
}

/** The first element after `el` (outside it) that Tab would reach, or null. */
function tabbableAfter(el: HTMLElement): HTMLElement | null {
  const doc = el.ownerDocument;
  const all = doc.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]');
  for (const c of all) {
    if (el.contains(c) || !(el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (c.tabIndex < 0 || (c as HTMLInputElement).disabled || (c as HTMLInputElement).type === 'hidden' || !c.getClientRects().length) continue;
    if (c.closest('curio-overlay, curio-card')) continue;
    return c;
  }
  return null;
}

export class PageChecker {
  private sessions: FieldSession[] = [];
  private byElement = new WeakMap<Element, FieldSession>();
  private settings: EffectiveSettings | null = null;
  private dismissed: Record<string, string[]> = {};
  private carried: PageFacts = { sourcesCited: [], categoriesCovered: [] };
  private card: Card;
  private lintTimer = 0;
  private scanTimer = 0;
  private frameQueued = false;
  private seq = 0;
  private nextId = 1;
  /** The standard each rule enforces (arrives with lint results; the core itself is not in this bundle). */
  private standards: Record<string, string> = {};
  private observer: MutationObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private lastAnalysis: Analysis | null = null;
  /** Whether this frame has reported fields (so it reports again when they are all gone). */
  private publishedFields = false;
  /** Last pass figures (exposed for the demo page and tests). */
  stats = { mainMs: 0, workerMs: 0, renderMs: 0, chars: 0 };

  constructor(
    readonly doc: Document,
    private life: Lifecycle,
    private services: CheckerServices,
    private options: { origin?: string; path?: string } = {},
  ) {
    this.card = new Card(doc);
  }

  private get origin(): string {
    return this.options.origin ?? this.doc.location?.origin ?? '';
  }
  private get path(): string {
    return this.options.path ?? this.doc.location?.pathname ?? '';
  }

  /** Starts checking; `settings` when the caller already read them (saves a slow managed-storage read). */
  async start(initial?: EffectiveSettings): Promise<void> {
    const [settings, dismissed, carried] = await Promise.all([
      initial ?? this.services.settings(),
      this.services.dismissals(),
      this.services.exchangeFacts(this.origin, this.path, null),
    ]);
    if (!this.life.isValid) return;
    this.settings = settings;
    this.dismissed = dismissed;
    this.carried = carried;
    const unwatch = this.services.onSettingsChanged(async () => {
      this.settings = await this.services.settings();
      this.dismissed = await this.services.dismissals();
      this.lintNow();
    });
    this.life.onInvalidated(unwatch);

    const view = this.doc.defaultView!;
    this.resizeObserver = new view.ResizeObserver(() => this.queuePosition());
    this.observer = new view.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'disabled', 'readonly', 'data-curio', 'style', 'class', 'hidden'] });
    this.life.onInvalidated(() => this.destroy());

    this.life.addEventListener(view, 'scroll', () => this.queuePosition(), { capture: true, passive: true });
    this.life.addEventListener(view, 'resize', () => this.queuePosition(), { passive: true });
    // Ticking a source changes the report's context.
    this.life.addEventListener(this.doc, 'change', (e: Event) => {
      if ((e.target as HTMLInputElement)?.type === 'checkbox') this.schedule(50);
    });
    this.life.addEventListener(this.doc, 'keydown', (e: Event) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.card.isOpen) this.closeCard();
      else this.onFieldTab(e as KeyboardEvent);
    });
    this.life.addEventListener(this.doc, 'mousedown', (e: Event) => {
      const target = e.composedPath()[0] ?? null;
      if (this.card.isOpen && !this.card.contains(target) && !this.isMark(target)) this.closeCard(false);
    });
    // Layout can change without a resize or scroll (content above grows); a cheap periodic check keeps
    // marks aligned.
    let lastLayout = '';
    this.life.setInterval(() => {
      // A script can set a textarea's value without an input event.
      for (const s of this.sessions) if (s.adapter.editable.tagName === 'TEXTAREA' && (s.adapter.editable as HTMLTextAreaElement).value !== s.text) this.onInput(s);
      const layout = this.sessions.map((s) => { const c = s.adapter.clip(); return `${c.left},${c.top},${c.width},${c.height}`; }).join(';');
      if (layout !== lastLayout) {
        lastLayout = layout;
        this.queuePosition();
      }
    }, 500);
    this.scan();
    this.lintNow();
  }

  // ------------------------------------------------------------------------------------------------
  // Fields

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      const t = r.target as Element;
      if (t.nodeName === 'CURIO-OVERLAY' || t.nodeName === 'CURIO-CARD') continue;
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'CURIO-OVERLAY' || n.nodeName === 'CURIO-CARD')) continue;
      this.queueScan();
      this.queuePosition();
      return;
    }
  }

  private queueScan(): void {
    if (this.scanTimer) return;
    this.scanTimer = this.life.setTimeout(() => {
      this.scanTimer = 0;
      this.scan();
    }, 150);
  }

  /** Adds new eligible fields, drops removed or no longer eligible ones. */
  scan(): void {
    let changed = false;
    for (const s of [...this.sessions]) {
      if (!s.element.isConnected || !isEligible(s.element)) {
        this.removeSession(s);
        changed = true;
      }
    }
    const inFrame = this.inSameOriginFrame();
    for (const el of this.doc.querySelectorAll<HTMLElement>(CANDIDATES)) {
      if (this.byElement.has(el)) continue;
      if (el.tagName === 'IFRAME') this.watchFrame(el as HTMLIFrameElement);
      // An editable body of a same-origin frame is checked from the parent document (TinyMCE iframe mode).
      if (inFrame && el === this.doc.body) continue;
      if (!isEligible(el)) continue;
      const adapter = adapterFor(el);
      if (!adapter) continue;
      this.addSession(el, adapter);
      changed = true;
    }
    if (changed) {
      this.sortSessions();
      this.schedule(0);
    }
  }

  private inSameOriginFrame(): boolean {
    try {
      return !!this.doc.defaultView?.frameElement;
    } catch {
      return false;
    }
  }

  /** An iframe may become an editor after it loads (TinyMCE writes its document later). */
  private watchFrame(frame: HTMLIFrameElement): void {
    if ((frame as any).__curioWatched) return;
    (frame as any).__curioWatched = true;
    this.life.addEventListener(frame, 'load', () => this.queueScan());
  }

  private addSession(el: HTMLElement, adapter: FieldAdapter): void {
    const fieldFor = describeField(el, this.sessions.length + 1);
    const session: FieldSession = {
      id: `f${this.nextId++}`,
      element: el,
      adapter,
      fieldFor,
      key: fieldKey(this.origin, this.path, fieldFor),
      label: fieldLabel(el),
      text: '',
      findings: [],
      overlay: null as unknown as Overlay,
    };
    session.overlay = new Overlay(adapter, fieldFor, {
      open: (f, mark) => this.openCard(session, f, mark),
      leave: () => this.card.hideSoon(() => this.closeCard(false)),
    });
    this.life.addEventListener(session.overlay.root, 'keydown', (e: Event) => this.onMarkKey(e as KeyboardEvent));
    this.life.addEventListener(session.overlay.root, 'focusout', (e: Event) => {
      const next = (e as FocusEvent).relatedTarget;
      if (this.card.isOpen && !this.card.contains(next) && !this.isMark(next)) this.card.hideSoon(() => this.closeCard(false), 150);
    });
    if (adapter.editable.tagName === 'TEXTAREA') {
      this.life.addEventListener(adapter.inputTarget(), 'input', () => this.onInput(session));
    } else {
      // Rich-text editors change their DOM without input events too (loading content, undo, toolbar
      // commands); observing the editable (never touching it) catches every change, typing included.
      const View = (adapter.editable.ownerDocument.defaultView ?? window) as typeof window;
      session.watcher = new View.MutationObserver(() => this.onInput(session));
      session.watcher.observe(adapter.editable, { childList: true, characterData: true, subtree: true });
    }
    for (const s of adapter.scrollers()) this.life.addEventListener(s, 'scroll', () => this.queuePosition(), { capture: true, passive: true });
    this.resizeObserver?.observe(adapter.anchor);
    this.sessions.push(session);
    this.byElement.set(el, session);
  }

  private removeSession(s: FieldSession): void {
    s.watcher?.disconnect();
    s.overlay.destroy();
    this.resizeObserver?.unobserve(s.adapter.anchor);
    this.sessions = this.sessions.filter((x) => x !== s);
    this.byElement.delete(s.element);
    if (this.card.owner && !this.card.owner.isConnected) this.closeCard(false);
  }

  /** Document order, so a report spread over several fields reads top to bottom. */
  private sortSessions(): void {
    this.sessions.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  get fieldCount(): number {
    return this.sessions.length;
  }

  // ------------------------------------------------------------------------------------------------
  // Typing

  private onInput(s: FieldSession): void {
    // Until the debounced lint runs, marks before the edit stay where they are; marks after it are
    // hidden (their text moved). Nothing is measured here, so typing costs one string comparison.
    const before = s.text;
    const after = s.adapter.read();
    s.text = after;
    if (before !== after && s.findings.length) {
      s.findings = shiftFindings(s.findings, before, after);
      s.overlay.hideFrom(commonPrefix(before, after));
      if (this.card.isOpen) this.closeCard(false);
    }
    this.schedule();
  }

  schedule(delay = DEBOUNCE_MS): void {
    if (this.lintTimer) clearTimeout(this.lintTimer);
    this.lintTimer = this.life.setTimeout(() => {
      this.lintTimer = 0;
      void this.lint();
    }, delay);
  }

  lintNow(): void {
    this.schedule(0);
  }

  private queuePosition(): void {
    if (this.frameQueued) return;
    this.frameQueued = true;
    this.life.requestAnimationFrame(() => {
      this.frameQueued = false;
      for (const s of this.sessions) s.overlay.position();
    });
  }

  // ------------------------------------------------------------------------------------------------
  // Linting

  private lintOptions(): LintOptions {
    const sources = [...new Set([...pageSources(this.doc), ...this.carried.sourcesCited])];
    const context: LintOptions['context'] = { sourcesCited: sources };
    if (this.carried.categoriesCovered.length) context.categoriesCovered = this.carried.categoriesCovered;
    return lintOptions(this.settings!, context);
  }

  /**
   * One pass: read every field, lint them as one report in the background worker, draw, publish. The
   * page's main thread only reads the fields and draws; `mainMs` is that share, `workerMs` the lint.
   */
  async lint(): Promise<void> {
    if (!this.settings || !this.life.isValid) return;
    const seq = ++this.seq;
    const t0 = performance.now();
    const texts = this.sessions.map((s) => (s.text = s.adapter.read()));
    const { text: combined, bases } = joinFields(texts, this.sessions.length > 1 ? this.sessions.map((s) => s.label) : []);
    const options = this.lintOptions();
    const readMs = performance.now() - t0;
    let result: LintResult;
    try {
      result = await this.services.lint(combined, options);
    } catch (e) {
      console.warn('[curio] lint failed', e);
      return;
    }
    // A newer pass started while this one was in the worker: its result wins.
    if (seq !== this.seq || !this.life.isValid) return;
    const t1 = performance.now();
    Object.assign(this.standards, result.standards);
    this.apply(result, texts, bases);
    const mainMs = readMs + (performance.now() - t1);
    this.lastAnalysis = result.analysis;
    // Drawing is its own task in the next frame: measured separately, stamped when the marks are in place.
    this.life.requestAnimationFrame(() => {
      if (seq !== this.seq) return;
      const t2 = performance.now();
      for (const s of this.sessions) {
        s.overlay.setFindings(s.findings);
        s.overlay.position();
      }
      const renderMs = performance.now() - t2;
      this.stats = { mainMs, workerMs: result.workerMs, renderMs, chars: combined.length };
      for (const s of this.sessions) s.overlay.stamp(this.stats);
    });
    this.publish(mainMs);
    void this.recordFacts(result.analysis);
  }

  /** Maps the report's diagnostics back to each field (drawing them is `draw`'s job). */
  private apply(result: LintResult, texts: string[], bases: number[]): void {
    const perField = splitByField(result.diagnostics, texts, bases);
    this.sessions.forEach((s, i) => {
      const dismissed = new Set(this.dismissed[s.key] ?? []);
      s.findings = perField[i]
        .filter((f) => !dismissed.has(dismissalHash(f.diagnostic.ruleId, s.text.slice(f.start, f.end))))
        .map((f) => ({
          key: `${f.diagnostic.ruleId}:${f.diagnostic.message}`,
          ruleId: f.diagnostic.ruleId,
          category: f.diagnostic.category,
          message: f.diagnostic.message,
          start: f.start,
          end: f.end,
          diagnostic: f.diagnostic,
        }));
    });
  }

  private publish(lintMs: number): void {
    if (!this.sessions.length && !this.publishedFields) return;
    this.publishedFields = this.sessions.length > 0;
    const fields: FieldReport[] = this.sessions.map((s) => ({
      fieldFor: s.fieldFor,
      fieldId: s.id,
      diagnostics: s.findings.map((f) => ({ ...f.diagnostic, start: { ...f.diagnostic.start, offset: f.start }, end: { ...f.diagnostic.end, offset: f.end }, excerpt: s.text.slice(f.start, f.end).slice(0, 80) })),
    }));
    this.services.publish({ mode: 'fields', url: this.doc.location?.href ?? '', fields, analysis: this.lastAnalysis, pageSources: pageSources(this.doc), lintMs });
  }

  /** Carries what this page established (never its text) to the form's other pages. */
  private async recordFacts(analysis: Analysis): Promise<void> {
    if (!this.sessions.length) return;
    const facts: PageFacts = {
      sourcesCited: analysis.sourcesCited.filter((c) => !c.external && !c.outstanding).map((c) => c.id).sort(),
      categoriesCovered: Object.entries(analysis.categories).filter(([, c]) => c.status === 'covered').map(([k]) => k).sort(),
    };
    const carried = await this.services.exchangeFacts(this.origin, this.path, facts);
    if (carried.sourcesCited.join() !== this.carried.sourcesCited.join() || carried.categoriesCovered.join() !== this.carried.categoriesCovered.join()) {
      this.carried = carried;
      this.schedule(0);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Card

  private isMark(node: EventTarget | null | undefined): boolean {
    return node instanceof Element && node.classList.contains('curio-mark');
  }

  private openCard(s: FieldSession, f: FieldFinding, mark: HTMLElement): void {
    if (this.card.restoringFocus) return;
    if (this.card.isOpen && this.card.owner === mark) {
      this.card.cancelHide();
      return;
    }
    const finding = s.findings.find((x) => x.start === f.start && x.end === f.end && x.ruleId === f.ruleId);
    if (!finding) return;
    const d = finding.diagnostic;
    const fix = d.fix;
    this.card.open(
      {
        ruleId: d.ruleId,
        category: d.category,
        message: d.message,
        note: d.note,
        standard: this.standards[d.ruleId] ?? '',
        url: d.url,
        prompts: d.prompts,
        excerpt: s.text.slice(finding.start, finding.end),
        fixText: fix?.text,
      },
      s.overlay.textRect(mark),
      mark,
      {
        fix: fix ? () => this.applyFix(s, finding.start, finding.end, fix) : undefined,
        dismiss: () => this.dismiss(s, finding),
        disableRule: () => this.disableRule(d.ruleId),
        close: () => this.closeCard(),
      },
    );
    s.overlay.setActive(mark);
  }

  private closeCard(restoreFocus = true): void {
    const owner = this.card.owner;
    this.card.close(restoreFocus);
    for (const s of this.sessions) if (owner) s.overlay.setActive(null);
  }

  private onMarkKey(e: KeyboardEvent): void {
    const mark = e.composedPath()[0];
    if (!this.isMark(mark)) return;
    const s = this.sessions.find((x) => x.overlay.root.contains(mark as Node));
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (this.card.owner !== mark) (mark as HTMLElement).click();
      this.card.focusFirst();
    } else if (e.key === 'Escape') {
      // Focus stays on the mark (Shift+Tab from the first mark goes back to the field): moving it into the
      // editor here would make editors such as CKEditor re-render their editable for a mere key press.
      this.closeCard();
    } else if (e.key === 'Tab' && s && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // Marks follow their field in the Tab order (their overlay lives at the end of the page): Tab walks
      // the field's marks in text order, then on to whatever follows the field; Shift+Tab back to the field.
      const list = s.overlay.visibleMarks();
      const i = list.indexOf(mark as HTMLElement);
      const next = e.shiftKey ? (i > 0 ? list[i - 1] : s.adapter.editable) : i >= 0 && i < list.length - 1 ? list[i + 1] : tabbableAfter(s.adapter.anchor);
      if (!next) return;
      e.preventDefault();
      this.closeCard(false);
      next.focus();
    }
  }

  /** Tab in a field with marks moves to its first mark, so keyboard users reach the findings next to the field. */
  private onFieldTab(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const path = e.composedPath();
    const s = this.sessions.find((x) => path.includes(x.adapter.editable) && x.adapter.editable.ownerDocument === this.doc);
    const first = s?.overlay.visibleMarks()[0];
    if (!first) return;
    e.preventDefault();
    first.focus();
  }

  private applyFix(s: FieldSession, start: number, end: number, fix: { kind: 'insert' | 'replace'; text: string }): void {
    this.closeCard(false);
    const to = fix.kind === 'insert' ? start : end;
    // The text may have changed since the lint; only apply when the span still holds what was flagged.
    const current = s.adapter.read();
    if (current !== s.text) return this.schedule(0);
    s.adapter.replace(start, to, fix.text);
    this.schedule(0);
  }

  private async dismiss(s: FieldSession, f: FieldFinding): Promise<void> {
    this.closeCard(false);
    const hash = dismissalHash(f.ruleId, s.text.slice(f.start, f.end));
    this.dismissed = { ...this.dismissed, [s.key]: [...(this.dismissed[s.key] ?? []), hash] };
    s.findings = s.findings.filter((x) => x !== f && !(x.ruleId === f.ruleId && x.start === f.start && x.end === f.end));
    s.overlay.setFindings(s.findings);
    this.publish(this.stats.mainMs);
    await this.services.dismiss(s.key, hash);
  }

  private async disableRule(ruleId: string): Promise<void> {
    this.closeCard(false);
    for (const s of this.sessions) {
      s.findings = s.findings.filter((x) => x.ruleId !== ruleId);
      s.overlay.setFindings(s.findings);
    }
    await this.services.setRuleSeverity(ruleId, 'off');
  }

  // ------------------------------------------------------------------------------------------------
  // Panel requests

  /** Selects a span of a field and scrolls to it (the panel's Problems list). */
  reveal(fieldId: string, start: number, end: number): boolean {
    const s = this.sessions.find((x) => x.id === fieldId);
    if (!s) return false;
    s.adapter.select(start, end);
    this.queuePosition();
    return true;
  }

  /** "Check this page": lints the selection or the page's main text without drawing anything. */
  async checkPage(): Promise<FrameReport> {
    const settings = this.settings ?? (await this.services.settings());
    this.settings = settings;
    const selection = this.doc.getSelection()?.toString().trim() ?? '';
    const main = this.doc.querySelector<HTMLElement>('main, [role="main"], article') ?? this.doc.body;
    const text = selection || (main?.innerText ?? '');
    const t0 = performance.now();
    const result = await this.services.lint(text, this.lintOptions());
    const report: FrameReport = {
      mode: 'page',
      url: this.doc.location?.href ?? '',
      fields: [{ fieldFor: selection ? 'selection' : 'page', fieldId: 'page', diagnostics: result.diagnostics.map((d) => ({ ...d, excerpt: text.slice(d.start.offset, d.end.offset).slice(0, 80) })) }],
      analysis: result.analysis,
      pageSources: pageSources(this.doc),
      lintMs: performance.now() - t0,
    };
    this.services.publish(report);
    return report;
  }

  /** Re-sends the latest report (the panel just opened). */
  republish(): void {
    this.publishedFields = true;
    this.publish(this.stats.mainMs);
  }

  destroy(): void {
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    this.closeCard(false);
    for (const s of [...this.sessions]) this.removeSession(s);
  }
}

/** Length of the common start of two strings (where an edit begins). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Findings of one field after an edit, before the re-lint: untouched ones keep or shift their place. */
export function shiftFindings<T extends { start: number; end: number }>(findings: T[], before: string, after: string): T[] {
  const prefix = commonPrefix(before, after);
  const max = Math.min(before.length, after.length);
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const changedEnd = before.length - suffix;
  const delta = after.length - before.length;
  const out: T[] = [];
  for (const f of findings) {
    if (f.end <= prefix) out.push(f);
    else if (f.start >= changedEnd) out.push({ ...f, start: f.start + delta, end: f.end + delta });
    // Findings overlapping the edit are dropped until the re-lint decides.
  }
  return out;
}

/**
 * The page's report: each field's text, preceded by its label as a markdown heading when the page has
 * several fields (a form's field labels are its report's section headings). `bases[i]` is where field
 * i's own text starts.
 */
export function joinFields(texts: string[], labels: string[]): { text: string; bases: number[] } {
  const parts: string[] = [];
  const bases: number[] = [];
  let pos = 0;
  texts.forEach((t, i) => {
    if (i > 0) {
      parts.push(FIELD_SEPARATOR);
      pos += FIELD_SEPARATOR.length;
    }
    const label = labels[i]?.replace(/[\r\n#]+/g, ' ').trim();
    if (label) {
      const heading = `## ${label}${FIELD_SEPARATOR}`;
      parts.push(heading);
      pos += heading.length;
    }
    bases.push(pos);
    parts.push(t);
    pos += t.length;
  });
  return { text: parts.join(''), bases };
}

/** Splits a report's diagnostics into per-field findings; offsets in a heading or separator clamp into the nearest field before. */
export function splitByField(diagnostics: Diagnostic[], texts: string[], bases: number[]): { start: number; end: number; diagnostic: Diagnostic }[][] {
  const out = texts.map(() => [] as { start: number; end: number; diagnostic: Diagnostic }[]);
  if (!texts.length) return out;
  for (const d of diagnostics) {
    const s = d.start.offset;
    let i = bases.length - 1;
    while (i > 0 && bases[i] > s) i--;
    const len = texts[i].length;
    const start = Math.min(Math.max(0, s - bases[i]), len);
    const end = Math.min(Math.max(start, d.end.offset - bases[i]), len);
    out[i].push({ start, end, diagnostic: d });
  }
  return out;
}
