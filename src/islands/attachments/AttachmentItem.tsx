import { useEffect, useId, useState } from 'react';
import { PHOTO_CAPTIONS } from '../../core/attachments/rules';
import { formatBytes } from '../../core/bytes';
import type { DraftAttachment } from '../../core/draft/types';
import { FilePicker } from '../FilePicker';
import type { AttachmentsState } from '../hooks/useAttachments';

function Thumbnail({ item }: { item: DraftAttachment }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!item.meta.type.startsWith('image/')) return undefined;
    const u = URL.createObjectURL(item.data);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [item]);
  if (url) return <img className="attachment-thumb" src={url} alt={item.meta.caption ? `照片：${item.meta.caption}` : `照片：${item.meta.name}`} />;
  const kind = item.meta.type.startsWith('video/') ? '视频' : item.meta.name.toLowerCase().endsWith('.pdf') ? 'PDF' : '文件';
  return <span className="attachment-thumb attachment-thumb--kind" aria-hidden="true">{kind}</span>;
}

interface Props {
  item: DraftAttachment;
  index: number;
  count: number;
  state: AttachmentsState;
  readOnly: boolean;
}

export function AttachmentItem({ item, index, count, state, readOnly }: Props) {
  const { meta } = item;
  const captionId = useId();
  const listId = useId();
  const [caption, setCaption] = useState(meta.caption ?? '');
  const name = `“${meta.name}”`;
  return (
    <li className="attachment-item">
      <Thumbnail item={item} />
      <div className="attachment-info">
        <span className="attachment-name">{meta.name}</span>
        <span className="attachment-size">{formatBytes(meta.size)}</span>
        {meta.category === 'photos' && (
          <span className="attachment-caption">
            <label htmlFor={captionId}>照片说明</label>
            <input
              id={captionId}
              list={listId}
              value={caption}
              disabled={readOnly}
              placeholder="如：外景"
              maxLength={20}
              onChange={(e) => setCaption(e.target.value)}
              onBlur={() => caption !== (meta.caption ?? '') && void state.update({ ...meta, caption: caption.trim() })}
            />
            <datalist id={listId}>{PHOTO_CAPTIONS.map((c) => <option key={c} value={c} />)}</datalist>
          </span>
        )}
      </div>
      {!readOnly && (
        <div className="attachment-actions">
          <button type="button" className="btn btn-icon" aria-label={`上移${name}`} disabled={index === 0} onClick={() => void state.move(meta, -1)}>↑</button>
          <button type="button" className="btn btn-icon" aria-label={`下移${name}`} disabled={index === count - 1} onClick={() => void state.move(meta, 1)}>↓</button>
          <FilePicker onFiles={([file]) => file && void state.replace(meta, file)}>
            替换<span className="visually-hidden">{name}</span>
          </FilePicker>
          <button type="button" className="btn btn-danger" onClick={() => void state.remove(meta.id)}>删除<span className="visually-hidden">{name}</span></button>
        </div>
      )}
    </li>
  );
}
