// The fonts a .docx names for each logical style of the documents. Named as Chinese Windows and WPS know them,
// in the East Asian slot (w:eastAsia) and the Latin slots alike, so digits and Latin text match the Chinese.
import { fontRole } from '../pdf/fonts/roles';
import type { FontStyle } from '../pdf/layout/types';

export const WORD_FONTS: Record<FontStyle, string> = { song: '宋体', hei: '黑体', kai: '楷体', fangsong: '仿宋' };

/** Titles of official documents are set in 小标宋; Word and WPS fall back to a 宋体 where it is not installed. */
export const TITLE_FONT = '方正小标宋简体';

/** 仿宋 at 小四 (12 pt): 填表说明9. */
export const BODY_STYLE: FontStyle = 'fangsong';
export const BODY_SIZE = 12;

/** The same roles as the PDF's faces (src/core/pdf/fonts/roles.ts): a 宋 line of 二号 or larger is a title. */
export function fontFor(style: FontStyle, size: number): string {
  return fontRole(style, size) === 'title' ? TITLE_FONT : WORD_FONTS[style];
}
