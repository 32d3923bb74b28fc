// The Chinese messages of DraftError: what is wrong, then what to do. A stored draft is "opened", a chosen
// file is "imported" and named, so the same check reads right in both places.
import { formatBytes } from '../bytes';
import { DraftError } from './types';

export type DraftSource = { kind: 'stored' } | { kind: 'file'; name: string };

export const STORED_DRAFT: DraftSource = { kind: 'stored' };

function subject(source: DraftSource): string {
  return source.kind === 'file' ? `文件“${source.name}”` : '这份草稿';
}

function verb(source: DraftSource): string {
  return source.kind === 'file' ? '导入' : '打开';
}

function recovery(source: DraftSource): string {
  return source.kind === 'file' ? '请使用本网站导出的原始文件' : '请从导出的草稿文件重新导入';
}

export function notADraft(source: DraftSource): DraftError {
  const advice =
    source.kind === 'file' ? '请选择从本网站导出的草稿文件（.zip）或申报数据文件（.json）。' : '请从导出的草稿文件重新导入。';
  return new DraftError('not-a-draft', `${subject(source)}不是申报草稿，无法${verb(source)}。${advice}`);
}

/** `what` names the broken part, e.g. "附件“外景.jpg”的内容与记录不符". */
export function damaged(source: DraftSource, what: string, cause?: unknown): DraftError {
  const advice = source.kind === 'file' ? '请重新导出或重新复制该文件后再导入。' : '请从导出的草稿文件重新导入。';
  return new DraftError('damaged', `${subject(source)}已损坏或不完整（${what}），无法${verb(source)}。${advice}`, { cause });
}

export function tooLarge(source: DraftSource, size: number, limit: number): DraftError {
  return new DraftError(
    'too-large',
    `${subject(source)}太大（${formatBytes(size)}），超过了 ${formatBytes(limit)} 的上限，无法${verb(source)}。` +
      '请确认选择的是本网站导出的草稿文件（.zip）或申报数据文件（.json）。',
  );
}

/** `what` names the entry and says by how much, e.g. "“attachments/1/视频.mp4”过大（解压后超过 2 GB 的上限）". */
export function entryTooLarge(source: DraftSource, what: string, cause?: unknown): DraftError {
  return new DraftError('too-large', `${subject(source)}中的${what}，无法${verb(source)}。${recovery(source)}。`, { cause });
}

export function newerVersion(source: DraftSource, version: number): DraftError {
  const made = source.kind === 'file' ? '生成' : '保存';
  return new DraftError(
    'newer-version',
    `${subject(source)}由更新版本的申报网站${made}（格式版本 ${version}），当前页面无法读取。` +
      `请刷新页面使用最新版本后再${verb(source)}。`,
  );
}

export function forbiddenKey(source: DraftSource, key: string): DraftError {
  return new DraftError('forbidden-key', `${subject(source)}中有不允许的字段名“${key}”，已拒绝${verb(source)}。${recovery(source)}。`);
}

/** `problem` is a whole sentence ending in "。", such as the application importer's message. */
export function invalidData(source: DraftSource, problem: string): DraftError {
  return new DraftError('invalid-data', `${subject(source)}中有无法读取的内容：${problem}${recovery(source)}。`);
}
