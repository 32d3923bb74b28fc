// When a draft is written: debounced after each change, never later than MAX_WAIT_MS after the first
// unsaved one, one write at a time, retried with growing pauses after a failure. A failed save keeps the
// change pending; the value on the screen stays the source of truth until it is written.

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string; retryInMs: number };

/** Saved at most this long after the last change… */
export const DEBOUNCE_MS = 400;
/** …and never later than this after the first unsaved change, however fast one types. */
export const MAX_WAIT_MS = 1000;
// Each attempt opens a fresh connection when the last one failed, so a retry can succeed once space is freed.
export const RETRY_MS = [1000, 3000, 10000, 30000] as const;

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<void>;
  onState: (state: SaveState) => void;
  /** The Chinese message of a failed save. */
  describeFailure: (error: unknown) => string;
  /** A save failed: the value is still pending (keep a synchronous copy of it). */
  onFailure?: (value: T, error: unknown) => void;
  /** Everything given so far is written. */
  onSaved?: () => void;
}

export interface AutosaveScheduler<T> {
  /** A new value to save. */
  change: (value: T) => void;
  /** Write what is pending now; resolves when no write is under way. */
  flush: () => Promise<void>;
  /** Write this value now even if it did not change (the store lost it). */
  saveNow: (value: T) => Promise<void>;
  /** Whether something given is not yet written (pending or being written). */
  pending: () => boolean;
  /** Whether a change is not yet written. */
  dirty: () => boolean;
  /** The newest value given. */
  latest: () => T | undefined;
  /** Stop every timer (the page is going away). */
  dispose: () => void;
}

export function createAutosaveScheduler<T>({ save, onState, describeFailure, onFailure, onSaved }: AutosaveOptions<T>): AutosaveScheduler<T> {
  let latest: T | undefined;
  let dirty = false;
  let firstDirtyAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let failures = 0;

  const run = async (): Promise<void> => {
    clearTimeout(timer);
    if (inFlight) await inFlight;
    if (!dirty) return;
    dirty = false;
    const snapshot = latest as T;
    onState({ kind: 'saving' });
    const attempt = save(snapshot)
      .then(() => {
        failures = 0;
        if (!dirty) onSaved?.();
        onState({ kind: 'saved', at: new Date() });
      })
      .catch((error: unknown) => {
        dirty = true;
        onFailure?.(latest as T, error);
        const retryInMs = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 30000;
        failures += 1;
        onState({ kind: 'failed', message: describeFailure(error), retryInMs });
        timer = setTimeout(() => void run(), retryInMs);
      })
      .finally(() => {
        inFlight = null;
      });
    inFlight = attempt;
    await attempt;
  };

  return {
    change(value) {
      latest = value;
      if (!dirty) firstDirtyAt = Date.now();
      dirty = true;
      clearTimeout(timer);
      const waited = Date.now() - firstDirtyAt;
      timer = setTimeout(() => void run(), Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited)));
    },
    flush: run,
    saveNow(value) {
      latest = value;
      dirty = true;
      return run();
    },
    pending: () => dirty || inFlight !== null,
    dirty: () => dirty,
    latest: () => latest,
    dispose: () => clearTimeout(timer),
  };
}
