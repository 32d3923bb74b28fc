import { useEffect, useRef, useState } from 'react';
import { createAutosaveScheduler, type AutosaveScheduler, type SaveState } from '../../core/draft/autosave';
import { toStoreError } from '../../io/drafts/storeError';

export type { SaveState } from '../../core/draft/autosave';

interface Options<T> {
  value: T;
  enabled: boolean;
  save: (value: T) => Promise<void>;
  /** Synchronous last-chance copy when the page is hidden or closed with changes not yet written. */
  onHide: (value: T) => void;
}

/**
 * Autosave (the timing is core/draft/autosave.ts): flushed at once when the page is hidden or closed. A
 * failed save never touches what is on the screen; `value` stays the source of truth until it is written.
 */
export function useAutosave<T>({ value, enabled, save, onHide }: Options<T>): { state: SaveState; flush: () => Promise<void> } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saveRef = useRef(save);
  const hideRef = useRef(onHide);
  saveRef.current = save;
  hideRef.current = onHide;
  const scheduler = useRef<AutosaveScheduler<T> | null>(null);
  scheduler.current ??= createAutosaveScheduler<T>({
    save: (v) => saveRef.current(v),
    onState: setState,
    describeFailure: (error) => toStoreError(error).message,
  });
  const autosave = scheduler.current;

  const isFirst = useRef(true);
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    if (enabled) autosave.change(value);
  }, [value, enabled, autosave]);

  useEffect(() => {
    if (!enabled) return undefined;
    const hide = () => {
      const pending = autosave.latest();
      if (!autosave.dirty() || pending === undefined) return;
      hideRef.current(pending);
      void autosave.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', hide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', hide);
      autosave.dispose();
    };
  }, [enabled, autosave]);

  return { state, flush: autosave.flush };
}
