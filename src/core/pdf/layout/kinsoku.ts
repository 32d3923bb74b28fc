// The line-breaking prohibitions (禁则) of Chinese text, kept as data.
//
// Sources:
// - GB/T 15834-2011《标点符号用法》§5.1.7–5.1.9 (placement of marks): 句号、逗号、顿号、分号、冒号、问号、叹号 and the
//   closing halves of quotes, brackets and title marks never start a line; the opening halves never end one;
//   破折号 and 省略号 take two character cells and are never split across lines; 连接号、间隔号 do not start a line.
// - W3C Requirements for Chinese Text Layout (clreq), §3.1.7 "Prohibition rules for line start and line end".
// - The project's list in shared/design/official-format.md (the half-width twins included).
//
// A whole dash pair —— begins with a forbidden line-start character (—), so it never starts a line either:
// stricter than clreq, which tolerates 破折号 at a line start, but it keeps every line of the PDF clean by one
// simple rule that the tests (and the text-extraction checks of the PDFs) can verify.

/** Characters that never begin a line. */
export const LINE_START_FORBIDDEN: ReadonlySet<string> = new Set([
  // full-width: 顿号 逗号 句号 冒号 分号 叹号 问号
  ...'、，。：；！？',
  // closing quotes and brackets
  ...'”’」』）〕】〗］｝》〉',
  // 连接号 (en dash, em dash, wave dash), 间隔号 (· and its look-alikes ・ ‧), 分隔号
  ...'–—～·・‧／',
  // half-width twins
  ...',.:;!?)]}',
]);

/** Characters that never end a line. */
export const LINE_END_FORBIDDEN: ReadonlySet<string> = new Set([...'“‘「『（〔【〖［｛《〈', ...'([{']);

/** Marks that occupy two cells and are never split: 破折号 and 省略号. */
export const INSEPARABLE: readonly string[] = ['——', '……'];

function firstChar(text: string): string {
  const cp = text.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function lastChar(text: string): string {
  const chars = Array.from(text);
  return chars[chars.length - 1] ?? '';
}

/** True when `text` may not stand at the start of a line (judged by its first character). */
export function isForbiddenStart(text: string): boolean {
  return LINE_START_FORBIDDEN.has(firstChar(text));
}

/** True when `text` may not stand at the end of a line (judged by its last character). */
export function isForbiddenEnd(text: string): boolean {
  return LINE_END_FORBIDDEN.has(lastChar(text));
}
