// Table rows as content: each cell's lines, footer and room, row heights, and the split of a row across a page
// break (see table.ts for the rules).

import { breakLines, layoutLines, type LaidLine, type Line } from './breakLines';
import { EPS } from './geometry';
import { labelLines } from './labelLines';
import type { Align, FontStyle, TableBlock, TableCell, TextMeasurer } from './types';

export interface TableOptions {
  continuedMark: string;
  minSplitLines: number;
}

export interface CellContent {
  x: number;
  w: number;
  label: boolean;
  align: Align;
  style: FontStyle;
  /** The text laid out in this part of the cell (continued mark included). */
  text: string;
  lines: LaidLine[];
  footer: Line[];
  minHeight: number;
  /** The cell as written, to repeat a label on continuation pages. */
  source: TableCell;
}

export interface RowContent {
  cells: CellContent[];
  /** The first part of a split row, or a continuation part: values are set at the top, not centred. */
  split: boolean;
  keepWithNext?: boolean;
  keepTogether?: boolean;
}

export class TableContext {
  readonly size: number;
  readonly lineHeight: number;
  readonly padding: number;

  constructor(
    readonly block: TableBlock,
    readonly measurer: TextMeasurer,
    readonly options: TableOptions,
  ) {
    this.size = block.size;
    this.lineHeight = block.lineHeight;
    this.padding = block.padding;
  }

  cell(source: TableCell, x: number, w: number, text: string, minHeight: number): CellContent {
    const style = source.style ?? this.block.style;
    const maxWidth = w - 2 * this.padding;
    if (!(maxWidth > 0)) throw new RangeError(`table: a cell ${w} pt wide has no room inside its ${this.padding} pt padding`);
    const opts = { maxWidth, size: this.size, style, measurer: this.measurer };
    const label = source.label === true;
    return {
      x,
      w,
      label,
      align: source.align ?? (label ? 'center' : 'justify'),
      style,
      text,
      lines: text === '' ? [] : label ? labelLines(text, opts) : layoutLines(text, opts),
      footer: (source.footer ?? []).flatMap((f) => breakLines(f, opts)),
      minHeight,
      source,
    };
  }

  cellHeight(c: CellContent): number {
    return Math.max(2 * this.padding + Math.max(1, c.lines.length + c.footer.length) * this.lineHeight, c.minHeight);
  }

  rowHeight(row: RowContent): number {
    return Math.max(0, ...row.cells.map((c) => this.cellHeight(c)));
  }
}

export function prepareRows(ctx: TableContext, left: number, columns: readonly number[], count = ctx.block.rows.length): RowContent[] {
  return ctx.block.rows.slice(0, count).map((row, r) => {
    let col = 0;
    const cells = row.cells.map((cell, i): CellContent => {
      if (col >= columns.length) throw new RangeError(`table: row ${r + 1} has more cells than the ${columns.length} columns`);
      let span = Math.max(1, Math.floor(cell.colSpan ?? 1));
      if (i === row.cells.length - 1) span = columns.length - col;
      span = Math.min(span, columns.length - col);
      const x = left + columns.slice(0, col).reduce((a, b) => a + b, 0);
      const w = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return ctx.cell(cell, x, w, cell.text, cell.minHeight ?? 0);
    });
    return { cells, split: false, keepWithNext: row.keepWithNext === true, keepTogether: row.keepTogether === true };
  });
}

export interface Split {
  first: RowContent;
  height: number;
  rest: RowContent;
}

/** Splits `row` so that its first part fits in `avail`; null if the rules forbid it (see the module comment). */
export function splitRow(ctx: TableContext, row: RowContent, avail: number, force: boolean): Split | null {
  if (row.keepTogether === true && !force) return null;
  const { padding, lineHeight } = ctx;
  const k = Math.floor((avail - 2 * padding) / lineHeight + EPS);
  if (k < 1) return null;
  const min = ctx.options.minSplitLines;
  let tall = false;
  const parts: Array<{ first: CellContent; rest: CellContent; whole: boolean }> = [];
  for (const c of row.cells) {
    const n = c.lines.length;
    const linesFit = Math.max(1, n + c.footer.length) <= k;
    if (linesFit && c.minHeight <= avail + EPS) {
      const rest = c.label ? ctx.cell(c.source, c.x, c.w, c.source.text + ctx.options.continuedMark, 0) : { ...c, text: '', lines: [], footer: [], minHeight: 0 };
      parts.push({ first: c, rest, whole: true });
      continue;
    }
    if (c.label && !force) return null;
    let m = n;
    if (!linesFit) {
      tall = true;
      m = Math.min(n, k);
      if (!force) {
        m = Math.min(m, n - min);
        if (m < min) return null;
      }
    }
    const next = c.lines[m];
    const rest = next === undefined ? '' : c.text.slice(next.start).replace(/^[\r\n \t]+/, '');
    parts.push({
      first: { ...c, lines: c.lines.slice(0, m), footer: [], minHeight: 0 },
      rest: ctx.cell(c.source, c.x, c.w, rest === '' ? '' : ctx.options.continuedMark + rest, c.minHeight),
      whole: false,
    });
  }
  if (!tall && !force) return null;
  // a forced split must set at least one line here, or it would go on for ever (a footer taller than a page)
  if (force && !parts.some((p) => !p.whole && p.first.lines.length > 0)) return null;
  const first: RowContent = { cells: parts.map((p) => p.first), split: true };
  const height = ctx.rowHeight(first);
  for (const p of parts) if (!p.whole) p.rest.minHeight = Math.max(0, p.rest.minHeight - height);
  return { first, height, rest: { cells: parts.map((p) => p.rest), split: true } };
}
