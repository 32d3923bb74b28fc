// The notice as a GB/T 9704 document: red issuer mark and rule, document number, title, 主送机关, body with its
// heading levels, 附件说明, 署名 and date; each attachment on a new page. Built at build time for download.
import { flow } from '../layout';
import type { Block, PageData, TextMeasurer } from '../layout/types';
import type { BuiltDocument } from './applicationForm';
import { grid, label, value } from './formTable';
import { pageNumbers } from './pageNumbers';
import { A4, MM, PT } from './template';

export type NoticeParagraph = { kind: 'heading' | 'paragraph'; text: string };

export interface NoticeAnnex {
  no: number;
  titleLines: string[];
  paragraphs: NoticeParagraph[];
  /** 附件1: the cover fields to fill in, the cover footer and the opinion blocks. */
  coverFields?: string[];
  coverFooter?: string;
  notesTitle?: string;
  opinionBlocks?: string[];
}

export interface NoticeInput {
  issuer: string;
  docNumber: string;
  titleLines: string[];
  recipients: string;
  body: NoticeParagraph[];
  attachments: { no: number; title: string }[];
  signature: string;
  /** Already formatted: 2021年5月17日. */
  date: string;
  annexes: NoticeAnnex[];
}

const MARGINS = { top: 37 * MM, right: 26 * MM, bottom: 35 * MM, left: 28 * MM };
const WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LINE = (225 * MM) / 22;
const RED = [0.9, 0, 0.07] as const;
/** 28 characters to a line of the 156 mm 版心 (GB/T 9704: 22 lines × 28 characters of 三号). */
const PITCH = WIDTH / 28;
const BODY = { size: PT.三号, style: 'fangsong', lineHeight: LINE, pitch: PITCH } as const;
/** The 发文机关标志's top edge lies 35 mm below the top of the 版心 (GB/T 9704 7.2.1). */
const MARK_TOP = 35 * MM;

/** A paragraph in the body style; other sizes (titles, the mark) are set off the grid, at their own advance. */
const para = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => {
  const block: Extract<Block, { kind: 'paragraph' }> = { kind: 'paragraph', text, ...BODY, indent: 2, align: 'justify', ...extra };
  if (block.size !== BODY.size) delete block.pitch;
  return block;
};
const blank = (lines = 1): Block => ({ kind: 'spacer', height: LINE * lines });

function bodyBlocks(items: NoticeParagraph[]): Block[] {
  return items.map((p) => (p.kind === 'heading' ? para(p.text, { style: 'hei', keepWithNext: true }) : para(p.text)));
}

function annexBlocks(annex: NoticeAnnex): Block[] {
  const blocks: Block[] = [
    { kind: 'pageBreak' },
    para(`附件${annex.no}`, { style: 'hei', indent: 0, align: 'left' }),
    blank(),
    ...annex.titleLines.map((line) => para(line, { size: PT.二号, style: 'song', indent: 0, align: 'center', lineHeight: LINE * 1.2 })),
    blank(),
  ];
  if (annex.coverFields) {
    const w = [WIDTH * 0.3, WIDTH * 0.7];
    // The attachment's own size (三号), not the 申报表's 小四: this is the notice as printed.
    blocks.push({ ...grid(w, annex.coverFields.map((f) => ({ cells: [label(f), value(f === '填报日期' ? '        年      月      日' : '')] }))), size: PT.三号, lineHeight: 34 });
    if (annex.coverFooter) blocks.push(blank(), para(annex.coverFooter, { indent: 0, align: 'center', style: 'kai' }));
    blocks.push({ kind: 'pageBreak' }, para(annex.notesTitle ?? '填 表 说 明', { style: 'hei', indent: 0, align: 'center' }), blank());
  }
  blocks.push(...bodyBlocks(annex.paragraphs));
  if (annex.opinionBlocks) {
    blocks.push(blank());
    for (const text of annex.opinionBlocks) {
      blocks.push({ ...grid([WIDTH], [{ cells: [value(text, { minHeight: 170, footer: ['盖  章', '年      月      日'] })] }]), size: PT.三号, lineHeight: LINE });
    }
  }
  return blocks;
}

/**
 * 署名 and 成文日期 of an unsealed document (GB/T 9704 7.3.5.2): one blank line under the 附件说明, the 署名 two
 * characters in from the right, the date on the next line starting two characters right of the 署名's first
 * character; a date longer than that moves the 署名 left so that the date ends two characters from the right.
 */
function signatureBlocks(signature: string, date: string, measurer: TextMeasurer): Block[] {
  // On the grid each character advances PITCH: the laid-out width is the measured one scaled to the pitch.
  const width = (text: string): number => (measurer.width(text, BODY.size, BODY.style) * PITCH) / BODY.size;
  const dateStart = Math.min(WIDTH - 2 * PITCH - width(signature) + 2 * PITCH, WIDTH - 2 * PITCH - width(date));
  const signatureStart = dateStart - 2 * PITCH;
  return [
    blank(),
    para(signature, { indent: signatureStart / BODY.size, align: 'left', keepWithNext: true }),
    para(date, { indent: dateStart / BODY.size, align: 'left' }),
  ];
}

/** The red rule 4 mm under the document number, as wide as the text block. */
function withRedRule(page: PageData, docNumber: string): PageData {
  const number = page.items.find((i) => i.kind === 'text' && i.text === docNumber);
  if (!number || number.kind !== 'text') return page;
  const y = number.y + 4 * MM;
  return { ...page, items: [...page.items, { kind: 'line', x1: MARGINS.left, y1: y, x2: A4.width - MARGINS.right, y2: y, width: 1.2, color: RED }] };
}

export function noticeDocument(input: NoticeInput, measurer: TextMeasurer): BuiltDocument {
  const [first, ...rest] = input.attachments;
  const blocks: Block[] = [
    // The mark's line box is its em box (lineHeight = size), so its top is the spacer's end.
    { kind: 'spacer', height: MARK_TOP },
    para(input.issuer, { size: PT.小初, style: 'song', indent: 0, align: 'center', color: RED, lineHeight: PT.小初 }),
    blank(2),
    para(input.docNumber, { indent: 0, align: 'center' }),
    blank(2),
    ...input.titleLines.map((line) => para(line, { size: PT.二号, style: 'song', indent: 0, align: 'center', lineHeight: LINE * 1.2 })),
    blank(),
    para(input.recipients, { indent: 0 }),
    ...bodyBlocks(input.body),
    blank(),
    // 附件说明 kept together: every line but the last keeps with the next.
    ...(first ? [para(`附件：${first.no}.${first.title}`, { keepWithNext: rest.length > 0 })] : []),
    ...rest.map((a, i) => para(`${a.no}.${a.title}`, { indent: 5, keepWithNext: i < rest.length - 1 })),
    ...signatureBlocks(input.signature, input.date, measurer),
    ...input.annexes.flatMap(annexBlocks),
  ];
  const pages = flow(blocks, { width: A4.width, height: A4.height, margins: MARGINS }, measurer);
  const [cover, ...others] = pageNumbers(pages, measurer, MARGINS);
  return {
    pages: cover ? [withRedRule(cover, input.docNumber), ...others] : [],
    title: `${input.titleLines.join('')}（${input.docNumber}）`,
    subject: `${input.issuer} ${input.docNumber}`,
    author: input.issuer,
  };
}
