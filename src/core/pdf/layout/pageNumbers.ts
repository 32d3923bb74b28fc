// Page numbers, added after the pages are counted (flow does not set them).

import type { TextItem } from './geometry';
import type { FontStyle, PageData, Rgb, TextMeasurer } from './types';

export interface PageNumberPlace {
  /** The anchor: left end, centre or right end of the number, by `align`. */
  x: number;
  /** Baseline. */
  y: number;
  align: 'left' | 'center' | 'right';
}

export interface PageNumberOptions {
  size: number;
  style: FontStyle;
  color?: Rgb;
  /** Index (0-based) of the first page that is numbered, as page 1; earlier pages (a cover) get no number and are
   * not counted in `total`. Default 0. */
  first?: number;
  /** The text of page n of total, e.g. (n) => `— ${n} —` (GB/T 9704). An empty string leaves the page unnumbered. */
  format: (n: number, total: number) => string;
  /** Where the number of page n goes, e.g. GB/T 9704: odd pages right, even pages left, one character in. */
  place: (page: PageData, n: number, total: number) => PageNumberPlace;
}

/** Returns copies of `pages` with a page number text item added to each numbered page. */
export function addPageNumbers(pages: readonly PageData[], measurer: TextMeasurer, options: PageNumberOptions): PageData[] {
  const first = Math.max(0, options.first ?? 0);
  const total = Math.max(0, pages.length - first);
  return pages.map((page, index) => {
    const n = index - first + 1;
    if (n < 1) return page;
    const text = options.format(n, total);
    if (text === '') return page;
    const { x, y, align } = options.place(page, n, total);
    const width = measurer.width(text, options.size, options.style);
    const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
    const item: TextItem = { kind: 'text', x: left, y, text, size: options.size, style: options.style, charSpace: 0 };
    if (options.color !== undefined) item.color = options.color;
    return { ...page, items: [...page.items, item] };
  });
}

