// 填表说明12: A3 paper, printed on both sides, bound as a booklet. A4 pages are imposed two-up on A3
// landscape in saddle-stitch order (official-format.md): pad to a multiple of 4 with blank pages; sheet k
// (1-based, outermost first): front = [N−2k+2 | 2k−1], back = [2k | N−2k+1]. The 申报表 has no back cover of its
// own, so the blanks go at the end (the last of them is the booklet's back cover): consecutive pages stay
// consecutive, "— 4 —" is followed by "— 5 —", never by a blank.
import type { PageData } from '../layout/types';
import { A3_LANDSCAPE, A4 } from './template';

export interface Sheet {
  /** 0-based A4 page indexes, null for a blank page. */
  front: [number | null, number | null];
  back: [number | null, number | null];
}

export function bookletSheets(pageCount: number): Sheet[] {
  if (pageCount <= 0) return [];
  const n = Math.ceil(pageCount / 4) * 4;
  // Position p (1-based) in the padded booklet: the document's pages in order, then the blanks.
  const pageAt = (p: number): number | null => (p <= pageCount ? p - 1 : null);
  const sheets: Sheet[] = [];
  for (let k = 1; k <= n / 4; k += 1) {
    sheets.push({ front: [pageAt(n - 2 * k + 2), pageAt(2 * k - 1)], back: [pageAt(2 * k), pageAt(n - 2 * k + 1)] });
  }
  return sheets;
}

function place(page: PageData | undefined, dx: number): PageData['items'] {
  if (!page) return [];
  return page.items.map((item) => {
    if (item.kind === 'text') return { ...item, x: item.x + dx };
    if (item.kind === 'line') return { ...item, x1: item.x1 + dx, x2: item.x2 + dx };
    return { ...item, x: item.x + dx };
  });
}

/** The A3 pages, in print order: sheet 1 front, sheet 1 back, sheet 2 front … */
export function imposeBooklet(pages: PageData[]): PageData[] {
  const side = ([left, right]: [number | null, number | null]): PageData => ({
    width: A3_LANDSCAPE.width,
    height: A3_LANDSCAPE.height,
    items: [...place(left === null ? undefined : pages[left], 0), ...place(right === null ? undefined : pages[right], A4.width)],
  });
  return bookletSheets(pages.length).flatMap((sheet) => [side(sheet.front), side(sheet.back)]);
}
