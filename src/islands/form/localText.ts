// rjsf re-renders the whole form on every change (its issues #3715, #4695): with an 8,000-character text or a
// table of 30 rows, a keystroke on a slow PC then takes longer than a frame. Long texts and table cells therefore
// keep what is typed in the widget and hand it to the form after a short pause, when the field is left, and —
// through commitPendingTexts — when the section changes and before the page is hidden or closed.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** The pause after the last keystroke before the text goes to the form (and from there to autosave). */
export const COMMIT_PAUSE_MS = 150;

/** The commits of the widgets holding text the form has not seen yet. */
const pending = new Set<(sync?: boolean) => void>();

/** Hands every text typed and not yet committed to the form at once, synchronously (the page is being hidden). */
export function commitPendingTexts(): void {
  for (const commit of [...pending]) commit();
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

/** How many of a widget's own commits are recognised when the form hands them back (late, or out of order). */
const REMEMBERED_COMMITS = 20;

/**
 * The widget's own copy of its text. `value` is the form's; when it changes to something this widget did not
 * commit (an undo, text cleaned on the way in) and nothing typed is pending, the copy follows it. A render with
 * an older value (the form's transition not committed yet) or one of this widget's earlier commits handed back
 * late changes nothing: what was typed since is never replaced by an older text.
 */
export function useLocalText(value: string, onCommit: (text: string) => void): LocalText {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  /** This widget's recent commits, newest last. */
  const ours = useRef<string[]>([value]);
  const committed = useRef(value);
  const typed = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onCommitRef = useRef(onCommit);
  useLayoutEffect(() => {
    onCommitRef.current = onCommit;
  });

  // Synchronous (flushSync): when it returns, the form has the text and has reported it to the editor. A commit
  // left in flight (a transition, a batched update) would be dropped if its section went or the page closed
  // before React rendered it.
  const commitNow = useCallback((sync = true) => {
    clearTimeout(timer.current);
    pending.delete(commitNow);
    const next = typed.current;
    typed.current = null;
    if (next === null || next === committed.current) return;
    committed.current = next;
    ours.current = [...ours.current.slice(1 - REMEMBERED_COMMITS), next];
    if (sync) flushSync(() => onCommitRef.current(next));
    else onCommitRef.current(next);
  }, []);

  const change = useCallback(
    (next: string) => {
      setText(next);
      typed.current = next;
      pending.add(commitNow);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commitNow(), COMMIT_PAUSE_MS);
    },
    [commitNow],
  );

  // The form's value changed: if to a text of its own (not one this widget committed) and nothing typed here is
  // pending, show it; with something pending, the next commit replaces it, as typing into a controlled field would.
  if (value !== seen) {
    setSeen(value);
    if (typed.current === null && !ours.current.includes(value)) {
      ours.current = [value];
      committed.current = value;
      setText(value);
    }
  }

  // Last resort when the widget goes with text pending (the hash change and blur commit before): React cannot
  // flush synchronously while it unmounts.
  useEffect(() => () => commitNow(false), [commitNow]);
  return { text, change, commit: () => commitNow() };
}
