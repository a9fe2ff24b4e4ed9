import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Card, type CardContent } from '../../extension/overlay/card';
import { ProblemList, type ProblemItem } from '../../extension/components/ProblemList';
import { Checklist } from '../../extension/components/Checklist';
import { analyse } from '../../core/index';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

function content(over: Partial<CardContent> = {}): CardContent {
  return {
    ruleId: 'language-jargon', category: 'language', message: `Could ${HOSTILE} be plainer?`, note: HOSTILE,
    standard: 'HMIP standards', url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/', prompts: [HOSTILE, 'Second?'],
    excerpt: HOSTILE, fixText: HOSTILE, ...over,
  };
}
const actions = () => ({ fix: vi.fn(), dismiss: vi.fn(), disableRule: vi.fn(), close: vi.fn() });
const dialogOf = () => document.querySelector('curio-card')!.shadowRoot!.querySelector('[role="dialog"]') as HTMLElement;

describe('the card', () => {
  afterEach(() => { document.body.innerHTML = ''; });

  it('shows message, why, standard, prompts and actions as text, never as HTML', () => {
    const owner = document.createElement('span');
    document.body.append(owner);
    new Card(document).open(content(), new DOMRect(10, 10, 50, 20), owner, actions());
    const d = dialogOf();
    expect(d.querySelector('img, b')).toBeNull();
    expect(d.textContent).toContain(HOSTILE);
    expect(d.textContent).toContain('Why it matters');
    expect(d.textContent).toContain('Questions to consider');
    expect(d.querySelectorAll('li')).toHaveLength(2);
    expect([...d.querySelectorAll('button')].map((b) => b.getAttribute('data-action'))).toEqual(['fix', 'dismiss', 'disable-rule']);
    const a = d.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.justiceinspectorates.gov.uk/hmiprobation/');
    expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('links only web addresses and offers no fix button without a fix', () => {
    const owner = document.createElement('span');
    document.body.append(owner);
    new Card(document).open(content({ url: 'javascript:alert(1)', fixText: undefined }), new DOMRect(0, 0, 10, 10), owner, { ...actions(), fix: undefined });
    const d = dialogOf();
    expect(d.querySelector('a')).toBeNull();
    expect(d.querySelector('[data-action="fix"]')).toBeNull();
  });

  it('Escape closes it and hands focus back to the mark without reopening', () => {
    const owner = document.createElement('span');
    owner.tabIndex = 0;
    document.body.append(owner);
    const card = new Card(document);
    const reopened = vi.fn();
    owner.addEventListener('focus', () => { if (!card.restoringFocus) reopened(); });
    card.open(content(), new DOMRect(0, 0, 10, 10), owner, { ...actions(), close: () => card.close() });
    card.focusFirst();
    dialogOf().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.isOpen).toBe(false);
    expect(document.activeElement).toBe(owner);
    expect(reopened).not.toHaveBeenCalled();
  });
});

describe('side panel components', () => {
  const item = (over: Partial<ProblemItem> = {}): ProblemItem => ({
    frameId: 0, fieldId: 'f1', fieldFor: '#f', ruleId: 'language-jargon', category: 'language', message: HOSTILE,
    excerpt: HOSTILE, start: 0, end: 5, revealable: true, ...over,
  });

  it('says so when there are no problems, and when nothing was checked', () => {
    expect(renderToStaticMarkup(createElement(ProblemList, { items: [], onReveal: () => {}, checked: 2 }))).toContain('No problems found');
    expect(renderToStaticMarkup(createElement(ProblemList, { items: [], onReveal: () => {}, checked: 0 }))).toContain('Nothing checked on this page yet');
  });

  it('groups problems by category with counts, escaping page text', () => {
    const html = renderToStaticMarkup(createElement(ProblemList, {
      items: [item(), item({ ruleId: 'curiosity-unexplored-event', category: 'curiosity', start: 9 }), item({ start: 20 })],
      onReveal: () => {},
    }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html.match(/data-testid="problem"/g)).toHaveLength(3);
    expect(html.match(/data-testid="category-count">(\d+)</g)).toEqual(['data-testid="category-count">2<', 'data-testid="category-count">1<']);
  });

  it('the checklist has a row per family and names sources in words', () => {
    const a = analyse('## Sources of information\n\nI interviewed him and read the CPS papers.\n\n## Offence analysis\n\nHe has a new partner with two children.');
    const html = renderToStaticMarkup(createElement(Checklist, { analysis: a, pageSources: ['oasys'] }));
    for (const f of ['sources', 'diversity', 'mental-health', 'substance-misuse']) expect(html).toContain(`data-category="${f}"`);
    expect(html).toContain('OASys assessment (ticked on the page)');
    expect(renderToStaticMarkup(createElement(Checklist, { analysis: null, pageSources: [] }))).toContain('Nothing checked yet');
  });
});
