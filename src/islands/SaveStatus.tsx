import type { SaveState } from './hooks/useAutosave';

function time(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
}

/** A calm line saying whether what is on the screen is safely stored. */
export function SaveStatus({ state, persistent }: { state: SaveState; persistent: boolean }) {
  if (!persistent) return <span className="save-status save-status--warn">仅保存在本页内存中</span>;
  switch (state.kind) {
    case 'idle':
      return <span className="save-status">已保存在本浏览器中</span>;
    case 'saving':
      return <span className="save-status">正在保存……</span>;
    case 'saved':
      return <span className="save-status save-status--ok">已保存（{time(state.at)}）</span>;
    case 'failed':
      return (
        <span className="save-status save-status--error">
          保存失败：{state.message}（{Math.round(state.retryInMs / 1000)}秒后自动重试）
        </span>
      );
  }
}
