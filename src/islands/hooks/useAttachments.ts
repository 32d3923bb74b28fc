import { useCallback, useEffect, useState } from 'react';
import { checkIncoming, headOf, type IncomingCheck } from '../../core/attachments/rules';
import type { AttachmentCategory, AttachmentMeta, DraftAttachment } from '../../core/draft/types';
import type { DraftRepository } from '../../io/drafts/repository';
import { toStoreError } from '../../io/drafts/storeError';
import { newId } from '../../core/draft/newId';

export interface AttachmentsState {
  list: DraftAttachment[];
  error: string | null;
  /** The attachment rules for a file arriving in `category` (counted against what is stored). */
  check: (category: AttachmentCategory, file: File) => Promise<IncomingCheck>;
  /** Stores the file if it passes the check; the check's result either way. */
  add: (category: AttachmentCategory, file: File, extra?: Partial<Pick<AttachmentMeta, 'caption'>>) => Promise<IncomingCheck>;
  /** 替换: the same check (the file replaced does not count), its message shown in `error`. */
  replace: (meta: AttachmentMeta, file: File) => Promise<void>;
  update: (meta: AttachmentMeta) => Promise<void>;
  remove: (id: string) => Promise<void>;
  move: (meta: AttachmentMeta, by: -1 | 1) => Promise<void>;
}

/** A file the attachment rules refuse: its message is shown as is. */
class RefusedFile extends Error {}

/** The draft's attachments, kept in the draft store as Blobs; every change is written at once. */
export function useAttachments(repository: DraftRepository, draftId: string, readOnly: boolean): AttachmentsState {
  const [list, setList] = useState<DraftAttachment[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setList(await repository.attachments(draftId));
  }, [repository, draftId]);

  useEffect(() => {
    reload().catch((e: unknown) => setError(toStoreError(e).message));
  }, [reload]);

  const guard = useCallback(
    async (work: () => Promise<void>) => {
      if (readOnly) return;
      try {
        await work();
        setError(null);
      } catch (e) {
        setError(e instanceof RefusedFile ? e.message : toStoreError(e).message);
      }
      await reload().catch(() => undefined);
    },
    [readOnly, reload],
  );

  // Always from storage, not from this render's list: several files added in a row must not share a place.
  const inCategory = async (category: AttachmentCategory) =>
    (await repository.attachments(draftId)).filter((a) => a.meta.category === category);

  const check = async (category: AttachmentCategory, file: File, replacing?: string): Promise<IncomingCheck> => {
    const there = (await inCategory(category)).filter((a) => a.meta.id !== replacing).length;
    return checkIncoming(category, { name: file.name, size: file.size, head: await headOf(file) }, there);
  };

  return {
    list,
    error,
    check: (category, file) => check(category, file).catch((e: unknown) => ({ ok: false, message: toStoreError(e).message })),
    add: async (category, file, extra = {}) => {
      if (readOnly) return { ok: true };
      const result = await check(category, file).catch((e: unknown): IncomingCheck => ({ ok: false, message: toStoreError(e).message }));
      if (!result.ok) return result;
      await guard(async () => {
        const order = Math.max(-1, ...(await inCategory(category)).map((a) => a.meta.order)) + 1;
        const meta: AttachmentMeta = {
          id: newId(),
          draftId,
          category,
          name: file.name,
          type: file.type,
          size: file.size,
          order,
          addedAt: new Date().toISOString(),
          ...extra,
        };
        // The File itself is stored: IndexedDB keeps the Blob without the page reading it into memory.
        await repository.putAttachment({ meta, data: file });
      });
      return result;
    },
    replace: (meta, file) =>
      guard(async () => {
        const result = await check(meta.category, file, meta.id);
        if (!result.ok) throw new RefusedFile(result.message);
        await repository.putAttachment({ meta: { ...meta, name: file.name, type: file.type, size: file.size, addedAt: new Date().toISOString() }, data: file });
      }),
    update: (meta) => guard(() => repository.updateAttachmentMeta(meta)),
    remove: (id) => guard(() => repository.removeAttachment(id)),
    move: (meta, by) =>
      guard(async () => {
        const siblings = (await inCategory(meta.category)).map((a) => a.meta);
        const index = siblings.findIndex((m) => m.id === meta.id);
        const target = index + by;
        if (index < 0 || target < 0 || target >= siblings.length) return;
        const [moved] = siblings.splice(index, 1);
        if (moved) siblings.splice(target, 0, moved);
        // Renumber the whole category so that positions stay distinct whatever happened before.
        for (const [order, m] of siblings.entries()) if (m.order !== order) await repository.updateAttachmentMeta({ ...m, order });
      }),
  };
}
