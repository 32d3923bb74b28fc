import { describe, expect, it } from 'vitest';
import { bookletSheets, imposeBooklet } from '../../src/core/pdf/documents/booklet';
import type { PageData } from '../../src/core/pdf/layout/types';

const page = (n: number): PageData => ({ width: 595.28, height: 841.89, items: [{ kind: 'text', x: 10, y: 20, text: `p${n}`, size: 12, style: 'song', charSpace: 0 }] });

describe('the A3 booklet for double-sided printing', () => {
  it('imposes 8 pages on two sheets in saddle-stitch order', () => {
    // 1-based: sheet 1 front [8|1], back [2|7]; sheet 2 front [6|3], back [4|5].
    expect(bookletSheets(8)).toEqual([
      { front: [7, 0], back: [1, 6] },
      { front: [5, 2], back: [3, 4] },
    ]);
  });

  it('pads with blank pages at the end, never between consecutive pages', () => {
    // 6 pages → 8: positions 7 and 8 blank (the back cover), pages 1–6 read in order.
    expect(bookletSheets(6)).toEqual([
      { front: [null, 0], back: [1, null] },
      { front: [5, 2], back: [3, 4] },
    ]);
    // Reading order of a folded booklet: front right, back left, back right, … of the sheets from the outside in,
    // then back inward: the non-blank pages come out as 0…N−1 with nothing in between.
    for (const count of [5, 6, 7, 9, 10, 11]) {
      const sheets = bookletSheets(count);
      const n = sheets.length * 4;
      const order: (number | null)[] = Array.from({ length: n }, () => null);
      sheets.forEach((sheet, i) => {
        const k = i + 1;
        order[n - 2 * k + 1] = sheet.front[0];
        order[2 * k - 2] = sheet.front[1];
        order[2 * k - 1] = sheet.back[0];
        order[n - 2 * k] = sheet.back[1];
      });
      const firstBlank = order.indexOf(null);
      expect(order.slice(0, firstBlank), String(count)).toEqual([...Array(count).keys()]);
      expect(order.slice(firstBlank).every((p) => p === null), String(count)).toBe(true);
    }
  });

  it('uses every page exactly once', () => {
    for (const n of [1, 2, 3, 5, 9, 13, 17]) {
      const used = bookletSheets(n).flatMap((s) => [...s.front, ...s.back]).filter((p): p is number => p !== null);
      expect(used.sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      expect(bookletSheets(n)).toHaveLength(Math.ceil(n / 4));
    }
  });

  it('places the right page half an A3 sheet to the right', () => {
    const a3 = imposeBooklet([1, 2, 3, 4].map(page));
    expect(a3).toHaveLength(2);
    expect(a3[0]?.width).toBeCloseTo(1190.55);
    const texts = a3[0]?.items.map((i) => (i.kind === 'text' ? [i.text, i.x] : null));
    expect(texts).toEqual([
      ['p4', 10],
      ['p1', 10 + 595.28],
    ]);
  });
});
