import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { photoFacts } from '../../src/core/volume/exif';
import { fitBox, volumeDocument, type VolumeContent } from '../../src/core/volume/pages';
import { planParts } from '../../src/core/volume/plan';
import { sniffKind } from '../../src/core/volume/sources';
import { fixedWidthMeasurer } from '../../src/core/pdf/layout';
import { withExif } from '../volume-media';
import { CTX, typicalApplication } from './fixture';
import { FORM, OUTLINE } from './pdf-node';

describe('planParts', () => {
  it('starts every part on an odd page, with a blank before it where needed, and groups on the next page', () => {
    const plan = planParts([
      { title: '封面', level: 1, pages: 1 },
      { title: '目录', level: 1, pages: 1 },
      { title: '申报表', level: 1, pages: 7 },
      { title: '申报材料', level: 1, pages: 4 },
      { title: '经费投入', level: 1, pages: 1 },
      { title: '技术创新', level: 2, pages: 2 },
      { title: '视频', level: 1, pages: 1 },
    ]);
    expect(plan.parts.map((p) => [p.start, p.blanksBefore])).toEqual([
      [1, 0], // 封面
      [3, 1], // 目录 after a blank back of the cover
      [5, 1],
      [13, 1], // 5 + 7 = 12 is even: one blank
      [17, 0], // 13 + 4 = 17, already odd
      [18, 0], // a group follows on the next page, odd or not
      [21, 1],
    ]);
    expect(plan.total).toBe(21);
  });
});

describe('volumeDocument', () => {
  const measurer = fixedWidthMeasurer();
  const job = { app: typicalApplication(), ctx: CTX, form: FORM, outline: OUTLINE };
  const image = (ref: number, caption: string) => ({ ref, name: `${caption}.jpg`, caption, kind: 'image' as const, width: 400, height: 300, orientation: 1, takenOn: null });
  const content: VolumeContent = {
    photos: [image(0, '外景'), image(1, '内景'), image(2, '活动')],
    proofs: {
      'proof.investment': [{ ref: 3, name: '经费.pdf', caption: '', kind: 'pdf', pages: [{ width: 595, height: 842 }, { width: 842, height: 595 }] }],
      'proof.honors': [image(4, '荣誉'), { ref: 5, name: '坏.pdf', caption: '', kind: 'failed', reason: 'damaged' }],
    },
    others: [],
    video: { name: 'tour.mp4', seconds: 125, size: 1000, sha256: 'a'.repeat(64) },
  };
  const doc = volumeDocument(job, content, measurer);
  const textOf = (page: number) => (doc.pages[page]?.items ?? []).flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('');

  it('lists the parts in the notice order in the 目录, each on an odd page where it really starts', () => {
    expect(doc.toc.map((e) => e.title)).toEqual(['一、申报表', '二、申报材料', '三、工作室照片', '四、证明材料', '经费投入', '荣誉证书', '五、工作室介绍视频']);
    for (const entry of doc.toc.filter((e) => e.level === 1)) expect(entry.start % 2).toBe(1);
    const toc = textOf(2);
    for (const entry of doc.toc) expect(toc).toContain(entry.title);
    expect(textOf(doc.toc.find((e) => e.title === '三、工作室照片')!.start - 1)).toContain('工作室照片');
    expect(textOf(doc.toc.find((e) => e.title === '经费投入')!.start - 1)).toContain('证明材料 · 经费投入');
    expect(textOf(doc.toc.find((e) => e.title === '荣誉证书')!.start - 1)).toContain('证明材料 · 荣誉证书');
    expect(textOf(doc.toc.at(-1)!.start - 1)).toContain('tour.mp4');
  });

  it('numbers pages continuously, not the cover nor the blank pages, and drops the parts\' own numbers', () => {
    expect(textOf(0)).not.toMatch(/— \d+ —/);
    expect(doc.pages[1]?.items).toEqual([]); // the cover's back
    for (const [i, page] of doc.pages.entries()) {
      const numbers = page.items.filter((item) => item.kind === 'text' && /^— \d+ —$/.test(item.text));
      if (i === 0 || page.items.length === 0) expect(numbers).toHaveLength(0);
      else expect(numbers.map((n) => (n.kind === 'text' ? n.text : ''))).toEqual([`— ${i + 1} —`]);
    }
  });

  it('puts photos two per page, a PDF proof a page per page, and a notice page for a file that cannot be merged', () => {
    const photoStart = doc.toc.find((e) => e.title === '三、工作室照片')!.start - 1;
    expect(doc.slots.filter((s) => s.page === photoStart).map((s) => s.ref)).toEqual([0, 1]);
    expect(doc.slots.filter((s) => s.page === photoStart + 1).map((s) => s.ref)).toEqual([2]);
    expect(textOf(photoStart)).toContain('图1　外景');
    const proof = doc.slots.filter((s) => s.ref === 3);
    expect(proof.map((s) => s.sourcePage)).toEqual([0, 1]);
    expect(proof[1]!.page).toBe(proof[0]!.page + 1);
    expect(proof[1]!.box.w).toBeGreaterThan(proof[1]!.box.h); // the landscape page kept its shape
    expect(doc.failures).toEqual([{ name: '坏.pdf', part: '证明材料 · 荣誉证书', reason: expect.stringContaining('损坏') }]);
    const notice = doc.pages.findIndex((_, i) => textOf(i).includes('未能并入汇编的文件'));
    expect(textOf(notice)).toContain('坏.pdf');
    expect(doc.slots.some((s) => s.ref === 5)).toBe(false);
  });

  it('fits a picture inside its box without distortion', () => {
    const fitted = fitBox({ x: 10, y: 20, w: 400, h: 100 }, 300, 300);
    expect(fitted).toEqual({ x: 160, y: 20, w: 100, h: 100 });
  });
});

describe('file facts', () => {
  const jpeg = new Uint8Array(readFileSync(new URL('../fixtures/media/outside.jpg', import.meta.url)));
  it('reads EXIF orientation and the date taken, and nothing from a JPEG without EXIF', () => {
    expect(photoFacts(withExif(jpeg, 6, '2021:03:05 10:20:11'))).toEqual({ orientation: 6, takenOn: '2021年3月5日' });
    expect(photoFacts(jpeg)).toEqual({ orientation: 1, takenOn: null });
    expect(photoFacts(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 20, 0x45, 0x78]))).toEqual({ orientation: 1, takenOn: null });
  });
  it('tells PDFs and images by their bytes, not their names', () => {
    expect(sniffKind(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(sniffKind(jpeg.subarray(0, 8))).toBe('jpeg');
    expect(sniffKind(new TextEncoder().encode('PK\u0003\u0004'))).toBe('other');
  });
});
