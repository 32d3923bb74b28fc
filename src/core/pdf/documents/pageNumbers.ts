// Page numbers as official documents print them: "— 1 —", 四号, on the outside corner one character in
// (odd pages right, even pages left), the dash's upper edge 7 mm below the text block (GB/T 9704 7.5: 一字线上距版心
// 下边缘7mm).
import { addPageNumbers } from '../layout';
import type { PageData, TextMeasurer } from '../layout/types';
import { MM, PT } from './template';

/** Height of the em dash's upper edge above the baseline in Noto Serif SC, in ems (its outline's yMax is 293/1000). */
const DASH_TOP = 0.293;

export function pageNumbers(pages: PageData[], measurer: TextMeasurer, margins: { left: number; right: number; bottom: number }): PageData[] {
  const size = PT.四号;
  return addPageNumbers(pages, measurer, {
    size,
    style: 'song',
    format: (n) => `— ${n} —`,
    place: (page, n) => {
      const y = page.height - margins.bottom + 7 * MM + DASH_TOP * size;
      return n % 2 === 1 ? { x: page.width - margins.right - size, y, align: 'right' } : { x: margins.left + size, y, align: 'left' };
    },
  });
}
