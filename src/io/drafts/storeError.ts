// Storage failures as data the UI can show: a code for the program, a Chinese message for the person that
// names the actual cause. Nothing here promises a retry: the callers that do retry say so themselves.
import { formatBytes } from '../../core/bytes';
import { UserError } from '../../core/errors';

export type StoreErrorCode = 'unavailable' | 'quota' | 'deleted' | 'closed' | 'not-found' | 'unknown';

const MESSAGES: Record<StoreErrorCode, string> = {
  unavailable:
    '浏览器不允许本网站使用本地存储（可能是无痕/隐私模式或浏览器设置所致），草稿无法自动保存。请改用普通窗口，或随时“导出草稿文件”保存到电脑。',
  quota:
    '存储空间不足，这次没能保存。页面上的内容仍在，已保存的内容不受影响。请先“导出草稿文件”备份，再清理电脑磁盘或删除回收站中不需要的草稿和较大的附件。',
  deleted: '本网站的草稿数据库被其他页面删除或清除（例如清除了浏览器数据）。页面上的内容仍在。',
  closed: '与浏览器本地数据库的连接中断了。页面上的内容仍在，已保存的内容不受影响。',
  'not-found': '找不到这份草稿，它可能已在其他标签页中被永久删除。',
  unknown: '浏览器报告了存储错误。页面上的内容仍在，已保存的内容不受影响。如果反复出现，请“导出草稿文件”备份。',
};

export class StoreError extends UserError<StoreErrorCode> {
  override readonly name = 'StoreError';
  constructor(code: StoreErrorCode, cause?: unknown, message: string = MESSAGES[code]) {
    super(code, message, { cause });
  }
}

/** The quota message with the free space the browser reports (quota − usage), when it reports it. */
export function quotaError(cause: unknown, estimate: { usage?: number; quota?: number } | null): StoreError {
  const { usage, quota } = estimate ?? {};
  if (usage === undefined || quota === undefined) return new StoreError('quota', cause);
  const free = Math.max(0, quota - usage);
  return new StoreError(
    'quota',
    cause,
    `存储空间不足（浏览器报告本网站还可使用约 ${formatBytes(free)}，已用 ${formatBytes(usage)}），这次没能保存。` +
      '页面上的内容仍在，已保存的内容不受影响。请先“导出草稿文件”备份，再清理电脑磁盘或删除回收站中不需要的草稿和较大的附件。',
  );
}

function errorName(error: unknown): string {
  return error instanceof DOMException || error instanceof Error ? error.name : '';
}

/**
 * Classifies an error from IndexedDB. `phase` is 'open' for the first opening of the database (where a refusal
 * does mean a private window or a browser setting) and 'use' afterwards (where the same names mean that a
 * working connection was closed under us: another tab, cleared storage, a disk error).
 */
export function toStoreError(error: unknown, phase: 'open' | 'use' = 'use'): StoreError {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') return new StoreError('quota', error);
  if (name === 'NotFoundError') return new StoreError('not-found', error);
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotAllowedError') {
    return new StoreError(phase === 'open' ? 'unavailable' : 'closed', error);
  }
  if (name === 'AbortError' || name === 'UnknownError') return new StoreError(phase === 'open' ? 'unavailable' : 'closed', error);
  return new StoreError('unknown', error);
}
