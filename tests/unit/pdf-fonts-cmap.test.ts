// The sfnt reader on real TrueType data: tiny fonts subset inside the test from the registry package's Noto Serif
// SC (the same way scripts/build-fonts.mjs makes the chunks), so the test does not depend on the build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkTrueTypeFont,
  collectionMembers,
  extractFontFromCollection,
  isTrueTypeWithGlyf,
  readCmap,
  readFontNames,
  sfntKind,
} from '../../src/core/pdf/fonts/cmap';
import { prepareUserFont, REQUIRED_SAMPLE, toBinaryString } from '../../src/core/pdf/fonts/userFont';

const require = createRequire(import.meta.url);
const FONT = path.join(
  path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')),
  '400Regular/NotoSerifSC_400Regular.ttf',
);
const TEXT_A = `${REQUIRED_SAMPLE}仿宋燊ABC123，。`;
const TEXT_B = '玥毂甲乙';

let fontA: Uint8Array;
let fontB: Uint8Array;
let full: Buffer;

beforeAll(async () => {
  full = readFileSync(FONT);
  fontA = new Uint8Array(await subsetFont(full, TEXT_A, { targetFormat: 'sfnt', noLayoutClosure: true }));
  fontB = new Uint8Array(await subsetFont(full, TEXT_B, { targetFormat: 'sfnt', noLayoutClosure: true }));
});

const cp = (char: string): number => char.codePointAt(0) ?? -1;

describe('readCmap', () => {
  it('covers exactly the characters kept in a subset font', () => {
    const coverage = readCmap(fontA);
    for (const char of TEXT_A) expect(coverage.covers(cp(char)), char).toBe(true);
    for (const char of '玥毂D4？𠮷') expect(coverage.covers(cp(char)), char).toBe(false);
    expect(coverage.size).toBe(new Set(TEXT_A).size);
    expect(coverage.ranges()).toContainEqual([cp('A'), cp('C')]);
  });

  it('reads the whole font: the BMP cmap jsPDF uses, and the format-12 cmap', () => {
    const bmp = readCmap(full);
    const whole = readCmap(full, { subtable: 'full' });
    expect(bmp.size).toBeGreaterThan(28000);
    expect(whole.size).toBeGreaterThanOrEqual(bmp.size);
    for (const char of '中燊玥毂龚喻') expect(bmp.covers(cp(char))).toBe(true);
    expect(bmp.covers(0x20bb7)).toBe(false); // the BMP subtable cannot hold it
    // Every GBK hanzi (the 20,902 of the URO among them) is in the font.
    const gbk = new TextDecoder('gbk');
    let missing = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = gbk.decode(new Uint8Array([lead, trail]));
        const code = cp(char);
        if (code >= 0x4e00 && code <= 0x9fa5 && !bmp.covers(code)) missing++;
      }
    }
    expect(missing).toBe(0);
  });

  it('throws a Chinese reason on data without a cmap', () => {
    expect(() => readCmap(new Uint8Array(64))).toThrow('字符映射表');
  });
});

describe('isTrueTypeWithGlyf and checkTrueTypeFont', () => {
  it('accepts a TrueType font with glyf outlines', () => {
    expect(sfntKind(fontA)).toBe('truetype');
    expect(isTrueTypeWithGlyf(fontA)).toBe(true);
    expect(isTrueTypeWithGlyf(fontA.buffer)).toBe(true);
    expect(checkTrueTypeFont(fontA)).toEqual({ ok: true });
  });

  it('refuses an OpenType/CFF font', () => {
    const otf = sfntHeader('OTTO', ['CFF ', 'cmap', 'head', 'hhea', 'hmtx', 'maxp']);
    expect(sfntKind(otf)).toBe('cff');
    expect(isTrueTypeWithGlyf(otf)).toBe(false);
    const check = checkTrueTypeFont(otf);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.code).toBe('cff');
      expect(check.reason).toContain('TrueType');
    }
  });

  it('refuses garbage, truncated fonts, WOFF and a TrueType header without glyf', () => {
    const garbage = new TextEncoder().encode('这不是字体文件，只是一段文字而已。');
    expect(isTrueTypeWithGlyf(garbage)).toBe(false);
    expect(checkTrueTypeFont(garbage)).toMatchObject({ ok: false, code: 'not-a-font' });
    expect(isTrueTypeWithGlyf(new Uint8Array(0))).toBe(false);
    expect(checkTrueTypeFont(fontA.subarray(0, 200))).toMatchObject({ ok: false, code: 'truncated' });
    expect(isTrueTypeWithGlyf(fontA.subarray(0, 200))).toBe(false);
    expect(checkTrueTypeFont(sfntHeader('wOFF', []))).toMatchObject({ ok: false, code: 'woff' });
    const noGlyf = sfntHeader('\0\u0001\0\0', ['cmap', 'head', 'hhea', 'hmtx', 'maxp']);
    expect(isTrueTypeWithGlyf(noGlyf)).toBe(false);
    expect(checkTrueTypeFont(noGlyf)).toMatchObject({ ok: false, code: 'no-glyf' });
  });

  it('refuses a font whose licence forbids embedding', () => {
    const restricted = withFsType(fontA, 0x0002);
    expect(checkTrueTypeFont(restricted)).toMatchObject({ ok: false, code: 'no-embedding' });
    expect(checkTrueTypeFont(withFsType(fontA, 0x0004))).toEqual({ ok: true });
    expect(checkTrueTypeFont(withFsType(fontA, 0x0006))).toEqual({ ok: true }); // old fonts: least restrictive bit wins
    expect(checkTrueTypeFont(withFsType(fontA, 0x0200))).toMatchObject({ ok: false, code: 'no-embedding' });
  });
});

describe('collections (.ttc)', () => {
  it('lists the members and extracts one as a standalone TrueType font', () => {
    const ttc = makeCollection([fontA, fontB]);
    expect(sfntKind(ttc)).toBe('collection');
    expect(isTrueTypeWithGlyf(ttc)).toBe(false);
    expect(checkTrueTypeFont(ttc)).toMatchObject({ ok: false, code: 'collection' });
    const members = collectionMembers(ttc);
    expect(members.map((m) => [m.index, m.trueType, m.names.postscriptName])).toEqual([
      [0, true, 'NotoSerifSC-Regular'],
      [1, true, 'NotoSerifSC-Regular'],
    ]);
    const second = extractFontFromCollection(ttc, 1);
    expect(isTrueTypeWithGlyf(second)).toBe(true);
    expect(checkTrueTypeFont(second)).toEqual({ ok: true });
    const coverage = readCmap(second);
    for (const char of TEXT_B) expect(coverage.covers(cp(char))).toBe(true);
    expect(coverage.covers(cp('南'))).toBe(false);
    expect(() => extractFontFromCollection(ttc, 2)).toThrow();
  });

  it('prepares the first TrueType member of a collection for use', () => {
    const prepared = prepareUserFont(makeCollection([fontA, fontB]));
    expect(prepared.ok).toBe(true);
    if (prepared.ok) {
      expect(prepared.font.covers(cp('仿'))).toBe(true);
      expect(prepared.font.covers(cp('玥'))).toBe(false);
      expect(isTrueTypeWithGlyf(prepared.font.bytes)).toBe(true);
    }
  });
});

describe('names and prepareUserFont', () => {
  it('reads the names', () => {
    const names = readFontNames(fontA);
    expect(names.postscriptName).toBe('NotoSerifSC-Regular');
    expect(names.family).toBe('Noto Serif SC');
    expect(names.fullName).toBe('Noto Serif SC Regular');
  });

  it('prepares a usable Chinese TrueType font with its coverage and a jsPDF key', () => {
    const prepared = prepareUserFont(fontA);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const font = prepared.font;
    expect(font.name).toBe('User-NotoSerifSC-Regular');
    expect(font.characterCount).toBe(new Set(TEXT_A).size);
    expect(font.covers(cp('燊'))).toBe(true);
    expect(font.covers(cp('玥'))).toBe(false);
    expect(font.covers(0x20bb7)).toBe(false);
    expect(toBinaryString(font.bytes).startsWith('\0\u0001\0\0')).toBe(true);
    expect(toBinaryString(font.bytes)).toHaveLength(font.bytes.byteLength);
  });

  it('rewrites the old sfnt version "true" to 0x00010000', () => {
    const old = fontA.slice();
    old.set([0x74, 0x72, 0x75, 0x65], 0);
    expect(isTrueTypeWithGlyf(old)).toBe(true);
    const prepared = prepareUserFont(old);
    expect(prepared.ok && new DataView(prepared.font.bytes).getUint32(0)).toBe(0x00010000);
  });

  it('refuses with Chinese messages: a font without hanzi, a CFF font, garbage', () => {
    expect(prepareUserFont(fontB)).toMatchObject({ ok: false, code: 'not-chinese' });
    const notChinese = prepareUserFont(fontB);
    if (!notChinese.ok) expect(notChinese.message).toContain('不是可用的中文字体');
    expect(prepareUserFont(sfntHeader('OTTO', ['CFF ']))).toMatchObject({ ok: false, code: 'cff' });
    expect(prepareUserFont(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, code: 'not-a-font' });
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** A table directory with empty tables: enough for the checks that look at the header only. */
function sfntHeader(version: string, tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(12 + 16 * tags.length + 16);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = version.charCodeAt(k);
  view.setUint16(4, tags.length);
  tags.forEach((tag, i) => {
    for (let k = 0; k < 4; k++) out[12 + 16 * i + k] = tag.charCodeAt(k);
    view.setUint32(12 + 16 * i + 8, 12 + 16 * tags.length);
    view.setUint32(12 + 16 * i + 12, 0);
  });
  return out;
}

function tables(font: Uint8Array): Map<string, { offset: number; length: number }> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    out.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return out;
}

function withFsType(font: Uint8Array, fsType: number): Uint8Array {
  const copy = font.slice();
  const os2 = tables(copy).get('OS/2');
  if (os2 === undefined) throw new Error('no OS/2');
  new DataView(copy.buffer).setUint16(os2.offset + 8, fsType);
  return copy;
}

/** A TrueType collection of the given fonts: 'ttcf' header, then each font's directory and tables. */
function makeCollection(fonts: readonly Uint8Array[]): Uint8Array {
  const parts: { font: Uint8Array; entries: [string, { offset: number; length: number }][] }[] = fonts.map((font) => ({
    font,
    entries: [...tables(font)],
  }));
  let size = 12 + 4 * fonts.length;
  const directoryAt: number[] = [];
  for (const part of parts) {
    directoryAt.push(size);
    size += 12 + 16 * part.entries.length;
  }
  const dataAt = size;
  for (const part of parts) for (const [, t] of part.entries) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set([0x74, 0x74, 0x63, 0x66], 0); // 'ttcf'
  view.setUint32(4, 0x00010000);
  view.setUint32(8, fonts.length);
  let offset = dataAt;
  parts.forEach((part, f) => {
    const at = directoryAt[f] ?? 0;
    view.setUint32(12 + 4 * f, at);
    out.set(part.font.subarray(0, 12), at);
    part.entries.forEach(([tag, t], i) => {
      const entry = at + 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      view.setUint32(entry + 8, offset);
      view.setUint32(entry + 12, t.length);
      out.set(part.font.subarray(t.offset, t.offset + t.length), offset);
      offset += (t.length + 3) & ~3;
    });
  });
  return out;
}
