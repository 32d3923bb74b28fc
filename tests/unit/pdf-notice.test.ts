import { describe, expect, it } from 'vitest';
import { noticeDocument, type NoticeInput } from '../../src/core/pdf/documents/notice';
import { A4, MM } from '../../src/core/pdf/documents/template';
import { WATERMARK_TEXT, withWatermark } from '../../src/core/pdf/documents/watermark';
import { fixedWidthMeasurer } from '../../src/core/pdf/layout/fixedWidth';
import type { PageData, PageItem } from '../../src/core/pdf/layout/types';

type TextItem = Extract<PageItem, { kind: 'text' }>;
const texts = (page: PageData | undefined): TextItem[] => (page?.items ?? []).filter((i): i is TextItem => i.kind === 'text');
const joined = (page: PageData | undefined): string => texts(page).map((t) => t.text).join('');

const INPUT: NoticeInput = {
  issuer: '南昌市总工会',
  docNumber: '洪工办〔2021〕31号',
  titleLines: ['关于开展2021年南昌市', '劳模创新工作室创建活动的通知'],
  recipients: '各县（区）总工会：',
  body: [
    { kind: 'heading', text: '一、创建范围' },
    // Long enough to run over several lines of the 28-character grid.
    { kind: 'paragraph', text: '劳模创新工作室是以劳模名字命名，发挥劳模示范引领作用的创新团队。'.repeat(6) },
  ],
  attachments: [
    { no: 1, title: '2021年南昌市劳模创新工作室申报表' },
    { no: 2, title: '南昌市2021年劳模创新工作室申报材料参考提纲' },
  ],
  signature: '南昌市总工会办公室',
  date: '2021年5月17日',
  annexes: [
    {
      no: 1,
      titleLines: ['2021年南昌市劳模创新工作室', '申 报 表'],
      paragraphs: [{ kind: 'paragraph', text: '1.“创新工作室名称”应完整填写。' }],
      coverFields: ['工作室名称', '填报日期'],
      coverFooter: '南昌市总工会制',
      opinionBlocks: ['所在单位工会意见'],
    },
  ],
};

describe('the notice as a GB/T 9704 document', () => {
  const doc = noticeDocument(INPUT, fixedWidthMeasurer());
  const [cover] = doc.pages;

  it('opens with the red issuer mark 35 mm below the top of the text block, then the number and a red rule', () => {
    const mark = texts(cover).find((t) => t.text === '南昌市总工会');
    expect(mark?.color).toEqual([0.9, 0, 0.07]);
    // Its em box starts 37 + 35 mm from the top of the page: the baseline lies within that box.
    const baseline = (mark?.y ?? 0) / MM;
    expect(baseline).toBeGreaterThan(37 + 35);
    expect(baseline).toBeLessThan(37 + 35 + (mark?.size ?? 0) / MM);
    const number = texts(cover).find((t) => t.text === '洪工办〔2021〕31号');
    const rule = cover?.items.find((i) => i.kind === 'line' && i.color !== undefined);
    expect(rule?.kind === 'line' && Math.abs(rule.y1 - ((number?.y ?? 0) + 4 * MM))).toBeLessThan(0.01);
  });

  it('sets the body on the 28-character grid and keeps the 附件说明, 署名 and date', () => {
    const all = doc.pages.map(joined).join('');
    for (const text of ['各县（区）总工会：', '一、创建范围', '附件：1.2021年南昌市劳模创新工作室申报表', '2.南昌市2021年劳模创新工作室申报材料参考提纲', '南昌市总工会办公室', '2021年5月17日']) {
      expect(all).toContain(text);
    }
    // A full body line holds 28 characters (a paragraph's first line is indented two).
    const lengths = doc.pages.flatMap(texts).filter((t) => t.size === 16).map((t) => [...t.text].length);
    expect(lengths.filter((n) => n === 28).length).toBeGreaterThan(4);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(29);
  });

  it('places 署名 and 成文日期 as GB/T 9704 7.3.5.2 asks of an unsealed document', () => {
    const page = doc.pages.find((p) => texts(p).some((t) => t.text === INPUT.signature));
    const items = texts(page);
    const signature = items.find((t) => t.text === INPUT.signature);
    const date = items.find((t) => t.text === INPUT.date);
    const lastAnnexLine = items.filter((t) => t.text.startsWith('2.南昌市')).at(-1);
    const pitch = (A4.width - 54 * MM) / 28;
    const line = (225 * MM) / 22;
    const measurer = fixedWidthMeasurer();
    const gridWidth = (text: string): number => (measurer.width(text, 16, 'fangsong') * pitch) / 16;
    if (signature === undefined || date === undefined || lastAnnexLine === undefined) throw new Error('署名, date or 附件说明 missing');
    // One blank line under the 附件说明, the date on the line after the 署名.
    expect(signature.y - lastAnnexLine.y).toBeCloseTo(2 * line, 1);
    expect(date.y - signature.y).toBeCloseTo(line, 1);
    // 署名 两字 in from the right edge of the 版心; the date starts two characters right of the 署名's first one.
    const right = A4.width - 26 * MM;
    expect(right - (signature.x + gridWidth(INPUT.signature))).toBeCloseTo(2 * pitch, 1);
    expect(date.x - signature.x).toBeCloseTo(2 * pitch, 1);
    // A date longer than the 署名 ends two characters from the right, and the 署名 moves left to stay two ahead.
    const long = noticeDocument({ ...INPUT, signature: '市总', date: '2021年12月17日' }, measurer);
    const longItems = long.pages.flatMap(texts);
    const shortSignature = longItems.find((t) => t.text === '市总');
    const longDate = longItems.find((t) => t.text === '2021年12月17日');
    expect(right - ((longDate?.x ?? 0) + gridWidth('2021年12月17日'))).toBeCloseTo(2 * pitch, 1);
    expect((longDate?.x ?? 0) - (shortSignature?.x ?? 0)).toBeCloseTo(2 * pitch, 1);
  });

  it('starts each attachment on its own page, with its cover grid, 填表说明 and opinion block', () => {
    const annexPage = doc.pages.findIndex((p) => texts(p).some((t) => t.text === '附件1'));
    expect(annexPage).toBeGreaterThan(0);
    const rest = doc.pages.slice(annexPage).map(joined).join('');
    for (const text of ['申 报 表', '工作室名称', '南昌市总工会制', '填 表 说 明', '所在单位工会意见', '盖  章']) expect(rest).toContain(text);
    expect(doc.title).toBe('关于开展2021年南昌市劳模创新工作室创建活动的通知（洪工办〔2021〕31号）');
    expect(doc.author).toBe('南昌市总工会');
  });

  it('numbers the pages "— n —"', () => {
    const numbers = doc.pages.slice(1).map((p) => texts(p).find((t) => /^— \d+ —$/.test(t.text))?.text);
    expect(numbers).toEqual(doc.pages.slice(1).map((_, i) => `— ${i + 2} —`));
  });
});

describe('the watermark of an incomplete application', () => {
  it('is drawn first on every page, under the content, centred and turned', () => {
    const page: PageData = { width: A4.width, height: A4.height, items: [{ kind: 'text', x: 10, y: 10, text: '内容', size: 12, style: 'fangsong', charSpace: 0 }] };
    const marked = withWatermark([page, page], fixedWidthMeasurer());
    expect(marked).toHaveLength(2);
    for (const p of marked) {
      const [first, second] = texts(p);
      expect(first?.text).toBe(WATERMARK_TEXT);
      expect(first?.angle).toBe(35);
      expect(second?.text).toBe('内容');
      expect(Math.abs((first?.x ?? 0) - A4.width / 2)).toBeLessThan(A4.width / 2);
    }
    expect(page.items).toHaveLength(1);
  });
});
