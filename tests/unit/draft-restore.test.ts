import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../src/core/application/schema';
import { defaultDraftTitle, newDraft, restoreAttachmentMeta, restoreDraft, restoreDraftMeta } from '../../src/core/draft/restore';
import { summarizeDraft, SUMMARY_VERSION } from '../../src/core/draft/summary';
import { DRAFT_FORMAT_VERSION, DraftError, type AttachmentMeta, type DraftErrorCode } from '../../src/core/draft/types';
import { CTX, typicalApplication } from './fixture';

// 01:30 on 12 July in China, still 11 July in UTC.
const NOW = '2021-07-11T17:30:00Z';
const LATER = '2021-08-01T02:00:00.000Z';
const FILE = { kind: 'file', name: '申报数据.json' } as const;

function refusal(run: () => unknown): DraftError {
  try {
    run();
  } catch (error) {
    if (error instanceof DraftError) return error;
    throw error;
  }
  throw new Error('expected a DraftError');
}

function codeOf(run: () => unknown): DraftErrorCode {
  return refusal(run).code;
}

function storedDraft(): Record<string, unknown> {
  return { ...newDraft(typicalApplication(), NOW, 'draft-1'), updatedAt: LATER };
}

describe('restoreDraft', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', '{"cover": {}}'],
    ['an array', [typicalApplication()]],
    ['an empty object', {}],
    ['an object of some other kind', { name: '熊建华', phone: '13800000000' }],
  ])('refuses %s as not a draft', (_, raw) => {
    expect(codeOf(() => restoreDraft(raw, NOW))).toBe('not-a-draft');
  });

  it('gives back a current record unchanged', () => {
    const draft = { ...storedDraft(), deletedAt: LATER };
    expect(restoreDraft(JSON.parse(JSON.stringify(draft)), LATER)).toEqual(draft);
  });

  it('fills the defaults of groups missing from a stored record', () => {
    const draft = restoreDraft({ ...storedDraft(), data: { cover: { studioName: '熊建华劳模创新工作室' } } }, LATER);
    expect(draft.data).toEqual({ ...emptyApplication(), cover: { studioName: '熊建华劳模创新工作室' } });
  });

  it('migrates a bare application (version 0) to a new draft titled after the studio', () => {
    expect(restoreDraft(typicalApplication(), NOW, { newId: () => 'new-1' })).toEqual({
      id: 'new-1',
      title: '熊建华劳模创新工作室',
      formatVersion: DRAFT_FORMAT_VERSION,
      createdAt: NOW,
      updatedAt: NOW,
      data: typicalApplication(),
    });
  });

  it('gives a migrated application without a studio name the default title with the date in China', () => {
    const draft = restoreDraft({ cover: { studioName: '  ' } }, NOW);
    expect(draft.title).toBe('未命名草稿 2021年7月12日');
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a bare application with wrongly typed fields, quoting the importer', () => {
    const error = refusal(() => restoreDraft({ studio: { area: '260平方米' } }, NOW, { source: FILE }));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toBe(
      '文件“申报数据.json”中有无法读取的内容：文件中有1处内容不符合申报表的格式，无法导入：「工作室面积（平方米）」应为数字。请使用本网站导出的原始文件。',
    );
  });

  it('refuses a record from a newer version and says to reload the page', () => {
    const error = refusal(() => restoreDraft({ ...storedDraft(), formatVersion: 99 }, NOW));
    expect(error.code).toBe('newer-version');
    expect(error.message).toBe('这份草稿由更新版本的申报网站保存（格式版本 99），当前页面无法读取。请刷新页面使用最新版本后再打开。');
    expect(refusal(() => restoreDraft({ ...storedDraft(), formatVersion: 99 }, NOW, { source: FILE })).message).toBe(
      '文件“申报数据.json”由更新版本的申报网站生成（格式版本 99），当前页面无法读取。请刷新页面使用最新版本后再导入。',
    );
  });

  it.each([0, -1, 1.5, '1', null])('refuses formatVersion %j as not a draft', (formatVersion) => {
    expect(codeOf(() => restoreDraft({ ...storedDraft(), formatVersion }, NOW))).toBe('not-a-draft');
  });

  it('refuses __proto__ inside the data without polluting any object', () => {
    const raw: unknown = JSON.parse('{"id": "d", "formatVersion": 1, "data": {"cover": {"__proto__": {"polluted": true}}}}');
    const error = refusal(() => restoreDraft(raw, NOW, { source: FILE }));
    expect(error.code).toBe('forbidden-key');
    expect(error.message).toBe('文件“申报数据.json”中有不允许的字段名“__proto__”，已拒绝导入。请使用本网站导出的原始文件。');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses constructor among the meta fields and in a bare application', () => {
    expect(codeOf(() => restoreDraft({ ...storedDraft(), constructor: {} }, NOW))).toBe('forbidden-key');
    expect(codeOf(() => restoreDraft(JSON.parse('{"team": {"members": [{"prototype": 1}]}}'), NOW))).toBe('forbidden-key');
  });

  it('replaces a missing or blank title by the default one, dated by the creation time', () => {
    expect(restoreDraft({ ...storedDraft(), title: 42 }, LATER).title).toBe('熊建华劳模创新工作室');
    const unnamed = { ...storedDraft(), title: ' ', data: emptyApplication() };
    expect(restoreDraft(unnamed, LATER).title).toBe('未命名草稿 2021年7月12日');
  });

  it.each([
    ['no id', { id: '' }],
    ['a creation time that is no date', { createdAt: '2021年7月12日' }],
    ['an impossible modification time', { updatedAt: '2021-02-30T25:00:00Z' }],
    ['a recycle bin time that is a number', { deletedAt: 1626024600000 }],
    ['no data', { data: undefined }],
    ['data of another kind', { data: { name: '熊建华' } }],
    ['wrongly typed data', { data: { naming: { hasNaming: 'yes' } } }],
  ])('refuses a record with %s as invalid', (_, change) => {
    expect(codeOf(() => restoreDraft({ ...storedDraft(), ...change }, LATER))).toBe('invalid-data');
  });
});

describe('defaultDraftTitle', () => {
  it('is the studio name without surrounding spaces', () => {
    const data = emptyApplication();
    data.cover.studioName = ' 熊建华劳模创新工作室 ';
    expect(defaultDraftTitle(data, NOW)).toBe('熊建华劳模创新工作室');
  });

  it('dates an unnamed draft by the calendar in China, not in UTC', () => {
    expect(defaultDraftTitle(emptyApplication(), NOW)).toBe('未命名草稿 2021年7月12日');
    expect(defaultDraftTitle(emptyApplication(), '2021-07-11T15:59:59Z')).toBe('未命名草稿 2021年7月11日');
    expect(defaultDraftTitle(emptyApplication(), '2021-07-12T00:30:00+08:00')).toBe('未命名草稿 2021年7月12日');
  });
});

describe('restoreAttachmentMeta', () => {
  const photo: AttachmentMeta = {
    id: 'att-1',
    draftId: 'draft-1',
    category: 'photos',
    name: '外景.jpg',
    type: 'image/jpeg',
    size: 524288,
    caption: '外景',
    order: 0,
    addedAt: NOW,
  };

  it('gives back a valid record unchanged', () => {
    expect(restoreAttachmentMeta(JSON.parse(JSON.stringify(photo)), 'draft-1')).toEqual(photo);
  });

  it('takes the owning draft from the caller, not from the record', () => {
    expect(restoreAttachmentMeta({ ...photo, draftId: 'other' }, 'draft-2').draftId).toBe('draft-2');
  });

  it('keeps a record without a caption without one', () => {
    const { caption: _, ...bare } = photo;
    expect(restoreAttachmentMeta(bare, 'draft-1')).toEqual(bare);
  });

  it.each([
    ['C:\\fakepath\\外景.jpg', '外景.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['内\u0000景\u001b.jpg', '内景.jpg'],
    ['外景\u202Egpj.exe', '外景gpj.exe'],
    ['/', '未命名附件'],
  ])('cleans the file name %j to %j', (name, clean) => {
    expect(restoreAttachmentMeta({ ...photo, name }, 'draft-1').name).toBe(clean);
  });

  it.each([
    ['nothing', null],
    ['no name', { ...photo, name: 7 }],
    ['an unknown category', { ...photo, category: 'proof.other' }],
    ['a negative size', { ...photo, size: -1 }],
    ['a fractional size', { ...photo, size: 1.5 }],
    ['a caption that is no text', { ...photo, caption: ['外景'] }],
    ['a fractional order', { ...photo, order: 0.5 }],
    ['no time it was added', { ...photo, addedAt: undefined }],
  ])('refuses a record with %s', (_, raw) => {
    expect(codeOf(() => restoreAttachmentMeta(raw, 'draft-1'))).toBe('invalid-data');
  });

  it('names the attachment in the message', () => {
    expect(refusal(() => restoreAttachmentMeta({ ...photo, category: 'x' }, 'draft-1', FILE)).message).toBe(
      '文件“申报数据.json”中有无法读取的内容：附件“外景.jpg”的类别无效。请使用本网站导出的原始文件。',
    );
  });
});

describe('drafts saved before 填表联系人 and 其他荣誉称号 existed', () => {
  it('restore with every value unchanged, the new group empty, and nothing dropped', () => {
    const old = typicalApplication() as unknown as Record<string, unknown>;
    delete old['contact'];
    const before = structuredClone(old);
    const dropped: string[] = [];
    const restored = restoreDraft({ ...newDraft(typicalApplication(), NOW, 'old-1'), data: old, updatedAt: LATER }, LATER, { onDropped: (f) => dropped.push(...f) });
    expect(old).toEqual(before);
    expect(restored.data).toEqual({ ...before, contact: {} });
    expect(restored.updatedAt).toBe(LATER);
    expect(restored.title).toBe('熊建华劳模创新工作室');
    expect(dropped).toEqual([]);
    // The honours keep their choice; none gains a 其他荣誉称号.
    expect(restored.data.leader.honors).toEqual(typicalApplication().leader.honors);
  });
});

describe('a stored meta read alone, for the drafts list', () => {
  const { data: _data, ...meta } = newDraft(typicalApplication(), NOW, 'd1');

  it('keeps a summary of this version and drops any other', () => {
    const summary = summarizeDraft(typicalApplication(), CTX);
    expect(restoreDraftMeta({ ...meta, summary })).toEqual({ ...meta, summary });
    expect(restoreDraftMeta({ ...meta, summary: { ...summary, version: SUMMARY_VERSION + 1 } })).toEqual(meta);
    expect(restoreDraftMeta({ ...meta, summary: { ...summary, errors: -1 } })).toEqual(meta);
    // Without a title the list needs the data (the title is made from it): no summary then.
    expect(restoreDraftMeta({ ...meta, title: '', summary }).summary).toBeUndefined();
  });

  it('counts the errors left and names the 推荐单位 as printed', () => {
    expect(summarizeDraft(typicalApplication(), CTX)).toEqual({ version: SUMMARY_VERSION, recommender: typicalApplication().cover.recommender, errors: 0 });
    const empty = summarizeDraft(emptyApplication(), CTX);
    expect(empty.recommender).toBe('');
    expect(empty.errors).toBeGreaterThan(10);
  });

  it('refuses what restoreDraft refuses of a meta', () => {
    expect(refusal(() => restoreDraftMeta({ ...meta, formatVersion: DRAFT_FORMAT_VERSION + 1 })).code).toBe('newer-version');
    expect(refusal(() => restoreDraftMeta({ ...meta, updatedAt: 'gestern' })).code).toBe('invalid-data');
    expect(refusal(() => restoreDraftMeta({ ...meta, id: '' })).code).toBe('invalid-data');
  });
});
