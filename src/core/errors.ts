// The one kind of error meant for the person using the site: a stable code for the program and a message
// in Chinese that names what went wrong and says what to do. Any other error is a bug or a library's own
// failure: it is shown as a generic message, with its text only behind 详情, never as the message itself.

export class UserError<Code extends string = string> extends Error {
  // Each subclass names itself: class names do not survive minification.
  override readonly name: string = 'UserError';
  readonly code: Code;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export const GENERIC_ERROR_MESSAGE = '发生了意外错误，请刷新页面后重试。';

export interface DescribedError {
  /** Chinese, for the user. */
  message: string;
  /** The unexpected error's own text, for a 详情 toggle; absent for a UserError. */
  details?: string;
}

function detailsOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

/** What to show for an error: a UserError's own message, else the generic one with the details apart. */
export function describeError(error: unknown, generic: string = GENERIC_ERROR_MESSAGE): DescribedError {
  if (error instanceof UserError) return { message: error.message };
  return { message: generic, details: detailsOf(error) };
}
