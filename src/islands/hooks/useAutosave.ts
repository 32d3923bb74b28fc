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
const RETRY_MS = [2000, 5000, 15000, 30000];

interface Options<T> {
  value: T;
  enabled: boolean;
  save: (value: T) => Promise<void>;
  /** Synchronous last-chance copy when the page is hidden or closed with changes not yet written. */
  onHide: (value: T) => void;
}

/**
 * Autosave: debounced, flushed at once when the page is hidden or closed, retried after a failure. A failed
 * save never touches what is on the screen; `value` stays the source of truth until it is written.
 */
export function useAutosave<T>({ value, enabled, save, onHide }: Options<T>): { state: SaveState; flush: () => Promise<void> } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(value);
  const dirty = useRef(false);
  const firstDirtyAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const failures = useRef(0);
  const saveRef = useRef(save);
  const hideRef = useRef(onHide);
  saveRef.current = save;
  hideRef.current = onHide;

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
        setState({ kind: 'saved', at: new Date() });
      })
      .catch((error: unknown) => {
        // Keep the change pending and try again later; the screen keeps what was typed.
        dirty.current = true;
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
      hideRef.current(latest.current);
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

  return { state, flush: run };
}
