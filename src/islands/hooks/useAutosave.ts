import { useCallback, useEffect, useRef, useState } from 'react';
import { toStoreError } from '../../io/drafts/storeError';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string; retryInMs: number };

/** Saved at most this long after the last change… */
const DEBOUNCE_MS = 400;
/** …and never later than this after the first unsaved change, however fast one types. */
const MAX_WAIT_MS = 1000;
// A fresh connection is opened for every attempt, so a retry can succeed once space is freed.
const RETRY_MS = [1000, 3000, 10000, 30000];

interface Options<T> {
  value: T;
  enabled: boolean;
  save: (value: T) => Promise<void>;
  /** Synchronous copy of changes not yet written: when the page is hidden or closed, and after a failed save (with its error). */
  onUnsaved: (value: T, error?: unknown) => void;
  /** Everything typed is stored: the synchronous copy can go. */
  onSaved?: () => void;
}

export interface Autosave {
  state: SaveState;
  flush: () => Promise<void>;
  /** Saves the current value now even if it did not change (the store lost it). */
  saveNow: () => Promise<void>;
  /** True while something typed is not yet stored. */
  pending: () => boolean;
}

/**
 * Autosave: debounced, flushed at once when the page is hidden or closed, retried after a failure. A failed
 * save never touches what is on the screen; `value` stays the source of truth until it is written.
 */
export function useAutosave<T>({ value, enabled, save, onUnsaved, onSaved }: Options<T>): Autosave {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(value);
  const dirty = useRef(false);
  const firstDirtyAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const failures = useRef(0);
  const saveRef = useRef(save);
  const unsavedRef = useRef(onUnsaved);
  const savedRef = useRef(onSaved);
  saveRef.current = save;
  unsavedRef.current = onUnsaved;
  savedRef.current = onSaved;

  const run = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return;
    dirty.current = false;
    const snapshot = latest.current;
    setState({ kind: 'saving' });
    const attempt = saveRef.current(snapshot)
      .then(() => {
        failures.current = 0;
        if (!dirty.current) savedRef.current?.();
        setState({ kind: 'saved', at: new Date() });
      })
      .catch((error: unknown) => {
        // Keep the change pending, in memory and in the synchronous copy, and try again later.
        dirty.current = true;
        unsavedRef.current(latest.current, error);
        const retryInMs = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)] ?? 30000;
        failures.current += 1;
        setState({ kind: 'failed', message: toStoreError(error).message, retryInMs });
        timer.current = setTimeout(() => void run(), retryInMs);
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    await attempt;
  }, []);

  const isFirst = useRef(true);
  useEffect(() => {
    latest.current = value;
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    if (!enabled) return;
    if (!dirty.current) firstDirtyAt.current = Date.now();
    dirty.current = true;
    clearTimeout(timer.current);
    const waited = Date.now() - firstDirtyAt.current;
    timer.current = setTimeout(() => void run(), Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited)));
  }, [value, enabled, run]);

  useEffect(() => {
    if (!enabled) return undefined;
    const hide = () => {
      if (!dirty.current) return;
      unsavedRef.current(latest.current);
      void run();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', hide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', hide);
      clearTimeout(timer.current);
    };
  }, [enabled, run]);

  // Losing the right to edit (another tab took over) never drops a change typed before: write it now.
  const wasEnabled = useRef(enabled);
  useEffect(() => {
    if (wasEnabled.current && !enabled && dirty.current) void run();
    wasEnabled.current = enabled;
  }, [enabled, run]);

  const saveNow = useCallback(() => {
    dirty.current = true;
    return run();
  }, [run]);
  const pending = useCallback(() => dirty.current || inFlight.current !== null, []);

  return { state, flush: run, saveNow, pending };
}
