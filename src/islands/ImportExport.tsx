import { useId, useState } from 'react';
import { DEFAULT_MAX_BYTES, parseApplicationJson } from '../core/application/importJson';
import type { Application } from '../core/application/types';
import { downloadBlob } from '../io/download';

type Message = { kind: 'error' | 'success'; text: string } | null;

function exportName(app: Application): string {
  const name = (app.cover.studioName ?? '').replace(/[\\/:*?"<>|\s]+/g, '') || '申报表';
  const d = new Date();
  const date = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  return `${name}-申报数据-${date}.json`;
}

interface Props {
  app: Application;
  /** Whether anything has been typed: importing then replaces it, so the user confirms first. */
  hasInput: boolean;
  onImport: (app: Application) => void;
}

/** Import of a plain application JSON (the data contract's shape) and export of the current data. */
export function ImportExport({ app, hasInput, onImport }: Props) {
  const inputId = useId();
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<{ name: string; data: Application } | null>(null);

  function accept(name: string, data: Application) {
    onImport(data);
    setPending(null);
    setMessage({ kind: 'success', text: `已导入“${name}”。请在“检查申报内容”中查看是否完整。` });
  }

  async function handleFile(file: File) {
    if (file.size > DEFAULT_MAX_BYTES) {
      setMessage({ kind: 'error', text: `无法导入“${file.name}”：文件太大（超过 1 MB），申报表数据文件应为导出的 .json 文件。当前填写的内容未受影响。` });
      return;
    }
    const result = parseApplicationJson(await file.text());
    if (!result.ok) {
      setMessage({ kind: 'error', text: `无法导入“${file.name}”：${result.message} 当前填写的内容未受影响。` });
      return;
    }
    setMessage(null);
    if (hasInput) setPending({ name: file.name, data: result.data });
    else accept(file.name, result.data);
  }

  return (
    <div className="apply-bar__actions">
      <span className="file-button">
        <label className="btn" htmlFor={inputId}>导入申报数据（JSON）</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void handleFile(file);
          }}
        />
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => downloadBlob(new Blob([JSON.stringify(app, null, 2)], { type: 'application/json' }), exportName(app))}
      >
        导出申报数据
      </button>
      {pending && (
        <div className="notice-box notice-warning import-message" role="alert">
          <p>导入“{pending.name}”将替换当前已填写的内容。建议先点击“导出申报数据”保存一份。</p>
          <p>
            <button type="button" className="btn btn-primary" onClick={() => accept(pending.name, pending.data)}>替换当前内容</button>{' '}
            <button type="button" className="btn" onClick={() => setPending(null)}>取消导入</button>
          </p>
        </div>
      )}
      {message && (
        <p className={`notice-box ${message.kind === 'error' ? 'notice-error' : 'notice-success'} import-message`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
