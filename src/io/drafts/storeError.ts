// Storage failures as data the UI can show: a code for the program, a Chinese message for the person.
import { UserError } from '../../core/errors';

export type StoreErrorCode = 'unavailable' | 'quota' | 'not-found' | 'unknown';

const MESSAGES: Record<StoreErrorCode, string> = {
  unavailable:
    '浏览器不允许本网站使用本地存储（可能是无痕/隐私模式或浏览器设置所致），草稿无法自动保存。请改用普通窗口，或随时“导出草稿文件”保存到电脑。',
  quota:
    '浏览器分配给本网站的存储空间已满，这次没能保存。已保存的内容不受影响。请先“导出草稿文件”备份，再删除回收站中不需要的草稿或较大的附件后重试。',
  'not-found': '找不到这份草稿，它可能已在其他标签页中被永久删除。',
  unknown: '保存时浏览器报告了错误。已保存的内容不受影响，系统会自动重试；如果反复失败，请“导出草稿文件”备份。',
};

export class StoreError extends UserError<StoreErrorCode> {
  override readonly name = 'StoreError';
  constructor(code: StoreErrorCode, cause?: unknown) {
    super(code, MESSAGES[code], { cause });
  }
}

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return new StoreError('quota', error);
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotAllowedError') return new StoreError('unavailable', error);
  if (name === 'NotFoundError') return new StoreError('not-found', error);
  return new StoreError('unknown', error);
}
