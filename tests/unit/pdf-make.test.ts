import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isForbiddenStart } from '../../src/core/pdf/layout';
import { documentTexts, makePdf, type PdfJob, type PdfKind } from '../../src/core/pdf/makePdf';
import { emptyApplication } from '../../src/core/application/schema';
import { CTX, typicalApplication } from './fixture';
import { FORM, fontsBuilt, nodeFonts, OUTLINE } from './pdf-node';

// Each test makes and reads back whole PDFs: on a shared machine that can take more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const out = mkdtempSync(join(tmpdir(), 'lmcx-pdf-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function pdf(kind: PdfKind, app = typicalApplication()): { file: string; pages: number; bytes: number } {
  const job: PdfJob = { kind, app, ctx: CTX, form: FORM, outline: OUTLINE };
  const fonts = nodeFonts(documentTexts(job));
  const made = makePdf(job, fonts);
  const file = join(out, `${kind}.pdf`);
  writeFileSync(file, new Uint8Array(made.bytes));
  return { file, pages: made.pages, bytes: made.bytes.byteLength };
}

/** The text in drawing order (-raw), so that a cell's lines stay together even in a narrow column. */
function text(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function pageSizes(file: string): string[] {
  return execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .filter((l) => /^Page\s+\d+ size/.test(l))
    .map((l) => l.replace(/^Page\s+\d+ size:\s+/, '').replace(/\s+\(.*$/, ''));
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// These need the fonts built from the registry package (npm run build:fonts, part of the test command)
// and poppler's pdftotext (installed by .ci/run); without them there is nothing to test against.
describe.skipIf(!fontsBuilt() || !hasPoppler())('the PDFs made from the typical application', () => {
  const values = (app = typicalApplication()): string[] => {
    const found: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string' && v !== '' && !/^\d{4}-\d{2}(-\d{2})?$/.test(v) && v.length < 40) found.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    // 填表联系人 is for the union's call, never on the official form (checked below).
    walk({ ...app, contact: {} });
    return found;
  };

  it('申报表 carries every short value of the fixture, dates the official way, and no line starts with a forbidden mark', () => {
    const { file, bytes } = pdf('form');
    const extracted = text(file);
    const flat = extracted.replace(/\s+/g, '');
    const missing = values().filter((v) => !flat.includes(v.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
    expect(flat).not.toContain('李明');
    expect(flat).not.toContain('填表人');
    expect(flat).toContain('2021年7月12日');
    expect(flat).toContain('2016年3月');
    const badStarts = extracted.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^— \d+ —$/.test(l) && isForbiddenStart(l)); // page numbers are not wrapped text
    expect(badStarts).toEqual([]);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('申报材料 carries the outline headings and the long texts', () => {
    const app = typicalApplication();
    const { file } = pdf('materials', app);
    const flat = text(file).replace(/\s+/g, '').replace(/—\d+—/g, ''); // a paragraph may go on over a page number
    for (const heading of ['一、创新工作室基本情况', '1.工作室概况', '三、近三年来创新业绩情况', '4.荣誉奖励']) expect(flat).toContain(heading);
    expect(flat).toContain(app.materials.results.honors?.replace(/\s+/g, '') ?? 'missing');
  });

  it('the A3 booklet has A3 landscape pages, four A4 pages to a sheet', () => {
    const a4 = pdf('form');
    const a3 = pdf('formA3');
    expect(a3.pages).toBe(Math.ceil(a4.pages / 4) * 2);
    expect(new Set(pageSizes(a3.file))).toEqual(new Set(['1190.55 x 841.89 pts']));
  });

  it('the blank form prints without any data', () => {
    const { file, pages } = pdf('blankForm', emptyApplication());
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text(file).replace(/\s+/g, '')).toContain('所在单位工会意见');
  });

  it('prints rare names (𠮷 beyond the BMP, 䶮 in Ext-A, 𪚥 in Ext-B, 𰻞 in Ext-G) as real, extractable text in all three PDFs', () => {
    const app = typicalApplication();
    const member = app.team.members[0];
    if (member === undefined) throw new Error('fixture has no team member');
    member.name = '𠮷建华';
    app.leader.name = '刘䶮';
    app.materials.basics.overview = `${app.materials.basics.overview ?? ''}成员𠮷建华、𪚥明与𰻞面馆。`;
    const fonts = nodeFonts(documentTexts({ kind: 'form', app, ctx: CTX, form: FORM, outline: OUTLINE }));
    expect(fonts.unprintable).toEqual([]);
    for (const kind of ['form', 'formA3', 'materials'] as const) {
      const flat = text(pdf(kind, app).file).replace(/\s+/g, '');
      expect(flat, kind).toContain('𠮷建华');
      if (kind !== 'materials') expect(flat, kind).toContain('刘䶮');
      else expect(flat).toContain('𪚥明与𰻞面馆');
      expect(flat, kind).not.toMatch(/[\uE000-\uF8FF]/u);
    }
  }, 30_000);

  it('reports an emoji with its code point and prints without it when asked', () => {
    const app = typicalApplication();
    app.remarks = '团队很棒👍\u200d。';
    const job: PdfJob = { kind: 'form', app, ctx: CTX, form: FORM, outline: OUTLINE };
    const fonts = nodeFonts(documentTexts(job));
    expect(fonts.unprintable).toEqual(['👍', '\u200d']);
    expect(() => makePdf(job, fonts)).toThrow(/U\+1F44D/);
    const made = makePdf({ ...job, omitUnprintable: true }, fonts);
    const file = join(out, 'omit.pdf');
    writeFileSync(file, new Uint8Array(made.bytes));
    expect(text(file).replace(/\s+/g, '')).toContain('团队很棒。');
  });
});
