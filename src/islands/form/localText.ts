// rjsf re-renders the whole form on every change (its issues #3715, #4695): with an 8,000-character text or a
// table of 30 rows, a keystroke on a slow PC then takes longer than a frame. Long texts and table cells therefore
// keep what is typed in the widget and hand it to the form after a short pause (in a transition, which a next
// keystroke interrupts), when the field is left, and — through commitPendingTexts — before the page is hidden or
// closed and before the editor reports whether anything is unsaved.
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** The pause after the last keystroke before the text goes to the form (and from there to autosave). */
export const COMMIT_PAUSE_MS = 150;

/** The commits of the widgets holding text the form has not seen yet. */
const pending = new Set<() => void>();

/** Hands every text typed and not yet committed to the form at once, synchronously (the page is being hidden). */
export function commitPendingTexts(): void {
  if (pending.size === 0) return;
  flushSync(() => {
    for (const commit of [...pending]) commit();
  });
}

/** True while some widget holds text the form has not seen. */
export function hasPendingTexts(): boolean {
  return pending.size > 0;
}

interface LocalText {
  text: string;
  /** The widget's onChange: shows the text at once, commits it after the pause. */
  change: (text: string) => void;
  /** Commits now (on blur). */
  commit: () => void;
}

/**
 * The widget's own copy of its text. `value` is the form's; when it changes to something other than what this
 * widget committed (an undo, text cleaned on the way in), the copy follows it.
 */
export function useLocalText(value: string, onCommit: (text: string) => void): LocalText {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const typed = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onCommitRef = useRef(onCommit);
  useLayoutEffect(() => {
    onCommitRef.current = onCommit;
  });

  const commitNow = useCallback(() => {
    clearTimeout(timer.current);
    pending.delete(commitNow);
    const next = typed.current;
    typed.current = null;
    if (next === null || next === committed.current) return;
    committed.current = next;
    onCommitRef.current(next);
  }, []);

  const change = useCallback(
    (next: string) => {
      setText(next);
      typed.current = next;
      pending.add(commitNow);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => startTransition(commitNow), COMMIT_PAUSE_MS);
    },
    [commitNow],
  );

  // The form's value moved on without this widget: show it (nothing typed here is pending then, or it is dropped
  // in favour of the form's, as a controlled field would).
  if (value !== committed.current && typed.current === null) {
    committed.current = value;
    setText(value);
  }

  // Leaving the page's form (another section, the review page) commits what is left.
  useEffect(() => commitNow, [commitNow]);
  return { text, change, commit: commitNow };
}
