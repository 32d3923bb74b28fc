import { useCallback, useEffect, useRef, useState } from 'react';
import { createAutosaveScheduler, type AutosaveScheduler, type SaveState } from '../../core/draft/autosave';
import { toStoreError } from '../../io/drafts/storeError';

export type { SaveState } from '../../core/draft/autosave';

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
 * Autosave (the timing is core/draft/autosave.ts): flushed at once when the page is hidden or closed, retried
 * after a failure. A failed save never touches what is on the screen; `value` stays the source of truth until
 * it is written.
 */
export function useAutosave<T>({ value, enabled, save, onUnsaved, onSaved }: Options<T>): Autosave {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saveRef = useRef(save);
  const unsavedRef = useRef(onUnsaved);
  const savedRef = useRef(onSaved);
  const valueRef = useRef(value);
  saveRef.current = save;
  unsavedRef.current = onUnsaved;
  savedRef.current = onSaved;
  valueRef.current = value;
  const scheduler = useRef<AutosaveScheduler<T> | null>(null);
  scheduler.current ??= createAutosaveScheduler<T>({
    save: (v) => saveRef.current(v),
    onState: setState,
    describeFailure: (error) => toStoreError(error).message,
    onFailure: (v, error) => unsavedRef.current(v, error),
    onSaved: () => savedRef.current?.(),
  });
  const autosave = scheduler.current;

  // Only a new value is a change: gaining the right to edit (a takeover) is not, or this tab would hold an old
  // value as pending and ignore the other tab's last save.
  const lastSeen = useRef(value);
  useEffect(() => {
    if (lastSeen.current === value) return;
    lastSeen.current = value;
    if (enabled) autosave.change(value);
  }, [value, enabled, autosave]);

  useEffect(() => {
    if (!enabled) return undefined;
    const hide = () => {
      const pending = autosave.latest();
      if (!autosave.dirty() || pending === undefined) return;
      unsavedRef.current(pending);
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

  // Losing the right to edit (another tab took over) never drops a change typed before: write it now.
  const wasEnabled = useRef(enabled);
  useEffect(() => {
    if (wasEnabled.current && !enabled && autosave.dirty()) void autosave.flush();
    wasEnabled.current = enabled;
  }, [enabled, autosave]);

  // Stable, like flush and pending: effects that call it must not run again on every render.
  const saveNow = useCallback(() => autosave.saveNow(valueRef.current), [autosave]);
  return { state, flush: autosave.flush, saveNow, pending: autosave.pending };
}
