// The documents' layout-independent blocks as Word content. Word paginates: paragraphs flow across pages, table
// rows split across pages, a table's header rows repeat on every page it runs onto. What the PDF engine does by
// hand (continued marks, repeated labels) Word does by itself, so only the content and its styles are written.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import { INNER_BORDER, LABEL_FILL, OUTER_BORDER } from '../pdf/layout/tableWriter';
import type { Align, Block, FontStyle, ParagraphBlock, Rgb, TableBlock, TableCell as BlockCell } from '../pdf/layout/types';
import { fontFor } from './fonts';
import { halfPoints, hex, twips } from './units';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** Run properties: the font in every slot (East Asian first), the size, the colour. */
export function runStyle(style: FontStyle, size: number, color?: Rgb, spacing = 0): IRunOptions {
  const font = fontFor(style, size);
  return {
    font: { eastAsia: font, ascii: font, hAnsi: font, cs: font },
    size: halfPoints(size),
    ...(color ? { color: hex(color) } : {}),
    ...(spacing !== 0 ? { characterSpacing: spacing } : {}),
  };
}

export interface LineOptions {
  style: FontStyle;
  size: number;
  lineHeight: number;
  align: Align;
  color?: Rgb;
  indent?: number;
  /** Right indent in points. */
  right?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Extra space after each character, in twips (negative: condensed). */
  spacing?: number;
}

/** One paragraph at an exact line pitch, as the PDF sets it; an empty one keeps its font for what is typed in. */
export function textParagraph(text: string, o: LineOptions): Paragraph {
  const run = runStyle(o.style, o.size, o.color, o.spacing);
  return new Paragraph({
    alignment: ALIGN[o.align],
    // The pitch rounds down: rounded up, 22 lines of 28.95 pt no longer fit the 225 mm text block.
    spacing: { before: twips(o.before ?? 0), after: twips(o.after ?? 0), line: Math.max(1, Math.floor(o.lineHeight * 20)), lineRule: LineRuleType.EXACT },
    ...(o.indent || o.right ? { indent: { ...(o.indent ? { firstLine: twips(o.indent * o.size) } : {}), ...(o.right ? { right: twips(o.right) } : {}) } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
    run,
    children: text === '' ? [] : [new TextRun({ ...run, text })],
  });
}

/** A section's body font; `pitch` (points per character) condenses text of that size to fit the grid. */
export interface SectionBody {
  style: FontStyle;
  size: number;
  pitch?: number;
}

function paragraph(b: ParagraphBlock, body: SectionBody): Paragraph {
  // A hair (1 twip) under the pitch: at the exact pitch LibreOffice lets a line-end comma through and drops it.
  const spacing = body.pitch !== undefined && b.size === body.size ? Math.min(0, Math.floor((body.pitch - b.size) * 20) - 1) : 0;
  return textParagraph(b.text, {
    style: b.style,
    size: b.size,
    lineHeight: b.lineHeight,
    align: b.align ?? 'justify',
    ...(b.color ? { color: b.color } : {}),
    ...(b.indent ? { indent: b.indent } : {}),
    ...(b.spaceBefore ? { before: b.spaceBefore } : {}),
    ...(b.spaceAfter ? { after: b.spaceAfter } : {}),
    ...(b.keepWithNext ? { keepNext: true } : {}),
    ...(b.breakBefore ? { pageBreakBefore: true } : {}),
    ...(spacing !== 0 ? { spacing } : {}),
  });
}

/** An empty paragraph as tall as a spacer (Word's exact line pitch tops out at 1584 pt). */
function spacer(height: number, style: FontStyle, size: number): Paragraph {
  return textParagraph('', { style, size: Math.min(size, height), lineHeight: Math.min(1584, Math.max(1, height)), align: 'left' });
}

/** Rows of at most this many lines in every cell are kept on one page. */
const SHORT_ROW_LINES = 6;

const border = (pt: number) => ({ style: BorderStyle.SINGLE, size: Math.round(pt * 8), color: '000000' });

/** Lines a text takes in a cell, estimated by full-width characters (room above an opinion footer, short rows). */
function estimatedLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / size));
  return text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil([...p].length / perLine)), 0);
}

function cell(t: TableBlock, c: BlockCell, width: number, span: number): TableCell {
  const style = c.style ?? t.style;
  const line = (text: string, align: Align) => textParagraph(text, { style, size: t.size, lineHeight: t.lineHeight, align });
  const align = c.align ?? (c.label === true ? 'center' : 'justify');
  // Long texts become one paragraph per line break, so they flow across pages as ordinary paragraphs.
  const children = c.text.split('\n').map((p) => line(p, align));
  const footer = c.footer ?? [];
  if (footer.length > 0) {
    const inner = width - 2 * t.padding;
    const used = (c.text === '' ? 0 : estimatedLines(c.text, inner, t.size)) + footer.length;
    const room = Math.floor(((c.minHeight ?? 0) - 2 * t.padding) / t.lineHeight) - used - (c.text === '' ? 1 : 0);
    for (let i = 0; i < Math.max(1, room); i += 1) children.push(line('', 'left'));
    // Right-aligned text drops trailing spaces in Word; they are the room left to sign in, so they become an indent.
    for (const f of footer) {
      const text = f.trimEnd();
      const right = (f.length - text.length) * t.size * 0.5;
      children.push(textParagraph(text, { style, size: t.size, lineHeight: t.lineHeight, align: 'right', ...(right > 0 ? { right } : {}) }));
    }
  }
  const centred = footer.length === 0 && (c.label === true || (c.minHeight ?? 0) === 0);
  return new TableCell({
    children,
    width: { size: twips(width), type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    verticalAlign: centred ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    ...(c.label === true ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(LABEL_FILL) } } : {}),
  });
}

/** A table at fixed column widths, its header rows repeated on every page. */
export function table(t: TableBlock): Table {
  const columns = t.columns.map(twips);
  const headerRows = Math.max(0, t.headerRows ?? 0);
  const rows = t.rows.map((row, r) => {
    let at = 0;
    const widthsOf: number[] = [];
    const cells = row.cells.map((c, i) => {
      // The last cell of a row stretches over the columns left over, as in the PDF engine.
      const span = i === row.cells.length - 1 ? Math.max(1, t.columns.length - at) : Math.max(1, c.colSpan ?? 1);
      const width = t.columns.slice(at, at + span).reduce((a, b) => a + b, 0);
      at += span;
      widthsOf.push(width);
      return cell(t, c, width, span);
    });
    const minHeight = Math.max(0, ...row.cells.map((c) => c.minHeight ?? 0));
    const header = r < headerRows;
    // A row of labels only is the title of what follows: kept with it. A signature block stays on one page.
    const title = row.cells.every((c) => c.label === true) && r < t.rows.length - 1;
    const signature = row.cells.some((c) => (c.footer ?? []).length > 0);
    // A short row (a list entry) moves to the next page whole; a long text may split, to flow on.
    const short = row.cells.every((c, i) => estimatedLines(c.text, (widthsOf[i] ?? 0) - 2 * t.padding, t.size) <= SHORT_ROW_LINES);
    return new TableRow({
      children: cells,
      ...(header ? { tableHeader: true } : {}),
      ...(header || title || signature || short ? { cantSplit: true } : {}),
      ...(title ? { keepNext: true } : {}),
      ...(minHeight > 0 ? { height: { value: twips(minHeight), rule: HeightRule.ATLEAST } } : {}),
    });
  });
  const pad = twips(t.padding);
  return new Table({
    rows,
    columnWidths: columns,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: pad, bottom: pad, left: pad, right: pad },
    borders: {
      top: border(OUTER_BORDER),
      bottom: border(OUTER_BORDER),
      left: border(OUTER_BORDER),
      right: border(OUTER_BORDER),
      insideHorizontal: border(INNER_BORDER),
      insideVertical: border(INNER_BORDER),
    },
  });
}

/** Between two tables Word needs a paragraph, or it joins them (and loses the second one's header rows). */
function tableGap(style: FontStyle): Paragraph {
  return textParagraph('', { style, size: 1, lineHeight: 1, align: 'left' });
}

/**
 * The blocks of one section as Word content. A page break that ends the blocks is left to the section break
 * that follows. `style`/`size` are the section's body font, given to spacers.
 */
export function blocksToWord(blocks: readonly Block[], body: SectionBody): FileChild[] {
  const out: FileChild[] = [];
  let pendingBreak = false;
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    switch (b.kind) {
      case 'paragraph': {
        const p = pendingBreak ? { ...b, breakBefore: true } : b;
        out.push(paragraph(p, body));
        break;
      }
      case 'table':
        if (previous?.kind === 'table') out.push(tableGap(b.style));
        if (pendingBreak) out.push(textParagraph('', { style: b.style, size: 1, lineHeight: 1, align: 'left', pageBreakBefore: true }));
        out.push(table(b));
        break;
      case 'spacer':
        if (pendingBreak) out.push(textParagraph('', { style: body.style, size: body.size, lineHeight: 1, align: 'left', pageBreakBefore: true }));
        out.push(spacer(b.height, body.style, body.size));
        break;
      case 'pageBreak':
        break;
    }
    pendingBreak = b.kind === 'pageBreak';
  });
  return out;
}
