// The manifest of the bundled font's chunks, written by scripts/build-fonts.mjs to
// public/fonts/noto-serif-sc/manifest.json and fetched (from the site itself) before the first PDF.
import { isBundledRole, type BundledRole } from './roles';

/** An inclusive code point range; a lone code point is written as a plain number. */
export type CodePointRange = number | readonly [number, number];

export interface FontChunk {
  /** File name in the manifest's folder: `cNNN-<first 8 hex digits of its SHA-256>.ttf`. */
  readonly file: string;
  readonly bytes: number;
  /** Sorted, disjoint inclusive ranges of the code points this chunk prints. */
  readonly ranges: readonly CodePointRange[];
  /** Frequency tier it belongs to ('common' for chunk 0, 'gb2312-level2', …): informative. */
  readonly tier?: string;
  /** Number of code points it prints: informative. */
  readonly characters?: number;
  /**
   * A rare-character chunk: its cmap puts the n-th code point of its ranges (in order) at U+E000 + n, because
   * jsPDF addresses glyphs by one UTF-16 unit; the text drawn with it carries those stand-ins (FontResolver.encode).
   */
  readonly pua?: boolean;
  /** The typeface it was cut from when not the main family ('HanaMinB', 'Noto Sans SC Medium', …). */
  readonly face?: string;
  /**
   * The role it prints ('hei' 黑体, 'kai' 楷体, 'title' 小标宋); absent for the main serif, which prints 仿宋 and 宋
   * text and every character a role's face lacks. Chunks of different roles may list the same code point.
   */
  readonly role?: BundledRole;
}

/** First private-use code point of a {@link FontChunk.pua} chunk; the BMP's private-use area holds 6,400. */
export const PUA_START = 0xe000;
export const PUA_CAPACITY = 6400;

export interface FontManifest {
  readonly family: string;
  readonly license: string;
  /** `<npm package>@<version>` the chunks were derived from. */
  readonly source: string;
  /** The licence text beside the chunks (OFL.txt). */
  readonly licenseFile?: string;
  readonly scriptVersion?: number;
  readonly chunks: readonly FontChunk[];
}

export class FontManifestError extends Error {
  constructor(detail: string) {
    super(`字体清单（manifest.json）格式不正确：${detail}`);
    this.name = 'FontManifestError';
  }
}

/** File names a manifest may point to: a plain name in the same folder, never a path or a URL. */
export const CHUNK_FILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ttf$/;

/**
 * Checks fetched JSON and returns it as a {@link FontManifest}. Throws {@link FontManifestError} (in Chinese) when a
 * field is missing or wrong, a file name is not a plain `.ttf` name, a range is not sorted or two chunks claim
 * the same code point.
 */
export function validateFontManifest(value: unknown): FontManifest {
  if (!isRecord(value)) throw new FontManifestError('不是 JSON 对象');
  const family = requireString(value, 'family');
  const license = requireString(value, 'license');
  const source = requireString(value, 'source');
  const chunksValue = value['chunks'];
  if (!Array.isArray(chunksValue) || chunksValue.length === 0) throw new FontManifestError('缺少 chunks 列表');
  const files = new Set<string>();
  const chunks = chunksValue.map((chunk: unknown, index): FontChunk => {
    const where = `chunks[${index}]`;
    if (!isRecord(chunk)) throw new FontManifestError(`${where} 不是对象`);
    const file = chunk['file'];
    if (typeof file !== 'string' || !CHUNK_FILE_PATTERN.test(file)) {
      throw new FontManifestError(`${where}.file 应为同一目录下的 .ttf 文件名`);
    }
    if (files.has(file)) throw new FontManifestError(`文件 ${file} 重复出现`);
    files.add(file);
    const bytes = chunk['bytes'];
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes <= 0) {
      throw new FontManifestError(`${where}.bytes 应为正整数`);
    }
    const ranges = validateRanges(chunk['ranges'], where);
    const out: { -readonly [K in keyof FontChunk]: FontChunk[K] } = { file, bytes, ranges };
    const tier = chunk['tier'];
    if (typeof tier === 'string') out.tier = tier;
    const characters = chunk['characters'];
    if (typeof characters === 'number' && Number.isSafeInteger(characters)) out.characters = characters;
    if (chunk['pua'] === true) {
      const count = ranges.reduce<number>((sum, range) => sum + rangeBounds(range)[1] - rangeBounds(range)[0] + 1, 0);
      if (count > PUA_CAPACITY) throw new FontManifestError(`${where} 的字符超过私用区容量 ${PUA_CAPACITY}`);
      out.pua = true;
    }
    const face = chunk['face'];
    if (typeof face === 'string') out.face = face;
    const role = chunk['role'];
    if (role !== undefined) {
      if (!isBundledRole(role)) throw new FontManifestError(`${where}.role 应为 hei、kai 或 title`);
      if (chunk['pua'] === true) throw new FontManifestError(`${where} 是生僻字字块，不能属于某一角色`);
      out.role = role;
    }
    return out;
  });
  checkNoOverlap(chunks);
  const manifest: { -readonly [K in keyof FontManifest]: FontManifest[K] } = { family, license, source, chunks };
  const licenseFile = value['licenseFile'];
  if (typeof licenseFile === 'string') manifest.licenseFile = licenseFile;
  const scriptVersion = value['scriptVersion'];
  if (typeof scriptVersion === 'number') manifest.scriptVersion = scriptVersion;
  return manifest;
}

/** The typeface a chunk was cut from: its own face, else the manifest's family. */
export function chunkFace(manifest: FontManifest, file: string): string {
  return manifest.chunks.find((chunk) => chunk.file === file)?.face ?? manifest.family;
}

/** The range as [start, end]. */
export function rangeBounds(range: CodePointRange): readonly [number, number] {
  return typeof range === 'number' ? [range, range] : range;
}

function validateRanges(value: unknown, where: string): CodePointRange[] {
  if (!Array.isArray(value) || value.length === 0) throw new FontManifestError(`${where}.ranges 应为非空列表`);
  let previousEnd = -1;
  return value.map((range: unknown, i): CodePointRange => {
    let start: unknown;
    let end: unknown;
    if (typeof range === 'number') {
      start = range;
      end = range;
    } else if (Array.isArray(range) && range.length === 2) {
      [start, end] = range;
    }
    if (!isCodePoint(start) || !isCodePoint(end) || start > end || start <= previousEnd) {
      throw new FontManifestError(`${where}.ranges[${i}] 不是递增且不重叠的码位区间`);
    }
    previousEnd = end;
    return start === end ? start : [start, end];
  });
}

/** Within a role (and within the main font) no two chunks claim a code point. */
function checkNoOverlap(chunks: readonly FontChunk[]): void {
  const roles = new Set(chunks.map((chunk) => chunk.role));
  for (const role of roles) checkNoOverlapIn(chunks.filter((chunk) => chunk.role === role));
}

function checkNoOverlapIn(chunks: readonly FontChunk[]): void {
  const all: [number, number, string][] = [];
  for (const chunk of chunks) for (const range of chunk.ranges) all.push([...rangeBounds(range), chunk.file]);
  all.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < all.length; i++) {
    const previous = all[i - 1];
    const current = all[i];
    if (previous !== undefined && current !== undefined && current[0] <= previous[1]) {
      throw new FontManifestError(`${previous[2]} 与 ${current[2]} 都包含 U+${current[0].toString(16).toUpperCase()}`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: Record<string, unknown>, key: string): string {
  const field = value[key];
  if (typeof field !== 'string' || field === '') throw new FontManifestError(`缺少 ${key}`);
  return field;
}

function isCodePoint(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x10ffff;
}
