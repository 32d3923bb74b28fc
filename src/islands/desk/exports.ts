// The 汇总表's downloads: .xlsx (write-excel-file, loaded only when asked for), CSV with a BOM, and the PDF made
// in the desk's worker. File names carry the date in China so that several exports of a day sort together.
import type { SheetData } from 'write-excel-file/universal';
import { toCsv } from '../../core/desk/csv';
import { SUMMARY_COLUMNS, summaryTable, type SummaryRow } from '../../core/desk/summary';
import type { SummaryPdfInput } from '../../core/desk/summaryPdf';
import { VERDICT_LABELS, type DeskReport } from '../../core/desk/types';
import { chinaDay } from '../../core/draft/chinaTime';
import { downloadBlob } from '../../io/download';
import { bundledFontBase } from '../../io/fonts';
import { summaryPdfInWorker } from '../../io/deskClient';

export const SUMMARY_TITLE = '2021年南昌市劳模创新工作室申报汇总表';

function fileName(extension: string): string {
  return `劳模创新工作室申报汇总表-${chinaDay(new Date().toISOString()).replaceAll('-', '')}.${extension}`;
}

function sheet(table: (string | number | null)[][]): SheetData {
  return table.map((row, i) =>
    row.map((value) => (value === null ? null : i === 0 ? { value: String(value), fontWeight: 'bold' as const, wrap: true } : typeof value === 'number' ? { value, type: Number } : { value: String(value), type: String })),
  );
}

/** One sheet per view: every candidate, the current filter, the count per 推荐单位, and every finding. */
export async function downloadXlsx(all: SummaryRow[], shown: SummaryRow[], reports: DeskReport[], candidatesPerUnit: number): Promise<void> {
  // The universal build zips with fflate, synchronously below 160 KB a file (a few hundred rows): no worker.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const columns = SUMMARY_COLUMNS.map((c) => ({ width: c.width }));
  const counts = new Map<string, number>();
  for (const row of all) if (row.recommender !== '' && row.verdict !== 'refused') counts.set(row.recommender, (counts.get(row.recommender) ?? 0) + 1);
  const perUnit: (string | number | null)[][] = [['推荐单位', '候选对象数', `通知限额（${candidatesPerUnit}个）`], ...[...counts].map(([unit, n]) => [unit, n, n > candidatesPerUnit ? '超出' : '未超出'])];
  const findings: (string | number | null)[][] = [['文件名', '工作室名称', '核验结论', '问题', '说明'], ...reports.flatMap((r) => r.findings.map((f) => [r.fileName, r.application?.cover.studioName ?? '', VERDICT_LABELS[r.verdict], f.severity === 'error' ? '问题' : '提示', f.text]))];
  const blob = await writeXlsxFile([
    { data: sheet(summaryTable(all)), sheet: '汇总', columns, stickyRowsCount: 1 },
    { data: sheet(summaryTable(shown)), sheet: '当前筛选', columns, stickyRowsCount: 1 },
    { data: sheet(perUnit), sheet: '推荐单位统计', columns: [{ width: 24 }, { width: 12 }, { width: 14 }] },
    { data: sheet(findings), sheet: '核验问题', columns: [{ width: 36 }, { width: 24 }, { width: 14 }, { width: 8 }, { width: 90 }] },
  ]).toBlob();
  downloadBlob(blob, fileName('xlsx'));
}

export function downloadCsv(rows: SummaryRow[]): void {
  downloadBlob(new Blob([toCsv(summaryTable(rows))], { type: 'text/csv;charset=utf-8' }), fileName('csv'));
}

/** Resolves with an error message, or null once the PDF is downloaded. */
export async function downloadSummaryPdf(input: SummaryPdfInput): Promise<string | null> {
  const { result } = summaryPdfInWorker(input, bundledFontBase());
  const message = await result;
  if (message.type === 'pdf') {
    downloadBlob(message.pdf, fileName('pdf'));
    return null;
  }
  return message.type === 'error' ? `汇总表PDF未能生成：${message.message}` : '汇总表PDF未能生成。';
}
