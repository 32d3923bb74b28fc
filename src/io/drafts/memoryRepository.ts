import type { Application } from '../../core/application/types';
import type { Draft, DraftAttachment } from '../../core/draft/types';
import { metaAfterSave, type DraftRepository, type SaveMeta } from './repository';
import { StoreError } from './storeError';

/** Drafts in memory only: used when IndexedDB is unavailable; gone when the page closes. */
export function memoryRepository(): DraftRepository {
  const drafts = new Map<string, Draft>();
  const files = new Map<string, DraftAttachment[]>();
  const need = (id: string): Draft => {
    const draft = drafts.get(id);
    if (!draft) throw new StoreError('not-found');
    return draft;
  };
  return {
    persistent: false,
    list: async () => ({ drafts: [...drafts.values()].map(({ summary: _summary, ...d }) => structuredClone(d)), unreadable: 0 }),
    listMeta: async () => ({ metas: [...drafts.values()].map(({ data: _data, ...meta }) => structuredClone(meta)), unreadable: 0 }),
    setSummary: async (id, summary, updatedAt) => {
      const draft = drafts.get(id);
      if (draft?.updatedAt === updatedAt) drafts.set(id, { ...draft, summary });
    },
    get: async (id) => {
      const { summary: _summary, ...draft } = structuredClone(need(id));
      return draft;
    },
    add: async (draft, attachments = []) => {
      drafts.set(draft.id, structuredClone(draft));
      files.set(draft.id, [...attachments]);
    },
    saveData: async (id: string, data: Application, meta: SaveMeta) => {
      const draft = need(id);
      drafts.set(id, { ...metaAfterSave(draft, meta), data: structuredClone(data) });
    },
    rename: async (id, title) => {
      drafts.set(id, { ...need(id), title });
    },
    moveToBin: async (id, at) => {
      drafts.set(id, { ...need(id), deletedAt: at });
    },
    restoreFromBin: async (id) => {
      const { deletedAt: _removed, ...rest } = need(id);
      drafts.set(id, rest);
    },
    purge: async (id) => {
      drafts.delete(id);
      files.delete(id);
    },
    attachments: async (draftId) => [...(files.get(draftId) ?? [])].sort((a, b) => a.meta.order - b.meta.order),
    putAttachment: async (attachment) => {
      const list = (files.get(attachment.meta.draftId) ?? []).filter((a) => a.meta.id !== attachment.meta.id);
      files.set(attachment.meta.draftId, [...list, attachment]);
    },
    updateAttachmentMeta: async (meta) => {
      const list = files.get(meta.draftId) ?? [];
      files.set(meta.draftId, list.map((a) => (a.meta.id === meta.id ? { ...a, meta } : a)));
    },
    removeAttachment: async (id) => {
      for (const [draftId, list] of files) files.set(draftId, list.filter((a) => a.meta.id !== id));
    },
  };
}
