// Tables: compute every cell's lines, then set rows onto pages, splitting a tall row line by line across pages.
//
// - Column widths are given; a cell spans `colSpan` columns; the last cell of a row stretches over the columns
//   left over. If the columns are wider than the page's content box they are scaled down together (never the text).
// - Each cell's text is broken with breakLines in (cell width − 2·padding); its footer lines (签名/盖章/年 月 日) are set
//   right-aligned at the bottom of the cell. Row height = the tallest cell (lines + footer + 2·padding, ≥ minHeight).
// - A row that does not fit in the room left on the page is split when every label cell fits whole and every taller
//   cell can keep at least `minSplitLines` lines here and carry at least as many over; otherwise it moves to the next
//   page whole. A row taller than a page is always split. The continuation of a cell starts with the continued
//   mark (（续）); label cells are repeated on the continuation with the mark after them; the footer and what is
//   left of a minHeight go to the last part. `headerRows` are repeated at the top of every continuation page.
// - Borders are 'line' items shared by neighbouring cells (0.5 pt inside, 0.75 pt around each page's part of the
//   table); label cells get a light fill ('rect' with lineWidth 0: fill only), drawn first.

import { EPS } from './geometry';
import type { PageCursor } from './pageCursor';
import { TableWriter } from './tableWriter';
import { prepareRows, splitRow, TableContext, type RowContent, type TableOptions } from './tableRows';
import type { TableBlock, TextMeasurer } from './types';

export { LABEL_FILL } from './tableWriter';
export type { TableOptions } from './tableRows';

/** Would the table's first rows start in `avail` points (header rows plus a first part of the first body row)? */
export function tableStartsIn(block: TableBlock, avail: number, cur: PageCursor, measurer: TextMeasurer, options: TableOptions): boolean {
  const ctx = new TableContext(block, measurer, options);
  const headerCount = Math.min(Math.max(0, block.headerRows ?? 0), block.rows.length);
  const rows = prepareRows(ctx, cur.left, scaledColumns(block.columns, cur.width), headerCount + 1);
  const headerHeight = rows.slice(0, headerCount).reduce((h, r) => h + ctx.rowHeight(r), 0);
  const room = avail - (block.spaceBefore ?? 0) - headerHeight;
  const firstRow = rows[headerCount];
  if (firstRow === undefined) return room >= -EPS;
  return ctx.rowHeight(firstRow) <= room + EPS || splitRow(ctx, firstRow, room, false) !== null;
}

function scaledColumns(columns: readonly number[], width: number): number[] {
  const total = columns.reduce((a, b) => a + b, 0);
  if (columns.length === 0 || !(total > 0)) throw new RangeError('table: no columns');
  return total > width + EPS ? columns.map((c) => (c * width) / total) : [...columns];
}

/** Sets a table onto the pages of `cur`, starting at its current position. */
export function flowTable(block: TableBlock, cur: PageCursor, measurer: TextMeasurer, options: TableOptions): void {
  const ctx = new TableContext(block, measurer, options);
  const columns = scaledColumns(block.columns, cur.width);
  const left = cur.left;
  const right = left + columns.reduce((a, b) => a + b, 0);
  const rows = prepareRows(ctx, left, columns);
  const headerCount = Math.min(Math.max(0, block.headerRows ?? 0), rows.length);
  const header = rows.slice(0, headerCount);
  const headerHeight = header.reduce((h, r) => h + ctx.rowHeight(r), 0);
  // Header rows that take more than half a page are not repeated (they would leave too little room).
  const repeat = headerCount > 0 && headerHeight <= cur.bodyHeight / 2;
  const capacity = cur.bodyHeight - (repeat ? headerHeight : 0);
  if (ctx.lineHeight + 2 * ctx.padding > capacity) throw new RangeError('table: a single line of a cell does not fit on a page');
  const body = rows.slice(headerCount);
  // a room asked for by minHeight never exceeds a page
  for (const row of body) for (const c of row.cells) c.minHeight = Math.min(c.minHeight, capacity);
  for (const row of header) for (const c of row.cells) c.minHeight = Math.min(c.minHeight, cur.bodyHeight);

  if (cur.used && !tableStartsIn(block, cur.remaining, cur, measurer, options)) cur.newPage('overflow');
  cur.spaceBefore(block.spaceBefore ?? 0);

  const writer = new TableWriter(ctx, left, right);
  const put = (row: RowContent, h: number): void => {
    writer.place(row, cur.y, h);
    cur.y += h;
  };
  for (const row of header) {
    const h = ctx.rowHeight(row);
    if (h > cur.remaining + EPS && cur.used) {
      writer.flush(cur.page.items);
      cur.newPage('overflow');
    }
    put(row, h);
  }
  let freshTop = !cur.used || cur.remaining >= capacity - EPS;
  let turns = 0;
  const nextPage = (): void => {
    turns += 1;
    if (turns > 10_000) throw new Error('table: 10,000 pages and not done (a page that holds only the continued mark?)');
    writer.flush(cur.page.items);
    cur.newPage('overflow');
    if (repeat) for (const row of header) put(row, ctx.rowHeight(row));
    freshTop = true;
  };

  const queue = [...body];
  for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
    const h = ctx.rowHeight(row);
    const next = queue[0];
    // A title row goes to the next page when what follows it could not start here.
    const orphaned =
      row.keepWithNext === true &&
      next !== undefined &&
      !freshTop &&
      h <= cur.remaining + EPS &&
      ctx.rowHeight(next) > cur.remaining - h + EPS &&
      splitRow(ctx, next, cur.remaining - h, false) === null;
    if (orphaned) {
      nextPage();
      queue.unshift(row);
      continue;
    }
    if (h <= cur.remaining + EPS) {
      put(row, h);
      freshTop = false;
      continue;
    }
    const split = splitRow(ctx, row, cur.remaining, false) ?? (freshTop ? splitRow(ctx, row, cur.remaining, true) : null);
    if (split !== null) {
      put(split.first, split.height);
      queue.unshift(split.rest);
    } else if (freshTop) {
      throw new Error('table: a row cannot be split to fit on a page (a cell footer or label taller than a page?)');
    } else {
      queue.unshift(row);
    }
    nextPage();
  }
  writer.flush(cur.page.items);
  cur.spaceAfter(block.spaceAfter ?? 0);
}
