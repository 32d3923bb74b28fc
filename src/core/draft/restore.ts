// The one restore step: every draft read from storage or from a file passes through here. It migrates older
// formats, fills the application's defaults and refuses what it cannot read with a DraftError.
//
// Formats:
//   0  a bare application object, as "导出申报数据" wrote it before drafts existed (no formatVersion)
//   1  DraftMeta + data (DRAFT_FORMAT_VERSION)
import { candidateTitle } from '../application/facts';
import { findForbiddenKey, isObject, restoreApplication, type JsonObject } from '../application/importJson';
import { findOverLengthInJson, findOverLimit } from '../application/cleanText';
import { rootSchemaNode } from '../application/schema';
import type { Application } from '../application/types';
import { formatChineseDate } from '../chinese-date';
import { chinaDay } from './chinaTime';
import { forbiddenKey, invalidData, newerVersion, notADraft, STORED_DRAFT, type DraftSource } from './messages';
import { cleanFileName } from './names';
import { isCurrentSummary } from './summary';
import { DRAFT_FORMAT_VERSION, isAttachmentCategory, type AttachmentMeta, type Draft, type DraftMeta } from './types';
import { newId as randomId } from './newId';

export interface RestoreOptions {
  /** Id for a draft that has none yet (a version 0 file being migrated); randomId by default. */
  newId?: () => string;
  /** Where the record comes from, for the messages; a stored draft by default. */
  source?: DraftSource;
  /** Told the fields this version does not know, which were left out (see restoreApplication). */
  onDropped?: (fields: readonly string[]) => void;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** 工作室名称 if filled in, else 未命名草稿 with the date in China at `now`. */
export function defaultDraftTitle(data: Application, now: string): string {
  const studio = candidateTitle(data);
  return studio !== '' ? studio : `未命名草稿 ${formatChineseDate(chinaDay(now))}`;
}

export function newDraft(data: Application, now: string, id: string): Draft {
  return { id, title: defaultDraftTitle(data, now), formatVersion: DRAFT_FORMAT_VERSION, createdAt: now, updatedAt: now, data };
}

/** A record's format version, refusing what this page cannot read. Files check it before reading further. */
export function restoreFormatVersion(value: unknown, source: DraftSource): number {
  if (!isInteger(value) || value < 1) throw notADraft(source);
  if (value > DRAFT_FORMAT_VERSION) throw newerVersion(source, value);
  return value;
}

function fromVersion0(raw: JsonObject, now: string, newId: () => string, source: DraftSource, onDropped: RestoreOptions['onDropped']): Draft {
  const result = restoreApplication(raw);
  if (result.ok) {
    if (result.dropped.length > 0) onDropped?.(result.dropped);
    return newDraft(result.data, now, newId());
  }
  // Without formatVersion the object has to be an application; anything else is some other file.
  throw result.reason === 'not-an-application' ? notADraft(source) : invalidData(source, result.message);
}

function fromVersion1(raw: JsonObject, source: DraftSource, onDropped: RestoreOptions['onDropped']): Draft {
  const { id, title, createdAt, updatedAt, deletedAt } = raw;
  if (typeof id !== 'string' || id === '') throw invalidData(source, '草稿缺少编号。');
  if (!isIsoDateTime(createdAt)) throw invalidData(source, '草稿的创建时间无效。');
  if (!isIsoDateTime(updatedAt)) throw invalidData(source, '草稿的修改时间无效。');
  if (deletedAt !== undefined && !isIsoDateTime(deletedAt)) throw invalidData(source, '草稿移入回收站的时间无效。');
  const result = restoreApplication(raw['data']);
  if (!result.ok) throw invalidData(source, result.message);
  if (result.dropped.length > 0) onDropped?.(result.dropped);
  // A title is only a label: a broken one is replaced rather than losing the draft over it.
  const restoredTitle = typeof title === 'string' && title.trim() !== '' ? title : defaultDraftTitle(result.data, createdAt);
  const draft: Draft = {
    id,
    title: restoredTitle,
    formatVersion: DRAFT_FORMAT_VERSION,
    createdAt,
    updatedAt,
    data: result.data,
  };
  if (deletedAt !== undefined) draft.deletedAt = deletedAt;
  return draft;
}

const LISTED_LIMITS = 5;
/** Ten times the longest real application's text (about 400,000 characters with every 申报材料 field full). */
const HUGE_JSON_CHARS = 4_000_000;

/**
 * A file's data past the contract's limits (text length, list length) is refused with the fields named. Stored
 * drafts are not checked: one typed before the limits existed must still open (the form then cuts it).
 */
function checkLimits(data: Application, source: DraftSource): Application {
  if (source.kind !== 'file') return data;
  const found: string[] = [];
  findOverLimit(rootSchemaNode, data, '', found);
  refuseOverLimit(found, source);
  return data;
}

function refuseOverLimit(found: string[], source: DraftSource): void {
  if (found.length === 0) return;
  const more = found.length > LISTED_LIMITS ? `等${found.length}处` : '';
  throw invalidData(source, `${found.slice(0, LISTED_LIMITS).join('；')}${more}。请删减后重新导出。`);
}

/**
 * A draft file's application text far larger than any real application is checked for over-long fields before
 * it is parsed: they are named without copying them again.
 */
export function refuseHugeFields(json: string, source: DraftSource, root?: string): void {
  if (json.length > HUGE_JSON_CHARS) refuseOverLimit(findOverLengthInJson(json, root), source);
}

export function restoreDraft(raw: unknown, now: string, options: RestoreOptions = {}): Draft {
  const draft = restoreUnchecked(raw, now, options);
  checkLimits(draft.data, options.source ?? STORED_DRAFT);
  return draft;
}

function restoreUnchecked(raw: unknown, now: string, options: RestoreOptions): Draft {
  const source = options.source ?? STORED_DRAFT;
  if (!isObject(raw)) throw notADraft(source);
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== undefined) throw forbiddenKey(source, forbidden);
  if (!Object.hasOwn(raw, 'formatVersion')) {
    return fromVersion0(raw, now, options.newId ?? randomId, source, options.onDropped);
  }
  restoreFormatVersion(raw['formatVersion'], source);
  return fromVersion1(raw, source, options.onDropped);
}

/**
 * A stored draft's meta alone, for the drafts list: the checks restoreDraft makes of it, and its summary when it
 * is of this version (undefined otherwise: the list computes it again from the data). A title is not required
 * here; the list shows the restored draft's for a record without one.
 */
export function restoreDraftMeta(raw: unknown): DraftMeta {
  const source = STORED_DRAFT;
  if (!isObject(raw)) throw notADraft(source);
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== undefined) throw forbiddenKey(source, forbidden);
  restoreFormatVersion(raw['formatVersion'], source);
  const { id, title, createdAt, updatedAt, deletedAt, summary } = raw;
  if (typeof id !== 'string' || id === '') throw invalidData(source, '草稿缺少编号。');
  if (!isIsoDateTime(createdAt)) throw invalidData(source, '草稿的创建时间无效。');
  if (!isIsoDateTime(updatedAt)) throw invalidData(source, '草稿的修改时间无效。');
  if (deletedAt !== undefined && !isIsoDateTime(deletedAt)) throw invalidData(source, '草稿移入回收站的时间无效。');
  const meta: DraftMeta = { id, title: typeof title === 'string' ? title : '', formatVersion: DRAFT_FORMAT_VERSION, createdAt, updatedAt };
  if (deletedAt !== undefined) meta.deletedAt = deletedAt;
  if (isCurrentSummary(summary) && meta.title.trim() !== '') meta.summary = summary;
  return meta;
}

/** An attachment's record, owned by `draftId` whatever the record says. */
export function restoreAttachmentMeta(raw: unknown, draftId: string, source: DraftSource = STORED_DRAFT): AttachmentMeta {
  if (!isObject(raw)) throw invalidData(source, '附件记录无效。');
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== undefined) throw forbiddenKey(source, forbidden);
  const { id, category, name, type, size, caption, order, addedAt } = raw;
  if (typeof name !== 'string') throw invalidData(source, '附件缺少文件名。');
  const cleanName = cleanFileName(name, '未命名附件');
  const invalid = (what: string) => invalidData(source, `附件“${cleanName}”的${what}无效。`);
  if (typeof id !== 'string' || id === '') throw invalid('编号');
  if (!isAttachmentCategory(category)) throw invalid('类别');
  if (typeof type !== 'string') throw invalid('文件类型');
  if (!isInteger(size) || size < 0) throw invalid('大小');
  if (caption !== undefined && typeof caption !== 'string') throw invalid('说明文字');
  if (!isInteger(order)) throw invalid('排列顺序');
  if (!isIsoDateTime(addedAt)) throw invalid('添加时间');
  const meta: AttachmentMeta = { id, draftId, category, name: cleanName, type, size, order, addedAt };
  if (caption !== undefined) meta.caption = caption;
  return meta;
}
