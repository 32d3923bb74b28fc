import { draftArchiveName } from '../../core/draft/archiveName';
import { DraftError, type Draft, type DraftAttachment } from '../../core/draft/types';
import { announce } from '../../io/drafts/channel';
import type { DraftRepository } from '../../io/drafts/repository';
import { downloadBlob } from '../../io/download';
import { exportDraftInWorker, importDraftInWorker } from '../../io/packageClient';

// The zip work runs in the package worker (src/workers/package.worker.ts), never on the page.

/**
 * Saves one draft, data and attachments, as a single file the user keeps (the safe copy). `inMemory` is what the
 * page holds: used when the store cannot be read (its connection lost, the database deleted), so the safe copy
 * can always be made. Returns how many attachments could not be read and were left out.
 */
export async function exportDraftFile(repository: DraftRepository, draft: Draft, inMemory?: readonly DraftAttachment[]): Promise<number> {
  let attachments: readonly DraftAttachment[];
  try {
    attachments = await repository.attachments(draft.id);
  } catch (error) {
    if (inMemory === undefined) throw error;
    attachments = inMemory;
  }
  // A Blob whose stored bytes went with a deleted database cannot be read: leave it out rather than fail.
  const readable: DraftAttachment[] = [];
  for (const a of attachments) {
    try {
      await a.data.slice(0, 1).arrayBuffer();
      readable.push(a);
    } catch {
      // counted below
    }
  }
  const now = new Date().toISOString();
  const blob = await exportDraftInWorker(draft, readable, now);
  downloadBlob(blob, draftArchiveName(draft, now));
  return attachments.length - readable.length;
}

export interface ImportedDraft {
  draft: Draft;
  /** Fields of the file this version does not know, left out. */
  dropped: string[];
  /** The file was a submission package: its data became the draft, its files were not imported. */
  fromPackage: boolean;
}

/** Reads a draft file, a submission package or a plain application.json into a new draft; nothing existing is overwritten. */
export async function importDraftFile(repository: DraftRepository, file: File): Promise<ImportedDraft> {
  const { draft, attachments, dropped, fromPackage } = await importDraftInWorker(file, file.name);
  await refuseBadAttachments(file.name, attachments);
  await repository.add(draft, attachments);
  announce({ type: 'list-changed' });
  return { draft, dropped, fromPackage };
}

/** What an import did, in the words the form page and the drafts page both show. */
export function importedMessage(file: string, { draft, dropped, fromPackage }: ImportedDraft): string {
  const parts = [`已导入为新草稿：“${draft.title}”（来自“${file}”）。`];
  if (fromPackage) parts.push('这是申报材料包：已导入其中的申报表数据，可检查并重新生成PDF；视频、照片等附件未导入。');
  if (dropped.length > 0) parts.push(`文件中有本网站不认识的${dropped.length}个字段未导入：${dropped.slice(0, 8).join('、')}${dropped.length > 8 ? '等' : ''}。其余内容已完整导入。`);
  return parts.join('');
}

/** A draft file's attachments pass the same rules as a file added by hand, or nothing is imported. */
async function refuseBadAttachments(fileName: string, attachments: readonly DraftAttachment[]): Promise<void> {
  const { checkIncomingSet } = await import('../../core/attachments/rules');
  const refused = await checkIncomingSet(attachments.map(({ meta, data }) => ({ category: meta.category, name: meta.name, size: data.size, data })));
  if (refused !== null) throw new DraftError('invalid-data', `文件“${fileName}”中的附件不符合要求，无法导入：${refused}`);
}
