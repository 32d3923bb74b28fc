/** The Chinese message of a typed error (DraftError, StoreError); a generic one for anything unexpected. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return '发生了意外错误，请刷新页面后重试。';
}
