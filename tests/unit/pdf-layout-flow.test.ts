import { describe, expect, it } from 'vitest';
import {
  addPageNumbers,
  ASCENT,
  countChars,
  DESCENT,
  fixedWidthMeasurer,
  flow,
  isForbiddenStart,
  type Block,
  type PageData,
  type PageSpec,
  type ParagraphBlock,
  type TextItem,
} from '../../src/core/pdf/layout';

// A 200 × 200 pt page with 20 pt margins: a 160 × 160 content box. Body text at 10 pt on a 20 pt pitch: 16 汉字
// per line, 8 lines per page.
const measurer = fixedWidthMeasurer();
const page: PageSpec = { width: 200, height: 200, margins: { top: 20, right: 20, bottom: 20, left: 20 } };
const body = (text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock => ({
  kind: 'paragraph',
  text,
  size: 10,
  style: 'fangsong',
  lineHeight: 20,
  ...extra,
});
const textsOf = (p: PageData | undefined): TextItem[] =>
  (p?.items ?? []).filter((i): i is TextItem => i.kind === 'text');
const drawn = (t: TextItem): number => measurer.width(t.text, t.size, t.style) + t.charSpace * (countChars(t.text) - 1);
const cjk = (n: number): string => Array.from({ length: n }, (_, i) => '甲乙丙丁戊己庚辛壬癸'[i % 10]).join('');

function expectInsideMargins(pages: readonly PageData[]): void {
  for (const p of pages) {
    for (const t of textsOf(p)) {
      expect(t.x).toBeGreaterThanOrEqual(page.margins.left - 1e-6);
      expect(t.x + drawn(t)).toBeLessThanOrEqual(page.width - page.margins.right + 1e-6);
      expect(t.y - ASCENT * t.size).toBeGreaterThanOrEqual(page.margins.top - 1e-6);
      expect(t.y + DESCENT * t.size).toBeLessThanOrEqual(page.height - page.margins.bottom + 1e-6);
    }
  }
}

describe('段落分页', () => {
  it('一段 20 行的文字排成 8 + 8 + 4 行', () => {
    const text = cjk(16 * 20);
    const pages = flow([body(text)], page, measurer);
    expect(pages.map((p) => textsOf(p).length)).toEqual([8, 8, 4]);
    expect(pages.flatMap(textsOf).map((t) => t.text).join('')).toBe(text);
    const first = textsOf(pages[0]);
    expect(first.map((t) => t.y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => 20 + i * 20 + 5 + ASCENT * 10));
    expectInsideMargins(pages);
  });

  it('首行缩进两个字，满行两端对齐到右边界', () => {
    const pages = flow([body(cjk(40), { indent: 2 })], page, measurer);
    const [a, b, c] = textsOf(pages[0]);
    expect(a).toMatchObject({ x: 40, text: cjk(14) });
    expect(b?.x).toBe(20);
    expect(a !== undefined && a.x + drawn(a)).toBeCloseTo(180, 9);
    expect(c).toMatchObject({ charSpace: 0 });
  });

  it('居中、右对齐', () => {
    const pages = flow([body('标题', { align: 'center' }), body('落款', { align: 'right' })], page, measurer);
    const [title, sign] = textsOf(pages[0]);
    expect(title?.x).toBe(90);
    expect(sign?.x).toBe(160);
  });

  it('段前段后距离，breakBefore 另起一页，分页符不产生空白页', () => {
    const pages = flow(
      [body('甲', { spaceAfter: 10 }), body('乙', { spaceBefore: 5 }), body('丙', { breakBefore: true }), { kind: 'pageBreak' }, body('丁')],
      page,
      measurer,
    );
    expect(pages.map((p) => textsOf(p).map((t) => t.text).join(''))).toEqual(['甲乙', '丙', '丁']);
    const [a, b] = textsOf(pages[0]);
    expect((b?.y ?? 0) - (a?.y ?? 0)).toBe(20 + 10 + 5);
  });

  it('正好排满一页后的分页符不产生空白页', () => {
    const pages = flow([body(cjk(16 * 8)), { kind: 'pageBreak' }, body('乙')], page, measurer);
    expect(pages.map((p) => textsOf(p).length)).toEqual([8, 1]);
  });

  it('keepWithNext：标题不做页面的最后一行', () => {
    const heading = body('一、基本情况', { keepWithNext: true, style: 'hei' });
    const pages = flow([body(cjk(16 * 7)), heading, body(cjk(32))], page, measurer);
    expect(textsOf(pages[0]).length).toBe(7);
    expect(textsOf(pages[1])[0]?.text).toBe('一、基本情况');
    expect(textsOf(pages[1])[0]?.y).toBe(20 + 5 + ASCENT * 10);
  });

  it('keepWithNext：连续的标题一起移到下一页', () => {
    const h1 = body('一、基本情况', { keepWithNext: true });
    const h2 = body('（一）工作室概况', { keepWithNext: true });
    const pages = flow([body(cjk(16 * 6)), h1, h2, body(cjk(32))], page, measurer);
    expect(textsOf(pages[0]).length).toBe(6);
    expect(textsOf(pages[1]).map((t) => t.text).slice(0, 2)).toEqual(['一、基本情况', '（一）工作室概况']);
  });

  it('keepWithNext：放得下时不移动', () => {
    const pages = flow([body(cjk(16 * 5)), body('一、基本情况', { keepWithNext: true }), body(cjk(32))], page, measurer);
    expect(textsOf(pages[0]).length).toBe(8);
  });

  it('孤行控制：段落跨页时每页至少两行', () => {
    // 8 lines to a page: after 7 lines, a 3-line paragraph moves whole (1+2 or 2+1 would leave a line alone) …
    const moved = flow([body(cjk(16 * 7)), body(cjk(16 * 3))], page, measurer);
    expect(textsOf(moved[0]).length).toBe(7);
    expect(textsOf(moved[1]).length).toBe(3);
    // … and after 5 lines, a 4-line paragraph keeps 2 here rather than 3 + a widow.
    const split = flow([body(cjk(16 * 5)), body(cjk(16 * 4))], page, measurer);
    expect(textsOf(split[0]).length).toBe(7);
    expect(textsOf(split[1]).length).toBe(2);
  });

  it('没有一行以禁用标点开头', () => {
    const text = '劳模创新工作室，以技术创新、攻关为主要内容。发挥“传、帮、带”作用！'.repeat(12);
    const pages = flow([body(text, { indent: 2 })], page, measurer);
    for (const t of pages.flatMap(textsOf)) expect(isForbiddenStart(t.text), t.text).toBe(false);
    expectInsideMargins(pages);
  });
});

describe('页码', () => {
  it('封面不编号，单页右、双页左', () => {
    const blocks: Block[] = [body('封面'), { kind: 'pageBreak' }, body(cjk(16 * 12))];
    const pages = addPageNumbers(flow(blocks, page, measurer), measurer, {
      size: 14,
      style: 'song',
      first: 1,
      format: (n) => `— ${n} —`,
      place: (_p, n) => (n % 2 === 1 ? { x: 166, y: 190, align: 'right' } : { x: 34, y: 190, align: 'left' }),
    });
    const numbers = pages.map((p) => textsOf(p).find((t) => t.text.startsWith('—')));
    expect(numbers[0]).toBeUndefined();
    expect(numbers[1]).toMatchObject({ text: '— 1 —', y: 190 });
    expect((numbers[1]?.x ?? 0) + measurer.width('— 1 —', 14, 'song')).toBeCloseTo(166, 9);
    expect(numbers[2]).toMatchObject({ text: '— 2 —', x: 34 });
  });
});
