// AbortSignal.prototype.throwIfAborted (Chromium 100, Firefox 97, Safari 15.4), which core-js does not provide.
// Chromium before 98 has no signal.reason either: the error is then the DOMException AbortError of the spec.
if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.prototype.throwIfAborted !== 'function') {
  Object.defineProperty(AbortSignal.prototype, 'throwIfAborted', {
    configurable: true,
    writable: true,
    value(this: AbortSignal): void {
      if (!this.aborted) return;
      throw (this as { reason?: unknown }).reason ?? new DOMException('signal is aborted without reason', 'AbortError');
    },
  });
}

export {};
