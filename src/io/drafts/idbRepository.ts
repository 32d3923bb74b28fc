import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Application } from '../../core/application/types';
import { restoreAttachmentMeta, restoreDraft } from '../../core/draft/restore';
import type { AttachmentMeta, Draft, DraftMeta } from '../../core/draft/types';
import type { DraftListing, DraftRepository } from './repository';
import { StoreError, toStoreError } from './storeError';

/** Do not change the name, and bump the version only together with migration logic in `upgrade`. */
export const DB_NAME = 'nanchang-lmcx-2021';
export const DB_VERSION = 1;

interface DraftsDB extends DBSchema {
  /** Draft meta (title, dates, format version): small, listed often. */
  drafts: { key: string; value: DraftMeta };
  /** The application data, apart from the meta so a save writes one record and the list stays light. */
  data: { key: string; value: { id: string; data: unknown } };
  /** Attachment files as Blobs (never base64) with their meta, keyed by attachment id, found by draft. */
  attachments: { key: string; value: AttachmentMeta & { blob: Blob }; indexes: { byDraft: string } };
}

type Names = StoreNames<DraftsDB>;

/** Every access goes through here: one transaction, awaited to completion, errors turned into StoreError. */
async function tx<N extends Names[], M extends IDBTransactionMode, R>(
  db: IDBPDatabase<DraftsDB>,
  names: N,
  mode: M,
  work: (t: IDBPTransaction<DraftsDB, N, M>) => Promise<R>,
): Promise<R> {
  try {
    const t = db.transaction(names, mode);
    const [result] = await Promise.all([work(t), t.done]);
    return result;
  } catch (error) {
    throw toStoreError(error);
  }
}

function draftOf(meta: DraftMeta, data: unknown): Draft {
  // Everything read back goes through the one restore step (defaults, migrations, refusal of bad data).
  return restoreDraft({ ...meta, data }, meta.updatedAt);
}

export async function openIdbRepository(): Promise<DraftRepository> {
  if (typeof indexedDB === 'undefined') throw new StoreError('unavailable');
  let db: IDBPDatabase<DraftsDB>;
  try {
    db = await openDB<DraftsDB>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('drafts', { keyPath: 'id' });
          database.createObjectStore('data', { keyPath: 'id' });
          database.createObjectStore('attachments', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
        }
      },
      // A tab with a newer version of the site wants to upgrade the database: this tab's older connection
      // would block it, so it lets go.
      blocking() {
        db.close();
      },
    });
  } catch (error) {
    throw toStoreError(error);
  }

  async function readMeta(id: string): Promise<DraftMeta> {
    const meta = await tx(db, ['drafts'], 'readonly', (t) => t.objectStore('drafts').get(id));
    if (!meta) throw new StoreError('not-found');
    return meta;
  }

  async function changeMeta(id: string, change: (meta: DraftMeta) => DraftMeta): Promise<void> {
    await tx(db, ['drafts'], 'readwrite', async (t) => {
      const meta = await t.objectStore('drafts').get(id);
      if (!meta) throw new StoreError('not-found');
      await t.objectStore('drafts').put(change(meta));
    });
  }

  return {
    persistent: true,

    async list(): Promise<DraftListing> {
      const [metas, datas] = await tx(db, ['drafts', 'data'], 'readonly', (t) =>
        Promise.all([t.objectStore('drafts').getAll(), t.objectStore('data').getAll()]),
      );
      const byId = new Map(datas.map((d) => [d.id, d.data]));
      const drafts: Draft[] = [];
      let unreadable = 0;
      for (const meta of metas) {
        try {
          drafts.push(draftOf(meta, byId.get(meta.id)));
        } catch {
          unreadable += 1;
        }
      }
      return { drafts, unreadable };
    },

    async get(id) {
      const [meta, data] = await tx(db, ['drafts', 'data'], 'readonly', (t) =>
        Promise.all([t.objectStore('drafts').get(id), t.objectStore('data').get(id)]),
      );
      if (!meta) throw new StoreError('not-found');
      return draftOf(meta, data?.data);
    },

    async add(draft, attachments = []) {
      const { data, ...meta } = draft;
      await tx(db, ['drafts', 'data', 'attachments'], 'readwrite', async (t) => {
        await t.objectStore('drafts').put(meta);
        await t.objectStore('data').put({ id: draft.id, data });
        for (const a of attachments) await t.objectStore('attachments').put({ ...a.meta, draftId: draft.id, blob: a.data });
      });
    },

    async saveData(id: string, data: Application, change: Pick<DraftMeta, 'title' | 'updatedAt'>) {
      await tx(db, ['drafts', 'data'], 'readwrite', async (t) => {
        const meta = await t.objectStore('drafts').get(id);
        if (!meta) throw new StoreError('not-found');
        await t.objectStore('drafts').put({ ...meta, ...change });
        await t.objectStore('data').put({ id, data });
      });
    },

    rename: (id, title) => changeMeta(id, (meta) => ({ ...meta, title })),
    moveToBin: (id, at) => changeMeta(id, (meta) => ({ ...meta, deletedAt: at })),
    restoreFromBin: (id) =>
      changeMeta(id, (meta) => {
        const { deletedAt: _removed, ...rest } = meta;
        return rest;
      }),

    async purge(id) {
      await readMeta(id);
      await tx(db, ['drafts', 'data', 'attachments'], 'readwrite', async (t) => {
        const keys = await t.objectStore('attachments').index('byDraft').getAllKeys(id);
        for (const key of keys) await t.objectStore('attachments').delete(key);
        await t.objectStore('data').delete(id);
        await t.objectStore('drafts').delete(id);
      });
    },

    async attachments(draftId) {
      const records = await tx(db, ['attachments'], 'readonly', (t) => t.objectStore('attachments').index('byDraft').getAll(draftId));
      return records
        .map(({ blob, ...meta }) => ({ meta: restoreAttachmentMeta(meta, draftId), data: blob }))
        .sort((a, b) => a.meta.order - b.meta.order);
    },

    async putAttachment({ meta, data }) {
      await tx(db, ['attachments'], 'readwrite', async (t) => {
        await t.objectStore('attachments').put({ ...meta, blob: data });
      });
    },

    async updateAttachmentMeta(meta) {
      await tx(db, ['attachments'], 'readwrite', async (t) => {
        const record = await t.objectStore('attachments').get(meta.id);
        if (!record) throw new StoreError('not-found');
        // The Blob is carried over by reference: changing a caption never copies the file.
        await t.objectStore('attachments').put({ ...meta, blob: record.blob });
      });
    },

    async removeAttachment(id) {
      await tx(db, ['attachments'], 'readwrite', (t) => t.objectStore('attachments').delete(id));
    },
  };
}
