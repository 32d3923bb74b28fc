import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/core/draft/restore';
import { openIdbRepository } from '../../src/io/drafts/idbRepository';
import { memoryRepository } from '../../src/io/drafts/memoryRepository';
import type { DraftRepository } from '../../src/io/drafts/repository';
import { quotaError, StoreError, toStoreError } from '../../src/io/drafts/storeError';
import { titleAfterSave } from '../../src/io/drafts/repository';
import { CTX, typicalApplication } from './fixture';
import { summarizeDraft, SUMMARY_VERSION } from '../../src/core/draft/summary';
import { listDrafts } from '../../src/islands/drafts/listing';

// The real browser store is tested end to end in tests/e2e/drafts.spec.ts; here the same contract runs on
// fake-indexeddb (faithful for Blobs in vitest's node environment) and on the memory fallback.
const NOW = '2021-07-12T08:00:00.000Z';

async function fresh(kind: 'idb' | 'memory'): Promise<DraftRepository> {
  if (kind === 'memory') return memoryRepository();
  indexedDB.deleteDatabase('nanchang-lmcx-2021');
  return openIdbRepository();
}

describe.each(['idb', 'memory'] as const)('the %s draft repository', (kind) => {
  it('adds, reads back and lists a draft with its attachments', async () => {
    const repo = await fresh(kind);
    const draft = newDraft(typicalApplication(), NOW, 'd1');
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await repo.add(draft, [
      { meta: { id: 'a1', draftId: 'd1', category: 'photos', name: '外景.jpg', type: 'image/jpeg', size: 4, order: 0, addedAt: NOW }, data: new Blob([bytes]) },
    ]);
    expect(await repo.get('d1')).toEqual(draft);
    expect((await repo.list()).drafts.map((d) => d.id)).toEqual(['d1']);
    const files = await repo.attachments('d1');
    expect(files.map((f) => f.meta.name)).toEqual(['外景.jpg']);
    expect(new Uint8Array(await files[0]!.data.arrayBuffer())).toEqual(bytes);
  });

  it('saves data without touching the attachments, and renames', async () => {
    const repo = await fresh(kind);
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'), [
      { meta: { id: 'a1', draftId: 'd1', category: 'other', name: 'x.pdf', type: 'application/pdf', size: 1, order: 0, addedAt: NOW }, data: new Blob(['x']) },
    ]);
    const data = typicalApplication();
    data.summary = '改过的简介';
    await repo.saveData('d1', data, { title: '新标题', updatedAt: '2021-07-13T00:00:00.000Z' });
    const saved = await repo.get('d1');
    expect(saved.data.summary).toBe('改过的简介');
    expect(saved.updatedAt).toBe('2021-07-13T00:00:00.000Z');
    await repo.rename('d1', '候选一');
    expect((await repo.get('d1')).title).toBe('候选一');
    expect(await repo.attachments('d1')).toHaveLength(1);
  });

  it('keeps the drafts list summary in the meta: written with a save, dropped by a save without one, kept by a rename', async () => {
    const repo = await fresh(kind);
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'));
    expect((await repo.listMeta()).metas.map((m) => [m.id, m.summary])).toEqual([['d1', undefined]]);
    const summary = summarizeDraft(typicalApplication(), CTX);
    await repo.saveData('d1', typicalApplication(), { updatedAt: '2021-07-13T00:00:00.000Z', summary });
    await repo.rename('d1', '候选一');
    const [meta] = (await repo.listMeta()).metas;
    expect(meta).toMatchObject({ id: 'd1', title: '候选一', updatedAt: '2021-07-13T00:00:00.000Z', summary });
    expect(await repo.get('d1')).not.toHaveProperty('summary');
    await repo.saveData('d1', typicalApplication(), { updatedAt: '2021-07-14T00:00:00.000Z' });
    expect((await repo.listMeta()).metas[0]?.summary).toBeUndefined();
  });

  it('stores a summary computed for a draft only while the draft is unchanged since', async () => {
    const repo = await fresh(kind);
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'));
    const stale = { version: SUMMARY_VERSION, recommender: '旧', errors: 9 };
    await repo.saveData('d1', typicalApplication(), { updatedAt: '2021-07-13T00:00:00.000Z' });
    await repo.setSummary('d1', stale, NOW); // computed from the data as of NOW: saved over since
    expect((await repo.listMeta()).metas[0]?.summary).toBeUndefined();
    const listing = await listDrafts(repo, CTX);
    expect(listing.items.map((i) => [i.draft.id, i.recommender, i.errors])).toEqual([['d1', summarizeDraft(typicalApplication(), CTX).recommender, 0]]);
    // Listed once from the data: the summary is stored for the next listing.
    expect((await repo.listMeta()).metas[0]?.summary).toEqual(summarizeDraft(typicalApplication(), CTX));
  });

  it('moves to the bin and back, and purges with the attachments', async () => {
    const repo = await fresh(kind);
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'), [
      { meta: { id: 'a1', draftId: 'd1', category: 'other', name: 'x.pdf', type: 'application/pdf', size: 1, order: 0, addedAt: NOW }, data: new Blob(['x']) },
    ]);
    await repo.moveToBin('d1', NOW);
    expect((await repo.get('d1')).deletedAt).toBe(NOW);
    await repo.restoreFromBin('d1');
    expect((await repo.get('d1')).deletedAt).toBeUndefined();
    await repo.purge('d1');
    await expect(repo.get('d1')).rejects.toMatchObject({ code: 'not-found' });
    expect(await repo.attachments('d1')).toEqual([]);
  });
});

describe('storage errors', () => {
  it('name a full quota plainly, with the free space when the browser reports it', () => {
    const error = toStoreError(new DOMException('full', 'QuotaExceededError'));
    expect(error.code).toBe('quota');
    expect(error.message).toContain('存储空间不足');
    expect(error.message).toContain('已保存的内容不受影响');
    const figured = quotaError(new DOMException('full', 'QuotaExceededError'), { usage: 9 * 1024 ** 2, quota: 10 * 1024 ** 2 });
    expect(figured.message).toContain('还可使用约 1 MB');
    expect(figured.message).not.toContain('无痕');
  });

  it('blame a private window only when the database cannot be opened at all', () => {
    expect(toStoreError(new DOMException('no', 'InvalidStateError'), 'open').code).toBe('unavailable');
    const closed = toStoreError(new DOMException('closing', 'InvalidStateError'));
    expect(closed.code).toBe('closed');
    expect(closed.message).not.toContain('无痕');
    const typed = new StoreError('not-found');
    expect(toStoreError(typed)).toBe(typed);
    expect(toStoreError(new Error('boom')).code).toBe('unknown');
    expect(new StoreError('deleted').message).toContain('数据库被其他页面删除或清除');
  });
});

describe('the IndexedDB repository recovers', () => {
  it('reopens a connection closed under it and saves at once, and after a failed write on the next call', async () => {
    const repo = await fresh('idb');
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'));
    const original = IDBDatabase.prototype.transaction;
    let failures = 1;
    // As Chromium does after a disk error: the connection is closed and the call throws.
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (failures > 0) {
        failures -= 1;
        this.close();
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      }
      return original.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      const data = typicalApplication();
      data.summary = '重连后保存';
      await repo.saveData('d1', data, { updatedAt: '2021-07-13T00:00:00.000Z' });
      expect((await repo.get('d1')).data.summary).toBe('重连后保存');
      // Two failures in a row: this call fails (closed, never "private mode"), the next one works.
      failures = 2;
      await expect(repo.saveData('d1', data, { updatedAt: '2021-07-14T00:00:00.000Z' })).rejects.toMatchObject({ code: 'closed' });
      await repo.saveData('d1', data, { updatedAt: '2021-07-15T00:00:00.000Z' });
      expect((await repo.get('d1')).updatedAt).toBe('2021-07-15T00:00:00.000Z');
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
  });

  it('tells a deleted database from a purged draft and announces the reset', async () => {
    let resets = 0;
    indexedDB.deleteDatabase('nanchang-lmcx-2021');
    const repo = await openIdbRepository({ onReset: () => (resets += 1) });
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'));
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase('nanchang-lmcx-2021');
      r.onsuccess = () => resolve();
    });
    expect(resets).toBeGreaterThan(0);
    await expect(repo.saveData('d1', typicalApplication(), { updatedAt: NOW })).rejects.toMatchObject({ code: 'deleted' });
    // The page puts the draft back from memory and goes on saving.
    await repo.add(newDraft(typicalApplication(), NOW, 'd1'));
    await repo.saveData('d1', typicalApplication(), { updatedAt: '2021-07-14T00:00:00.000Z' });
    expect((await repo.get('d1')).updatedAt).toBe('2021-07-14T00:00:00.000Z');
  });
});

describe('a save keeps a rename made elsewhere', () => {
  it('replaces the title only while it is still the one the editor wrote', () => {
    expect(titleAfterSave('甲劳模创新工作室', { updatedAt: NOW, title: '乙劳模创新工作室', titleWas: '甲劳模创新工作室' })).toBe('乙劳模创新工作室');
    expect(titleAfterSave('候选一', { updatedAt: NOW, title: '乙劳模创新工作室', titleWas: '甲劳模创新工作室' })).toBe('候选一');
    expect(titleAfterSave('候选一', { updatedAt: NOW })).toBe('候选一');
  });
});
