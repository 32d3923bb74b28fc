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

export function materialsDocument(app: Application, ctx: NoticeContext, template: OutlineTemplate, measurer: TextMeasurer): BuiltDocument {
  const page = { width: A4.width, height: A4.height, margins: MARGINS };
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
  const [cover, ...rest]: PageData[] = flow([...titlePage(app, ctx, template), ...blocks], page, measurer);
  const studio = candidateTitle(app);
  return {
    pages: cover ? [cover, ...pageNumbers(rest, measurer, MARGINS)] : [],
    title: `${template.titleLines[0] ?? '申报材料'}${studio ? `（${studio}）` : ''}`,
    subject: '南昌市总工会 洪工办〔2021〕31号 附件2',
    author: textOf(app, 'cover.unitName', ctx) || ISSUER,
  };
}
