import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/desk/csv';
import { SUMMARY_COLUMNS, summaryRows, summaryTable } from '../../src/core/desk/summary';
import { summaryPdf, summaryPdfTexts } from '../../src/core/desk/summaryPdf';
import type { DeskReport } from '../../src/core/desk/types';
import { CTX } from './fixture';
import { otherApplication, typical } from './desk-fixture';
import { fontsBuilt, nodeFonts } from './pdf-node';

function reportOf(id: string, app: ReturnType<typeof typical> | undefined, verdict: DeskReport['verdict'] = 'passed'): DeskReport {
  return { id, fileName: `${id}.zip`, size: 3 * 1024 * 1024, kind: 'package', verdict, findings: [], files: [], missing: [], separate: [], ...(app === undefined ? {} : { application: app, issues: [] }) };
}

describe('summaryRows', () => {
  it('draws the figures from each application', () => {
    const [row] = summaryRows([reportOf('a', typical())], CTX, 2);
    expect(row).toMatchObject({
      studioName: '熊建华劳模创新工作室',
      unitName: '江铃汽车零部件（南昌）有限公司',
      recommender: '南昌经开区工会',
      unitType: '国有企业',
      teamSize: 9,
      investment: 46.65,
      economicBenefit: 377,
      innovations: 5,
      completeness: '齐全',
    });
    expect(row?.industry).toContain('制造业');
    expect(row?.conditions).toHaveLength(6);
    expect(row?.honors).toContain('劳动模范');
  });

  it('flags the same studio twice and a 推荐单位 over the notice’s limit', () => {
    const apps = [typical(), typical(), otherApplication('乙工作室', '乙单位')];
    const third = otherApplication('丙工作室', '丙单位');
    third.cover.recommender = '南昌经开区工会';
    const rows = summaryRows([...apps.map((app, i) => reportOf(`p${i}`, app)), reportOf('p3', third), reportOf('bad', undefined, 'refused')], CTX, 2);
    expect(rows[0]?.duplicates.join()).toContain('同名工作室（另见 p1.zip）');
    expect(rows[0]?.duplicates.join()).toContain('同一所在单位');
    expect(rows[2]?.duplicates).toEqual([]);
    expect(rows[0]?.recommenderCount).toBe(3);
    expect(rows[0]?.overLimit).toBe(true);
    expect(rows[2]?.overLimit).toBe(false);
    expect(rows[4]).toMatchObject({ studioName: '', completeness: '无法读取', verdict: 'refused' });
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, quotes what needs it and defuses formulas', () => {
    const csv = toCsv([['名称', '金额'], ['甲,乙', 12.5], ['=1+1', null], ['说"明"', 3]]);
    expect(csv.startsWith('\uFEFF名称,金额\r\n')).toBe(true);
    expect(csv).toContain('"甲,乙",12.5\r\n');
    expect(csv).toContain("'=1+1,\r\n");
    expect(csv).toContain('"说""明""",3\r\n');
  });

  it('has one header row and one row per candidate', () => {
    const table = summaryTable(summaryRows([reportOf('a', typical()), reportOf('b', otherApplication('乙', '乙单位'))], CTX, 2));
    expect(table).toHaveLength(3);
    expect(table[0]).toEqual(SUMMARY_COLUMNS.map((c) => c.header));
    expect(table[1]?.[SUMMARY_COLUMNS.findIndex((c) => c.header === '近三年经费投入（万元）')]).toBe(46.65);
  });
});

describe.runIf(fontsBuilt())('summaryPdf', { timeout: 60_000 }, () => {
  it('prints one row per candidate on A3 landscape', () => {
    const rows = summaryRows([reportOf('a', typical()), reportOf('b', otherApplication('乙工作室', '乙单位')), reportOf('c', undefined, 'refused')], CTX, 2);
    const input = { rows, title: '2021年南昌市劳模创新工作室申报汇总表', subtitle: '共 3 份材料包', candidatesPerUnit: 2 };
    const fonts = nodeFonts(summaryPdfTexts(input));
    const made = summaryPdf(input, fonts);
    expect(made.pages).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
    writeFileSync(join(dir, 's.pdf'), Buffer.from(made.bytes));
    const info = execFileSync('pdfinfo', [join(dir, 's.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89/);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('熊建华劳模创新工作室');
    expect(text).toContain('乙工作室');
    expect(text).toContain('（无法读取）');
    expect(text).toContain('46.65');
  });
});
