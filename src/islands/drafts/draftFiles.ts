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

/** Reads a draft file (or a plain application.json) into a new draft; nothing existing is overwritten. */
export async function importDraftFile(repository: DraftRepository, file: File): Promise<Draft> {
  const { readDraftFile } = await import('../../core/draft/archive');
  const { draft, attachments } = await readDraftFile(file, file.name);
  await repository.add(draft, attachments);
  announce({ type: 'list-changed' });
  return draft;
}
