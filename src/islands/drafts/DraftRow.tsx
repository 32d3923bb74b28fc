import { useId, useState } from 'react';
import type { DraftMeta } from '../../core/draft/types';
import { localDateTime } from './localDateTime';

export interface ListedDraft {
  /** The meta alone: the list never holds the drafts' data. */
  draft: DraftMeta;
  recommender: string;
  errors: number;
}


interface Props {
  item: ListedDraft;
  openUrl: string;
  onRename: (title: string) => Promise<void>;
  onDuplicate: () => Promise<void>;
  onExport: () => Promise<void>;
  onDelete: () => Promise<void>;
}

export function DraftRow({ item, openUrl, onRename, onDuplicate, onExport, onDelete }: Props) {
  const { draft, recommender, errors } = item;
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(draft.title);
  const inputId = useId();
  const name = `“${draft.title}”`;
  return (
    <tr>
      <th scope="row">
        {renaming ? (
          <form
            className="rename-form"
            onSubmit={(e) => {
              e.preventDefault();
              const next = title.trim();
              if (next === '') return;
              setRenaming(false);
              void onRename(next);
            }}
          >
            <label htmlFor={inputId}>新名称</label>
            <input id={inputId} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required />
            <button type="submit" className="btn">保存名称</button>
            <button type="button" className="btn" onClick={() => setRenaming(false)}>取消</button>
          </form>
        ) : (
          <a href={openUrl}>{draft.title}</a>
        )}
      </th>
      <td>{recommender || '—'}</td>
      <td>{localDateTime(draft.updatedAt)}</td>
      <td>
        <span className={`status-badge ${errors === 0 ? 'status--complete' : 'status--partial'}`}>{errors === 0 ? '已完成' : `还差${errors}项`}</span>
      </td>
      <td className="draft-actions">
        <a className="btn" href={openUrl}>打开<span className="visually-hidden">{name}</span></a>
        <button type="button" className="btn" onClick={() => { setTitle(draft.title); setRenaming(true); }}>重命名<span className="visually-hidden">{name}</span></button>
        <button type="button" className="btn" onClick={() => void onDuplicate()}>复制<span className="visually-hidden">{name}</span></button>
        <button type="button" className="btn" onClick={() => void onExport()}>导出<span className="visually-hidden">{name}</span></button>
        <button type="button" className="btn btn-danger" onClick={() => void onDelete()}>删除<span className="visually-hidden">{name}</span></button>
      </td>
    </tr>
  );
}
