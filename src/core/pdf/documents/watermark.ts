// An incomplete application still gets its PDFs for checking, but every page says so: a light diagonal
// 未完成 · 仅供核对 under the content, so that a draft is never mistaken for the signed original.
import type { PageData, TextMeasurer } from '../layout/types';

export const WATERMARK_TEXT = '未完成 · 仅供核对';
const SIZE = 64;
const ANGLE = 35;
const GREY = [0.84, 0.84, 0.84] as const;

/** The pages with the watermark drawn first (under everything else), centred on each page. */
export function withWatermark(pages: readonly PageData[], measurer: TextMeasurer): PageData[] {
  const width = measurer.width(WATERMARK_TEXT, SIZE, 'hei');
  const rad = (ANGLE * Math.PI) / 180;
  return pages.map((page) => {
    // The baseline runs up and to the right (y grows downwards); start half the text before the centre and
    // move a third of the size below it so that the glyphs, not the baseline, are centred.
    const x = page.width / 2 - (width / 2) * Math.cos(rad) + (SIZE / 3) * Math.sin(rad);
    const y = page.height / 2 + (width / 2) * Math.sin(rad) + (SIZE / 3) * Math.cos(rad);
    return { ...page, items: [{ kind: 'text', x, y, text: WATERMARK_TEXT, size: SIZE, style: 'hei', charSpace: 0, color: GREY, angle: ANGLE }, ...page.items] };
  });
}
