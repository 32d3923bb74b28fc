// PDF hygiene and the faces of each role (issue 18 §4), read back with poppler's pdffonts and pdfinfo and by
// inflating the PDF's streams: each role prints in its own embedded subset font, no standard-14 font is left in
// the resources, every font carries a subset tag and a non-empty ToUnicode map, and the Author is the unit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fontTexts } from '../../src/core/pdf/documentTexts';
import { makePdf, type PdfJob, type PdfKind } from '../../src/core/pdf/makePdf';
import { CTX, typicalApplication } from './fixture';
import { FORM, fontsBuilt, nodeFonts, OUTLINE } from './pdf-node';

vi.setConfig({ testTimeout: 60_000 });

const out = mkdtempSync(join(tmpdir(), 'lmcx-hygiene-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function hasPoppler(): boolean {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function make(kind: PdfKind): string {
  const job: PdfJob = { kind, app: typicalApplication(), ctx: CTX, form: FORM, outline: OUTLINE, incomplete: true };
  const file = join(out, `${kind}.pdf`);
  // The fonts the browser loads for it: those of 申报表 and 申报材料 together; the ones it does not use stay out.
  writeFileSync(file, new Uint8Array(makePdf(job, nodeFonts(fontTexts(job))).bytes));
  return file;
}

/** pdffonts' rows: [name, type, encoding, emb, sub, uni] (the type "CID TrueType" keeps its last word). */
function fonts(file: string): string[][] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((l) => {
    const [name = '', ...rest] = l.split(/\s+/);
    const cells = rest.slice(-7, -2); // before the object number and generation
    return [name, ...cells];
  });
}

/** The inflated ToUnicode CMaps of the file. */
function toUnicodeMaps(file: string): string[] {
  const pdf = readFileSync(file);
  const maps: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const bodyStart = start + (pdf[start + 6] === 0x0d ? 8 : 7);
    const end = pdf.indexOf('endstream', bodyStart, 'latin1');
    if (end < 0) break;
    const dictStart = pdf.lastIndexOf('<<', start, 'latin1');
    const dict = pdf.subarray(dictStart, start).toString('latin1');
    if (dict.includes('/FlateDecode') && !pdf.subarray(start - 3, start).toString('latin1').includes('end')) {
      try {
        const text = inflateSync(pdf.subarray(bodyStart, end)).toString('latin1');
        if (text.startsWith('/CIDInit')) maps.push(text);
      } catch {
        // Not a complete zlib stream (font programs are checked by pdffonts).
      }
    }
    at = end + 9;
  }
  return maps;
}

const STANDARD_14 = /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/;

describe.skipIf(!fontsBuilt() || !hasPoppler())('PDF hygiene and the faces of each role', () => {
  for (const kind of ['form', 'materials', 'blankForm'] as const) {
    it(`${kind}: embedded subset fonts only, each role in its own face, non-empty text maps, the right Author`, () => {
      const file = make(kind);
      const rows = fonts(file);
      expect(rows.length).toBeGreaterThan(0);
      for (const [name = '', type, encoding, emb, sub, uni] of rows) {
        expect(name, name).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
        expect(name).not.toMatch(STANDARD_14);
        expect([type, encoding, emb, sub, uni], name).toEqual(['TrueType', 'Identity-H', 'yes', 'yes', 'yes']);
      }
      const faces = new Set(rows.map(([name = '']) => name.slice(7)));
      // 正文 in the serif, 黑体 headings in the sans, 楷体 in WenKai, titles (小标宋) in the bold serif.
      expect([...faces].sort()).toEqual(['LXGWWenKai', 'NotoSansSCMedium', 'NotoSerifSC', 'NotoSerifSCBold']);
      const maps = toUnicodeMaps(file);
      expect(maps).toHaveLength(rows.length);
      for (const map of maps) expect(map.match(/<[0-9a-f]{4}><[0-9a-f]{4,8}>/gi)?.length ?? 0).toBeGreaterThan(0);
      const author = /^Author:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
      expect(author).toBe(kind === 'blankForm' ? '南昌市总工会' : typicalApplication().cover.unitName);
    });
  }
});
