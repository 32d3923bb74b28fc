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

/** Reads a draft file (or a plain application.json) into a new draft; nothing existing is overwritten. */
export async function importDraftFile(repository: DraftRepository, file: File): Promise<Draft> {
  const { draft, attachments } = await importDraftInWorker(file, file.name);
  await refuseBadAttachments(file.name, attachments);
  await repository.add(draft, attachments);
  announce({ type: 'list-changed' });
  return draft;
}

/** A draft file's attachments pass the same rules as a file added by hand, or nothing is imported. */
async function refuseBadAttachments(fileName: string, attachments: readonly DraftAttachment[]): Promise<void> {
  const { checkIncomingSet } = await import('../../core/attachments/rules');
  const refused = await checkIncomingSet(attachments.map(({ meta, data }) => ({ category: meta.category, name: meta.name, size: data.size, data })));
  if (refused !== null) throw new DraftError('invalid-data', `文件“${fileName}”中的附件不符合要求，无法导入：${refused}`);
}
