// The typesetting engine's vocabulary. Layout turns blocks into plain page data (positioned text, lines,
// boxes) with an injected text measurer; only the renderer touches jsPDF. Units: PDF points (1/72 in),
// origin at the top-left corner of the page, y growing downwards; text y is the baseline.

/** Logical font styles of the official documents; the renderer maps each to a real font. */
export type FontStyle = 'song' | 'hei' | 'kai' | 'fangsong';

/** Measures text in points; injected so layout runs in Node tests with a fixed-width fake. */
export interface TextMeasurer {
  width(text: string, size: number, style: FontStyle): number;
}

export type Rgb = readonly [number, number, number];

export type PageItem =
  | {
      kind: 'text';
      x: number;
      /** Baseline. */
      y: number;
      text: string;
      size: number;
      style: FontStyle;
      /** Extra space after each character (points), used to justify a full line flush right. */
      charSpace: number;
      color?: Rgb;
      /** Rotation in degrees, counter-clockwise about (x, y) (the watermark). */
      angle?: number;
    }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color?: Rgb }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; lineWidth: number; color?: Rgb; fill?: Rgb };

export interface PageData {
  width: number;
  height: number;
  items: PageItem[];
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PageSpec {
  width: number;
  height: number;
  margins: Margins;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  size: number;
  style: FontStyle;
  /** Line pitch in points (baseline to baseline). */
  lineHeight: number;
  align?: Align;
  /** First-line indent in ems of `size` (2 for official body text). */
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  color?: Rgb;
  /** Start this paragraph on a new page. */
  breakBefore?: boolean;
  /** Keep with the next block (headings). */
  keepWithNext?: boolean;
  /**
   * Character pitch of a document grid (Word's 文档网格), in points per full-width character: text is laid out
   * as if each character advanced `pitch` instead of `size` and drawn squeezed to match (28 characters of 三号
   * in the 156 mm 版心 of GB/T 9704 need 15.79 pt).
   */
  pitch?: number;
}

export interface TableCell {
  text: string;
  colSpan?: number;
  align?: Align;
  style?: FontStyle;
  /** A label cell (field name): shaded, never split from its row's first line. */
  label?: boolean;
  /** Minimum height in points (room for a signature, 年 月 日 …). */
  minHeight?: number;
  /** Text set at the bottom right of the cell, e.g. 签名/盖章/年 月 日 lines of an opinion block. */
  footer?: string[];
}

export interface TableRow {
  cells: TableCell[];
  /** Never the last row on a page: a title row stays with what follows it. */
  keepWithNext?: boolean;
  /** Never split across pages (an opinion block's signature area); moves whole to the next page. */
  keepTogether?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Column widths in points; their sum is the table width. */
  columns: number[];
  rows: TableRow[];
  /** Rows repeated at the top of each continuation page (0 by default). */
  headerRows?: number;
  size: number;
  style: FontStyle;
  lineHeight: number;
  /** Inner padding of every cell in points. */
  padding: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

export type Block = ParagraphBlock | TableBlock | { kind: 'pageBreak' } | { kind: 'spacer'; height: number };
