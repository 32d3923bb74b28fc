import { draftArchiveName } from '../../core/draft/archiveName';
import type { Draft } from '../../core/draft/types';
import { announce } from '../../io/drafts/channel';
import type { DraftRepository } from '../../io/drafts/repository';
import { downloadBlob } from '../../io/download';
import { exportDraftInWorker, importDraftInWorker } from '../../io/packageClient';

// The zip work runs in the package worker (src/workers/package.worker.ts), never on the page.

/** Saves one draft, data and attachments, as a single file the user keeps (the safe copy). */
export async function exportDraftFile(repository: DraftRepository, draft: Draft): Promise<void> {
  const attachments = await repository.attachments(draft.id);
  const now = new Date().toISOString();
  const blob = await exportDraftInWorker(draft, attachments, now);
  downloadBlob(blob, draftArchiveName(draft, now));
}

/** Reads a draft file (or a plain application.json) into a new draft; nothing existing is overwritten. */
export async function importDraftFile(repository: DraftRepository, file: File): Promise<Draft> {
  const { draft, attachments } = await importDraftInWorker(file, file.name);
  await repository.add(draft, attachments);
  announce({ type: 'list-changed' });
  return draft;
}
