// Issue 18 §2, §3: the 申报表 of the typical and a long application and the blank form, read back with
// `pdftotext -bbox-layout` and measured (tests/pdf-quality.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptyApplication } from '../../src/core/application/schema';
import type { Application } from '../../src/core/application/types';
import { documentTexts, makePdf, type PdfJob, type PdfKind } from '../../src/core/pdf/makePdf';
import { A4, MM } from '../../src/core/pdf/documents/template';
import { lineChecks, opinionBlocks, readPages, widowsAndOrphans } from '../pdf-quality';
import { CTX, typicalApplication } from './fixture';
import { FORM, fontsBuilt, nodeFonts, OUTLINE } from './pdf-node';

// Each test makes and reads back whole PDFs: on a shared machine that can take more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const out = process.env.PDF_QUALITY_OUT ?? mkdtempSync(join(tmpdir(), 'lmcx-quality-'));
const longApplication = (): Application => JSON.parse(readFileSync(new URL('../fixtures/long-application.json', import.meta.url), 'utf8')) as Application;

function pdf(kind: PdfKind, app: Application, name: string): string {
  const job: PdfJob = { kind, app, ctx: CTX, form: FORM, outline: OUTLINE };
  const made = makePdf(job, nodeFonts(documentTexts(job)));
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, new Uint8Array(made.bytes));
  return file;
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const OPINIONS = ['所在单位工会意见', '县（区）总工会'];
/** The grid's right border less the cell padding (applicationForm.ts: right margin 22 mm, padding 4 pt). */
const CELL_RIGHT = A4.width - 22 * MM - 4;

describe.skipIf(!fontsBuilt() || !hasPoppler())('申报表 measured as a clerk reads it', () => {
  const cases: [string, () => Application, PdfKind][] = [
    ['typical', typicalApplication, 'form'],
    ['long', longApplication, 'form'],
    ['blank', emptyApplication, 'blankForm'],
  ];
  it.each(cases)('%s: no one-character lines, no split dates, no forbidden line starts or ends', (name, app, kind) => {
    const report = lineChecks(readPages(pdf(kind, app(), `form-${name}`)));
    expect(report).toEqual({ singleCharacterLines: [], splitDates: [], forbiddenStarts: [], forbiddenEnds: [] });
  }, 30_000);

  it.each(cases)('%s: each opinion block on one page, with at least 40 mm to sign', (name, app, kind) => {
    const blocks = opinionBlocks(readPages(pdf(kind, app(), `form-${name}`)), OPINIONS, CELL_RIGHT);
    for (const block of blocks) {
      expect(block.pages, block.title).toHaveLength(1);
      expect(block.pages[0], block.title).toBeGreaterThanOrEqual(0);
      expect(block.freeAfterSignature, block.title).toBeGreaterThanOrEqual(40);
    }
  }, 30_000);

  it('long: the wrapped 所在单位 on the cover pushes 南昌市总工会制 down instead of running into it', () => {
    const [cover] = readPages(pdf('form', longApplication(), 'form-long'));
    const footer = cover?.segments.find((s) => s.text === '南昌市总工会制');
    expect(footer).toBeDefined();
    const above = cover?.segments.filter((s) => s !== footer && s.yMin < (footer?.yMin ?? 0)) ?? [];
    const lowest = Math.max(...above.map((s) => s.yMax));
    expect((footer?.yMin ?? 0) - lowest).toBeGreaterThan(10);
    expect(cover?.segments.filter((s) => s.yMin > (footer?.yMin ?? 0) - 1 && s !== footer)).toEqual([]);
  });

  it('long: 申报材料 has no widows or orphans and no one-character lines', () => {
    const pages = readPages(pdf('materials', longApplication(), 'materials-long'));
    expect(lineChecks(pages).singleCharacterLines).toEqual([]);
    expect(widowsAndOrphans(pages.slice(1), 28 * MM, 32)).toEqual([]);
  }, 30_000);

  it('blank: every list has its empty rows, and 无 is printed nowhere but in 填表说明', () => {
    const file = pdf('blankForm', emptyApplication(), 'form-blank');
    const pages = readPages(file);
    const notesPage = pages.findIndex((p) => p.segments.some((s) => s.text.replace(/\s+/g, '') === '填表说明'));
    const wu = pages.flatMap((p, i) => (i === notesPage ? [] : p.segments.filter((s) => s.text.includes('无')).map((s) => `p${i + 1}: ${s.text}`)));
    expect(wu).toEqual([]);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // The numbered rows of each list: the highest 序号 printed under each title.
    const lists: [string, number][] = [['所获荣誉', 3], ['团队成员', 8], ['经费主要来源', 3], ['命名单位及命名日期', 2], ['技术创新', 5], ['培养人才', 5], ['攻关项目', 4]];
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ''));
    const starts = lists.map(([title]) => lines.findIndex((l) => l.startsWith(title)));
    for (const [i, [title, rows]] of lists.entries()) {
      const at = starts[i] ?? -1;
      expect(at, title).toBeGreaterThan(0);
      // Up to the next list (page numbers "— 4 —" are not digits only).
      const end = starts.slice(i + 1).find((s) => s > at) ?? lines.length;
      const numbers = lines.slice(at + 1, end).filter((l) => /^\d+$/.test(l)).map(Number);
      expect(numbers, title).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
    }
  }, 30_000);
});
