// Each Word edition opened by LibreOffice (headless, as WPS or Word would open it) and printed to PDF: it converts
// without complaint, carries every value of the fixture, the 填表说明 and the opinion blocks, and takes as many pages
// as the project's own PDF of the same data, give or take one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyApplication } from '../../src/core/application/schema';
import type { Application } from '../../src/core/application/types';
import { documentTexts, makePdf, type PdfKind } from '../../src/core/pdf/makePdf';
import { makeWord, type WordKind } from '../../src/core/word/documents';
import { convertWithLibreOffice, flatPdfText, longApplication, pdfPages, printedValues } from '../docx-check';
import { CTX, typicalApplication } from './fixture';
import { FORM, nodeFonts, OUTLINE } from './pdf-node';

const dir = mkdtempSync(join(tmpdir(), 'lmcx-word-'));

/** 附件2 as issued: its headings (一、…) and numbered items, read from the notice's text. */
function outlineOfSource() {
  const lines = readFileSync(fileURLToPath(new URL('../fixtures/notice-hong-gong-ban-2021-31.txt', import.meta.url)), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === '参 考 提 纲');
  const sections: { heading: string; items: string[] }[] = [];
  for (const l of lines.slice(start + 1).map((x) => x.trim())) {
    if (/^[一二三四五六七八九十]、/.test(l)) sections.push({ heading: l, items: [] });
    else if (/^\d+\./.test(l)) sections[sections.length - 1]?.items.push(l);
  }
  return sections;
}

interface Case {
  name: string;
  kind: WordKind;
  app: Application;
}

const cases: Case[] = [
  { name: 'form', kind: 'form', app: typicalApplication() },
  { name: 'materials', kind: 'materials', app: typicalApplication() },
  { name: 'long-form', kind: 'form', app: longApplication(typicalApplication()) },
  { name: 'long-materials', kind: 'materials', app: longApplication(typicalApplication()) },
  { name: 'blank-form', kind: 'blankForm', app: emptyApplication() },
  { name: 'outline', kind: 'outline', app: emptyApplication() },
];

const converted = new Map<string, { pdf: string; text: string; pages: number; docxBytes: number }>();
let log = '';

function projectPdfPages(kind: PdfKind, app: Application): number {
  const job = { kind, app, ctx: CTX, form: FORM, outline: OUTLINE };
  const made = makePdf(job, nodeFonts(documentTexts(job)));
  return made.pages;
}

describe('the Word editions as LibreOffice prints them', () => {
  beforeAll(async () => {
    const files: string[] = [];
    for (const c of cases) {
      const bytes = await makeWord({ kind: c.kind, app: c.app, ctx: CTX, form: FORM, outline: OUTLINE, outlineSections: outlineOfSource() });
      const file = join(dir, `${c.name}.docx`);
      writeFileSync(file, bytes);
      files.push(file);
    }
    const result = convertWithLibreOffice(files);
    log = result.log;
    cases.forEach((c, i) => {
      const file = files[i] ?? '';
      const pdf = result.pdfs.get(file);
      if (pdf) converted.set(c.name, { pdf, text: flatPdfText(pdf), pages: pdfPages(pdf), docxBytes: readFileSync(file).byteLength });
    });
  }, 240_000);

  it('converts every file, and LibreOffice reports nothing but the conversion', () => {
    expect([...converted.keys()]).toEqual(cases.map((c) => c.name));
    const complaints = log.split('\n').filter((l) => l.trim() !== '' && !/^convert .* -> .* using filter : writer_pdf_Export$/.test(l.trim()));
    expect(complaints).toEqual([]);
  });

  for (const name of ['form', 'long-form']) {
    it(`${name}: every value of the draft, the 填表说明 and both opinion blocks with 签名, 盖章 and 年 月 日`, () => {
      const c = cases.find((x) => x.name === name);
      const got = converted.get(name);
      expect(got).toBeDefined();
      const text = got?.text ?? '';
      const missing = printedValues(c?.app ?? emptyApplication(), 'form').filter((v) => !text.includes(v));
      expect(missing).toEqual([]);
      for (const note of FORM.notes) expect(text).toContain(note.replace(/\s+/g, ''));
      expect(text).toContain('所在单位工会意见签名：（盖章）年月日县（区）总工会，开发区（新区）、市直机关工会工委，市教科文卫体工会，市产业和直属基层工会意见签名：（盖章）年月日');
    });
  }

  for (const name of ['materials', 'long-materials']) {
    it(`${name}: the outline's headings and every text of the 申报材料`, () => {
      const c = cases.find((x) => x.name === name);
      const text = converted.get(name)?.text ?? '';
      const missing = printedValues(c?.app ?? emptyApplication(), 'materials').filter((v) => !text.includes(v));
      expect(missing).toEqual([]);
      for (const heading of ['一、创新工作室基本情况', '1.工作室概况', '二、近三年来活动开展情况', '三、近三年来创新业绩情况', '4.荣誉奖励']) expect(text).toContain(heading);
    });
  }

  it('the page counts are within one of the project’s PDFs of the same data', () => {
    const pairs: [string, PdfKind][] = [['form', 'form'], ['materials', 'materials'], ['long-form', 'form'], ['long-materials', 'materials'], ['blank-form', 'blankForm']];
    const report = pairs.map(([name, kind]) => {
      const c = cases.find((x) => x.name === name);
      return { name, word: converted.get(name)?.pages ?? 0, pdf: projectPdfPages(kind, c?.app ?? emptyApplication()) };
    });
    for (const r of report) expect(Math.abs(r.word - r.pdf), `${r.name}: Word ${r.word} pages, PDF ${r.pdf}`).toBeLessThanOrEqual(1);
  }, 120_000);

  it('the blank 申报表 has the cover, the 填表说明, the grid and the opinion blocks; the blank outline every item', () => {
    const blank = converted.get('blank-form')?.text ?? '';
    for (const t of ['2021年南昌市劳模创新工作室', '申报表', '南昌市总工会制', '填表说明', '工作室基本情况', '近三年情况', '2018年2019年2020年', '所在单位工会意见']) expect(blank).toContain(t);
    const outline = converted.get('outline')?.text ?? '';
    for (const s of outlineOfSource()) {
      expect(outline).toContain(s.heading);
      for (const item of s.items) expect(outline).toContain(item.replace(/\s+/g, ''));
    }
  });

  it('the filled 申报表 of the typical application is at most 100 KB', () => {
    expect(converted.get('form')?.docxBytes ?? Infinity).toBeLessThanOrEqual(100 * 1024);
  });
});
