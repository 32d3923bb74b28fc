// Which font prints each character of a document, which bundled chunks must be fetched, and which characters
// no font can print. Pure: runs in Node (build time, tests), on the page and in the PDF worker.
//
// Rules (jsPDF 4 reads text one UTF-16 unit at a time and silently drops what it cannot map):
// - control characters (U+0000–001F, U+007F–009F) other than "\n" are unprintable ("\n" is a line break, printed
//   by no font: the layout breaks the line); so are lone surrogates and invisible format characters (zero-width
//   joiners, variation selectors), which would print as nothing or as a box;
// - everything else is printed by the first font that covers it: the extra fonts first, in the order given (the
//   user's own 仿宋, …), then the bundled chunk that lists it in the manifest. Characters beyond the BMP (𠮷
//   U+20BB7) are printed by the rare-character chunks, whose cmap puts them at private-use code points: the text
//   handed to jsPDF carries those (see {@link runsByFont}) and the renderer writes the real ones into ToUnicode.

import { PUA_START, rangeBounds, type FontManifest } from './manifest';
import type { BundledRole, FontRole } from './roles';

/** A font supplied besides the bundled one (the user's 仿宋): its key and the BMP code points it prints. */
export interface ExtraFont {
  readonly name: string;
  readonly covers: (codePoint: number) => boolean;
}

/** A text of the document, with the field it comes from (for telling the user where to change it). */
export interface DocumentText {
  readonly path: string;
  readonly label: string;
  readonly text: string;
  /** The role it prints in; 'fangsong' (body) when absent. */
  readonly role?: FontRole;
}

export interface FieldRef {
  readonly path: string;
  readonly label: string;
}

export type UnprintableReason = 'invisible' | 'control' | 'lone-surrogate' | 'no-font';

export interface UnprintableCharacter {
  readonly char: string;
  readonly codePoint: number;
  readonly reason: UnprintableReason;
  /** The fields it occurs in, each once, in the order of the texts. */
  readonly fields: readonly FieldRef[];
}

export interface FontPlan {
  /** Bundled chunk files to fetch, in manifest order. */
  readonly chunks: readonly string[];
  /** Extra fonts that print at least one character, in the order given. */
  readonly extraFonts: readonly string[];
  /** Characters no font can print, in the order they first occur. Empty when the document can be printed. */
  readonly unprintable: readonly UnprintableCharacter[];
}

/** The distinct characters of a text (by code point, lone surrogates kept), in the order they first occur. */
export function charactersOf(text: string): string[] {
  return [...new Set(text)];
}

/** Why a code point cannot be printed whatever the fonts, or null when a font might print it. */
export function intrinsicallyUnprintable(codePoint: number): Exclude<UnprintableReason, 'no-font'> | null {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone-surrogate';
  if (codePoint === 0x0a) return null;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control';
  if (isInvisible(codePoint)) return 'invisible';
  return null;
}

/** Format characters (\p{Cf}: zero-width space and joiners, BOM, soft hyphen, …) and variation selectors. */
function isInvisible(codePoint: number): boolean {
  if ((codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) return true;
  return /\p{Cf}/u.test(String.fromCodePoint(codePoint));
}

export interface FontResolver {
  /**
   * Key of the font that prints this code point in a role (an extra font's name or a chunk's file name), or null.
   * The extra fonts (the user's 仿宋) serve only 'fangsong'; a bundled role ('hei', 'kai', 'title') uses its own
   * face's chunks, and every role falls back to the main serif and its rare-character chunks.
   */
  fontFor(codePoint: number, role?: FontRole): string | null;
  /** The text jsPDF is given for this character in `font`: itself, or its private-use stand-in in a rare chunk. */
  encode(char: string, font: string): string;
  /** The real code point behind a private-use stand-in of a rare chunk, or null (not a rare chunk's). */
  decode(font: string, code: number): number | null;
  /** The font of text made only of line breaks: the first extra font, else chunk 0. */
  readonly defaultFont: string;
  /** Whether a key names a bundled chunk (rather than an extra font). */
  isChunk(font: string): boolean;
}

/** Sorted code point ranges of some chunks, searched by binary search. */
interface RangeTable {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Index into the manifest's chunks. */
  readonly owners: Uint16Array;
}

function rangeTable(bounds: [number, number, number][]): RangeTable {
  bounds.sort((a, b) => a[0] - b[0]);
  const table = { starts: new Uint32Array(bounds.length), ends: new Uint32Array(bounds.length), owners: new Uint16Array(bounds.length) };
  bounds.forEach(([start, end, owner], i) => {
    table.starts[i] = start;
    table.ends[i] = end;
    table.owners[i] = owner;
  });
  return table;
}

/** Index of the range holding the code point, or -1. */
function rangeOf(table: RangeTable, codePoint: number): number {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (codePoint < (table.starts[mid] ?? 0)) hi = mid - 1;
    else if (codePoint > (table.ends[mid] ?? 0)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Builds the lookup once per document: binary search over the manifest's ranges, one table per role. */
export function createFontResolver(manifest: FontManifest, extraFonts: readonly ExtraFont[] = []): FontResolver {
  const bounds = new Map<BundledRole | undefined, [number, number, number][]>();
  // For the rare chunks: where each range starts in the chunk's private-use sequence, and the sequence itself.
  const puaOffset = new Map<number, number>();
  const puaCodePoints = new Map<string, number[]>();
  manifest.chunks.forEach((chunk, index) => {
    let offset = 0;
    const sequence: number[] = [];
    const list = bounds.get(chunk.role) ?? [];
    bounds.set(chunk.role, list);
    for (const range of chunk.ranges) {
      const [start, end] = rangeBounds(range);
      list.push([start, end, index]);
      if (chunk.pua !== true) continue;
      puaOffset.set(start, offset);
      for (let cp = start; cp <= end; cp++) sequence.push(cp);
      offset += end - start + 1;
    }
    if (chunk.pua === true) puaCodePoints.set(chunk.file, sequence);
  });
  const main = rangeTable(bounds.get(undefined) ?? []);
  const roles = new Map<FontRole, RangeTable>();
  for (const [role, list] of bounds) if (role !== undefined) roles.set(role, rangeTable(list));
  const files = manifest.chunks.map((chunk) => chunk.file);
  const fileSet = new Set(files);
  const chunkIn = (table: RangeTable, codePoint: number): string | null => {
    const at = rangeOf(table, codePoint);
    return at < 0 ? null : (files[table.owners[at] ?? 0] ?? null);
  };
  return {
    fontFor(codePoint: number, role: FontRole = 'fangsong'): string | null {
      if (intrinsicallyUnprintable(codePoint) !== null || codePoint === 0x0a) return null;
      // An extra font is printed through its own BMP cmap: what lies beyond goes to the rare chunks.
      if (role === 'fangsong' && codePoint <= 0xffff) for (const font of extraFonts) if (font.covers(codePoint)) return font.name;
      const own = roles.get(role);
      return (own === undefined ? null : chunkIn(own, codePoint)) ?? chunkIn(main, codePoint);
    },
    encode(char: string, font: string): string {
      if (!puaCodePoints.has(font)) return char;
      const codePoint = char.codePointAt(0) ?? 0;
      const at = rangeOf(main, codePoint);
      const start = main.starts[at] ?? 0;
      const offset = puaOffset.get(start);
      if (at < 0 || offset === undefined || files[main.owners[at] ?? 0] !== font) return char;
      return String.fromCharCode(PUA_START + offset + codePoint - start);
    },
    decode(font: string, code: number): number | null {
      return puaCodePoints.get(font)?.[code - PUA_START] ?? null;
    },
    defaultFont: extraFonts[0]?.name ?? files[0] ?? '',
    isChunk: (font: string) => fileSet.has(font),
  };
}

/** The font of one code point; see {@link createFontResolver} to look up many. */
export function fontFor(codePoint: number, manifest: FontManifest, extraFonts: readonly ExtraFont[] = [], role?: FontRole): string | null {
  return createFontResolver(manifest, extraFonts).fontFor(codePoint, role);
}

/**
 * What printing these texts needs: the bundled chunks to fetch, the extra fonts used, and every character that
 * no font prints (outside the BMP, control characters other than "\n", lone surrogates, or covered by no font)
 * with the fields it is in.
 */
export function planFonts(
  texts: readonly DocumentText[],
  manifest: FontManifest,
  extraFonts: readonly ExtraFont[] = [],
): FontPlan {
  const resolver = createFontResolver(manifest, extraFonts);
  const used = new Set<string>();
  const unprintable = new Map<string, { char: string; codePoint: number; reason: UnprintableReason; fields: FieldRef[] }>();
  const seen = new Map<string, string | null>();
  for (const { path, label, text, role = 'fangsong' } of texts) {
    for (const char of charactersOf(text)) {
      if (char === '\n') continue;
      const key = `${role}:${char}`;
      let font = seen.get(key);
      if (font === undefined) {
        font = resolver.fontFor(char.codePointAt(0) ?? 0, role);
        seen.set(key, font);
        if (font !== null) used.add(font);
      }
      if (font !== null) continue;
      const codePoint = char.codePointAt(0) ?? 0;
      let entry = unprintable.get(char);
      if (entry === undefined) {
        entry = { char, codePoint, reason: intrinsicallyUnprintable(codePoint) ?? 'no-font', fields: [] };
        unprintable.set(char, entry);
      }
      if (!entry.fields.some((field) => field.path === path)) entry.fields.push({ path, label });
    }
  }
  return {
    chunks: manifest.chunks.map((chunk) => chunk.file).filter((file) => used.has(file)),
    extraFonts: extraFonts.map((font) => font.name).filter((name) => used.has(name)),
    unprintable: [...unprintable.values()],
  };
}

export interface FontRun {
  readonly font: string;
  readonly text: string;
}

export interface RunsByFontOptions {
  /**
   * Printed instead of a character no font prints (for example '□', or '' to leave it out); it must itself be
   * printable. Without it, such a character throws {@link UnprintableCharacterError}: plan first and stop before
   * rendering, or print without those characters when the applicant chose so.
   */
  readonly replacement?: string;
  /** The role the text prints in; 'fangsong' when absent. */
  readonly role?: FontRole;
}

export class UnprintableCharacterError extends Error {
  readonly char: string;
  readonly codePoint: number;
  constructor(char: string, codePoint: number) {
    super(`字符“${char}”（${codePointLabel(codePoint)}）无法打印：没有字体包含它。`);
    this.name = 'UnprintableCharacterError';
    this.char = char;
    this.codePoint = codePoint;
  }
}

/**
 * Splits a text into runs printed by one font each, for the renderer (setFont + text per run). "\n" joins the
 * run it stands in (or the next one at the start; {@link FontResolver.defaultFont} if there is no other char).
 * A rare chunk's run carries the private-use stand-ins of its characters, one UTF-16 unit each.
 */
export function runsByFont(text: string, resolver: FontResolver, options: RunsByFontOptions = {}): FontRun[] {
  const runs: { font: string; text: string }[] = [];
  let pending = '';
  const append = (font: string, chars: string): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.font === font) last.text += chars;
    else runs.push({ font, text: pending + chars });
    pending = '';
  };
  for (const char of text) {
    if (char === '\n') {
      const last = runs[runs.length - 1];
      if (last !== undefined) last.text += char;
      else pending += char;
      continue;
    }
    const codePoint = char.codePointAt(0) ?? 0;
    const font = resolver.fontFor(codePoint, options.role);
    if (font !== null) {
      append(font, resolver.encode(char, font));
      continue;
    }
    if (options.replacement === undefined) throw new UnprintableCharacterError(char, codePoint);
    for (const replacementChar of options.replacement) {
      const replacementCode = replacementChar.codePointAt(0) ?? 0;
      const replacementFont = resolver.fontFor(replacementCode, options.role);
      if (replacementFont === null) throw new UnprintableCharacterError(replacementChar, replacementCode);
      append(replacementFont, replacementChar);
    }
  }
  if (pending !== '') runs.push({ font: resolver.defaultFont, text: pending });
  return runs;
}

/** "U+20BB7". */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const REASON_TEXT: Readonly<Record<UnprintableReason, string>> = {
  invisible: '是不可见的格式字符，打印出来是空白或方框',
  control: '是不可见的控制字符',
  'lone-surrogate': '是残缺的字符编码',
  'no-font': '所用字体中没有这个字符',
};

/** Chinese names of the invisible characters people paste most (from Word, WeChat, web pages). */
const NAMES: Readonly<Record<number, string>> = {
  0x09: '制表符',
  0x0d: '回车符',
  0xad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽非连接符',
  0x200d: '零宽连接符',
  0x200e: '从左至右标记',
  0x200f: '从右至左标记',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
  0x2060: '文字连接符',
  0xfe0e: '文本样式选择符',
  0xfe0f: '表情样式选择符',
  0xfeff: '零宽不换行空格（BOM）',
  0xfffc: '对象替换符',
  0xfffd: '替换字符（乱码）',
};

/** A readable Chinese name for a character: its own name, or what kind of character it is. */
export function characterName(codePoint: number): string {
  const own = NAMES[codePoint];
  if (own !== undefined) return own;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return '残缺的代理码元';
  const char = String.fromCodePoint(codePoint);
  if ((codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) return '变体选择符';
  if (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) return '表情肤色修饰符';
  if (/\p{Cc}/u.test(char)) return '控制字符';
  if (/\p{Cf}/u.test(char)) return '不可见的格式字符';
  if (/\p{Extended_Pictographic}/u.test(char) || (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff)) return '表情符号';
  if (/\p{Co}/u.test(char)) return '私用区字符（造字）';
  if (/\p{Script=Han}/u.test(char)) return '汉字';
  for (const [script, name] of SCRIPT_NAMES) if (new RegExp(`\\p{Script=${script}}`, 'u').test(char)) return name;
  if (/\p{S}/u.test(char)) return '符号';
  if (/\p{L}/u.test(char)) return '其他文字的字母';
  return '特殊字符';
}

const SCRIPT_NAMES: readonly (readonly [string, string])[] = [
  ['Tibetan', '藏文'],
  ['Mongolian', '蒙古文'],
  ['Uyghur', '维吾尔文'],
  ['Arabic', '阿拉伯文'],
  ['Yi', '彝文'],
  ['Tai_Le', '傣文'],
  ['New_Tai_Lue', '傣文'],
  ['Hangul', '朝鲜文'],
  ['Thai', '泰文'],
  ['Devanagari', '天城文'],
  ['Hebrew', '希伯来文'],
  ['Tangut', '西夏文'],
];

/**
 * How the applicant sees a character in a message: `“😀” U+1F600（表情符号）`, and for an invisible one only its
 * code point and name, `U+200D（零宽连接符）`, never an empty “”.
 */
export function characterLabel(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const shown = intrinsicallyUnprintable(codePoint) === null ? `“${char}” ` : '';
  return `${shown}${codePointLabel(codePoint)}（${characterName(codePoint)}）`;
}

/**
 * One line per character, in Chinese, saying what it is and where to change it, e.g.
 * `“😀” U+1F600（表情符号）所用字体中没有这个字符；见于：领衔人姓名、成员1姓名。`
 */
export function describeUnprintable(entry: UnprintableCharacter): string {
  const where = entry.fields.map((field) => field.label).join('、');
  return `${characterLabel(entry.char)}${REASON_TEXT[entry.reason]}；见于：${where}。`;
}
