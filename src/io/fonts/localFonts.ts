// The user's own 仿宋 (填表说明9 asks for it): from the system through the Local Font Access API
// (`window.queryLocalFonts()`, Chromium 103+, secure context, a user gesture and the "local fonts" permission),
// or from a .ttf file the user picks (Windows: C:\Windows\Fonts\simfang.ttf). The bundled font stays the default.
//
// Page only for pickLocalFangSong (queryLocalFonts does not exist in workers); readFontFile works anywhere a File
// or Blob does. To use the font in the PDF worker, post `font.bytes` (transfer it if the page no longer needs it)
// and rebuild it there with `prepareUserFont(bytes)` from core/pdf/fonts/userFont: functions such as `covers`
// cannot be posted.

import { prepareUserFont, type UserFont, type UserFontRejectCode } from '../../core/pdf/fonts/userFont';

export type LocalFontFailureCode = 'unsupported' | 'permission-denied' | 'not-found' | 'read-error' | 'too-large' | UserFontRejectCode;

export type LocalFontResult =
  | { readonly ok: true; readonly font: UserFont; readonly source: 'system' | 'file' }
  | { readonly ok: false; readonly code: LocalFontFailureCode; readonly message: string };

/** Larger than any CJK TrueType font (simfang.ttf is about 10 MB; big collections reach 40 MB). */
export const MAX_FONT_FILE_BYTES = 64 * 1024 * 1024;

const FILE_HINT = '也可以点“选择字体文件”，选取 C:\\Windows\\Fonts\\simfang.ttf（仿宋）。';

const MESSAGES = {
  unsupported: `此浏览器不能读取本机字体（需要电脑版 Chrome 或 Edge 103 及以上版本，且网址为 https）。${FILE_HINT}`,
  'permission-denied': `浏览器未允许本网站读取本机字体。请再点一次按钮并在提示中选择“允许”；如果之前选了“阻止”，请在地址栏左侧的网站设置中把“字体”改为“允许”。${FILE_HINT}`,
  'not-found': `本机没有找到仿宋字体（仿宋、仿宋_GB2312、华文仿宋）。${FILE_HINT}`,
  'read-error': '读取字体文件失败，请重试。',
  'too-large': '所选文件过大，不像是字体文件。',
} as const;

/** The Local Font Access API's FontData, as far as it is used here. */
interface LocalFontData {
  readonly postscriptName: string;
  readonly fullName: string;
  readonly family: string;
  readonly style: string;
  blob(): Promise<Blob>;
}

export function isLocalFontAccessSupported(): boolean {
  return typeof Reflect.get(globalThis, 'queryLocalFonts') === 'function';
}

/**
 * Finds 仿宋 among the system's fonts and returns it checked and prepared, or a failure with a Chinese message.
 * Call it directly from a click handler (the permission prompt needs a user gesture), on the page, not in a worker.
 */
export async function pickLocalFangSong(): Promise<LocalFontResult> {
  const query: unknown = Reflect.get(globalThis, 'queryLocalFonts');
  if (typeof query !== 'function') return fail('unsupported');
  let fonts: LocalFontData[];
  try {
    const result: unknown = await Reflect.apply(query, globalThis, []);
    fonts = Array.isArray(result) ? result.filter(isLocalFontData) : [];
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    // NotAllowedError: refused, or no user gesture; SecurityError: blocked by permissions policy (frames).
    return fail(name === 'NotAllowedError' || name === 'SecurityError' ? 'permission-denied' : 'unsupported');
  }
  if (fonts.length === 0) return fail('permission-denied'); // Some versions resolve empty instead of rejecting.
  const candidates = rankFangSong(fonts);
  if (candidates.length === 0) return fail('not-found');
  let firstFailure: LocalFontResult | undefined;
  for (const candidate of candidates) {
    let bytes: ArrayBuffer;
    try {
      bytes = await (await candidate.blob()).arrayBuffer();
    } catch {
      firstFailure ??= fail('read-error');
      continue;
    }
    const prepared = prepareUserFont(bytes, { postscriptName: candidate.postscriptName });
    if (prepared.ok) return { ok: true, font: prepared.font, source: 'system' };
    firstFailure ??= { ok: false, code: prepared.code, message: `本机的“${candidate.fullName}”不能使用：${prepared.message}` };
  }
  return firstFailure ?? fail('not-found');
}

/** Reads a font file the user picked (.ttf, or a .ttc collection) and checks it as for the system's 仿宋. */
export async function readFontFile(file: Blob): Promise<LocalFontResult> {
  if (file.size > MAX_FONT_FILE_BYTES) return fail('too-large');
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return fail('read-error');
  }
  const prepared = prepareUserFont(bytes);
  if (!prepared.ok) return { ok: false, code: prepared.code, message: prepared.message };
  return { ok: true, font: prepared.font, source: 'file' };
}

/** 仿宋 faces, best first: Windows' FangSong, the older FangSong_GB2312, macOS' STFangsong, then any other 仿宋. */
export function rankFangSong<T extends Pick<LocalFontData, 'postscriptName' | 'fullName' | 'family' | 'style'>>(fonts: readonly T[]): T[] {
  const exact = ['FangSong', 'FangSong_GB2312', 'STFangsong'];
  const names = ['仿宋', '仿宋_GB2312', '华文仿宋'];
  const score = (font: T): number => {
    const byPostscript = exact.indexOf(font.postscriptName);
    if (byPostscript >= 0) return byPostscript;
    const byName = Math.max(names.indexOf(font.fullName), names.indexOf(font.family));
    if (byName >= 0) return 10 + byName;
    const text = `${font.postscriptName} ${font.fullName} ${font.family}`;
    if (/仿宋|fang\s*song/i.test(text)) return /regular|normal|^$/i.test(font.style) ? 20 : 21;
    return -1;
  };
  return fonts
    .map((font) => ({ font, rank: score(font) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map(({ font }) => font);
}

function fail(code: keyof typeof MESSAGES): LocalFontResult {
  return { ok: false, code, message: MESSAGES[code] };
}

function isLocalFontData(value: unknown): value is LocalFontData {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof Reflect.get(value, 'postscriptName') === 'string' &&
    typeof Reflect.get(value, 'fullName') === 'string' &&
    typeof Reflect.get(value, 'family') === 'string' &&
    typeof Reflect.get(value, 'style') === 'string' &&
    typeof Reflect.get(value, 'blob') === 'function'
  );
}
