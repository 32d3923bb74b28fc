// The 申报表's grid as table blocks. Blocks follow each other without space so that they print as one grid;
// arrays become sub-tables (their title row and column headers repeat on continuation pages).
import type { TableBlock, TableCell, TableRow } from '../layout/types';
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
 * form (`blankRows`), that many numbered empty rows to fill by hand instead.
 */
export function subTable(title: string, widths: number[], columns: string[], rows: string[][], blankRows?: number): TableBlock {
  const span = widths.length;
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

/** Scales column proportions to the text width, so every table is exactly as wide as the grid. */
export function widths(total: number, proportions: number[]): number[] {
  const sum = proportions.reduce((a, b) => a + b, 0);
  const scaled = proportions.map((p) => Math.floor((p / sum) * total * 100) / 100);
  const rest = total - scaled.reduce((a, b) => a + b, 0);
  return scaled.map((w, i) => (i === scaled.length - 1 ? Math.round((w + rest) * 100) / 100 : w));
}
