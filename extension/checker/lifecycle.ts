/**
 * The part of WXT's ContentScriptContext the checker uses: timers and listeners that all stop when the
 * extension is reloaded or the script is invalidated. Extension pages (the demo) use PageLifecycle.
 */
export interface Lifecycle {
  readonly isValid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  setInterval(handler: () => void, timeout?: number): number;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  addEventListener<T extends EventTarget>(target: T, ...params: Parameters<T['addEventListener']>): void;
  onInvalidated(cb: () => void): () => void;
}

/** A Lifecycle for extension pages, torn down by `invalidate()` (or never, for a page's lifetime). */
export class PageLifecycle implements Lifecycle {
  private controller = new AbortController();
  private callbacks = new Set<() => void>();

  get isValid(): boolean {
    return !this.controller.signal.aborted;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    return window.requestAnimationFrame((t) => this.isValid && callback(t));
  }

  addEventListener<T extends EventTarget>(target: T, ...params: Parameters<T['addEventListener']>): void {
    const [type, listener, options] = params as unknown as [string, EventListenerOrEventListenerObject, AddEventListenerOptions | boolean | undefined];
    const opts = typeof options === 'boolean' ? { capture: options } : (options ?? {});
    target.addEventListener(type, listener, { ...opts, signal: this.controller.signal });
  }

  onInvalidated(cb: () => void): () => void {
    this.callbacks.add(cb);
    return () => this.callbacks.delete(cb);
  }

  invalidate(): void {
    this.controller.abort();
    for (const cb of this.callbacks) cb();
    this.callbacks.clear();
  }
}
