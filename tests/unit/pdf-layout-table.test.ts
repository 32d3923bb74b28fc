import { describe, expect, it } from 'vitest';
import {
  ASCENT,
  countChars,
  DESCENT,
  fixedWidthMeasurer,
  flow,
  isForbiddenStart,
  LABEL_FILL,
  type PageData,
  type PageItem,
  type PageSpec,
  type ParagraphBlock,
  type TableBlock,
  type TableRow,
  type TextItem,
} from '../../src/core/pdf/layout';

// A 200 × 200 pt page with 20 pt margins (content box 160 × 160). Tables at 10 pt on a 20 pt pitch with 5 pt
// padding: a row of n lines is 10 + 20·n high. Columns 50 + 110: a label holds 4 汉字 a line, a value 10.
const measurer = fixedWidthMeasurer();
const page: PageSpec = { width: 200, height: 200, margins: { top: 20, right: 20, bottom: 20, left: 20 } };
const PAD = 5;
const table = (rows: TableRow[], extra: Partial<TableBlock> = {}): TableBlock => ({
  kind: 'table',
  columns: [50, 110],
  rows,
  size: 10,
  style: 'fangsong',
  lineHeight: 20,
  padding: PAD,
  ...extra,
});
const body = (text: string): ParagraphBlock => ({ kind: 'paragraph', text, size: 10, style: 'fangsong', lineHeight: 20 });
const cjk = (n: number): string => Array.from({ length: n }, (_, i) => '甲乙丙丁戊己庚辛壬癸'[i % 10]).join('');

type LineItem = Extract<PageItem, { kind: 'line' }>;
const textsOf = (p: PageData | undefined): TextItem[] => (p?.items ?? []).filter((i): i is TextItem => i.kind === 'text');
const linesOf = (p: PageData | undefined): LineItem[] => (p?.items ?? []).filter((i): i is LineItem => i.kind === 'line');
const drawn = (t: TextItem): number => measurer.width(t.text, t.size, t.style) + t.charSpace * (countChars(t.text) - 1);
const inColumn = (t: TextItem, x0: number, x1: number): boolean => t.x >= x0 - 1e-6 && t.x <= x1 + 1e-6;

/**
 * Every text item lies inside one cell of the grid drawn by the page's border lines, at least the padding away from
 * them: between two consecutive horizontal lines, and between two consecutive vertical lines spanning that band.
 */
function expectTextInCells(p: PageData | undefined): void {
  expect(p).toBeDefined();
  const lines = linesOf(p);
  const hs = [...new Set(lines.filter((l) => l.y1 === l.y2).map((l) => l.y1))].sort((a, b) => a - b);
  for (const t of textsOf(p)) {
    const top = t.y - ASCENT * t.size;
    const bottom = t.y + DESCENT * t.size;
    const above = hs.filter((y) => y <= top + 1e-6);
    const below = hs.filter((y) => y >= bottom - 1e-6);
    const bandTop = above[above.length - 1];
    const bandBottom = below[0];
    expect(bandTop, `no border above ${t.text}`).toBeDefined();
    expect(bandBottom, `no border below ${t.text}`).toBeDefined();
    if (bandTop === undefined || bandBottom === undefined) return;
    expect(hs.some((y) => y > bandTop && y < bandBottom), `${t.text} crosses a border`).toBe(false);
    expect(top - bandTop).toBeGreaterThanOrEqual(PAD - 1e-6);
    expect(bandBottom - bottom).toBeGreaterThanOrEqual(PAD - 1e-6);
    const vs = lines
      .filter((l) => l.x1 === l.x2 && Math.min(l.y1, l.y2) <= bandTop + 1e-6 && Math.max(l.y1, l.y2) >= bandBottom - 1e-6)
      .map((l) => l.x1)
      .sort((a, b) => a - b);
    const left = vs.filter((x) => x <= t.x + 1e-6).pop();
    const right = vs.find((x) => x > t.x + 1e-6);
    expect(left, `no border left of ${t.text}`).toBeDefined();
    expect(right, `no border right of ${t.text}`).toBeDefined();
    if (left === undefined || right === undefined) return;
    expect(t.x - left).toBeGreaterThanOrEqual(PAD - 1e-6);
    expect(right - (t.x + drawn(t))).toBeGreaterThanOrEqual(PAD - 1e-6);
  }
}

function expectInsideMargins(pages: readonly PageData[]): void {
  for (const p of pages) {
    for (const t of textsOf(p)) {
      expect(t.x).toBeGreaterThanOrEqual(page.margins.left);
      expect(t.x + drawn(t)).toBeLessThanOrEqual(page.width - page.margins.right + 1e-6);
      expect(t.y - ASCENT * t.size).toBeGreaterThanOrEqual(page.margins.top - 1e-6);
      expect(t.y + DESCENT * t.size).toBeLessThanOrEqual(page.height - page.margins.bottom + 1e-6);
      expect(t.size).toBe(10);
    }
  }
}

describe('单元格跨页续排', () => {
  // 3,000 characters with punctuation and the odd number, in paragraphs.
  const sentence = '工作室围绕关键工序开展技术攻关，累计完成创新项目123.45万元，获得专利ZL202010123456.7等成果；';
  const story = Array.from({ length: 60 }, (_, i) => (i % 10 === 9 ? `${sentence}\n` : sentence)).join('').slice(0, 3000);
  const pages = flow([table([{ cells: [{ text: '工作室名称', label: true }, { text: '南昌市某某劳模创新工作室' }] }, { cells: [{ text: '主要事迹', label: true }, { text: story }] }])], page, measurer);

  it('排成多页，不缩小字号，没有字超出页边距', () => {
    expect(pages.length).toBeGreaterThan(20);
    expectInsideMargins(pages);
  });

  it('每一行字都在自己的单元格框内', () => {
    for (const p of pages) expectTextInCells(p);
  });

  it('续页的标签带（续）重复，正文首行以（续）开头', () => {
    for (const p of pages.slice(1)) {
      const texts = textsOf(p).sort((a, b) => a.y - b.y);
      expect(texts.filter((t) => inColumn(t, 20, 70)).map((t) => t.text).join('')).toBe('主要事迹（续）');
      expect(texts.find((t) => inColumn(t, 70, 180))?.text.startsWith('（续）')).toBe(true);
    }
  });

  it('文字一个不少、一个不多、次序不乱', () => {
    const values = pages.flatMap((p, i) => {
      const lines = textsOf(p)
        .filter((t) => inColumn(t, 70, 180))
        .sort((a, b) => a.y - b.y)
        .map((t) => t.text);
      if (i > 0 && lines[0] !== undefined) lines[0] = lines[0].replace(/^（续）/, '');
      return lines;
    });
    expect(values.join('')).toBe(`南昌市某某劳模创新工作室${story}`.replace(/\n/g, ''));
  });

  it('每页的表格部分都有完整的外框，标签格浅灰底', () => {
    for (const p of pages) {
      const lines = linesOf(p);
      expect(lines.some((l) => l.x1 === 20 && l.x2 === 20)).toBe(true);
      expect(lines.some((l) => l.x1 === 180 && l.x2 === 180)).toBe(true);
      expect(lines.filter((l) => l.y1 === l.y2).length).toBeGreaterThanOrEqual(2);
      expect(p.items.some((i) => i.kind === 'rect' && i.fill === LABEL_FILL && i.x === 20 && i.w === 50)).toBe(true);
    }
  });

  it('续排的行不以禁用标点开头', () => {
    for (const t of pages.flatMap(textsOf)) expect(isForbiddenStart(t.text), t.text).toBe(false);
  });
});

describe('长表格', () => {
  // header 30 pt + 4 rows of 30 pt = 150 of 160 pt: 4 rows a page, 15 pages for 60 rows.
  const rows: TableRow[] = [
    { cells: [{ text: '序号', label: true }, { text: '姓名', label: true }, { text: '职务', label: true }] },
    ...Array.from({ length: 60 }, (_, i): TableRow => ({ cells: [{ text: String(i + 1) }, { text: `成员${i + 1}` }, { text: '技术员' }] })),
  ];
  const pages = flow([table(rows, { columns: [40, 60, 60], headerRows: 1 })], page, measurer);

  it('每页顶端重复表头', () => {
    expect(pages).toHaveLength(15);
    for (const p of pages) {
      const texts = textsOf(p).sort((a, b) => a.y - b.y || a.x - b.x);
      expect(texts.slice(0, 3).map((t) => t.text)).toEqual(['序号', '姓名', '职务']);
      expect(texts.length).toBe(3 + 4 * 3);
      expectTextInCells(p);
    }
  });

  it('60 行各出现一次，次序不变', () => {
    const numbers = pages.flatMap((p) =>
      textsOf(p)
        .filter((t) => inColumn(t, 20, 60) && /^\d+$/.test(t.text))
        .sort((a, b) => a.y - b.y)
        .map((t) => Number(t.text)),
    );
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('相邻单元格共用边框：每条边只画一次', () => {
    for (const p of pages) {
      const keys = linesOf(p).map((l) => `${l.x1},${l.y1},${l.x2},${l.y2}`);
      expect(new Set(keys).size).toBe(keys.length);
      // 5 rows: 4 inner horizontal lines + top and bottom; 2 inner vertical lines (merged over rows) + 2 outer
      expect(linesOf(p).filter((l) => l.y1 === l.y2)).toHaveLength(6);
      expect(linesOf(p).filter((l) => l.x1 === l.x2)).toHaveLength(4);
    }
  });
});

describe('行的分割与整体移动', () => {
  it('剩余空间能放下至少两行时分割该行', () => {
    // 4 lines of body text leave 80 pt: 3 of the cell's 6 lines fit (10 + 60); the rest follows after the mark.
    const pages = flow([body(cjk(64)), table([{ cells: [{ text: '简介', label: true }, { text: cjk(60) }] }])], page, measurer);
    expect(pages).toHaveLength(2);
    expect(textsOf(pages[0]).filter((t) => inColumn(t, 70, 180))).toHaveLength(3);
    expect(textsOf(pages[1]).filter((t) => inColumn(t, 70, 180)).map((t) => t.text)).toEqual([
      `（续）${cjk(60).slice(30, 37)}`,
      cjk(60).slice(37, 47),
      cjk(60).slice(47, 57),
      cjk(60).slice(57),
    ]);
  });

  it('剩余空间不足两行时整行移到下一页', () => {
    // 6 lines of body text leave 40 pt: only one line would fit.
    const pages = flow([body(cjk(96)), table([{ cells: [{ text: '简介', label: true }, { text: cjk(50) }] }])], page, measurer);
    expect(pages).toHaveLength(2);
    expect(textsOf(pages[0])).toHaveLength(6);
    expect(textsOf(pages[1]).map((t) => t.text)).not.toContain('（续）');
  });

  it('分割后不会只剩一行在下一页', () => {
    // 3 lines fit, the cell has 4: split 2 + 2 (3 lines with the mark) instead of 3 + 1.
    const pages = flow([body(cjk(64)), table([{ cells: [{ text: '简介', label: true }, { text: cjk(40) }] }])], page, measurer);
    expect(textsOf(pages[0]).filter((t) => inColumn(t, 70, 180)).map((t) => t.text)).toEqual([cjk(10), cjk(20).slice(10)]);
    expect(textsOf(pages[1]).filter((t) => inColumn(t, 70, 180)).map((t) => t.text)).toEqual([`（续）${cjk(27).slice(20)}`, cjk(37).slice(27), cjk(40).slice(37)]);
  });

  it('有最小高度和落款的行保留空间，整行移到下一页', () => {
    const opinion: TableRow = {
      cells: [
        { text: '推荐单位意见', label: true },
        { text: '同意推荐。', minHeight: 120, footer: ['签名：', '盖  章', '年    月    日'] },
      ],
    };
    const pages = flow([body(cjk(80)), table([opinion])], page, measurer);
    expect(pages).toHaveLength(2);
    const p = pages[1];
    const hs = linesOf(p).filter((l) => l.y1 === l.y2).map((l) => l.y1);
    expect(Math.max(...hs) - Math.min(...hs)).toBe(120);
    const texts = textsOf(p).filter((t) => inColumn(t, 70, 180)).sort((a, b) => a.y - b.y);
    expect(texts.map((t) => t.text)).toEqual(['同意推荐。', '签名：', '盖  章', '年    月    日']);
    expect(texts[0]?.y).toBe(20 + PAD + 5 + ASCENT * 10);
    for (const t of texts.slice(1)) expect(t.x + drawn(t)).toBeCloseTo(180 - PAD, 9);
    expect(texts[3]?.y).toBe(20 + 120 - PAD - 20 + 5 + ASCENT * 10);
    expectTextInCells(p);
  });

  it('落款随最后一段续排，并放在最后一部分的底部', () => {
    const pages = flow([table([{ cells: [{ text: '意见', label: true }, { text: cjk(200), footer: ['年  月  日'] }] }])], page, measurer);
    const footers = pages.flatMap((p, i) => textsOf(p).filter((t) => t.text === '年  月  日').map(() => i));
    expect(footers).toEqual([pages.length - 1]);
    for (const p of pages) expectTextInCells(p);
  });

  it('没有写内容的格子也有一行高', () => {
    const pages = flow([table([{ cells: [{ text: '姓名', label: true }, { text: '' }] }])], page, measurer);
    const hs = linesOf(pages[0]).filter((l) => l.y1 === l.y2).map((l) => l.y1);
    expect(Math.max(...hs) - Math.min(...hs)).toBe(30);
  });
});

describe('表格与前后内容', () => {
  const rows: TableRow[] = [
    { cells: [{ text: '年份', label: true }, { text: '成果', label: true }] },
    { cells: [{ text: '2021', label: true }, { text: cjk(30) }] },
  ];

  it('表头和第一行放不下时一起移到下一页，不留孤零零的表头', () => {
    // 6 lines of body text leave 40 pt: the 30 pt header fits, the first row (70 pt, 3 lines) does not even in part.
    const pages = flow([body(cjk(96)), table(rows, { headerRows: 1 })], page, measurer);
    expect(textsOf(pages[0])).toHaveLength(6);
    expect(textsOf(pages[1]).map((t) => t.text).slice(0, 2)).toEqual(['年份', '成果']);
  });

  it('keepWithNext 的标题跟表格一起移到下一页', () => {
    const heading: ParagraphBlock = { ...body('三、近三年成果'), keepWithNext: true };
    const pages = flow([body(cjk(80)), heading, table(rows, { headerRows: 1 })], page, measurer);
    expect(textsOf(pages[0])).toHaveLength(5);
    expect(textsOf(pages[1])[0]?.text).toBe('三、近三年成果');
  });
});

describe('合并单元格', () => {
  it('colSpan 的格子内部不画竖线，文字按合并后的宽度排', () => {
    const block = table(
      [
        { cells: [{ text: '姓名', label: true }, { text: '张三' }, { text: '性别', label: true }, { text: '男' }] },
        { cells: [{ text: '单位', label: true }, { text: '南昌市某某有限公司技术中心', colSpan: 3 }] },
      ],
      { columns: [40, 40, 40, 40] },
    );
    const [p] = flow([block], page, measurer);
    const verticals = linesOf(p).filter((l) => l.x1 === l.x2);
    const at = (x: number): LineItem[] => verticals.filter((l) => l.x1 === x);
    expect(at(100).map((l) => [l.y1, l.y2])).toEqual([[20, 50]]);
    expect(at(140).map((l) => [l.y1, l.y2])).toEqual([[20, 50]]);
    expect(at(60).map((l) => [l.y1, l.y2])).toEqual([[20, 100]]);
    expect(textsOf(p).find((t) => t.text.startsWith('南昌'))?.text).toBe('南昌市某某有限公司技术');
    expectTextInCells(p);
  });
});
