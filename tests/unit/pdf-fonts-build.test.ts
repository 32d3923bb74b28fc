// The chunks written by `npm run build:fonts` (scripts/build-fonts.mjs) to public/fonts/noto-serif-sc/: valid,
// truthful (each chunk's cmap is exactly what the manifest says), and small enough for the typical application.
// This test reads the build's output and generates nothing: it is skipped when the folder is absent.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrueTypeWithGlyf, readCmap } from '../../src/core/pdf/fonts/cmap';
import { planFonts, type DocumentText } from '../../src/core/pdf/fonts/coverage';
import { rangeBounds, validateFontManifest } from '../../src/core/pdf/fonts/manifest';
import { emptyApplication } from '../../src/core/application/schema';
import { fontTexts } from '../../src/core/pdf/documentTexts';
import { documentTexts, type PdfJob } from '../../src/core/pdf/makePdf';
import fixture from '../fixtures/typical-application.json';
import { CTX, typicalApplication } from './fixture';
import { FORM, OUTLINE } from './pdf-node';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.resolve(HERE, '../../public/fonts/noto-serif-sc');
const MANIFEST = path.join(DIR, 'manifest.json');
const BUILT = existsSync(MANIFEST);
const NOTICE = readFileSync(path.resolve(HERE, '../fixtures/notice-hong-gong-ban-2021-31.txt'), 'utf8');
/** The budget: the typical fixture's PDFs fetch at most 2 MB of font data. */
const BUDGET = 2_000_000;
/** Issue 18: 申报表 + 申报材料 of the typical application, all roles together, at most 2.5 MB. */
const ROLES_BUDGET = 2_500_000;

function fixtureTexts(): DocumentText[] {
  const out: DocumentText[] = [];
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') out.push({ path: at, label: at, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}.${i}`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, at === '' ? key : `${at}.${key}`);
    }
  };
  walk(fixture, '');
  return out;
}

const codePoints = (ranges: readonly (readonly [number, number])[]): number[] =>
  ranges.flatMap(([start, end]) => Array.from({ length: end - start + 1 }, (_, i) => start + i));

const SUITE = BUILT
  ? 'built font chunks'
  : 'built font chunks (skipped: public/fonts/noto-serif-sc is absent; `npm run build:fonts` makes it, this test generates nothing)';

describe.skipIf(!BUILT)(SUITE, () => {
  const manifest = BUILT ? validateFontManifest(JSON.parse(readFileSync(MANIFEST, 'utf8'))) : undefined;

  it('has a valid manifest from the registry package, with the licence beside it', () => {
    expect(manifest?.source).toMatch(/^@expo-google-fonts\/noto-serif-sc@\d/);
    expect(manifest?.license).toBe('SIL Open Font License 1.1');
    const ofl = readFileSync(path.join(DIR, 'OFL.txt'), 'utf8');
    expect(ofl).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(ofl).toMatch(/Copyright notice in the font: \(c\) \d{4}/);
  });

  it('writes TrueType chunks whose size, hash and cmap are as the manifest says', () => {
    // Per role: each role's chunks list a code point once; the main font's (and its rare chunks') likewise.
    const earlierByRole = new Map<string, Set<number>>();
    for (const chunk of manifest?.chunks ?? []) {
      const earlier = earlierByRole.get(chunk.role ?? '') ?? new Set<number>();
      earlierByRole.set(chunk.role ?? '', earlier);
      const file = path.join(DIR, chunk.file);
      expect(statSync(file).size, chunk.file).toBe(chunk.bytes);
      const bytes = readFileSync(file);
      expect(chunk.file).toContain(createHash('sha256').update(bytes).digest('hex').slice(0, 8));
      expect(isTrueTypeWithGlyf(bytes), chunk.file).toBe(true);
      const listed = codePoints(chunk.ranges.map(rangeBounds));
      if (chunk.pua === true) {
        // A rare chunk maps exactly U+E000… one after the other, one per listed code point, all beyond chunk 0's.
        expect(readCmap(bytes).ranges(), chunk.file).toEqual([[0xe000, 0xe000 + listed.length - 1]]);
        expect(listed.filter((c) => earlier.has(c)), `${chunk.file} repeats`).toEqual([]);
        for (const c of listed) earlier.add(c);
        continue;
      }
      const mapped = new Set(codePoints(readCmap(bytes).ranges()));
      expect(listed.filter((c) => !mapped.has(c)), `${chunk.file} lacks`).toEqual([]);
      // Anything else it maps (hb-subset keeps the bidi mirror of a kept character) is listed by an earlier chunk.
      const listedSet = new Set(listed);
      const extra = [...mapped].filter((c) => !listedSet.has(c) && !earlier.has(c));
      expect(extra, `${chunk.file} maps unlisted`).toEqual([]);
      for (const c of listed) earlier.add(c);
    }
  });

  it('puts ASCII, the full-width forms and GB2312 level 1 in chunk 0', () => {
    const first = manifest?.chunks[0];
    const chunk0 = new Set(codePoints(first?.ranges.map(rangeBounds) ?? []));
    const gbk = new TextDecoder('gbk');
    const level1: number[] = [];
    for (let lead = 0xb0; lead <= 0xd7; lead++) {
      for (let trail = 0xa1; trail <= (lead === 0xd7 ? 0xf9 : 0xfe); trail++) {
        level1.push(gbk.decode(new Uint8Array([lead, trail])).codePointAt(0) ?? 0);
      }
    }
    expect(level1).toHaveLength(3755);
    expect(level1.filter((c) => !chunk0.has(c))).toEqual([]);
    for (const char of 'Az09,.（）：；、。“”《》——……ＡＺ＋') expect(chunk0.has(char.codePointAt(0) ?? 0), char).toBe(true);
    expect(chunk0.has('燊'.codePointAt(0) ?? 0)).toBe(false);
  });

  it('prints the typical application and the notice within the 2 MB budget, a rare name with one more small chunk', () => {
    if (manifest === undefined) return;
    const texts = [...fixtureTexts(), { path: 'notice', label: '通知', text: NOTICE.replace(/\t/g, ' ') }];
    const plan = planFonts(texts, manifest);
    expect(plan.unprintable).toEqual([]);
    const sizes = new Map(manifest.chunks.map((c) => [c.file, c.bytes]));
    const total = plan.chunks.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
    expect(plan.chunks[0]).toBe(manifest.chunks[0]?.file);
    expect(plan.chunks.length).toBeLessThanOrEqual(4);
    expect(total).toBeLessThanOrEqual(BUDGET);
    console.info(`typical application + notice: ${plan.chunks.length} chunks, ${total} bytes (${plan.chunks.join(', ')})`);

    expect(plan.chunks.filter((file) => manifest.chunks.find((c) => c.file === file)?.pua === true)).toEqual([]);
    const withJi = planFonts([...texts, { path: 'leader.name', label: '领衔人 姓名', text: '𠮷' }], manifest);
    expect(withJi.unprintable).toEqual([]);
    const rare = withJi.chunks.filter((file) => !plan.chunks.includes(file));
    expect(rare).toHaveLength(1);
    expect(sizes.get(rare[0] ?? '') ?? Infinity).toBeLessThan(200_000);
  });

  it('gives each heading role its own face: a small chunk 0 with all the blank documents print in it, GB2312 in small chunks', () => {
    if (manifest === undefined) return;
    const faces = { hei: 'Noto Sans SC Medium', kai: 'LXGW WenKai', title: 'Noto Serif SC Bold' } as const;
    const blank = emptyApplication();
    const jobs: PdfJob[] = (['blankForm', 'form', 'materials'] as const).map((kind) => ({ kind, app: blank, ctx: CTX, form: FORM, outline: OUTLINE, incomplete: kind !== 'blankForm' }));
    for (const [role, face] of Object.entries(faces)) {
      const own = manifest.chunks.filter((chunk) => chunk.role === role);
      expect(own.every((chunk) => chunk.face === face), role).toBe(true);
      const [first, ...rest] = own;
      expect(first?.tier, role).toBe('role-common');
      expect(first?.bytes ?? Infinity, role).toBeLessThan(150_000);
      expect(Math.max(...rest.map((chunk) => chunk.bytes)), role).toBeLessThan(40_000);
      // The fixed wording in this role (empty application: only the templates' words) needs only its chunk 0.
      const texts = jobs.flatMap(documentTexts).filter((t) => t.role === role);
      expect(texts.length, role).toBeGreaterThan(0);
      const plan = planFonts(texts, manifest);
      expect(plan.chunks.filter((file) => manifest.chunks.find((c) => c.file === file)?.role === role), role).toEqual([first?.file]);
    }
  });

  it('prints 申报表 and 申报材料 of the typical application in all roles within 2.5 MB', () => {
    if (manifest === undefined) return;
    const app = typicalApplication();
    const texts = (['form', 'materials'] as const).flatMap((kind) => documentTexts({ kind, app, ctx: CTX, form: FORM, outline: OUTLINE, incomplete: true }));
    const plan = planFonts(texts, manifest);
    const sizes = new Map(manifest.chunks.map((c) => [c.file, c.bytes]));
    const total = plan.chunks.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
    const roles = new Set(plan.chunks.map((file) => manifest.chunks.find((c) => c.file === file)?.role ?? 'main'));
    expect([...roles].sort()).toEqual(['hei', 'kai', 'main', 'title']);
    console.info(`typical 申报表 + 申报材料, all roles: ${plan.chunks.length} chunks, ${total} bytes`);
    expect(total).toBeLessThanOrEqual(ROLES_BUDGET);
    // The first PDF loads them all (fontTexts), so that the next one (申报材料 after 申报表) fetches nothing.
    const first = planFonts(fontTexts({ kind: 'form', app, ctx: CTX, form: FORM, outline: OUTLINE }), manifest).chunks;
    expect([...first].sort()).toEqual([...plan.chunks].sort());
  });

  it('covers every GBK hanzi in some chunk', () => {
    if (manifest === undefined) return;
    const gbk = new TextDecoder('gbk');
    let text = '';
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = gbk.decode(new Uint8Array([lead, trail]));
        if (/\p{Script=Han}/u.test(char)) text += char;
      }
    }
    expect([...text].length).toBeGreaterThanOrEqual(20902);
    expect(planFonts([{ path: 'all', label: 'GBK', text }], manifest).unprintable).toEqual([]);
  });

  it('prints every Han ideograph of Ext-A to Ext-F and the compatibility blocks, and most of Ext-G', () => {
    if (manifest === undefined) return;
    const blocks: [string, number, number, number][] = [
      ['Ext-A', 0x3400, 0x4dbf, 1],
      ['Ext-B', 0x20000, 0x2a6df, 0.999],
      ['Ext-C', 0x2a700, 0x2b739, 0.99],
      ['Ext-D', 0x2b740, 0x2b81d, 0.99],
      ['Ext-E', 0x2b820, 0x2cea1, 0.99],
      ['Ext-F', 0x2ceb0, 0x2ebe0, 0.99],
      ['Ext-G', 0x30000, 0x3134a, 0.6],
      ['compatibility', 0xf900, 0xfad9, 0.99],
      ['compatibility supplement', 0x2f800, 0x2fa1d, 0.99],
    ];
    for (const [name, from, to, share] of blocks) {
      let text = '';
      for (let c = from; c <= to; c++) if (/\p{Ideographic}/u.test(String.fromCodePoint(c))) text += String.fromCodePoint(c);
      const total = [...text].length;
      const missing = planFonts([{ path: 'x', label: name, text }], manifest).unprintable.length;
      expect((total - missing) / total, name).toBeGreaterThanOrEqual(share);
    }
  });
});
