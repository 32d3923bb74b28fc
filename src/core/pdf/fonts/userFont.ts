// The user's own font (仿宋 from the system or a picked .ttf): checked and prepared for jsPDF, with its coverage.
// Pure, so the PDF worker can rebuild the same font from the transferred bytes with prepareUserFont(bytes).

import {
  checkTrueTypeFont,
  collectionMembers,
  extractFontFromCollection,
  FONT_REJECT_REASONS,
  normalizeSfntVersion,
  readCmap,
  readFontNames,
  sfntKind,
  type FontBytes,
  type FontRejectCode,
} from './cmap';
import type { ExtraFont } from './coverage';

export interface UserFont extends ExtraFont {
  /** Key for jsPDF (addFileToVFS/addFont/setFont): `User-<PostScript name>`. */
  readonly name: string;
  readonly postscriptName: string;
  readonly fullName: string;
  readonly family: string;
  /** A standalone TrueType font (a collection member already extracted), sfnt version 0x00010000. */
  readonly bytes: ArrayBuffer;
  /** BMP code points it prints (through the cmap subtable jsPDF uses). */
  readonly characterCount: number;
}

export type UserFontRejectCode = FontRejectCode | 'not-chinese';

export type UserFontResult =
  | { readonly ok: true; readonly font: UserFont }
  | { readonly ok: false; readonly code: UserFontRejectCode; readonly message: string };

export interface PrepareUserFontOptions {
  /** For a collection (.ttc): the member to take (else the first TrueType member). */
  readonly postscriptName?: string;
}

/** Characters any font used for the form must have. */
export const REQUIRED_SAMPLE = '南昌市总工会劳模创新工作室申报表年月日';

/**
 * Checks a font for use in the PDFs and prepares it: extracts the member of a .ttc, rewrites 'true' to
 * 0x00010000, requires TrueType outlines, a Unicode cmap, embedding permission and the common hanzi of
 * {@link REQUIRED_SAMPLE}. Failures carry a Chinese message for the user.
 */
export function prepareUserFont(bytes: FontBytes, options: PrepareUserFontOptions = {}): UserFontResult {
  let single: Uint8Array<ArrayBuffer>;
  try {
    if (sfntKind(bytes) === 'collection') {
      const members = collectionMembers(bytes);
      const usable = members.filter((member) => member.trueType);
      const wanted =
        usable.find((member) => member.names.postscriptName === options.postscriptName) ?? usable[0];
      if (wanted === undefined) return failure('collection');
      single = extractFontFromCollection(bytes, wanted.index);
    } else {
      single = normalizeSfntVersion(bytes);
    }
  } catch {
    return failure('truncated');
  }
  const check = checkTrueTypeFont(single);
  if (!check.ok) return failure(check.code);
  let coverage;
  try {
    coverage = readCmap(single);
  } catch {
    return failure('no-cmap');
  }
  const missing = [...REQUIRED_SAMPLE].filter((char) => !coverage.covers(char.codePointAt(0) ?? 0));
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'not-chinese',
      message: `该字体缺少常用汉字（如“${missing.slice(0, 5).join('')}”），不是可用的中文字体。`,
    };
  }
  const names = readFontNames(single);
  const postscriptName = names.postscriptName || names.fullName || 'UserFont';
  return {
    ok: true,
    font: {
      name: `User-${postscriptName.replace(/[^A-Za-z0-9_-]/g, '') || 'Font'}`,
      postscriptName,
      fullName: names.fullName,
      family: names.family,
      bytes: single.buffer,
      characterCount: coverage.size,
      covers: (codePoint: number) => codePoint <= 0xffff && coverage.covers(codePoint),
    },
  };
}

function failure(code: FontRejectCode): UserFontResult {
  return { ok: false, code, message: FONT_REJECT_REASONS[code] };
}

/**
 * The font as jsPDF's addFileToVFS wants it: a binary string (one char per byte). jsPDF takes a string starting
 * with the TrueType signature as raw bytes and anything else as base64.
 */
export function toBinaryString(bytes: FontBytes): string {
  const view = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  const parts: string[] = [];
  const step = 0x8000;
  for (let i = 0; i < view.length; i += step) parts.push(String.fromCharCode(...view.subarray(i, i + step)));
  return parts.join('');
}
