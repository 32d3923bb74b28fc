// A small reader of TrueType/OpenType ("sfnt") files, enough to decide whether jsPDF can use a font and which
// characters it prints: the kind of outlines (glyf or CFF), the Unicode cmap (formats 4 and 12), the names, the
// embedding permissions, and the first-or-named font of a TrueType collection (.ttc). Pure: no DOM, no Node.
//
// jsPDF (4.x) accepts only TrueType outlines (a 'glyf' table; CFF-flavoured 'OTTO' fonts are refused) and maps
// characters through the first cmap subtable of format 4 that is (3,1) Windows Unicode BMP or (0,*) Unicode, so
// the coverage that matters for printing is that subtable's, restricted to the BMP.

export type FontBytes = ArrayBufferLike | ArrayBufferView;

/** What the first four bytes say. */
export type SfntKind = 'truetype' | 'cff' | 'collection' | 'woff' | 'woff2' | 'unknown';

export function sfntKind(bytes: FontBytes): SfntKind {
  const view = dataView(bytes);
  if (view.byteLength < 4) return 'unknown';
  const tag = view.getUint32(0);
  if (tag === 0x00010000 || tag === TAG_TRUE) return 'truetype';
  if (tag === TAG_OTTO) return 'cff';
  if (tag === TAG_TTCF) return 'collection';
  if (tag === TAG_WOFF) return 'woff';
  if (tag === TAG_WOFF2) return 'woff2';
  return 'unknown';
}

/**
 * True for a single TrueType font (sfnt version 0x00010000 or 'true') whose table directory is intact and has
 * 'glyf' and 'loca' tables. False for CFF ('OTTO') fonts, collections (.ttc: see {@link extractFontFromCollection}),
 * WOFF and anything else.
 */
export function isTrueTypeWithGlyf(bytes: FontBytes): boolean {
  const view = dataView(bytes);
  if (sfntKind(view) !== 'truetype') return false;
  const tables = readTableDirectory(view, 0);
  return tables !== null && tables.has('glyf') && tables.has('loca');
}

// ---------------------------------------------------------------------------------------------------------------
// Checking a font for jsPDF

export type FontRejectCode =
  | 'not-a-font'
  | 'truncated'
  | 'cff'
  | 'collection'
  | 'woff'
  | 'no-glyf'
  | 'no-cmap'
  | 'no-embedding';

export type FontCheck = { readonly ok: true } | { readonly ok: false; readonly code: FontRejectCode; readonly reason: string };

/** Chinese reasons for refusing a font, for the person who chose it. */
export const FONT_REJECT_REASONS: Readonly<Record<FontRejectCode, string>> = {
  'not-a-font': '这不是字体文件（应为 .ttf 格式的 TrueType 字体）。',
  truncated: '字体文件不完整或已损坏，请重新复制一份再试。',
  cff: '这是 OpenType（CFF 轮廓，“OTTO”）字体，生成 PDF 的程序只能使用 TrueType 轮廓（glyf）的 .ttf 字体。',
  collection: '这是字体集合文件（.ttc），其中没有可用的 TrueType 字体；请选择单独的 .ttf 字体文件。',
  woff: '这是网页字体（WOFF/WOFF2），请选择 .ttf 格式的字体文件。',
  'no-glyf': '该字体没有 TrueType 字形轮廓（glyf 表），无法嵌入 PDF。',
  'no-cmap': '该字体缺少 Unicode 字符映射表（cmap 格式 4），无法用于中文。',
  'no-embedding': '该字体的授权不允许嵌入文档（OS/2 表的嵌入许可为“受限”或“仅限位图”），不能用于生成 PDF。',
};

function reject(code: FontRejectCode): FontCheck {
  return { ok: false, code, reason: FONT_REJECT_REASONS[code] };
}

/**
 * Whether jsPDF can embed this single font: TrueType glyf outlines, a Unicode format-4 cmap, and embedding allowed
 * by OS/2 fsType (neither "restricted licence" nor "bitmap only"). Collections are refused here: extract a font
 * from them first ({@link extractFontFromCollection}).
 */
export function checkTrueTypeFont(bytes: FontBytes): FontCheck {
  const view = dataView(bytes);
  const kind = sfntKind(view);
  if (kind === 'cff') return reject('cff');
  if (kind === 'collection') return reject('collection');
  if (kind === 'woff' || kind === 'woff2') return reject('woff');
  if (kind !== 'truetype') return reject('not-a-font');
  const tables = readTableDirectory(view, 0);
  if (tables === null) return reject('truncated');
  for (const tag of ['head', 'hhea', 'hmtx', 'maxp']) if (!tables.has(tag)) return reject('truncated');
  if (!tables.has('glyf') || !tables.has('loca')) return reject('no-glyf');
  const cmap = tables.get('cmap');
  if (cmap === undefined || findJsPdfSubtable(view, cmap) === null) return reject('no-cmap');
  const os2 = tables.get('OS/2');
  if (os2 !== undefined && os2.length >= 10) {
    const fsType = view.getUint16(os2.offset + 8);
    // Bits 0-3 are exclusive in version 3+, but old fonts combine them: "installable", "preview & print" or
    // "editable" permit embedding even if the restricted bit is also set.
    const permissive = (fsType & 0x000c) !== 0;
    if (((fsType & 0x0002) !== 0 && !permissive) || (fsType & 0x0200) !== 0) return reject('no-embedding');
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage

/** The code points a font maps to real glyphs (glyph 0, .notdef, is not coverage). */
export interface FontCoverage {
  covers(codePoint: number): boolean;
  /** Number of code points covered. */
  readonly size: number;
  /** Sorted, disjoint inclusive ranges. */
  ranges(): [number, number][];
}

export interface ReadCmapOptions {
  /**
   * 'jspdf' (default): the subtable jsPDF uses, the first format-4 (3,1) or (0,*) one: what it can print.
   * 'full': a format-12 (3,10) or (0,4/6) subtable when present (characters beyond the BMP too), else as 'jspdf'.
   */
  readonly subtable?: 'jspdf' | 'full';
}

/** Reads the Unicode cmap of a single font. Throws {@link FontFormatError} when the font has none. */
export function readCmap(bytes: FontBytes, options: ReadCmapOptions = {}): FontCoverage {
  const view = dataView(bytes);
  const tables = readTableDirectory(view, 0);
  const cmap = tables?.get('cmap');
  if (cmap === undefined) throw new FontFormatError('no-cmap');
  if (options.subtable === 'full') {
    const full = findFormat12Subtable(view, cmap);
    if (full !== null) return coverageFromRanges(readFormat12(view, full));
  }
  const bmp = findJsPdfSubtable(view, cmap);
  if (bmp === null) throw new FontFormatError('no-cmap');
  return coverageFromRanges(readFormat4(view, bmp));
}

export class FontFormatError extends Error {
  readonly code: FontRejectCode;
  constructor(code: FontRejectCode) {
    super(FONT_REJECT_REASONS[code]);
    this.name = 'FontFormatError';
    this.code = code;
  }
}

function coverageFromRanges(list: [number, number][]): FontCoverage {
  list.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of list) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const starts = new Uint32Array(merged.length);
  const ends = new Uint32Array(merged.length);
  let size = 0;
  merged.forEach(([start, end], i) => {
    starts[i] = start;
    ends[i] = end;
    size += end - start + 1;
  });
  return {
    size,
    covers(codePoint: number): boolean {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (codePoint < (starts[mid] ?? 0)) hi = mid - 1;
        else if (codePoint > (ends[mid] ?? 0)) lo = mid + 1;
        else return true;
      }
      return false;
    },
    ranges: () => merged.map(([start, end]): [number, number] => [start, end]),
  };
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** Table tag -> record of the font whose offset table starts at `at`; null when it runs past the end. */
function readTableDirectory(view: DataView, at: number): Map<string, TableRecord> | null {
  if (at + 12 > view.byteLength) return null;
  const count = view.getUint16(at + 4);
  if (at + 12 + 16 * count > view.byteLength) return null;
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const record = at + 12 + 16 * i;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > view.byteLength) return null;
    tables.set(tagAt(view, record), { offset, length });
  }
  return tables;
}

/** Offset of the first cmap subtable that `accept` takes (by format, platform and encoding), or null. */
function findSubtable(view: DataView, cmap: TableRecord, headerBytes: number, accept: (format: number, platform: number, encoding: number) => boolean): number | null {
  if (cmap.length < 4) return null;
  const count = view.getUint16(cmap.offset + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap.offset + 4 + 8 * i;
    if (record + 8 > cmap.offset + cmap.length) return null;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap.offset + view.getUint32(record + 4);
    if (offset + headerBytes > view.byteLength) continue;
    if (accept(view.getUint16(offset), platform, encoding)) return offset;
  }
  return null;
}

/** The subtable jsPDF reads: the first format 4 with platform 0, or platform 3 encoding 1. */
function findJsPdfSubtable(view: DataView, cmap: TableRecord): number | null {
  return findSubtable(view, cmap, 14, (format, platform, encoding) => format === 4 && (platform === 0 || (platform === 3 && encoding === 1)));
}

/** A full-Unicode format 12 subtable (platform 3 encoding 10, or platform 0 encoding 4 or 6). */
function findFormat12Subtable(view: DataView, cmap: TableRecord): number | null {
  return findSubtable(view, cmap, 16, (format, platform, encoding) => format === 12 && ((platform === 3 && encoding === 10) || (platform === 0 && (encoding === 4 || encoding === 6))));
}

/** Covered ranges of a format-4 subtable, decoded the way jsPDF decodes it. */
function readFormat4(view: DataView, at: number): [number, number][] {
  const segCount = view.getUint16(at + 6) >>> 1;
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  if (rangeOffsets + 2 * segCount > view.byteLength) throw new FontFormatError('truncated');
  const out: [number, number][] = [];
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    let runStart = -1;
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (cp + delta) & 0xffff;
      } else {
        const glyphAt = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
        glyph = glyphAt + 2 <= view.byteLength ? view.getUint16(glyphAt) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) {
        if (runStart < 0) runStart = cp;
      } else if (runStart >= 0) {
        out.push([runStart, cp - 1]);
        runStart = -1;
      }
    }
    if (runStart >= 0) out.push([runStart, Math.min(end, 0xfffe)]);
  }
  return out;
}

function readFormat12(view: DataView, at: number): [number, number][] {
  const groups = view.getUint32(at + 12);
  if (at + 16 + 12 * groups > view.byteLength) throw new FontFormatError('truncated');
  const out: [number, number][] = [];
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    let start = view.getUint32(group);
    const end = Math.min(view.getUint32(group + 4), 0x10ffff);
    if (view.getUint32(group + 8) === 0) start += 1; // the first code point would map to .notdef
    if (start <= end) out.push([start, end]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Names

export interface FontNames {
  /** Name ID 1 (English where present). */
  readonly family: string;
  /** Name ID 4 (English where present). */
  readonly fullName: string;
  /** Name ID 6. */
  readonly postscriptName: string;
  /** Every full name and family name in any language (for matching 仿宋 / FangSong). */
  readonly allNames: readonly string[];
}

/** The names of the font whose offset table starts at `at` (0 for a single font). */
export function readFontNames(bytes: FontBytes, at = 0): FontNames {
  const view = dataView(bytes);
  const tables = readTableDirectory(view, at);
  const name = tables?.get('name');
  const found = new Map<number, { text: string; english: boolean }>();
  const allNames: string[] = [];
  if (name !== undefined && name.length >= 6) {
    const count = view.getUint16(name.offset + 2);
    const strings = name.offset + view.getUint16(name.offset + 4);
    for (let i = 0; i < count; i++) {
      const record = name.offset + 6 + 12 * i;
      if (record + 12 > name.offset + name.length) break;
      const platform = view.getUint16(record);
      const encoding = view.getUint16(record + 2);
      const language = view.getUint16(record + 4);
      const id = view.getUint16(record + 6);
      const length = view.getUint16(record + 8);
      const start = strings + view.getUint16(record + 10);
      if (id !== 1 && id !== 4 && id !== 6) continue;
      if (start + length > view.byteLength) continue;
      let text: string | null = null;
      if (platform === 3 || platform === 0) text = decodeUtf16Be(view, start, length);
      else if (platform === 1 && encoding === 0) text = decodeLatin1(view, start, length);
      if (text === null || text === '') continue;
      const english = (platform === 3 && language === 0x409) || (platform === 1 && language === 0);
      if (id !== 6) allNames.push(text);
      const previous = found.get(id);
      if (previous === undefined || (english && !previous.english)) found.set(id, { text, english });
    }
  }
  return {
    family: found.get(1)?.text ?? '',
    fullName: found.get(4)?.text ?? '',
    postscriptName: found.get(6)?.text ?? '',
    allNames: [...new Set(allNames)],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Collections

export interface CollectionMember {
  readonly index: number;
  readonly names: FontNames;
  /** Whether this member has TrueType outlines (a collection can mix in CFF members). */
  readonly trueType: boolean;
}

/** The fonts of a .ttc collection, in order; empty for anything else. */
export function collectionMembers(bytes: FontBytes): CollectionMember[] {
  const view = dataView(bytes);
  if (sfntKind(view) !== 'collection' || view.byteLength < 12) return [];
  const count = view.getUint32(8);
  if (12 + 4 * count > view.byteLength) return [];
  const out: CollectionMember[] = [];
  for (let index = 0; index < count; index++) {
    const at = view.getUint32(12 + 4 * index);
    const tables = readTableDirectory(view, at);
    if (tables === null) continue;
    const version = view.getUint32(at);
    const trueType = (version === 0x00010000 || version === TAG_TRUE) && tables.has('glyf') && tables.has('loca');
    out.push({ index, names: readFontNames(view, at), trueType });
  }
  return out;
}

/**
 * One font of a .ttc collection as a standalone .ttf (its tables copied, 4-byte aligned, after a new table
 * directory), ready for jsPDF. Throws {@link FontFormatError} when the index is out of range or the data is cut.
 */
export function extractFontFromCollection(bytes: FontBytes, index: number): Uint8Array<ArrayBuffer> {
  const view = dataView(bytes);
  if (sfntKind(view) !== 'collection') throw new FontFormatError('not-a-font');
  const count = view.getUint32(8);
  if (!Number.isInteger(index) || index < 0 || index >= count || 12 + 4 * count > view.byteLength) {
    throw new FontFormatError('truncated');
  }
  const at = view.getUint32(12 + 4 * index);
  const tables = readTableDirectory(view, at);
  if (tables === null) throw new FontFormatError('truncated');
  const source = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return assembleSfnt(
    view.getUint32(at),
    [...tables.entries()].map(([tag, record]) => [tag, source.subarray(record.offset, record.offset + record.length)]),
  );
}

/** A copy of a single TrueType font with the sfnt version 'true' rewritten to 0x00010000, which jsPDF expects. */
export function normalizeSfntVersion(bytes: FontBytes): Uint8Array<ArrayBuffer> {
  const view = dataView(bytes);
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  if (view.byteLength >= 4 && view.getUint32(0) === TAG_TRUE) new DataView(copy.buffer).setUint32(0, 0x00010000);
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Readers and a writer for the build (scripts/build-fonts.mjs loads this module): glyph ids, glyph sizes, names,
// and a font whose cmap is replaced.

/** Tag -> { offset, length } of a single font's tables. Throws {@link FontFormatError} when the directory is cut. */
export function readTables(bytes: FontBytes): Map<string, { readonly offset: number; readonly length: number }> {
  const tables = readTableDirectory(dataView(bytes), 0);
  if (tables === null) throw new FontFormatError('truncated');
  return tables;
}

/**
 * Code point -> glyph id of a single font's Unicode cmap: the subtable jsPDF reads ('jspdf', BMP only), or the
 * format-12 one when present ('full', beyond the BMP too). Glyph 0 (.notdef) is left out.
 */
export function readCmapGlyphs(bytes: FontBytes, options: ReadCmapOptions = {}): Map<number, number> {
  const view = dataView(bytes);
  const cmap = readTables(view).get('cmap');
  if (cmap === undefined) throw new FontFormatError('no-cmap');
  const out = new Map<number, number>();
  const full = options.subtable === 'full' ? findFormat12Subtable(view, cmap) : null;
  if (full !== null) {
    const groups = view.getUint32(full + 12);
    if (full + 16 + 12 * groups > view.byteLength) throw new FontFormatError('truncated');
    for (let g = 0; g < groups; g++) {
      const group = full + 16 + 12 * g;
      const start = view.getUint32(group);
      const end = Math.min(view.getUint32(group + 4), 0x10ffff);
      const glyph = view.getUint32(group + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + cp - start !== 0) out.set(cp, glyph + cp - start);
    }
    return out;
  }
  const at = findJsPdfSubtable(view, cmap);
  if (at === null) throw new FontFormatError('no-cmap');
  const segCount = view.getUint16(at + 6) >>> 1;
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  if (rangeOffsets + 2 * segCount > view.byteLength) throw new FontFormatError('truncated');
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
        glyph = glyphAt + 2 <= view.byteLength ? view.getUint16(glyphAt) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.set(cp, glyph);
    }
  }
  return out;
}

/** Bytes of each glyph's outline (glyf data between consecutive loca offsets), by glyph id. */
export function readGlyphSizes(bytes: FontBytes): Uint32Array {
  const view = dataView(bytes);
  const tables = readTables(view);
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  if (head === undefined || maxp === undefined || loca === undefined || !tables.has('glyf')) throw new FontFormatError('no-glyf');
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const glyphs = view.getUint16(maxp.offset + 4);
  const at = (i: number): number => (longOffsets ? view.getUint32(loca.offset + 4 * i) : 2 * view.getUint16(loca.offset + 2 * i));
  const sizes = new Uint32Array(glyphs);
  for (let i = 0; i < glyphs; i++) sizes[i] = at(i + 1) - at(i);
  return sizes;
}

/** English (Windows, en-US) name records of a single font: name id -> text. */
export function readNameRecords(bytes: FontBytes): Map<number, string> {
  const view = dataView(bytes);
  const name = readTables(view).get('name');
  const out = new Map<number, string>();
  if (name === undefined || name.length < 6) return out;
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const record = name.offset + 6 + 12 * i;
    if (record + 12 > name.offset + name.length) break;
    if (view.getUint16(record) !== 3 || view.getUint16(record + 4) !== 0x409) continue;
    const id = view.getUint16(record + 6);
    const length = view.getUint16(record + 8);
    const start = strings + view.getUint16(record + 10);
    if (start + length <= view.byteLength && !out.has(id)) out.set(id, decodeUtf16Be(view, start, length));
  }
  return out;
}

/**
 * A copy of a single TrueType font whose cmap is one (3,1) format-4 subtable mapping each given BMP code point
 * to the given glyph. The rare-character fonts use it to put characters beyond the BMP (which jsPDF cannot
 * address) at private-use code points.
 */
export function withBmpCmap(bytes: FontBytes, entries: readonly (readonly [number, number])[]): Uint8Array<ArrayBuffer> {
  const view = dataView(bytes);
  const tables = readTables(view);
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  // Segments of consecutive code points, each with its glyphs in the glyph id array; then the final 0xFFFF one.
  const segments: { start: number; end: number; glyphs: number[] }[] = [];
  for (const [cp, glyph] of sorted) {
    if (cp < 0 || cp >= 0xffff || glyph <= 0 || glyph > 0xffff) throw new RangeError(`bad cmap entry ${cp} -> ${glyph}`);
    const last = segments[segments.length - 1];
    if (last !== undefined && cp === last.end + 1) {
      last.end = cp;
      last.glyphs.push(glyph);
    } else if (last === undefined || cp > last.end) segments.push({ start: cp, end: cp, glyphs: [glyph] });
  }
  const segCount = segments.length + 1;
  const glyphCount = segments.reduce((sum, segment) => sum + segment.glyphs.length, 0);
  const subtableLength = 16 + 8 * segCount + 2 * glyphCount;
  if (subtableLength > 0xffff) throw new RangeError('too many characters for one format-4 cmap');
  const table = new Uint8Array(4 + 8 + subtableLength);
  const out = new DataView(table.buffer);
  out.setUint16(0, 0); // version
  out.setUint16(2, 1); // one encoding record
  out.setUint16(4, 3); // Windows
  out.setUint16(6, 1); // Unicode BMP
  out.setUint32(8, 12);
  const at = 12;
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= segCount) {
    searchRange *= 2;
    entrySelector++;
  }
  out.setUint16(at, 4);
  out.setUint16(at + 2, subtableLength);
  out.setUint16(at + 4, 0);
  out.setUint16(at + 6, segCount * 2);
  out.setUint16(at + 8, searchRange * 2);
  out.setUint16(at + 10, entrySelector);
  out.setUint16(at + 12, segCount * 2 - searchRange * 2);
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  const glyphArray = rangeOffsets + 2 * segCount;
  let glyphIndex = 0;
  segments.forEach((segment, s) => {
    out.setUint16(ends + 2 * s, segment.end);
    out.setUint16(starts + 2 * s, segment.start);
    out.setUint16(deltas + 2 * s, 0);
    // idRangeOffset counts bytes from its own position to the segment's first glyph id.
    out.setUint16(rangeOffsets + 2 * s, glyphArray + 2 * glyphIndex - (rangeOffsets + 2 * s));
    for (const glyph of segment.glyphs) out.setUint16(glyphArray + 2 * glyphIndex++, glyph);
  });
  const last = segCount - 1;
  out.setUint16(ends + 2 * last, 0xffff);
  out.setUint16(starts + 2 * last, 0xffff);
  out.setUint16(deltas + 2 * last, 1);
  out.setUint16(rangeOffsets + 2 * last, 0);
  const source = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const parts: [string, Uint8Array][] = [...tables.entries()].map(([tag, record]) => [
    tag,
    tag === 'cmap' ? table : source.subarray(record.offset, record.offset + record.length),
  ]);
  if (!tables.has('cmap')) parts.push(['cmap', table]);
  return assembleSfnt(view.getUint32(0), parts);
}

/** A single font from its tables, sorted by tag, 4-byte aligned, with table checksums and head.checkSumAdjustment. */
function assembleSfnt(version: number, parts: readonly (readonly [string, Uint8Array])[]): Uint8Array<ArrayBuffer> {
  const records = [...parts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const headerBytes = 12 + 16 * records.length;
  let size = headerBytes;
  for (const [, data] of records) size += align4(data.length);
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, version);
  writeDirectoryHeader(outView, records.length);
  let offset = headerBytes;
  let headAt = -1;
  records.forEach(([tag, data], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) outView.setUint8(entry + k, tag.charCodeAt(k));
    out.set(data, offset);
    if (tag === 'head' && data.length >= 12) {
      headAt = offset;
      outView.setUint32(offset + 8, 0); // checkSumAdjustment is computed with itself at 0
    }
    outView.setUint32(entry + 4, checksum(out, offset, data.length));
    outView.setUint32(entry + 8, offset);
    outView.setUint32(entry + 12, data.length);
    offset += align4(data.length);
  });
  if (headAt >= 0) outView.setUint32(headAt + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

const TAG_TRUE = 0x74727565; // 'true'
const TAG_OTTO = 0x4f54544f; // 'OTTO'
const TAG_TTCF = 0x74746366; // 'ttcf'
const TAG_WOFF = 0x774f4646; // 'wOFF'
const TAG_WOFF2 = 0x774f4632; // 'wOF2'

function dataView(bytes: FontBytes): DataView {
  if (bytes instanceof DataView) return bytes;
  if (ArrayBuffer.isView(bytes)) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new DataView(bytes);
}

function tagAt(view: DataView, at: number): string {
  let tag = '';
  for (let k = 0; k < 4; k++) tag += String.fromCharCode(view.getUint8(at + k));
  return tag;
}

function decodeUtf16Be(view: DataView, start: number, length: number): string {
  let text = '';
  for (let i = 0; i + 1 < length; i += 2) text += String.fromCharCode(view.getUint16(start + i));
  return text;
}

function decodeLatin1(view: DataView, start: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(start + i));
  return text;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function writeDirectoryHeader(view: DataView, numTables: number): void {
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, numTables * 16 - searchRange);
}

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) {
    const word =
      ((bytes[offset + i] ?? 0) << 24) |
      ((i + 1 < length ? (bytes[offset + i + 1] ?? 0) : 0) << 16) |
      ((i + 2 < length ? (bytes[offset + i + 2] ?? 0) : 0) << 8) |
      (i + 3 < length ? (bytes[offset + i + 3] ?? 0) : 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
