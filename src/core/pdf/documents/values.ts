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

/** Columns and formatted rows of an array field. */
export function tableOf(app: Application, path: string, ctx: NoticeContext): { columns: string[]; rows: string[][] } {
  const item = presentPath(app, path, ctx);
  if (item?.kind !== 'table') return { columns: [], rows: [] };
  return { columns: item.columns, rows: item.rows.map((row) => row.map((cell) => cell ?? '')) };
}
