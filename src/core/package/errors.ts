// Why a package was not built; `message` is Chinese, for the user, and says what to do.
import { UserError } from '../errors';

export type PackageErrorCode = 'cancelled' | 'failed';

export class PackageError extends UserError<PackageErrorCode> {
  override readonly name = 'PackageError';
}

export function cancelled(reason?: unknown): PackageError {
  return new PackageError('cancelled', '已取消打包。', { cause: reason });
}

/** The error for a failure: a PackageError as it is, a cancellation when the signal says so, else 'failed'. */
export function asPackageError(error: unknown, signal?: AbortSignal): PackageError {
  if (error instanceof PackageError) return error;
  if (signal?.aborted === true) return cancelled(signal.reason);
  return new PackageError('failed', '打包失败：读取附件时出错。请重试；若仍失败，请检查附件是否仍可打开（可删除后重新添加）。', { cause: error });
}
