import { useCallback, useEffect, useMemo, useState } from 'react';
import { emptyApplication } from '../../core/application/schema';
import { describeError } from '../../core/errors';
import type { NoticeContext } from '../../core/application/types';
import { newDraft } from '../../core/draft/restore';
import { announce, listen } from '../../io/drafts/channel';
import { openRepository, type OpenedRepository } from '../../io/drafts/openRepository';
import { toStoreError } from '../../io/drafts/storeError';
import { clearUnsaved, listUnsaved, type UnsavedCopy } from '../../io/drafts/unsavedBackup';
import { BackupOffer } from './BackupOffer';
import { exportDraftFile, importDraftFile, importedMessage } from './draftFiles';
import { DraftRow, type ListedDraft } from './DraftRow';
import { duplicateDraft } from './duplicate';
import { listDrafts } from './listing';
import { StorageNote } from './StorageNote';
import { FilePicker } from '../FilePicker';
import { ErrorDetails } from '../ErrorDetails';
import { UpdateNotice } from '../UpdateNotice';
import { newId } from '../../core/draft/newId';

interface Props {
  noticeYear: number;
  noticeDate: string;
  applyUrl: string;
}

type Message = { kind: 'error' | 'success'; text: string; details?: string | undefined; undo?: () => void } | null;

/** 我的申报草稿: every draft in this browser, newest change first, with a recycle bin. */
export default function DraftsApp({ noticeYear, noticeDate, applyUrl }: Props) {
  const ctx: NoticeContext = useMemo(() => ({ noticeYear, noticeDate }), [noticeYear, noticeDate]);
  const [opened, setOpened] = useState<OpenedRepository | null>(null);
  const [listed, setListed] = useState<ListedDraft[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [message, setMessage] = useState<Message>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [orphans, setOrphans] = useState<UnsavedCopy[]>([]);

  const refresh = useCallback(async (repo: OpenedRepository) => {
    const listing = await listDrafts(repo.repository, ctx);
    setListed(listing.items.sort((a, b) => b.draft.updatedAt.localeCompare(a.draft.updatedAt)));
    // Copies of drafts no longer in storage (the database was deleted or cleared): offered, not applied.
    const ids = new Set(listing.items.map((d) => d.draft.id));
    setOrphans(listUnsaved().filter((c) => !ids.has(c.draftId)));
    setUnreadable(listing.unreadable);
    setRefreshKey((k) => k + 1);
  }, [ctx]);

  useEffect(() => {
    let stop = () => undefined as void;
    void openRepository()
      .then(async (repo) => {
        setOpened(repo);
        await refresh(repo);
        stop = listen(() => void refresh(repo));
      })
      .catch((error: unknown) => setMessage({ kind: 'error', text: toStoreError(error).message }));
    return () => stop();
  }, [refresh]);

  if (!opened || listed === null) {
    return message ? <p className="notice-box notice-error" role="alert">{message.text}</p> : <p role="status" data-booting="">正在读取草稿……</p>;
  }
  const { repository, fallback } = opened;

  async function act(work: () => Promise<Message>) {
    try {
      setMessage(await work());
    } catch (error) {
      const { message: text, details } = describeError(error);
      setMessage({ kind: 'error', text: `${text} 已有的草稿没有任何改动。`, details });
    }
    await refresh(opened as OpenedRepository);
    announce({ type: 'list-changed' });
  }

  const open = (id: string) => `${applyUrl}?d=${encodeURIComponent(id)}`;
  const active = listed.filter((d) => d.draft.deletedAt === undefined);
  const bin = listed.filter((d) => d.draft.deletedAt !== undefined);

  return (
    <div className="drafts">
      <UpdateNotice />
      <div className="drafts-head">
        <h1>我的申报草稿</h1>
        <div className="apply-bar__actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              void act(async () => {
                const draft = newDraft(emptyApplication(), new Date().toISOString(), newId());
                await repository.add(draft);
                window.location.assign(open(draft.id));
                return null;
              })
            }
          >
            ＋ 新建草稿
          </button>
          <FilePicker
            accept=".zip,.json,application/zip,application/json"
            onFiles={([file]) =>
              file &&
              void act(async () => {
                const imported = await importDraftFile(repository, file);
                return { kind: 'success', text: importedMessage(file.name, imported) };
              })
            }
          >
            导入草稿文件
          </FilePicker>
        </div>
      </div>
      {fallback && <p className="notice-box notice-warning" role="alert">{fallback.message}</p>}
      {message && (
        <p className={`notice-box ${message.kind === 'error' ? 'notice-error' : 'notice-success'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          <ErrorDetails details={message.details} />
          {message.undo && (
            <>
              {' '}
              <button type="button" className="btn" onClick={message.undo}>撤销</button>
            </>
          )}
        </p>
      )}
      {orphans.map((copy) => (
        <BackupOffer
          key={copy.draftId}
          copy={copy}
          onRestore={() => window.location.assign(open(copy.draftId))}
          onDiscard={() => void act(async () => {
            clearUnsaved(copy.draftId);
            return { kind: 'success', text: '已删除这份未保存的草稿。' };
          })}
        />
      ))}
      {unreadable > 0 && (
        <p className="notice-box notice-warning">有{unreadable}份草稿无法读取（可能由更新版本的网站保存），已保留在浏览器中，未显示。</p>
      )}

      {active.length === 0 ? (
        <p className="drafts-empty">还没有草稿。点击“新建草稿”开始填写，或导入以前导出的草稿文件。</p>
      ) : (
        <div className="table-scroll">
          <table className="drafts-table">
            <caption className="visually-hidden">草稿列表，按最后修改时间排列</caption>
            <thead>
              <tr>
                <th scope="col">草稿名称</th>
                <th scope="col">推荐单位</th>
                <th scope="col">最后修改</th>
                <th scope="col">完成情况</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {active.map((item) => (
                <DraftRow
                  key={item.draft.id}
                  item={item}
                  openUrl={open(item.draft.id)}
                  onRename={(title) => act(async () => {
                    await repository.rename(item.draft.id, title);
                    announce({ type: 'renamed', draftId: item.draft.id, title });
                    return { kind: 'success', text: `已改名为“${title}”。` };
                  })}
                  onDuplicate={() => act(async () => {
                    const copy = await duplicateDraft(repository, await repository.get(item.draft.id));
                    return { kind: 'success', text: `已复制为“${copy.title}”。` };
                  })}
                  onExport={() => act(async () => {
                    await exportDraftFile(repository, await repository.get(item.draft.id));
                    return { kind: 'success', text: `“${item.draft.title}”的草稿文件已生成。` };
                  })}
                  onDelete={() => act(async () => {
                    await repository.moveToBin(item.draft.id, new Date().toISOString());
                    return {
                      kind: 'success',
                      text: `“${item.draft.title}”已移到回收站。`,
                      undo: () => void act(async () => {
                        await repository.restoreFromBin(item.draft.id);
                        return { kind: 'success', text: `已恢复“${item.draft.title}”。` };
                      }),
                    };
                  })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {bin.length > 0 && (
        <section className="drafts-bin" aria-labelledby="bin-title">
          <h2 id="bin-title">回收站（{bin.length}）</h2>
          <ul>
            {bin.map(({ draft }) => (
              <li key={draft.id}>
                <span>{draft.title}</span>
                <button type="button" className="btn" onClick={() => void act(async () => {
                  await repository.restoreFromBin(draft.id);
                  return { kind: 'success', text: `已恢复“${draft.title}”。` };
                })}>恢复<span className="visually-hidden">“{draft.title}”</span></button>
                <PurgeButton title={draft.title} onConfirm={() => void act(async () => {
                  await repository.purge(draft.id);
                  // The synchronous copy holds the same personal data (names, phones): it goes too.
                  clearUnsaved(draft.id);
                  return { kind: 'success', text: `已永久删除“${draft.title}”。` };
                })} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <StorageNote persistent={repository.persistent} refreshKey={refreshKey} />
    </div>
  );
}

function PurgeButton({ title, onConfirm }: { title: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-danger" onClick={() => setAsking(true)}>
        永久删除<span className="visually-hidden">“{title}”</span>
      </button>
    );
  }
  return (
    <span role="group" aria-label={`确认永久删除“${title}”`}>
      永久删除后无法恢复，确定吗？{' '}
      <button type="button" className="btn btn-danger" onClick={onConfirm}>确定永久删除</button>{' '}
      <button type="button" className="btn" onClick={() => setAsking(false)}>取消</button>
    </span>
  );
}
