// Writes one page's part of a table: label fills, shared borders, then the text of the cells.

import { baselineIn, EPS } from './geometry';
import { placeLine } from './placeLine';
import type { RowContent, TableContext } from './tableRows';
import type { PageItem } from './types';

export const INNER_BORDER = 0.5;
export const OUTER_BORDER = 0.75;
export const LABEL_FILL = [0.93, 0.93, 0.93] as const;

interface PlacedRow {
  y: number;
  h: number;
  edges: number[];
}

/** Collects one page's part of a table and writes it in paint order: fills, borders, text. */
export class TableWriter {
  private fills: PageItem[] = [];
  private texts: PageItem[] = [];
  private rows: PlacedRow[] = [];

  constructor(
    private readonly ctx: TableContext,
    private readonly left: number,
    private readonly right: number,
  ) {}

  place(row: RowContent, y: number, h: number): void {
    const { padding, lineHeight, size } = this.ctx;
    for (const c of row.cells) {
      if (c.label) this.fills.push({ kind: 'rect', x: c.x, y, w: c.w, h, lineWidth: 0, fill: LABEL_FILL });
      const textHeight = c.lines.length * lineHeight;
      const centred = c.footer.length === 0 && (c.label || (!row.split && c.minHeight === 0));
      const top = centred ? y + (h - textHeight) / 2 : y + padding;
      const left = c.x + padding;
      const width = c.w - 2 * padding;
      const font = { size, style: c.style };
      c.lines.forEach((line, i) => {
        const item = placeLine(line, left, width, baselineIn(top + i * lineHeight, lineHeight, size), c.align, font);
        if (item !== undefined) this.texts.push(item);
      });
      const footerTop = y + h - padding - c.footer.length * lineHeight;
      c.footer.forEach((line, i) => {
        const item = placeLine(line, left, width, baselineIn(footerTop + i * lineHeight, lineHeight, size), 'right', font);
        if (item !== undefined) this.texts.push(item);
      });
    }
    const edges = row.cells.slice(1).map((c) => c.x);
    this.rows.push({ y, h, edges });
  }

  /** Writes the collected part onto `items` and starts a new part. */
  flush(items: PageItem[]): void {
    const first = this.rows[0];
    const last = this.rows[this.rows.length - 1];
    if (first === undefined || last === undefined) return;
    const lines: PageItem[] = [];
    const hline = (y: number, width: number): PageItem => ({ kind: 'line', x1: this.left, y1: y, x2: this.right, y2: y, width });
    const vline = (x: number, y1: number, y2: number, width: number): PageItem => ({ kind: 'line', x1: x, y1, x2: x, y2, width });
    for (const row of this.rows.slice(0, -1)) lines.push(hline(row.y + row.h, INNER_BORDER));
    // vertical edges between cells, merged over consecutive rows
    const open = new Map<number, { y1: number; y2: number }>();
    const close = (x: number): void => {
      const seg = open.get(x);
      if (seg !== undefined) lines.push(vline(x, seg.y1, seg.y2, INNER_BORDER));
      open.delete(x);
    };
    for (const row of this.rows) {
      for (const x of [...open.keys()]) if (!row.edges.some((e) => Math.abs(e - x) < EPS)) close(x);
      for (const x of row.edges) {
        const key = [...open.keys()].find((o) => Math.abs(o - x) < EPS);
        const seg = key === undefined ? undefined : open.get(key);
        if (seg !== undefined && Math.abs(seg.y2 - row.y) < EPS) seg.y2 = row.y + row.h;
        else open.set(x, { y1: row.y, y2: row.y + row.h });
      }
    }
    for (const x of [...open.keys()]) close(x);
    const yEnd = last.y + last.h;
    lines.push(hline(first.y, OUTER_BORDER), hline(yEnd, OUTER_BORDER), vline(this.left, first.y, yEnd, OUTER_BORDER), vline(this.right, first.y, yEnd, OUTER_BORDER));
    items.push(...this.fills, ...lines, ...this.texts);
    this.fills = [];
    this.texts = [];
    this.rows = [];
  }
}

