// 申报材料 by the 附件2 outline: a title page, then each heading and the applicant's text in the GB/T 9704
// body style (三号仿宋, 22 lines of 28 characters, headings 一、 in 黑体), with page numbers.
import { candidateTitle, printedRecommender } from '../../application/facts';
import type { Application, NoticeContext } from '../../application/types';
import { flow } from '../layout';
import type { Block, PageData, TextMeasurer } from '../layout/types';
import { ISSUER, type BuiltDocument } from './applicationForm';
import { pageNumbers } from './pageNumbers';
import { A4, MM, PT, type OutlineTemplate } from './template';
import { textOf, titleOf } from './values';

const MARGINS = { top: 37 * MM, right: 26 * MM, bottom: 35 * MM, left: 28 * MM };
/** 225 mm of 版心 over 22 lines. */
const LINE = (225 * MM) / 22;

const OUTLINE: Record<string, string[]> = {
  'materials.basics': ['overview', 'team', 'conditions'],
  'materials.activities': ['systems', 'operation', 'tasks'],
  'materials.results': ['performance', 'training', 'influence', 'honors'],
};

function paragraphs(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p): Block => ({ kind: 'paragraph', text: p, size: PT.三号, style: 'fangsong', lineHeight: LINE, indent: 2, align: 'justify' }));
}

function titlePage(app: Application, ctx: NoticeContext, template: OutlineTemplate): Block[] {
  const line = (text: string, size: number, style: 'hei' | 'song' | 'fangsong' | 'kai', spaceBefore = 0): Block => ({
    kind: 'paragraph', text, size, style, lineHeight: size * 1.8, align: 'center', spaceBefore,
  });
  const title = template.titleLines[0] ?? '';
  return [
    { kind: 'spacer', height: 40 * MM },
    line(title, PT.二号, 'song'),
    line(candidateTitle(app) || '（工作室名称）', PT.一号, 'hei', 20 * MM),
    line(`${titleOf('cover.unitName')}：${textOf(app, 'cover.unitName', ctx)}`, PT.三号, 'fangsong', 50 * MM),
    line(`${titleOf('cover.recommender')}：${printedRecommender(app.cover)}`, PT.三号, 'fangsong'),
    line(textOf(app, 'cover.fillDate', ctx), PT.三号, 'fangsong'),
    { kind: 'pageBreak' },
  ];
}

/** 申报材料 before pagination: the title page (ending in a page break, not numbered) and the numbered body. */
export interface MaterialsDescription {
  titlePage: Block[];
  body: Block[];
  title: string;
  subject: string;
  author: string;
}

export function materialsDescription(app: Application, ctx: NoticeContext, template: OutlineTemplate): MaterialsDescription {
  const blocks: Block[] = [];
  for (const [group, keys] of Object.entries(OUTLINE)) {
    blocks.push({ kind: 'paragraph', text: titleOf(group), size: PT.三号, style: 'hei', lineHeight: LINE, indent: 2, keepWithNext: true });
    for (const key of keys) {
      const path = `${group}.${key}`;
      blocks.push({ kind: 'paragraph', text: titleOf(path), size: PT.三号, style: 'kai', lineHeight: LINE, indent: 2, keepWithNext: true });
      const text = textOf(app, path, ctx);
      blocks.push(...(text === '' ? paragraphs('（未填写）') : paragraphs(text)));
    }
  }
  const studio = candidateTitle(app);
  return {
    titlePage: titlePage(app, ctx, template),
    body: blocks,
    title: `${template.titleLines[0] ?? '申报材料'}${studio ? `（${studio}）` : ''}`,
    subject: '南昌市总工会 洪工办〔2021〕31号 附件2',
    author: textOf(app, 'cover.unitName', ctx) || ISSUER,
  };
}

export function materialsDocument(app: Application, ctx: NoticeContext, template: OutlineTemplate, measurer: TextMeasurer): BuiltDocument {
  const d = materialsDescription(app, ctx, template);
  const page = { width: A4.width, height: A4.height, margins: MARGINS };
  const [cover, ...rest]: PageData[] = flow([...d.titlePage, ...d.body], page, measurer);
  return {
    pages: cover ? [cover, ...pageNumbers(rest, measurer, MARGINS)] : [],
    title: d.title,
    subject: d.subject,
    author: d.author,
  };
}

/** One heading of the 附件2 outline and its items, each "1.工作室概况：…" with the outline's guidance. */
export interface OutlineSection {
  heading: string;
  items: string[];
}

/** The blank 附件2 outline (the Word edition): its title, then each heading and item with room to write under. */
export function outlineDescription(template: OutlineTemplate, sections: readonly OutlineSection[]): Block[] {
  const blocks: Block[] = template.titleLines.map((text, i): Block => ({
    kind: 'paragraph', text, size: PT.二号, style: 'song', lineHeight: LINE * 1.2, align: 'center', ...(i === template.titleLines.length - 1 ? { spaceAfter: LINE } : {}),
  }));
  for (const s of sections) {
    blocks.push({ kind: 'paragraph', text: s.heading, size: PT.三号, style: 'hei', lineHeight: LINE, indent: 2, keepWithNext: true });
    for (const item of s.items) {
      blocks.push({ kind: 'paragraph', text: item, size: PT.三号, style: 'kai', lineHeight: LINE, indent: 2, keepWithNext: true });
      blocks.push({ kind: 'paragraph', text: '', size: PT.三号, style: 'fangsong', lineHeight: LINE, indent: 2 });
    }
  }
  return blocks;
}

/** The Word edition sets the same text block. */
export { MARGINS as MATERIALS_MARGINS };
