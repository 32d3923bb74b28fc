// The bound volume's pages (issue 19): 封面, 目录, the 申报表 and the 申报材料 as the PDF engine lays them out,
// 工作室照片 two per page, 证明材料 by the * items of the 申报表, 其他补充材料 and the video page; each part on an
// odd page, one run of page numbers "— n —". Pure page data plus the slots where the pictures and the proofs'
// own PDF pages go: the worker draws those with pdf-lib (src/workers/volume.worker.ts).
import { candidateTitle, printedRecommender } from '../application/facts';
import type { Application, NoticeContext } from '../application/types';
import { formatBytes } from '../bytes';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory } from '../draft/types';
import { CATEGORY_FOLDERS } from '../package/layout';
import { applicationFormDocument } from '../pdf/documents/applicationForm';
import { MATERIALS_MARGINS, materialsDocument } from '../pdf/documents/materials';
import { pageNumbers } from '../pdf/documents/pageNumbers';
import { A4, MM, PT, type FormTemplate, type OutlineTemplate } from '../pdf/documents/template';
import { textOf } from '../pdf/documents/values';
import { withWatermark } from '../pdf/documents/watermark';
import { flow } from '../pdf/layout';
import type { Align, Block, FontStyle, PageData, PageItem, TextMeasurer } from '../pdf/layout/types';
import { isQuarterTurn } from './exif';
import { planParts, type PartPlanInput } from './plan';
import { MERGE_FAILURE_TEXT, type MergeFailure } from './sources';

export interface Box {
  /** Top-left corner, y growing downwards (the engine's page coordinates). */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One attachment as the volume sees it; `ref` is the caller's handle for drawing it. */
export type VolumeItem = { ref: number; name: string; caption: string } & (
  | { kind: 'image'; width: number; height: number; orientation: number; takenOn: string | null }
  | { kind: 'pdf'; pages: { width: number; height: number }[] }
  | { kind: 'failed'; reason: MergeFailure }
);

export type ProofCategory = Extract<AttachmentCategory, `proof.${string}`>;

export const PROOF_CATEGORIES: readonly ProofCategory[] = ['proof.investment', 'proof.innovations', 'proof.economicBenefit', 'proof.talents', 'proof.honors'];

export interface VolumeVideo {
  name: string;
  seconds: number | null;
  size: number;
  sha256: string;
}

export interface VolumeContent {
  photos: readonly VolumeItem[];
  proofs: Readonly<Partial<Record<ProofCategory, readonly VolumeItem[]>>>;
  others: readonly VolumeItem[];
  video: VolumeVideo | null;
}

export interface VolumeJob {
  app: Application;
  ctx: NoticeContext;
  form: FormTemplate;
  outline: OutlineTemplate;
  incomplete?: boolean;
}

/** Where a picture or one page of a proof PDF is drawn: fitted into `box`, aspect kept. */
export interface VolumeSlot {
  /** 0-based page of the volume. */
  page: number;
  box: Box;
  ref: number;
  /** For a PDF proof: its 0-based page. */
  sourcePage?: number;
  /** For an image: its EXIF orientation. */
  orientation?: number;
}

export interface TocEntry {
  title: string;
  level: 1 | 2;
  start: number;
}

export interface VolumeFailure {
  name: string;
  part: string;
  reason: string;
}

export interface VolumeDocument {
  pages: PageData[];
  slots: VolumeSlot[];
  toc: TocEntry[];
  failures: VolumeFailure[];
  title: string;
  subject: string;
  author: string;
}

const M = MATERIALS_MARGINS;
const BODY: Box = { x: M.left, y: M.top, w: A4.width - M.left - M.right, h: A4.height - M.top - M.bottom };
const FRAME_GREY = [0.6, 0.6, 0.6] as const;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The title of a * item's group: the last segment of its package folder (05-证明材料/经费投入 → 经费投入). */
export const groupTitle = (category: AttachmentCategory): string => CATEGORY_FOLDERS[category].split('/').pop() ?? category;

/** The biggest box of the picture's shape inside `box`, centred. */
export function fitBox(box: Box, width: number, height: number): Box {
  if (width <= 0 || height <= 0) return box;
  const scale = Math.min(box.w / width, box.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** A picture's shape as shown: a quarter-turned photo shows its height as its width. */
export const shownSize = (item: { width: number; height: number; orientation: number }) =>
  isQuarterTurn(item.orientation) ? { width: item.height, height: item.width } : { width: item.width, height: item.height };

/** The engine's page numbers ("— n —", the last item of a numbered page) taken off: the volume numbers afresh. */
function withoutNumber(page: PageData): PageData {
  const last = page.items[page.items.length - 1];
  return last?.kind === 'text' && /^— \d+ —$/.test(last.text) ? { ...page, items: page.items.slice(0, -1) } : page;
}

const blankPage = (): PageData => ({ width: A4.width, height: A4.height, items: [] });

interface Text {
  text: string;
  size: number;
  style: FontStyle;
  align?: Align;
  lineHeight?: number;
}

class Pages {
  constructor(private readonly measurer: TextMeasurer) {}

  /** Paragraphs set from `top` inside the 版心's width; returns the items and where the text ends. */
  text(texts: readonly Text[], top: number, box: Box = BODY): { items: PageItem[]; bottom: number } {
    const blocks: Block[] = texts.map((t) => ({ kind: 'paragraph', text: t.text, size: t.size, style: t.style, lineHeight: t.lineHeight ?? t.size * 1.5, align: t.align ?? 'left' }));
    const spec = { width: A4.width, height: A4.height * 4, margins: { top, left: box.x, right: A4.width - box.x - box.w, bottom: 0 } };
    const items = flow(blocks, spec, this.measurer)[0]?.items ?? [];
    const height = texts.reduce((sum, t) => sum + (t.lineHeight ?? t.size * 1.5) * this.lines(t, box.w), 0);
    return { items, bottom: top + height };
  }

  private lines(t: Text, width: number): number {
    return Math.max(1, Math.ceil(this.measurer.width(t.text, t.size, t.style) / width));
  }
}

function cover(job: VolumeJob, p: Pages): PageData {
  const { app, ctx } = job;
  const title = `${ctx.noticeYear}年南昌市劳模创新工作室申报材料汇编`;
  const head = p.text([{ text: title, size: PT.二号, style: 'song', align: 'center', lineHeight: PT.二号 * 1.8 }], M.top + 40 * MM);
  const name = p.text([{ text: candidateTitle(app) || '（工作室名称）', size: PT.一号, style: 'hei', align: 'center', lineHeight: PT.一号 * 1.6 }], head.bottom + 20 * MM);
  const field = (label: string, value: string): Text => ({ text: `${label}：${value || '（未填写）'}`, size: PT.三号, style: 'fangsong', lineHeight: PT.三号 * 2 });
  const indent = { ...BODY, x: BODY.x + 30 * MM, w: BODY.w - 30 * MM };
  const fields = p.text(
    [
      field('工作室名称', candidateTitle(app)),
      field('所在单位', textOf(app, 'cover.unitName', ctx)),
      field('推荐单位', printedRecommender(app.cover)),
      field('填报日期', textOf(app, 'cover.fillDate', ctx)),
    ],
    name.bottom + 40 * MM,
    indent,
  );
  return { width: A4.width, height: A4.height, items: [...head.items, ...name.items, ...fields.items] };
}

/** 目录: each part with dot leaders to the page where it starts. */
function tocPage(entries: readonly TocEntry[], measurer: TextMeasurer, p: Pages): PageData {
  const heading = p.text([{ text: '目　录', size: PT.二号, style: 'hei', align: 'center', lineHeight: PT.二号 * 2 }], BODY.y);
  const items: PageItem[] = [...heading.items];
  let y = heading.bottom + 10 * MM;
  const size = PT.三号;
  const style: FontStyle = 'fangsong';
  const right = BODY.x + BODY.w;
  for (const entry of entries) {
    const x = BODY.x + (entry.level === 2 ? 2 * size : 0);
    const number = String(entry.start);
    const titleWidth = measurer.width(entry.title, size, style);
    const numberWidth = measurer.width(number, size, style);
    const dot = measurer.width('·', size, style) || size / 2;
    const gap = right - numberWidth - (x + titleWidth) - size / 2;
    const dots = Math.max(0, Math.floor(gap / dot));
    items.push({ kind: 'text', x, y, text: entry.title, size, style, charSpace: 0 });
    if (dots > 0) items.push({ kind: 'text', x: right - numberWidth - size / 4 - dots * dot, y, text: '·'.repeat(dots), size, style, charSpace: 0 });
    items.push({ kind: 'text', x: right - numberWidth, y, text: number, size, style, charSpace: 0 });
    y += size * 2;
  }
  return { width: A4.width, height: A4.height, items };
}

/** A small line at the top of an attachment's page saying what it is. */
function header(text: string, p: Pages): { items: PageItem[]; bottom: number } {
  return p.text([{ text, size: PT.五号, style: 'fangsong', lineHeight: PT.五号 * 1.5 }], BODY.y);
}

interface PartPages {
  pages: PageData[];
  slots: (Omit<VolumeSlot, 'page'> & { page: number })[];
}

function failurePage(partTitle: string, item: VolumeItem & { kind: 'failed' }, p: Pages): PageData {
  const head = header(partTitle, p);
  const title = p.text([{ text: '未能并入汇编的文件', size: PT.三号, style: 'hei', align: 'center', lineHeight: PT.三号 * 2 }], head.bottom + 20 * MM);
  const body = p.text(
    [
      { text: `文件名：${item.name}`, size: PT.三号, style: 'fangsong', lineHeight: PT.三号 * 1.8 },
      ...(item.caption !== '' && item.caption !== item.name ? [{ text: `说明：${item.caption}`, size: PT.三号, style: 'fangsong' as const, lineHeight: PT.三号 * 1.8 }] : []),
      { text: `原因：${MERGE_FAILURE_TEXT[item.reason]}。`, size: PT.三号, style: 'fangsong', lineHeight: PT.三号 * 1.8 },
      { text: '该文件未排入本汇编，原文件仍随材料包报送；如需纸质材料，请另行打印该文件，或换用未加密、可正常打开的PDF或图片后重新生成汇编。', size: PT.三号, style: 'fangsong', lineHeight: PT.三号 * 1.8 },
    ],
    title.bottom + 10 * MM,
  );
  return { width: A4.width, height: A4.height, items: [...head.items, ...title.items, ...body.items] };
}

/** Proofs and other files: an image per page with its caption, a PDF page per page, a notice for a failure. */
function attachmentPages(partTitle: string, items: readonly VolumeItem[], p: Pages): PartPages {
  const out: PartPages = { pages: [], slots: [] };
  for (const item of items) {
    const label = item.caption !== '' && item.caption !== item.name ? `${item.caption}（${item.name}）` : item.name;
    if (item.kind === 'failed') {
      out.pages.push(failurePage(partTitle, item, p));
    } else if (item.kind === 'image') {
      const head = header(partTitle, p);
      const caption = p.text([{ text: label, size: PT.小四, style: 'fangsong', align: 'center', lineHeight: PT.小四 * 1.5 }], 0);
      const captionHeight = caption.bottom;
      const area: Box = { x: BODY.x, y: head.bottom + 4 * MM, w: BODY.w, h: BODY.y + BODY.h - head.bottom - 4 * MM - captionHeight - 4 * MM };
      const fitted = fitBox(area, shownSize(item).width, shownSize(item).height);
      const placed = p.text([{ text: label, size: PT.小四, style: 'fangsong', align: 'center', lineHeight: PT.小四 * 1.5 }], fitted.y + fitted.h + 4 * MM);
      out.slots.push({ page: out.pages.length, box: fitted, ref: item.ref, orientation: item.orientation });
      out.pages.push({ width: A4.width, height: A4.height, items: [...head.items, ...placed.items] });
    } else {
      item.pages.forEach((source, i) => {
        const head = header(`${partTitle} · ${label} · 第${i + 1}页/共${item.pages.length}页`, p);
        const area: Box = { x: BODY.x, y: head.bottom + 2 * MM, w: BODY.w, h: BODY.y + BODY.h - head.bottom - 2 * MM };
        const box = fitBox(area, source.width, source.height);
        out.slots.push({ page: out.pages.length, box, ref: item.ref, sourcePage: i });
        // A hairline round the proof's page: its edge stays visible when the page itself is white.
        const frame: PageItem = { kind: 'rect', x: box.x, y: box.y, w: box.w, h: box.h, lineWidth: 0.5, color: FRAME_GREY };
        out.pages.push({ width: A4.width, height: A4.height, items: [...head.items, frame] });
      });
    }
  }
  return out;
}

/** 工作室照片: two per page, each with 图n and its caption, and the date it was taken when the photo says. */
function photoPages(items: readonly VolumeItem[], p: Pages): PartPages {
  const out: PartPages = { pages: [], slots: [] };
  const images = items.filter((item) => item.kind === 'image');
  const heading = p.text([{ text: '工作室照片', size: PT.三号, style: 'hei', align: 'center', lineHeight: PT.三号 * 2 }], BODY.y);
  const top = heading.bottom;
  const half = (BODY.y + BODY.h - top) / 2;
  const captionRoom = PT.小四 * 1.5 * 2 + 4 * MM;
  for (let i = 0; i < images.length; i += 2) {
    const page: PageData = { width: A4.width, height: A4.height, items: i === 0 ? [...heading.items] : [] };
    images.slice(i, i + 2).forEach((item, j) => {
      const area: Box = { x: BODY.x, y: top + j * half + 2 * MM, w: BODY.w, h: half - captionRoom - 4 * MM };
      const fitted = fitBox(area, shownSize(item).width, shownSize(item).height);
      const lines: Text[] = [{ text: `图${i + j + 1}　${item.caption || item.name}`, size: PT.小四, style: 'fangsong', align: 'center' }];
      if (item.takenOn !== null) lines.push({ text: `拍摄于${item.takenOn}`, size: PT.小四, style: 'fangsong', align: 'center' });
      page.items.push(...p.text(lines, fitted.y + fitted.h + 3 * MM).items);
      out.slots.push({ page: out.pages.length, box: fitted, ref: item.ref, orientation: item.orientation });
    });
    out.pages.push(page);
  }
  for (const item of items) if (item.kind === 'failed') out.pages.push(failurePage('工作室照片', item, p));
  return out;
}

function duration(seconds: number | null): string {
  if (seconds === null) return '（浏览器未能读出时长）';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}分${whole % 60}秒` : `${whole}秒`;
}

function videoPage(video: VolumeVideo, p: Pages): PageData {
  const heading = p.text([{ text: '工作室介绍视频', size: PT.三号, style: 'hei', align: 'center', lineHeight: PT.三号 * 2 }], BODY.y);
  const line = (text: string): Text => ({ text, size: PT.三号, style: 'fangsong', lineHeight: PT.三号 * 1.8 });
  const body = p.text(
    [
      line(`文件名：${video.name}`),
      line(`时长：${duration(video.seconds)}`),
      line(`大小：${formatBytes(video.size)}（${video.size} 字节）`),
      line('SHA-256 校验值：'),
      { text: video.sha256.slice(0, 32), size: PT.三号, style: 'song', lineHeight: PT.三号 * 1.5 },
      { text: video.sha256.slice(32), size: PT.三号, style: 'song', lineHeight: PT.三号 * 1.5 },
      line('视频以电子文件形式随申报材料报送，不能装订入纸质汇编；收到后可按上面的 SHA-256 校验值核对视频文件是否完整、未被改动。'),
    ],
    heading.bottom + 10 * MM,
  );
  return { width: A4.width, height: A4.height, items: [...heading.items, ...body.items] };
}

interface Part {
  title: string;
  level: 1 | 2;
  /** The title the 目录 shows: a level-1 part numbered 一、二… */
  made: PartPages;
}

export function volumeDocument(job: VolumeJob, content: VolumeContent, measurer: TextMeasurer): VolumeDocument {
  const p = new Pages(measurer);
  const form = applicationFormDocument(job.app, job.ctx, job.form, measurer);
  const materials = materialsDocument(job.app, job.ctx, job.outline, measurer);
  const parts: Part[] = [
    { title: '申报表', level: 1, made: { pages: form.pages.map(withoutNumber), slots: [] } },
    { title: '申报材料', level: 1, made: { pages: materials.pages.map(withoutNumber), slots: [] } },
  ];
  if (content.photos.length > 0) parts.push({ title: '工作室照片', level: 1, made: photoPages(content.photos, p) });
  const groups = PROOF_CATEGORIES.filter((c) => (content.proofs[c]?.length ?? 0) > 0);
  groups.forEach((category, i) => {
    const title = groupTitle(category);
    parts.push({ title: i === 0 ? `证明材料|${title}` : title, level: i === 0 ? 1 : 2, made: attachmentPages(`证明材料 · ${title}`, content.proofs[category] ?? [], p) });
  });
  if (content.others.length > 0) parts.push({ title: ATTACHMENT_CATEGORIES.other, level: 1, made: attachmentPages(ATTACHMENT_CATEGORIES.other, content.others, p) });
  if (content.video !== null) parts.push({ title: '工作室介绍视频', level: 1, made: { pages: [videoPage(content.video, p)], slots: [] } });

  const plan = planParts([
    { title: '封面', level: 1, pages: 1 },
    { title: '目录', level: 1, pages: 1 },
    ...parts.map((part): PartPlanInput => ({ title: part.title, level: part.level, pages: part.made.pages.length })),
  ]);
  // The 目录's lines: level-1 parts numbered 一、二…; the first proof group carries the 证明材料 line above it.
  const toc: TocEntry[] = [];
  let numeral = 0;
  plan.parts.slice(2).forEach((planned) => {
    if (planned.level === 1) {
      const [partTitle, firstGroup] = planned.title.split('|');
      toc.push({ title: `${NUMERALS[numeral] ?? String(numeral + 1)}、${partTitle ?? ''}`, level: 1, start: planned.start });
      numeral += 1;
      if (firstGroup !== undefined) toc.push({ title: firstGroup, level: 2, start: planned.start });
    } else toc.push({ title: planned.title, level: 2, start: planned.start });
  });

  const pages: PageData[] = [];
  const slots: VolumeSlot[] = [];
  const unnumbered = new Set<number>();
  const madeParts: PartPages[] = [{ pages: [cover(job, p)], slots: [] }, { pages: [tocPage(toc, measurer, p)], slots: [] }, ...parts.map((part) => part.made)];
  plan.parts.forEach((planned, i) => {
    for (let b = 0; b < planned.blanksBefore; b += 1) {
      unnumbered.add(pages.length);
      pages.push(blankPage());
    }
    const made = madeParts[i] ?? { pages: [], slots: [] };
    const offset = pages.length;
    slots.push(...made.slots.map((slot) => ({ ...slot, page: slot.page + offset })));
    pages.push(...made.pages);
  });
  unnumbered.add(0);
  const numbered = pageNumbers(pages, measurer, M).map((page, i) => (unnumbered.has(i) ? (pages[i] ?? page) : page));
  const failures: VolumeFailure[] = [];
  const collect = (part: string, items: readonly VolumeItem[]) => {
    for (const item of items) if (item.kind === 'failed') failures.push({ name: item.name, part, reason: MERGE_FAILURE_TEXT[item.reason] });
  };
  collect('工作室照片', content.photos);
  for (const category of groups) collect(`证明材料 · ${groupTitle(category)}`, content.proofs[category] ?? []);
  collect(ATTACHMENT_CATEGORIES.other, content.others);
  const studio = candidateTitle(job.app);
  return {
    pages: job.incomplete === true ? withWatermark(numbered, measurer) : numbered,
    slots,
    toc,
    failures,
    title: `${job.ctx.noticeYear}年南昌市劳模创新工作室申报材料汇编${studio ? `（${studio}）` : ''}`,
    subject: '南昌市总工会 洪工办〔2021〕31号 申报材料汇编',
    author: form.author,
  };
}
