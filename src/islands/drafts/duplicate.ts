import type { Draft } from '../../core/draft/types';
import type { DraftRepository } from '../../io/drafts/repository';
import { newId } from '../../core/draft/newId';

/** A copy of a draft with its attachments, under new ids, titled as a copy. */
export async function duplicateDraft(repository: DraftRepository, source: Draft): Promise<Draft> {
  const now = new Date().toISOString();
  const id = newId();
  const { deletedAt: _bin, ...meta } = source;
  const copy: Draft = { ...meta, id, title: `${source.title}（副本）`, createdAt: now, updatedAt: now, data: structuredClone(source.data) };
  const attachments = (await repository.attachments(source.id)).map((a) => ({
    meta: { ...a.meta, id: newId(), draftId: id },
    data: a.data,
  }));
  await repository.add(copy, attachments);
  return copy;
}
