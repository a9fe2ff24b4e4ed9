import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { envelope, isEnvelope, onMessages, sendMessage } from '../../extension/utils/messaging';

describe('typed messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('routes a message to its handler and returns the answer', async () => {
    onMessages({ getSiteState: ({ url }) => ({ origin: new URL(url).origin, enabled: true, locked: false }) });
    expect(await sendMessage('getSiteState', { url: 'https://a.example/x' })).toEqual({ origin: 'https://a.example', enabled: true, locked: false });
  });

  it('passes async handlers through and leaves other messages to other listeners', async () => {
    onMessages({ exchangeFacts: async () => ({ sourcesCited: ['cps'], categoriesCovered: [] }) });
    onMessages({ getSiteState: () => ({ origin: 'o', enabled: false, locked: false }) });
    expect(await sendMessage('exchangeFacts', { origin: 'o', path: '/', facts: null })).toEqual({ sourcesCited: ['cps'], categoriesCovered: [] });
    expect((await sendMessage('getSiteState', { url: 'https://o/' })).origin).toBe('o');
  });

  it('ignores messages that are not Curio envelopes', async () => {
    let called = false;
    const stop = onMessages({ requestReport: () => void (called = true) });
    await fakeBrowser.runtime.sendMessage({ type: 'requestReport' }).catch(() => undefined);
    expect(called).toBe(false);
    expect(isEnvelope(envelope('requestReport', {}))).toBe(true);
    expect(isEnvelope({ curio: 2, type: 'x' })).toBe(false);
    stop();
  });
});
