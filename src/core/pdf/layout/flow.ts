// Sets blocks (paragraphs, tables, spacers, page breaks) onto pages. Pure: the measurer is passed in.
//
// - Paragraphs: broken by breakLines in the content width with their first-line indent (ems of their size), set
//   line by line and continued on the next page when the page is full; aligned 'justify' (the default: full lines
//   flush right), 'left', 'center' or 'right'. Each line's ideographic em box is centred in its line pitch.
// - spaceBefore is dropped at the top of a page begun because the previous one was full; spaceAfter never carries
//   over. breakBefore starts a new page unless the page is still empty; a pageBreak block always ends the page,
//   except right after a page that filled up by itself (no blank page then). A spacer that does not fit ends the
//   page and is not carried over.
// - keepWithNext: a block (a heading) is never the last thing on its page. If it, the keepWithNext blocks after
//   it and the start of the next block (its first line, or a table's header rows and first row part) do not fit
//   in the room left, they go to the next page together, unless even a whole page could not hold them.
// - Widows and orphans: a paragraph split by a page break leaves at least two lines on each page.
// - Page numbers are not set here: see addPageNumbers.

import { countChars, layoutLines, type LaidLine } from './breakLines';
import { baselineIn, EPS } from './geometry';
import { PageCursor } from './pageCursor';
import { placeLine } from './placeLine';
import { flowTable, tableStartsIn, type TableOptions } from './table';
import type { Block, FontStyle, PageData, PageSpec, ParagraphBlock, TextMeasurer } from './types';

export interface FlowOptions {
  /** Prefix of a cell's text continued on the next page, and suffix of its repeated label. Default '（续）'. */
  continuedMark?: string;
  /** Lines a split table cell keeps on each side of a page break (default 2). */
  minSplitLines?: number;
}

export const DEFAULT_CONTINUED_MARK = '（续）';

/** Caches widths, so that the same text is measured once per flow (fonts are slow to measure). */
function cached(measurer: TextMeasurer): TextMeasurer {
  const cache = new Map<string, number>();
  return {
    width(text, size, style) {
      const key = `${style}\u0000${size}\u0000${text}`;
      let w = cache.get(key);
      if (w === undefined) {
        w = measurer.width(text, size, style);
        cache.set(key, w);
      }
      return w;
    },
  };
}

class Flow {
  private readonly lines = new Map<ParagraphBlock, LaidLine[]>();
  readonly cur: PageCursor;

  constructor(
    page: PageSpec,
    private readonly measurer: TextMeasurer,
    private readonly table: TableOptions,
  ) {
    this.cur = new PageCursor(page);
  }

  linesOf(block: ParagraphBlock): LaidLine[] {
    let lines = this.lines.get(block);
    if (lines === undefined) {
      if (block.lineHeight > this.cur.bodyHeight) throw new RangeError(`flow: a line pitch of ${block.lineHeight} pt is taller than the page`);
      const scale = block.pitch === undefined ? 1 : block.pitch / block.size;
      const measurer = scale === 1 ? this.measurer : { width: (t: string, size: number, style: FontStyle) => this.measurer.width(t, size, style) * scale };
      lines = layoutLines(block.text, {
        maxWidth: this.cur.width,
        size: block.size,
        style: block.style,
        measurer,
        indent: (block.indent ?? 0) * block.size,
      });
      this.lines.set(block, lines);
    }
    return lines;
  }

  paragraphHeight(block: ParagraphBlock): number {
    return (block.spaceBefore ?? 0) + this.linesOf(block).length * block.lineHeight + (block.spaceAfter ?? 0);
  }

  /** Could `block` begin within `avail` points (without a page break before it)? */
  startsIn(block: Block | undefined, avail: number): boolean {
    if (block === undefined) return true;
    switch (block.kind) {
      case 'paragraph':
        // at least two lines of it (one if it has one): a single first line would be an orphan
        return block.breakBefore === true || (block.spaceBefore ?? 0) + Math.min(2, this.linesOf(block).length) * block.lineHeight <= avail + EPS;
      case 'table':
        return tableStartsIn(block, avail, this.cur, this.measurer, this.table);
      case 'spacer':
        return block.height <= avail + EPS;
      case 'pageBreak':
        return true;
    }
  }

  /** keepWithNext: move the chain of kept blocks starting at `index` to the next page if it would end this one. */
  keep(blocks: readonly Block[], index: number): void {
    let height = 0;
    let k = index;
    for (let b = blocks[k]; b?.kind === 'paragraph' && b.keepWithNext === true; b = blocks[k]) {
      if (k > index && b.breakBefore === true) return;
      height += this.paragraphHeight(b);
      k += 1;
    }
    const next = blocks[k];
    const { cur } = this;
    if (height <= cur.remaining + EPS && this.startsIn(next, cur.remaining - height)) return;
    if (height <= cur.bodyHeight + EPS && this.startsIn(next, cur.bodyHeight - height) && cur.used) cur.newPage('overflow');
  }

  paragraph(block: ParagraphBlock): void {
    const { cur } = this;
    const lines = this.linesOf(block);
    if (block.breakBefore === true && cur.used) cur.newPage('explicit');
    cur.spaceBefore(block.spaceBefore ?? 0);
    const align = block.align ?? 'justify';
    const font = { size: block.size, style: block.style, color: block.color };
    // Widows and orphans: a page holds at least two lines of a paragraph that goes on, and passes on at least two.
    const room = (): number => Math.floor((cur.bottom - cur.y) / block.lineHeight + EPS);
    const take = (left: number): number => {
      let n = Math.min(left, room());
      if (n < left && left - n < 2) n = left - 2;
      return n < 2 && n < left ? 0 : n;
    };
    let here = take(lines.length);
    if (here === 0 && cur.used) {
      cur.newPage('overflow');
      here = take(lines.length);
    }
    lines.forEach((line, i) => {
      if (here <= 0) {
        cur.newPage('overflow');
        here = Math.max(1, take(lines.length - i));
      }
      const item = placeLine(line, cur.left, cur.width, baselineIn(cur.y, block.lineHeight, block.size), align, font);
      if (item !== undefined && block.pitch !== undefined) {
        // Laid out at the grid's pitch, drawn at the font's own advance: take the difference back between the
        // characters, so that the line ends where the layout put it.
        const gaps = Math.max(1, countChars(line.text) - 1);
        item.charSpace += (line.width - (line.width * block.size) / block.pitch) / gaps;
      }
      if (item !== undefined) cur.add(item);
      cur.y += block.lineHeight;
      here -= 1;
    });
    cur.spaceAfter(block.spaceAfter ?? 0);
  }

  block(blocks: readonly Block[], index: number): void {
    const block = blocks[index];
    const { cur } = this;
    switch (block?.kind) {
      case 'paragraph':
        if (block.keepWithNext === true && !(block.breakBefore === true && cur.used)) this.keep(blocks, index);
        this.paragraph(block);
        break;
      case 'table':
        flowTable(block, cur, this.measurer, this.table);
        break;
      case 'spacer':
        if (cur.y + block.height > cur.bottom + EPS) cur.newPage('overflow');
        else cur.y += block.height;
        break;
      case 'pageBreak':
        if (cur.used || cur.startedBy !== 'overflow') cur.newPage('explicit');
        break;
      case undefined:
        break;
    }
  }
}

/** Lays `blocks` out on pages of `page`, measuring text with `measurer`. Always returns at least one page. */
export function flow(blocks: readonly Block[], page: PageSpec, measurer: TextMeasurer, options: FlowOptions = {}): PageData[] {
  const f = new Flow(page, cached(measurer), {
    continuedMark: options.continuedMark ?? DEFAULT_CONTINUED_MARK,
    minSplitLines: Math.max(1, options.minSplitLines ?? 2),
  });
  for (let i = 0; i < blocks.length; i += 1) f.block(blocks, i);
  return f.cur.pages;
}
