import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Application } from '../../core/application/types';
import { restoreAttachmentMeta, restoreDraft, restoreDraftMeta } from '../../core/draft/restore';
import type { AttachmentMeta, Draft, DraftMeta } from '../../core/draft/types';
import { metaAfterSave, type DraftListing, type DraftRepository, type MetaListing, type SaveMeta } from './repository';
import { quotaError, StoreError, toStoreError } from './storeError';

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

function draftOf(meta: DraftMeta, data: unknown): Draft {
  // Everything read back goes through the one restore step (defaults, migrations, refusal of bad data).
  return restoreDraft({ ...meta, data }, meta.updatedAt);
}

async function estimate(): Promise<{ usage?: number; quota?: number } | null> {
  try {
    return (await navigator.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
}

async function classify(error: unknown): Promise<StoreError> {
  const typed = toStoreError(error, 'use');
  return typed.code === 'quota' ? quotaError(error, await estimate()) : typed;
}

export interface IdbRepositoryEvents {
  /** The database was deleted or cleared (another tab, the browser's "clear site data") while this page had it open. */
  onReset?: () => void;
}

/**
 * The IndexedDB store. A failed operation drops its connection and the next one opens a fresh connection, so
 * one disk-full write, a deleted database or cleared site data never leaves the page with a dead store; an
 * operation whose connection was closed under it is retried once at once on a new one. Callers retry later
 * failures themselves (autosave with backoff).
 */
export async function openIdbRepository(events: IdbRepositoryEvents = {}): Promise<DraftRepository> {
  if (typeof indexedDB === 'undefined') throw new StoreError('unavailable');
  let db: IDBPDatabase<DraftsDB> | null = null;
  let connecting: Promise<IDBPDatabase<DraftsDB>> | null = null;
  let openedBefore = false;
  /** The database vanished since this page first opened it: a missing draft was deleted with it, not purged. */
  let reset = false;
  const markReset = () => {
    reset = true;
    events.onReset?.();
  };
  const drop = (connection: IDBPDatabase<DraftsDB>) => {
    if (db === connection) db = null;
    connection.close();
  };

  async function open(): Promise<IDBPDatabase<DraftsDB>> {
    let created = false;
    let connection: IDBPDatabase<DraftsDB> | null = null;
    connection = await openDB<DraftsDB>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          created = true;
          database.createObjectStore('drafts', { keyPath: 'id' });
          database.createObjectStore('data', { keyPath: 'id' });
          database.createObjectStore('attachments', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
        }
      },
      // Another tab upgrades (let it) or deletes the database (blockedVersion null): let go either way.
      blocking(_current, blockedVersion) {
        if (connection) drop(connection);
        if (blockedVersion === null) markReset();
      },
      // Closed by the browser (site data cleared, disk error): the next operation reconnects.
      terminated() {
        if (connection && db === connection) db = null;
      },
    });
    if (created && openedBefore) markReset();
    openedBefore = true;
    return connection;
  }

  async function connection(): Promise<IDBPDatabase<DraftsDB>> {
    if (db) return db;
    connecting ??= open()
      .then((opened) => (db = opened))
      .finally(() => {
        connecting = null;
      });
    return connecting;
  }

  /** Every access goes through here: one transaction, awaited to completion, errors turned into StoreError. */
  async function tx<N extends Names[], M extends IDBTransactionMode, R>(
    names: N,
    mode: M,
    work: (t: IDBPTransaction<DraftsDB, N, M>) => Promise<R>,
  ): Promise<R> {
    for (let attempt = 0; ; attempt += 1) {
      let current: IDBPDatabase<DraftsDB> | null = null;
      try {
        current = await connection();
        const t = current.transaction(names, mode);
        const [result] = await Promise.all([work(t), t.done]);
        return result;
      } catch (error) {
        const typed = await classify(error);
        if (typed.code === 'not-found' && reset) throw new StoreError('deleted', error);
        if (typed.code === 'not-found' || typed.code === 'deleted') throw typed;
        if (current) drop(current);
        if (attempt === 0 && typed.code === 'closed') continue;
        throw typed;
      }
    }
  }

  try {
    await connection();
  } catch (error) {
    throw toStoreError(error, 'open');
  }

  async function readMeta(id: string): Promise<DraftMeta> {
    const meta = await tx(['drafts'], 'readonly', (t) => t.objectStore('drafts').get(id));
    if (!meta) throw new StoreError(reset ? 'deleted' : 'not-found');
    return meta;
  }

  async function changeMeta(id: string, change: (meta: DraftMeta) => DraftMeta): Promise<void> {
    await tx(['drafts'], 'readwrite', async (t) => {
      const meta = await t.objectStore('drafts').get(id);
      if (!meta) throw new StoreError('not-found');
      await t.objectStore('drafts').put(change(meta));
    });
  }

  return {
    persistent: true,

    async list(): Promise<DraftListing> {
      const [metas, datas] = await tx(['drafts', 'data'], 'readonly', (t) =>
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

    async listMeta(): Promise<MetaListing> {
      const records = await tx(['drafts'], 'readonly', (t) => t.objectStore('drafts').getAll());
      const metas: DraftMeta[] = [];
      let unreadable = 0;
      for (const record of records) {
        try {
          metas.push(restoreDraftMeta(record));
        } catch {
          unreadable += 1;
        }
      }
      return { metas, unreadable };
    },

    async setSummary(id, summary, updatedAt) {
      await tx(['drafts'], 'readwrite', async (t) => {
        const meta = await t.objectStore('drafts').get(id);
        if (meta?.updatedAt === updatedAt) await t.objectStore('drafts').put({ ...meta, summary });
      });
    },

    async get(id) {
      const [meta, data] = await tx(['drafts', 'data'], 'readonly', (t) =>
        Promise.all([t.objectStore('drafts').get(id), t.objectStore('data').get(id)]),
      );
      if (!meta) throw new StoreError(reset ? 'deleted' : 'not-found');
      return draftOf(meta, data?.data);
    },

    async add(draft, attachments = []) {
      const { data, ...meta } = draft;
      await tx(['drafts', 'data', 'attachments'], 'readwrite', async (t) => {
        await t.objectStore('drafts').put(meta);
        await t.objectStore('data').put({ id: draft.id, data });
        for (const a of attachments) await t.objectStore('attachments').put({ ...a.meta, draftId: draft.id, blob: a.data });
      });
    },

    async saveData(id: string, data: Application, change: SaveMeta) {
      await tx(['drafts', 'data'], 'readwrite', async (t) => {
        const meta = await t.objectStore('drafts').get(id);
        if (!meta) throw new StoreError('not-found');
        await t.objectStore('drafts').put(metaAfterSave(meta, change));
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
      await tx(['drafts', 'data', 'attachments'], 'readwrite', async (t) => {
        const keys = await t.objectStore('attachments').index('byDraft').getAllKeys(id);
        for (const key of keys) await t.objectStore('attachments').delete(key);
        await t.objectStore('data').delete(id);
        await t.objectStore('drafts').delete(id);
      });
    },

    async attachments(draftId) {
      const records = await tx(['attachments'], 'readonly', (t) => t.objectStore('attachments').index('byDraft').getAll(draftId));
      return records
        .map(({ blob, ...meta }) => ({ meta: restoreAttachmentMeta(meta, draftId), data: blob }))
        .sort((a, b) => a.meta.order - b.meta.order);
    },

    async putAttachment({ meta, data }) {
      await tx(['attachments'], 'readwrite', async (t) => {
        await t.objectStore('attachments').put({ ...meta, blob: data });
      });
    },

    async updateAttachmentMeta(meta) {
      await tx(['attachments'], 'readwrite', async (t) => {
        const record = await t.objectStore('attachments').get(meta.id);
        if (!record) throw new StoreError('not-found');
        // The Blob is carried over by reference: changing a caption never copies the file.
        await t.objectStore('attachments').put({ ...meta, blob: record.blob });
      });
    },

    async removeAttachment(id) {
      await tx(['attachments'], 'readwrite', (t) => t.objectStore('attachments').delete(id));
    },
  };
}
