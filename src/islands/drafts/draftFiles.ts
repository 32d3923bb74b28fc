import type { Draft } from '../../core/draft/types';
import { announce } from '../../io/drafts/channel';
import type { DraftRepository } from '../../io/drafts/repository';
import { downloadBlob } from '../../io/download';

// jszip and the archive code load only when a file is exported or imported, never with the form.

/** Saves one draft, data and attachments, as a single file the user keeps (the safe copy). */
export async function exportDraftFile(repository: DraftRepository, draft: Draft): Promise<void> {
  const { buildDraftArchive, draftArchiveName } = await import('../../core/draft/archive');
  const attachments = await repository.attachments(draft.id);
  const now = new Date().toISOString();
  const blob = await buildDraftArchive(draft, attachments, now);
  downloadBlob(blob, draftArchiveName(draft, now));
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
  const { readDraftFile } = await import('../../core/draft/archive');
  const { draft, attachments, dropped, fromPackage } = await readDraftFile(file, file.name);
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
