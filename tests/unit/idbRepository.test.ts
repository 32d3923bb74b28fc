import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/core/draft/restore';
import { openIdbRepository } from '../../src/io/drafts/idbRepository';
import { memoryRepository } from '../../src/io/drafts/memoryRepository';
import type { DraftRepository } from '../../src/io/drafts/repository';
import { StoreError, toStoreError } from '../../src/io/drafts/storeError';
import { typicalApplication } from './fixture';

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
  it('name a full quota plainly and promise that saved work is kept', () => {
    const error = toStoreError(new DOMException('full', 'QuotaExceededError'));
    expect(error.code).toBe('quota');
    expect(error.message).toContain('存储空间已满');
    expect(error.message).toContain('已保存的内容不受影响');
  });

  it('treat a refused database as unavailable and keep typed errors as they are', () => {
    expect(toStoreError(new DOMException('no', 'InvalidStateError')).code).toBe('unavailable');
    const typed = new StoreError('not-found');
    expect(toStoreError(typed)).toBe(typed);
    expect(toStoreError(new Error('boom')).code).toBe('unknown');
  });
});
