/**
 * `<curio-card>`: the one card explaining a finding, appended to the document body with an open shadow
 * root. Everything shown is set with textContent — host-page text never becomes HTML.
 */
import type { Category } from '../../core/types.js';
import { CATEGORY_COLOURS, CATEGORY_LABELS } from './colours';

export interface CardContent {
  ruleId: string;
  category: Category;
  message: string;
  note: string;
  standard: string;
  url: string;
  prompts: string[];
  /** The flagged text, shown as a quote (as text). */
  excerpt: string;
  fixText?: string;
}

export interface CardActions {
  fix?(): void;
  dismiss(): void;
  disableRule(): void;
  close(): void;
}

const STYLE = `
:host { all: initial; }
[role=dialog] { position: absolute; width: 360px; max-width: calc(100vw - 16px); box-sizing: border-box; background: #fff; color: #0b0c0c;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; border: 1px solid #b1b4b6; border-top: 4px solid var(--c);
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 12px 14px; pointer-events: auto; max-height: calc(100vh - 16px); overflow: auto;
  overflow-wrap: anywhere; text-align: left; }
[role=dialog]:focus { outline: none; }
p { margin: 0; }
.cat { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--c); margin: 0 0 4px; }
.msg { font-weight: 600; margin: 0 0 6px; }
.quote { margin: 0 0 8px; padding-left: 8px; border-left: 3px solid #b1b4b6; color: #505a5f; font-style: italic; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
.h { font-size: 12px; font-weight: 600; color: #505a5f; text-transform: uppercase; letter-spacing: .03em; margin: 10px 0 2px; }
.note { margin: 0 0 2px; }
.std { margin: 0; font-size: 13px; color: #505a5f; }
.std a { color: #1d70b8; text-decoration: underline; }
.std a:focus-visible { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; text-decoration: none; }
ul { margin: 0; padding-left: 18px; }
li { margin: 3px 0; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 12px; padding-top: 10px; border-top: 1px solid #e5e6e7; }
button { font: inherit; font-size: 14px; padding: 4px 10px; border: 1px solid #b1b4b6; background: #f3f2f1; color: #0b0c0c; cursor: pointer;
  border-radius: 2px; max-width: 100%; text-align: left; }
button:hover { background: #e5e6e7; }
button[data-action=fix] { background: #00703c; border-color: #00703c; color: #fff; }
button[data-action=fix]:hover { background: #005a30; }
button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 2px 0 #0b0c0c; }
button[data-action=fix]:focus-visible { background: #ffdd00; color: #0b0c0c; }
`;

/** Only web links become clickable (never `javascript:` or other schemes). */
function safeUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** Short, readable link text: the site and the last path segment, not the whole address. */
function linkText(u: URL): string {
  const host = u.hostname.replace(/^www\./, '');
  let last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    /* keep it encoded */
  }
  return last ? `${host} › ${last.replace(/[-_]+/g, ' ')}` : host;
}

export class Card {
  private host: HTMLElement | null = null;
  private dialog: HTMLElement | null = null;
  /** The mark the card belongs to. */
  owner: HTMLElement | null = null;
  private hideTimer = 0;
  /** True while focus is being handed back to the owner mark on close. */
  restoringFocus = false;

  constructor(private doc: Document) {}

  get isOpen(): boolean {
    return !!this.host;
  }

  open(content: CardContent, at: DOMRect, owner: HTMLElement, actions: CardActions): void {
    this.close(false);
    const doc = this.doc;
    this.owner = owner;
    const host = doc.createElement('curio-card');
    host.setAttribute('style', 'position:absolute!important;left:0!important;top:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important;');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', content.message);
    dialog.style.setProperty('--c', CATEGORY_COLOURS[content.category] ?? '#505a5f');
    const el = (tag: string, cls: string, text: string) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      e.textContent = text;
      return e;
    };
    dialog.append(el('p', 'cat', CATEGORY_LABELS[content.category] ?? content.category));
    dialog.append(el('p', 'msg', content.message));
    const excerpt = content.excerpt.replace(/\s+/g, ' ').trim();
    if (excerpt) {
      const q = el('p', 'quote', `“${excerpt.length > 160 ? `${excerpt.slice(0, 160)}…` : excerpt}”`);
      q.title = excerpt.slice(0, 500);
      dialog.append(q);
    }
    if (content.note) dialog.append(el('p', 'h', 'Why it matters'), el('p', 'note', content.note));
    const href = safeUrl(content.url);
    if (content.standard || href) {
      dialog.append(el('p', 'h', 'Standard'));
      const std = el('p', 'std', content.standard);
      if (href) {
        // A plain link the user may follow; Curio itself never fetches it.
        if (content.standard) std.append(doc.createTextNode(' — '));
        const a = el('a', '', linkText(href)) as HTMLAnchorElement;
        a.href = href.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.title = href.href;
        std.append(a);
      }
      dialog.append(std);
    }
    if (content.prompts.length) {
      dialog.append(el('p', 'h', 'Questions to consider'));
      const ul = doc.createElement('ul');
      for (const p of content.prompts) ul.append(el('li', '', p));
      dialog.append(ul);
    }
    const bar = el('div', 'actions', '');
    const button = (action: string, label: string, run: () => void) => {
      const b = el('button', '', label) as HTMLButtonElement;
      b.type = 'button';
      b.setAttribute('data-action', action);
      b.addEventListener('click', (e) => {
        e.preventDefault();
        run();
      });
      bar.append(b);
    };
    if (actions.fix && content.fixText !== undefined) {
      const t = content.fixText.length > 60 ? `${content.fixText.slice(0, 60)}…` : content.fixText;
      button('fix', t ? `Replace with “${t}”` : 'Apply fix', actions.fix);
    }
    button('dismiss', 'Dismiss', actions.dismiss);
    button('disable-rule', 'Turn off this check', actions.disableRule);
    dialog.append(bar);
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        actions.close();
      }
    });
    dialog.addEventListener('mouseenter', () => this.cancelHide());
    dialog.addEventListener('mouseleave', () => this.hideSoon(actions.close));
    root.append(style, dialog);
    doc.body.append(host);
    this.host = host;
    this.dialog = dialog;
    this.place(at);
  }

  /**
   * `at` is the flagged text's box (all its lines). Below the mark, or above it when only that fits; when neither does, on the roomier side with its
   * height limited to that room (it scrolls). Never over the mark, so the mark stays hoverable.
   */
  private place(at: DOMRect): void {
    if (!this.host || !this.dialog) return;
    const hostBox = this.host.getBoundingClientRect();
    const view = this.doc.defaultView!;
    const gap = 6;
    const below = view.innerHeight - at.bottom - gap - 8;
    const above = at.top - gap - 8;
    const w = this.dialog.offsetWidth || 340;
    const h = this.dialog.offsetHeight || 200;
    let top: number;
    if (h <= below || below >= above) {
      if (h > below) this.dialog.style.maxHeight = `${Math.max(120, below)}px`;
      top = at.bottom + gap;
    } else {
      if (h > above) this.dialog.style.maxHeight = `${above}px`;
      top = at.top - gap - Math.min(h, above);
    }
    const left = Math.max(8, Math.min(at.left, view.innerWidth - w - 8));
    this.dialog.style.left = `${left - hostBox.left}px`;
    this.dialog.style.top = `${top - hostBox.top}px`;
  }

  /** Moves keyboard focus into the card (first action). */
  focusFirst(): void {
    (this.dialog?.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  contains(node: EventTarget | null): boolean {
    return !!node && (node === this.host || (node instanceof Node && !!this.host?.shadowRoot?.contains(node)));
  }

  hideSoon(close: () => void, ms = 300): void {
    this.cancelHide();
    this.hideTimer = (this.doc.defaultView ?? window).setTimeout(close, ms);
  }

  cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }

  close(restoreFocus = true): void {
    this.cancelHide();
    if (!this.host) return;
    const hadFocus = this.host.shadowRoot?.activeElement;
    this.host.remove();
    this.host = null;
    this.dialog = null;
    if (restoreFocus && hadFocus && this.owner?.isConnected) {
      // Focus goes back to the mark without reopening the card (marks open it on focus).
      this.restoringFocus = true;
      try {
        this.owner.focus({ preventScroll: true });
      } finally {
        this.restoringFocus = false;
      }
    }
    this.owner = null;
  }
}
