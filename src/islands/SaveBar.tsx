import { useEffect, useRef, useState } from 'react';
import type { SaveState } from './hooks/useAutosave';
import { SaveStatus } from './SaveStatus';

/** A deleted table row, kept so that it can be put back. */
export interface RemovedRow {
  listPath: string;
  index: number;
  row: unknown;
  /** "团队成员第2行" */
  what: string;
  at: number;
}

/** How long 撤销 stays offered after a row is deleted. */
export const UNDO_MS = 20_000;

function time(d: Date): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

interface Props {
  state: SaveState;
  persistent: boolean;
  readOnly: boolean;
  /** Writes what is pending at once (the autosave's flush). */
  onSave: () => Promise<void>;
  removed: RemovedRow | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * Stays in view while the form scrolls: whether the work is stored, a 保存 button for those who look for one,
 * and 撤销 after a row was deleted.
 */
export function SaveBar({ state, persistent, readOnly, onSave, removed, onUndo, onDismiss }: Props) {
  const [saved, setSaved] = useState<Date | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!removed) return undefined;
    // Focus was on the deleted row's button, which is gone: the way back is the natural next stop.
    undoRef.current?.focus({ preventScroll: true });
    const timer = setTimeout(onDismiss, Math.max(0, removed.at + UNDO_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [removed, onDismiss]);

  async function save() {
    setSaved(null);
    await onSave();
    setSaved(new Date());
  }

  const failed = state.kind === 'failed';
  // The button's own confirmation holds only until the next change starts saving again.
  const newer = state.kind === 'saving' || (state.kind === 'saved' && state.at > (saved ?? state.at));
  const confirmation = saved && !failed && !newer ? `已保存（${time(saved)}）` : null;
  return (
    <div className="save-bar">
      <span className="save-bar__state" role="status">
        {confirmation ?? <SaveStatus state={state} persistent={persistent} />}
      </span>
      {!readOnly && persistent && (
        <button type="button" className="btn btn-small" onClick={() => void save()}>
          {failed ? '重试保存' : '保存'}
        </button>
      )}
      {removed && (
        <span className="save-bar__undo" role="status">
          已删除{removed.what}。
          <button ref={undoRef} type="button" className="btn btn-small" onClick={onUndo}>撤销</button>
        </span>
      )}
    </div>
  );
}
