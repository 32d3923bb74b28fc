// Reading the application for print: schema titles as labels, values formatted the official way.
import { presentPath } from '../../application/present';
import { schemaNodeAt } from '../../application/schema';
import type { Application, NoticeContext } from '../../application/types';

export function titleOf(path: string): string {
  return schemaNodeAt(path)?.title ?? path;
}

/** The printed text of a field, '' when empty. */
export function textOf(app: Application, path: string, ctx: NoticeContext): string {
  const item = presentPath(app, path, ctx);
  return item?.kind === 'field' ? (item.text ?? '') : '';
}

/** An amount in 万元 as the form prints it: two decimals (45.50); other text unchanged. */
export function money(text: string): string {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text).toFixed(2) : text;
}

/** A column of amounts: its title says 万元. */
const isAmountColumn = (title: string): boolean => title.includes('万元');

/** Columns and formatted rows of an array field; amounts with two decimals. */
export function tableOf(app: Application, path: string, ctx: NoticeContext): { columns: string[]; rows: string[][] } {
  const item = presentPath(app, path, ctx);
  if (item?.kind !== 'table') return { columns: [], rows: [] };
  const amounts = item.columns.map(isAmountColumn);
  return { columns: item.columns, rows: item.rows.map((row) => row.map((cell, i) => (amounts[i] === true ? money(cell ?? '') : (cell ?? '')))) };
}
