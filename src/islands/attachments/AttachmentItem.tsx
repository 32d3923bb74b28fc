import { useEffect, useId, useRef, useState } from 'react';
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

const CAPTION_DEBOUNCE_MS = 400;

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
  // The caption is saved as it is typed, with the form's rhythm (0.4 s after the last key), and at once when left.
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  const saved = useRef(meta.caption ?? '');
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const saveCaption = (text: string) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    if (text.trim() === saved.current) return;
    saved.current = text.trim();
    void state.update({ ...metaRef.current, caption: text.trim() });
  };
  const scheduleCaption = (text: string) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { text, timer: setTimeout(() => saveCaption(text), CAPTION_DEBOUNCE_MS) };
  };
  // Leaving the view (or the page hiding) must not lose the last keys typed.
  const flushRef = useRef<() => void>(() => undefined);
  flushRef.current = () => {
    if (pending.current) saveCaption(pending.current.text);
  };
  useEffect(() => {
    const flush = () => flushRef.current();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, []);
  return (
    <li className="attachment-item">
      <Thumbnail item={item} />
      <div className="attachment-info">
        <span className="attachment-name">{meta.name}</span>
        <span className="attachment-size">{formatBytes(meta.size)}</span>
        {meta.category === 'photos' && (
          <span className="attachment-caption">
            <label htmlFor={captionId}>照片说明</label>
            <span className="field-required" aria-hidden="true">必填</span>
            <input
              id={captionId}
              list={listId}
              value={caption}
              disabled={readOnly}
              placeholder="如：外景"
              maxLength={20}
              required
              onChange={(e) => {
                setCaption(e.target.value);
                scheduleCaption(e.target.value);
              }}
              onBlur={(e) => saveCaption(e.target.value)}
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
