import type { UnsavedCopy } from '../../io/drafts/unsavedBackup';
import { localDateTime } from './localDateTime';

/** A draft that is gone from storage but whose last typed state this browser still holds: offered, never forced. */
export function BackupOffer({ copy, onRestore, onDiscard }: { copy: UnsavedCopy; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="apply-loading notice-box notice-warning" role="alert">
      <p>
        找到一份未保存的草稿{copy.title ? `“${copy.title}”` : ''}（最后修改 {localDateTime(copy.at)}），恢复吗？
      </p>
      <p>
        <button type="button" className="btn btn-primary" onClick={onRestore}>恢复这份草稿</button>{' '}
        <button type="button" className="btn" onClick={onDiscard}>不恢复，删除这份备份</button>
      </p>
    </div>
  );
}
