// Which font prints each character of a document, which bundled chunks must be fetched, and which characters
// no font can print. Pure: runs in Node (build time, tests), on the page and in the PDF worker.
//
// Rules (jsPDF 4 reads text one UTF-16 unit at a time and silently drops what it cannot map):
// - characters outside the BMP (𠮷 U+20BB7) are unprintable even when a font has them;
// - control characters (U+0000–001F, U+007F–009F) other than "\n" are unprintable ("\n" is a line break, printed
//   by no font: the layout breaks the line); lone surrogates are unprintable;
// - everything else is printed by the first font that covers it: the extra fonts first, in the order given (the
//   user's own 仿宋, …), then the bundled chunk that lists it in the manifest.

import { rangeBounds, type FontManifest } from './manifest';

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
}

export interface FieldRef {
  readonly path: string;
  readonly label: string;
}

export type UnprintableReason = 'outside-bmp' | 'control' | 'lone-surrogate' | 'no-font';

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
  if (codePoint > 0xffff) return 'outside-bmp';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone-surrogate';
  if (codePoint === 0x0a) return null;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control';
  return null;
}

export interface FontResolver {
  /** Key of the font that prints this code point (an extra font's name or a chunk's file name), or null. */
  fontFor(codePoint: number): string | null;
  /** The font of text made only of line breaks: the first extra font, else chunk 0. */
  readonly defaultFont: string;
  /** Whether a key names a bundled chunk (rather than an extra font). */
  isChunk(font: string): boolean;
}

/** Builds the lookup once per document: binary search over the manifest's ranges. */
export function createFontResolver(manifest: FontManifest, extraFonts: readonly ExtraFont[] = []): FontResolver {
  const bounds: [number, number, number][] = [];
  manifest.chunks.forEach((chunk, index) => {
    for (const range of chunk.ranges) bounds.push([...rangeBounds(range), index]);
  });
  bounds.sort((a, b) => a[0] - b[0]);
  const starts = new Uint32Array(bounds.length);
  const ends = new Uint32Array(bounds.length);
  const owners = new Uint16Array(bounds.length);
  bounds.forEach(([start, end, owner], i) => {
    starts[i] = start;
    ends[i] = end;
    owners[i] = owner;
  });
  const files = manifest.chunks.map((chunk) => chunk.file);
  const fileSet = new Set(files);
  const chunkFor = (codePoint: number): string | null => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (codePoint < (starts[mid] ?? 0)) hi = mid - 1;
      else if (codePoint > (ends[mid] ?? 0)) lo = mid + 1;
      else return files[owners[mid] ?? 0] ?? null;
    }
    return null;
  };
  return {
    fontFor(codePoint: number): string | null {
      if (intrinsicallyUnprintable(codePoint) !== null || codePoint === 0x0a) return null;
      for (const font of extraFonts) if (font.covers(codePoint)) return font.name;
      return chunkFor(codePoint);
    },
    defaultFont: extraFonts[0]?.name ?? files[0] ?? '',
    isChunk: (font: string) => fileSet.has(font),
  };
}

/** The font of one code point; see {@link createFontResolver} to look up many. */
export function fontFor(codePoint: number, manifest: FontManifest, extraFonts: readonly ExtraFont[] = []): string | null {
  return createFontResolver(manifest, extraFonts).fontFor(codePoint);
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
  for (const { path, label, text } of texts) {
    for (const char of charactersOf(text)) {
      if (char === '\n') continue;
      let font = seen.get(char);
      if (font === undefined) {
        font = resolver.fontFor(char.codePointAt(0) ?? 0);
        seen.set(char, font);
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
   * Printed instead of a character no font prints (for example '□'); it must itself be printable. Without it,
   * such a character throws {@link UnprintableCharacterError}: plan first and stop before rendering.
   */
  readonly replacement?: string;
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
    const font = resolver.fontFor(codePoint);
    if (font !== null) {
      append(font, char);
      continue;
    }
    if (options.replacement === undefined) throw new UnprintableCharacterError(char, codePoint);
    for (const replacementChar of options.replacement) {
      const replacementCode = replacementChar.codePointAt(0) ?? 0;
      const replacementFont = resolver.fontFor(replacementCode);
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
  'outside-bmp': '属于扩展区的生僻字，PDF 生成程序无法输出',
  control: '是不可见的控制字符',
  'lone-surrogate': '是残缺的字符编码',
  'no-font': '所用字体中没有这个字',
};

/**
 * One line per character, in Chinese, saying what it is and where to change it, e.g.
 * `“𠮷”（U+20BB7）属于扩展区的生僻字，PDF 生成程序无法输出；见于：领衔人姓名、成员1姓名。`
 */
export function describeUnprintable(entry: UnprintableCharacter): string {
  const shown = entry.reason === 'control' || entry.reason === 'lone-surrogate' ? '' : `“${entry.char}”`;
  const where = entry.fields.map((field) => field.label).join('、');
  return `${shown}（${codePointLabel(entry.codePoint)}）${REASON_TEXT[entry.reason]}；见于：${where}。`;
}
