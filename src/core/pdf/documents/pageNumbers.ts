// Page numbers as official documents print them: "— 1 —", 四号, outside corner (odd right, even left).
import type { PageData, TextMeasurer } from '../layout/types';
import { MM, PT } from './template';

export function pageNumbers(pages: PageData[], measurer: TextMeasurer, options: { first?: number; alternate?: boolean } = {}): PageData[] {
  const first = options.first ?? 1;
  return pages.map((page, i) => {
    const n = first + i;
    const text = `— ${n} —`;
    const size = PT.四号;
    const width = measurer.width(text, size, 'song');
    const y = page.height - 18 * MM;
    const x = options.alternate === false
      ? (page.width - width) / 2
      : n % 2 === 1
        ? page.width - 26 * MM - size - width
        : 28 * MM + size;
    return { ...page, items: [...page.items, { kind: 'text', x, y, text, size, style: 'song', charSpace: 0 }] };
  });
}
