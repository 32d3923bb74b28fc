// The 申报表's grid as table blocks. Blocks follow each other without space so that they print as one grid;
// arrays become sub-tables (their title row and column headers repeat on continuation pages).
import type { TableBlock, TableCell, TableRow, TextMeasurer } from '../layout/types';
import { MM, PT } from './template';

export const FORM_SIZE = PT.小四; // 填表说明9: 仿宋小四号字
export const FORM_LINE = 20;
export const FORM_PADDING = 4;

export const label = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, label: true, align: 'center', ...extra });
export const value = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, align: 'left', ...extra });

export function grid(columns: number[], rows: TableRow[], headerRows = 0): TableBlock {
  return { kind: 'table', columns, rows, headerRows, size: FORM_SIZE, style: 'fangsong', lineHeight: FORM_LINE, padding: FORM_PADDING };
}

/** Height of a row left empty for handwriting: room for 12 pt script (at least 8 mm). */
export const HANDWRITING_ROW = 10 * MM;

/**
 * A sub-table: its title across the full width, the column headers, then one row per item (or 无). On the blank
 * form (`blankRows`), that many numbered empty rows to fill by hand instead. Columns start from `proportions` of
 * `total` and are widened as Word's autofit does (see {@link fitColumns}).
 */
export function subTable(title: string, total: number, proportions: number[], columns: string[], rows: string[][], measurer: TextMeasurer, blankRows?: number): TableBlock {
  const span = proportions.length;
  const numbers = blankRows === undefined ? rows.map((_, i) => String(i + 1)) : [];
  const widths = fitColumns(total, proportions, [['序号', ...columns]], [numbers, ...columns.map((_, c) => rows.map((row) => row[c] ?? ''))], measurer);
  const head: TableRow[] = [
    { cells: [label(title, { colSpan: span, align: 'left' })] },
    { cells: [label('序号'), ...columns.map((c) => label(c))] },
  ];
  let body: TableRow[];
  if (blankRows !== undefined) {
    body = Array.from({ length: blankRows }, (_, i) => ({
      cells: [value(String(i + 1), { align: 'center', minHeight: HANDWRITING_ROW }), ...columns.map(() => value(''))],
    }));
  } else if (rows.length === 0) body = [{ cells: [value('无', { colSpan: span, align: 'center' })] }];
  else body = rows.map((row, i) => ({ cells: [value(String(i + 1), { align: 'center' }), ...row.map((cell) => value(cell))] }));
  return grid(widths, [...head, ...body], 2);
}

/** A value that must stay on one line: a date, a number or amount, or a short word (本单位, 县区级, 省部级). */
export function isShortValue(text: string): boolean {
  return /^\d{4}年(\d{1,2}月(\d{1,2}日)?)?$/.test(text) || /^[\d.,%-]+$/.test(text) || [...text].length <= 4;
}

/** The narrowest width that sets a header on at most two balanced lines of at least two characters each. */
function headerWidth(text: string, measurer: TextMeasurer): number {
  const chars = [...text];
  const width = (t: string): number => measurer.width(t, FORM_SIZE, 'fangsong');
  let best = width(text);
  for (let cut = 2; cut <= chars.length - 2; cut += 1) {
    const first = chars.slice(0, cut).join('');
    const second = chars.slice(cut).join('');
    if (/^\p{P}*.\p{P}*$/u.test(second) || /^[）)]/.test(second) || /[（(]$/.test(first)) continue;
    best = Math.min(best, Math.max(width(first), width(second)));
  }
  return best;
}

/**
 * Column widths as Word's autofit makes them: each column at least as wide as its header on two balanced lines
 * and its short values (dates, numbers, 本单位) on one, the room taken from the columns that have more than they
 * need, in proportion to their slack; the rest as `proportions` say. Headers: one list per header row, values:
 * one list per column.
 */
export function fitColumns(total: number, proportions: number[], headers: string[][], values: string[][], measurer: TextMeasurer): number[] {
  const start = widths(total, proportions);
  const need = start.map((_, c) => {
    let w = 0;
    for (const row of headers) w = Math.max(w, headerWidth(row[c] ?? '', measurer));
    for (const v of values[c] ?? []) if (v !== '' && isShortValue(v)) w = Math.max(w, measurer.width(v, FORM_SIZE, 'fangsong'));
    return Math.ceil(w + 2 * FORM_PADDING + 1);
  });
  const deficit = start.reduce((sum, w, c) => sum + Math.max(0, (need[c] ?? 0) - w), 0);
  if (deficit <= 0) return start;
  const slack = start.reduce((sum, w, c) => sum + Math.max(0, w - (need[c] ?? 0)), 0);
  if (slack < deficit) return widths(total, need); // nothing fits: share the width in proportion to the needs
  const fitted = start.map((w, c) => {
    const n = need[c] ?? 0;
    return w < n ? n : w - ((w - n) / slack) * deficit;
  });
  return widths(total, fitted);
}

/** Scales column proportions to the text width, so every table is exactly as wide as the grid. */
export function widths(total: number, proportions: number[]): number[] {
  const sum = proportions.reduce((a, b) => a + b, 0);
  const scaled = proportions.map((p) => Math.floor((p / sum) * total * 100) / 100);
  const rest = total - scaled.reduce((a, b) => a + b, 0);
  return scaled.map((w, i) => (i === scaled.length - 1 ? Math.round((w + rest) * 100) / 100 : w));
}
