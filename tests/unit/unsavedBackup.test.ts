import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearUnsaved, readUnsaved, writeUnsaved } from '../../src/io/drafts/unsavedBackup';

/** localStorage as browsers have it, with a switch to make it refuse writes (full) or everything (disabled). */
function memoryStorage() {
  const items = new Map<string, string>();
  const state = { full: false, disabled: false };
  const guard = () => {
    if (state.disabled) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const storage = {
    getItem: (k: string) => (guard(), items.get(k) ?? null),
    setItem: (k: string, v: string) => {
      guard();
      if (state.full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => (guard(), void items.delete(k)),
  };
  return { storage, items, state };
}

describe('the last-chance copy of unsaved changes', () => {
  let mem: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    mem = memoryStorage();
    vi.stubGlobal('localStorage', mem.storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is read back as written, per draft, and cleared', () => {
    writeUnsaved('d1', { cover: { studioName: '熊建华劳模创新工作室' } }, '2021-07-01T08:00:00.000Z');
    writeUnsaved('d2', { other: true }, '2021-07-01T09:00:00.000Z');
    expect(readUnsaved('d1')).toEqual({ draftId: 'd1', data: { cover: { studioName: '熊建华劳模创新工作室' } }, at: '2021-07-01T08:00:00.000Z' });
    clearUnsaved('d1');
    expect(readUnsaved('d1')).toBeNull();
    expect(readUnsaved('d2')?.data).toEqual({ other: true });
  });

  it('reads nothing from a missing, damaged or foreign entry', () => {
    expect(readUnsaved('none')).toBeNull();
    mem.items.set('lmcx-unsaved:bad', '{not json');
    expect(readUnsaved('bad')).toBeNull();
    mem.items.set('lmcx-unsaved:shape', JSON.stringify({ data: {}, at: 5 }));
    expect(readUnsaved('shape')).toBeNull();
    mem.items.set('lmcx-unsaved:nodata', JSON.stringify({ at: '2021-07-01T08:00:00.000Z' }));
    expect(readUnsaved('nodata')).toBeNull();
    mem.items.set('lmcx-unsaved:null', 'null');
    expect(readUnsaved('null')).toBeNull();
  });

  it('never throws where storage is full or disabled', () => {
    mem.state.full = true;
    expect(() => writeUnsaved('d1', {}, '2021-07-01T08:00:00.000Z')).not.toThrow();
    expect(readUnsaved('d1')).toBeNull();
    mem.state.disabled = true;
    expect(() => writeUnsaved('d1', {}, '2021-07-01T08:00:00.000Z')).not.toThrow();
    expect(readUnsaved('d1')).toBeNull();
    expect(() => clearUnsaved('d1')).not.toThrow();
  });
});
