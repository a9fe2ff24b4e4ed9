/**
 * One typed protocol map for every message between the content scripts, the background and the
 * extension pages. Payloads are plain data (diagnostics, analysis, fixes) so they cross any boundary.
 */
import { browser } from 'wxt/browser';
import type { Analysis, Category, Diagnostic, LintOptions } from '../../core/types.js';
import type { CheckResult } from '../../core/engine.js';
import type { PageFacts } from './session-facts';

/** A field's findings as the panel shows them. Offsets are in the field's own text. */
export interface FieldReport {
  /** The field's `data-curio-for` description. */
  fieldFor: string;
  /** An id unique within the frame, used to address the field when revealing a span. */
  fieldId: string;
  diagnostics: (Diagnostic & { excerpt: string })[];
}

/** What one frame of a tab reports: the page judged as one document. */
export interface FrameReport {
  mode: 'fields' | 'page';
  url: string;
  fields: FieldReport[];
  analysis: Analysis | null;
  /** Sources ticked on the page (`context.sourcesCited`). */
  pageSources: string[];
  lintMs: number;
  /** Set by the background from the sender. */
  frameId?: number;
}

export interface TabReport {
  tabId: number;
  frames: FrameReport[];
}

export interface SiteState {
  origin: string;
  enabled: boolean;
  /** Enabled by policy: the user cannot turn it off. */
  locked: boolean;
  /**
   * Whether the browser has granted Curio this host. A site enabled by policy still needs the user's grant
   * once (policies cannot grant optional host permissions), so the popup offers it.
   */
  granted?: boolean;
}

/** Request → response for every message type. */
export interface ProtocolMap {
  /** content → background: lint off the page's main thread. */
  lint(data: { text: string; options: LintOptions }): CheckResult & { workerMs: number; standards: Record<string, string> };
  /** content → background: the frame's latest findings (for the panel). */
  report(data: FrameReport): void;
  /** panel → background: the findings of a tab. */
  getTabReport(data: { tabId: number }): TabReport;
  /** background → panel: a tab's findings changed. */
  tabReportChanged(data: TabReport): void;
  /** panel/popup → background → content: select and scroll to a span. */
  reveal(data: { tabId: number; frameId: number; fieldId: string; start: number; end: number }): boolean;
  /** panel/popup → background → content: lint the page's main text (or selection) without underlines. */
  checkPage(data: { tabId: number }): boolean;
  /** background → content (per frame). */
  revealInFrame(data: { fieldId: string; start: number; end: number }): boolean;
  checkPageInFrame(data: Record<string, never>): boolean;
  /** background → content: push your report again (the panel just opened). */
  requestReport(data: Record<string, never>): void;
  /** content → background: record this page's facts, get those of the form's other pages (session storage). */
  exchangeFacts(data: { origin: string; path: string; facts: PageFacts | null }): PageFacts;
  /** popup → background: enable/disable the site after the popup obtained permission. */
  setSiteEnabled(data: { origin: string; enabled: boolean; tabId?: number }): SiteState;
  getSiteState(data: { url: string }): SiteState;
  /** popup → background. */
  openPanel(data: { tabId: number; windowId?: number }): void;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<T extends MessageType> = Parameters<ProtocolMap[T]>[0];
export type MessageReturn<T extends MessageType> = ReturnType<ProtocolMap[T]>;

export interface Envelope<T extends MessageType = MessageType> {
  curio: 1;
  type: T;
  data: MessageData<T>;
}

export function envelope<T extends MessageType>(type: T, data: MessageData<T>): Envelope<T> {
  return { curio: 1, type, data };
}

export function isEnvelope(msg: unknown): msg is Envelope {
  return !!msg && typeof msg === 'object' && (msg as Envelope).curio === 1 && typeof (msg as Envelope).type === 'string';
}

/** Sends to the background / extension pages. */
export async function sendMessage<T extends MessageType>(type: T, data: MessageData<T>): Promise<MessageReturn<T>> {
  return (await browser.runtime.sendMessage(envelope(type, data))) as MessageReturn<T>;
}

/** Sends to a tab's content script (one frame when `frameId` is given). */
export async function sendToTab<T extends MessageType>(tabId: number, type: T, data: MessageData<T>, frameId?: number): Promise<MessageReturn<T>> {
  const opts = frameId === undefined ? undefined : { frameId };
  return (await browser.tabs.sendMessage(tabId, envelope(type, data), opts)) as MessageReturn<T>;
}

type Handlers = { [T in MessageType]?: (data: MessageData<T>, sender: { tab?: { id?: number; windowId?: number }; frameId?: number; url?: string }) => MessageReturn<T> | Promise<MessageReturn<T>> };

/**
 * Registers handlers; messages with no handler here are left for other listeners (returning undefined
 * keeps the channel free for them). Returns the function that removes the listener.
 */
export function onMessages(handlers: Handlers): () => void {
  const listener = (msg: unknown, sender: any, sendResponse?: (r: unknown) => void) => {
    if (!isEnvelope(msg)) return undefined;
    const handler = handlers[msg.type] as ((d: unknown, s: unknown) => unknown) | undefined;
    if (!handler) return undefined;
    const result = Promise.resolve().then(() => handler(msg.data, sender));
    // Chrome keeps the channel open only for `return true` + sendResponse; test doubles take the promise.
    if (typeof sendResponse !== 'function') return result;
    result.then(sendResponse, (err) => {
      console.warn('[curio]', msg.type, err);
      sendResponse(undefined);
    });
    return true;
  };
  browser.runtime.onMessage.addListener(listener as any);
  return () => browser.runtime.onMessage.removeListener(listener as any);
}

export type { Category };
