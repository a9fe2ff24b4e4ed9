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
[role=dialog] { position: absolute; width: 340px; max-width: calc(100vw - 16px); box-sizing: border-box; background: #fff; color: #0b0c0c;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; border: 1px solid #b1b4b6; border-top: 4px solid var(--c);
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 12px 14px; pointer-events: auto; max-height: calc(100vh - 16px); overflow: auto; }
.cat { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--c); margin: 0 0 4px; }
.msg { font-weight: 600; margin: 0 0 6px; }
.quote { margin: 0 0 6px; color: #505a5f; font-style: italic; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.note { margin: 0 0 6px; }
.std { margin: 0 0 8px; font-size: 13px; color: #505a5f; word-break: break-word; }
ul { margin: 0 0 10px; padding-left: 18px; }
li { margin: 2px 0; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; }
button { font: inherit; font-size: 14px; padding: 4px 10px; border: 1px solid #b1b4b6; background: #f3f2f1; color: #0b0c0c; cursor: pointer; border-radius: 2px; }
button[data-action=fix] { background: #00703c; border-color: #00703c; color: #fff; }
button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 2px 0 #0b0c0c; }
`;

export class Card {
  private host: HTMLElement | null = null;
  private dialog: HTMLElement | null = null;
  /** The mark the card belongs to. */
  owner: HTMLElement | null = null;
  private hideTimer = 0;

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
    if (content.excerpt.trim()) dialog.append(el('p', 'quote', `“${content.excerpt.trim().slice(0, 120)}”`));
    if (content.note) dialog.append(el('p', 'note', content.note));
    const std = [content.standard, content.url].filter(Boolean).join(' — ');
    if (std) dialog.append(el('p', 'std', std));
    if (content.prompts.length) {
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
    if (actions.fix && content.fixText !== undefined) button('fix', content.fixText ? `Replace with “${content.fixText}”` : 'Apply fix', actions.fix);
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
   * Below the mark, or above it when only that fits; when neither does, on the roomier side with its
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
    if (restoreFocus && hadFocus && this.owner?.isConnected) this.owner.focus({ preventScroll: true });
    this.owner = null;
  }
}
