import { useEffect, useState } from 'react';
import type { Application } from '../core/application/types';
import { isBlankApplication } from '../core/draft/blank';
import type { Draft, DraftAttachment } from '../core/draft/types';
import type { DraftRepository } from '../io/drafts/repository';
import type { StoreError } from '../io/drafts/storeError';
import { exportDraftFile, importDraftFile, importedMessage } from './drafts/draftFiles';
import { describeError } from '../core/errors';
import { ErrorDetails } from './ErrorDetails';
import { FilePicker } from './FilePicker';

interface Props {
  title: string;
  draft: Draft;
  app: Application;
  /** The draft has attachments: it is not blank even with nothing typed. */
  hasAttachments: boolean;
  repository: DraftRepository;
  fallback: StoreError | null;
  readOnly: boolean;
  /** The attachments the page holds, for an export when the store cannot be read. */
  attachments: readonly DraftAttachment[];
  draftsUrl: string;
  onTakeOver: () => void;
}

type Message = { kind: 'error' | 'success'; text: string; details?: string | undefined; back?: { id: string; title: string } } | null;

/** The import's result, carried over the reload that opens the new draft. */
const IMPORT_NOTICE_KEY = 'lmcx-import-notice';

function takeImportNotice(): Message {
  try {
    const text = sessionStorage.getItem(IMPORT_NOTICE_KEY);
    sessionStorage.removeItem(IMPORT_NOTICE_KEY);
    return text ? (JSON.parse(text) as Message) : null;
  } catch {
    return null;
  }
}

/** The draft's title and its files: export (the safe copy, 草稿备份-….zip) and import (as a new draft). */
export function DraftBar({ title, draft, app, hasAttachments, repository, fallback, readOnly, attachments, draftsUrl, onTakeOver }: Props) {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setMessage(takeImportNotice()), []);

  async function exportNow() {
    setBusy(true);
    try {
      const missing = await exportDraftFile(repository, { ...draft, title, data: app }, attachments);
      const left = missing > 0 ? `有${missing}个附件已无法从浏览器中读取，没有包含在内，请重新添加。` : '';
      setMessage({ kind: 'success', text: `草稿文件已生成（文件名以“草稿备份”开头），请保存到电脑或U盘：换电脑或浏览器数据被清除时，可用它继续填写。它不是报送用的申报材料包。${left}` });
    } catch (error) {
      const { message: text, details } = describeError(error);
      setMessage({ kind: 'error', text: `导出失败：${text}`, details });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File) {
    setBusy(true);
    try {
      const imported = await importDraftFile(repository, file);
      // A draft nobody wrote in (the one /apply/ made on arrival) is not left behind as a stray 未命名草稿.
      const blank = !readOnly && !hasAttachments && isBlankApplication(app);
      if (blank) await repository.purge(draft.id);
      const notice: Message = { kind: 'success', text: importedMessage(file.name, imported), ...(blank ? {} : { back: { id: draft.id, title } }) };
      sessionStorage.setItem(IMPORT_NOTICE_KEY, JSON.stringify(notice));
      window.location.assign(`?d=${encodeURIComponent(imported.draft.id)}`);
    } catch (error) {
      const { message: text, details } = describeError(error);
      setMessage({ kind: 'error', text: `${text} 已有的草稿没有任何改动。`, details });
      setBusy(false);
    }
  }

  return (
    <div className="apply-bar">
      <div className="apply-bar__title">
        <h1>在线填写申报</h1>
        <p className="apply-bar__draft">
          草稿：<strong>{title}</strong> · <a href={draftsUrl}>我的申报草稿</a>
        </p>
      </div>
      <div className="apply-bar__actions">
        <button type="button" className="btn" onClick={() => void exportNow()} disabled={busy}>导出草稿文件</button>
        <FilePicker accept=".zip,.json,application/zip,application/json" disabled={busy} onFiles={([file]) => file && void importFile(file)}>
          导入草稿文件
        </FilePicker>
      </div>
      {readOnly && (
        <div className="notice-box notice-warning bar-message" role="alert">
          <p>这份草稿正在另一个标签页中编辑，本页只能查看，以免两处修改互相覆盖。本页会随另一页的保存自动更新。</p>
          <p><button type="button" className="btn" onClick={onTakeOver}>改在本页编辑</button></p>
        </div>
      )}
      {fallback && (
        <p className="notice-box notice-warning bar-message" role="alert">
          {fallback.message}
        </p>
      )}
      {message && (
        <p className={`notice-box ${message.kind === 'error' ? 'notice-error' : 'notice-success'} bar-message`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          {message.back && (
            <> <a href={`?d=${encodeURIComponent(message.back.id)}`}>返回原来的草稿“{message.back.title}”</a></>
          )}
          <ErrorDetails details={message.details} />
        </p>
      )}
    </div>
  );
}
