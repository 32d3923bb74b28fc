// 附件1 申报表 as page data: cover, 填表说明, then the form's grid with every field of the data contract.
import { countList, fundingTotal, recentYearsTotal, teamStructure } from '../../application/derived';
import type { Application, NoticeContext } from '../../application/types';
import { recentYears, YEAR_KEYS } from '../../application/years';
import { breakLines, flow } from '../layout';
import type { Block, PageData, PageItem, TableRow, TextMeasurer } from '../layout/types';
import { FORM_SIZE, grid, label, subTable, value, widths } from './formTable';
import { pageNumbers } from './pageNumbers';
import { A4, MM, PT, type FormTemplate } from './template';
import { tableOf, textOf, titleOf } from './values';

export interface BuiltDocument {
  pages: PageData[];
  title: string;
  subject: string;
}

/** One cover field as printed: its label and the text on its line ('' when blank). */
export interface CoverField {
  label: string;
  text: string;
  /** 填报日期: the blank form leaves room for 年 月 日 on its line. */
  date: boolean;
}

/** The 申报表 before pagination: what the PDF lays out and the Word edition writes, in the same order. */
export interface FormDescription {
  blank: boolean;
  titleLines: string[];
  coverFields: CoverField[];
  coverFooter: string;
  /** 填表说明 (its own pages, not numbered). */
  notes: Block[];
  /** The form's grid, sub-tables and opinion blocks (pages numbered from 1). */
  body: Block[];
  title: string;
  subject: string;
}

const MARGINS = { top: 25 * MM, right: 22 * MM, bottom: 25 * MM, left: 25 * MM };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** The six cover fields map to the cover group's schema labels. */
const COVER_PATHS = ['cover.studioName', 'cover.unitName', 'cover.unitType', 'cover.industry', 'cover.recommender', 'cover.fillDate'];

function recommenderText(app: Application, ctx: NoticeContext): string {
  const r = textOf(app, 'cover.recommender', ctx);
  return r === '其他' ? textOf(app, 'cover.recommenderOther', ctx) || r : r;
}

function coverText(app: Application, ctx: NoticeContext, path: string, blank: boolean): string {
  return blank ? '' : path === 'cover.recommender' ? recommenderText(app, ctx) : textOf(app, path, ctx);
}

function coverPage(app: Application, ctx: NoticeContext, template: FormTemplate, measurer: TextMeasurer, blank: boolean): PageData {
  const items: PageItem[] = [];
  const center = (text: string, y: number, size: number, style: 'hei' | 'song' | 'fangsong' | 'kai') => {
    const w = measurer.width(text, size, style);
    items.push({ kind: 'text', x: (A4.width - w) / 2, y, text, size, style, charSpace: 0 });
  };
  let y = 70 * MM;
  template.titleLines.forEach((line, i) => {
    center(line, y, i === 0 ? PT.小一 : PT.小初, 'hei');
    y += i === 0 ? 30 * MM : 20 * MM;
  });
  y = 130 * MM;
  const labelX = 45 * MM;
  const lineX = 80 * MM;
  const lineEnd = A4.width - 40 * MM;
  const size = PT.三号;
  template.coverFields.forEach((field, i) => {
    const path = COVER_PATHS[i] ?? '';
    const text = coverText(app, ctx, path, blank);
    items.push({ kind: 'text', x: labelX, y, text: field, size, style: 'hei', charSpace: 0 });
    const lines = text === '' ? [] : breakLines(text, { maxWidth: lineEnd - lineX - 4, size, style: 'fangsong', measurer });
    const rows = Math.max(1, lines.length);
    lines.forEach((line, j) => {
      items.push({ kind: 'text', x: lineX + 4, y: y + j * size * 1.6, text: line.text, size, style: 'fangsong', charSpace: line.charSpace });
    });
    for (let j = 0; j < rows; j += 1) {
      items.push({ kind: 'line', x1: lineX, y1: y + 4 + j * size * 1.6, x2: lineEnd, y2: y + 4 + j * size * 1.6, width: 0.6 });
    }
    if (blank && path === 'cover.fillDate') {
      // Room to write the date by hand, as on the printed form: ____年___月___日.
      const marks = ['年', '月', '日'];
      marks.forEach((m, k) => items.push({ kind: 'text', x: lineX + (k + 1) * 45, y, text: m, size, style: 'fangsong', charSpace: 0 }));
    }
    y += rows * size * 1.6 + 12 * MM;
  });
  center(template.coverFooter, A4.height - 45 * MM, PT.三号, 'kai');
  return { width: A4.width, height: A4.height, items };
}

function notesBlocks(template: FormTemplate): Block[] {
  return [
    { kind: 'paragraph', text: '填 表 说 明', size: PT.三号, style: 'hei', lineHeight: 32, align: 'center', spaceAfter: 12 },
    ...template.notes.map((note): Block => ({ kind: 'paragraph', text: note, size: FORM_SIZE, style: 'fangsong', lineHeight: 24, indent: 2, align: 'justify', spaceAfter: 4 })),
  ];
}

function pairRow(app: Application, ctx: NoticeContext, paths: string[], blank: boolean): TableRow {
  return { cells: paths.flatMap((p) => [label(titleOf(p)), value(blank ? '' : textOf(app, p, ctx))]) };
}

function fullRow(title: string, text: string, extra: { minHeight?: number } = {}): TableRow {
  return { cells: [label(title), value(text, { colSpan: 5, ...extra })] };
}

function gridBlocks(app: Application, ctx: NoticeContext, blank: boolean): Block[] {
  const w = TEXT_WIDTH;
  const six = widths(w, [1.05, 1.45, 1.05, 1.45, 1.05, 1.45]);
  const t = (p: string) => (blank ? '' : textOf(app, p, ctx));
  const rows = (p: string) => (blank ? { ...tableOf(app, p, ctx), rows: [] } : tableOf(app, p, ctx));
  const team = teamStructure(app, ctx);
  // The printed form leaves out 未填: an empty bucket has no place in the official structure.
  const counts = (r: Readonly<Record<string, number>>) => countList(r, ['未填']);
  const years = recentYears(ctx);
  const blocks: Block[] = [];

  blocks.push(
    grid(six, [
      { cells: [label(titleOf('studio'), { colSpan: 6, align: 'left' })] },
      fullRow(titleOf('cover.studioName'), t('cover.studioName')),
      fullRow(titleOf('cover.unitName'), t('cover.unitName')),
      pairRow(app, ctx, ['cover.unitType', 'cover.industry', 'studio.type'], blank),
      pairRow(app, ctx, ['studio.foundedDate', 'studio.area', 'cover.fillDate'], blank),
      fullRow(titleOf('cover.recommender'), blank ? '' : recommenderText(app, ctx)),
      fullRow(titleOf('studio.field'), t('studio.field')),
      fullRow(titleOf('studio.address'), t('studio.address')),
    ]),
  );

  blocks.push(
    grid(six, [
      { cells: [label(titleOf('leader'), { colSpan: 6, align: 'left' })] },
      pairRow(app, ctx, ['leader.name', 'leader.gender', 'leader.birthMonth'], blank),
      pairRow(app, ctx, ['leader.ethnicity', 'leader.politicalStatus', 'leader.education'], blank),
      pairRow(app, ctx, ['leader.post', 'leader.title', 'leader.phone'], blank),
    ]),
  );
  const honors = rows('leader.honors');
  blocks.push(subTable(titleOf('leader.honors'), widths(w, [0.6, 2.4, 1, 1, 2.6]), honors.columns, honors.rows));

  blocks.push(
    grid(six, [
      { cells: [label(titleOf('team'), { colSpan: 6, align: 'left' })] },
      fullRow('团队人数', blank ? '' : `${team.size}人（含领衔人）`),
      fullRow('学历结构', blank ? '' : counts(team.byEducation)),
      fullRow('职称/技能结构', blank ? '' : counts(team.byTitle)),
      fullRow('年龄结构', blank ? '' : counts(team.byAge)),
    ]),
  );
  const members = rows('team.members');
  blocks.push(subTable(titleOf('team.members'), widths(w, [0.55, 1, 0.55, 1.45, 1.2, 1.55, 2.1]), members.columns, members.rows));

  const sources = rows('funding.sources');
  blocks.push(subTable(titleOf('funding.sources'), widths(w, [0.6, 4.4, 2]), sources.columns, sources.rows));
  if (!blank && sources.rows.length > 0) {
    blocks.push(grid(widths(w, [5, 2]), [{ cells: [label('合计'), value(`${fundingTotal(app.funding.sources)}`)] }]));
  }
  if (blank || app.naming.hasNaming) {
    const naming = rows('naming.items');
    blocks.push(subTable(titleOf('naming.items'), widths(w, [0.6, 2.6, 1.4, 2.6]), naming.columns, naming.rows));
  } else {
    // 填表说明7: 没有则填“无”.
    blocks.push(grid(six, [fullRow(titleOf('naming.items'), '无')]));
  }

  const yearWidths = widths(w, [2.2, 1, 1, 1, 1]);
  const amounts = (p: 'performance.investment' | 'performance.economicBenefit') => {
    const values = YEAR_KEYS.map((k) => (blank ? '' : t(`${p}.${k}`)));
    const group = p === 'performance.investment' ? app.performance.investment : app.performance.economicBenefit;
    return { cells: [label(titleOf(p)), ...values.map((v) => value(v, { align: 'center' })), value(blank ? '' : `${recentYearsTotal(group)}`, { align: 'center' })] };
  };
  blocks.push(
    grid(
      yearWidths,
      [
        { cells: [label(titleOf('performance'), { colSpan: 5, align: 'left' })] },
        { cells: [label('项目'), ...years.map((y) => label(`${y}年`)), label('合计')] },
        amounts('performance.investment'),
        amounts('performance.economicBenefit'),
        { cells: [label(titleOf('performance.economicBenefit.note')), value(`${t('performance.economicBenefit.note')}${blank ? '' : '\n'}（经济效益证明须加盖单位财务章原件）`, { colSpan: 4 })] },
      ],
      2,
    ),
  );
  const innovations = rows('performance.innovations');
  blocks.push(subTable(titleOf('performance.innovations'), widths(w, [0.55, 2.1, 1.1, 0.9, 1.45, 2.45]), innovations.columns, innovations.rows));
  const talents = rows('performance.talents');
  blocks.push(subTable(titleOf('performance.talents'), widths(w, [0.6, 1.1, 1.2, 3.4, 1.4]), talents.columns, talents.rows));
  blocks.push(grid(six, [fullRow(titleOf('performance.socialBenefit'), t('performance.socialBenefit'), { minHeight: 60 })]));

  const projects = rows('projects');
  blocks.push(subTable(titleOf('projects'), widths(w, [0.55, 1.95, 0.8, 1, 1.2, 1.2, 1.9]), projects.columns, projects.rows));

  blocks.push(
    grid(six, [
      fullRow(titleOf('summary'), t('summary'), { minHeight: 120 }),
      fullRow(titleOf('achievements'), t('achievements'), { minHeight: 120 }),
      fullRow(titleOf('remarks'), t('remarks') || (blank ? '' : '无'), { minHeight: 40 }),
    ]),
  );

  // 填表说明10: every opinion block keeps room for a signature, the stamp and the date.
  const opinion = (path: string): TableRow[] => [
    { cells: [label(titleOf(path), { colSpan: 6, align: 'left' })] },
    { cells: [value(t(path), { colSpan: 6, minHeight: 150, footer: ['签名：              ', '（盖  章）', '年      月      日'] })] },
  ];
  blocks.push(grid(six, [...opinion('opinions.unitUnion'), ...opinion('opinions.districtUnion')]));
  return blocks;
}

export function applicationFormDescription(
  app: Application,
  ctx: NoticeContext,
  template: FormTemplate,
  options: { blank?: boolean } = {},
): FormDescription {
  const blank = options.blank === true;
  const studio = textOf(app, 'cover.studioName', ctx);
  const title = template.titleLines.join('').replace(/\s+/g, '');
  return {
    blank,
    titleLines: template.titleLines,
    coverFields: template.coverFields.map((label, i) => {
      const path = COVER_PATHS[i] ?? '';
      return { label, text: coverText(app, ctx, path, blank), date: path === 'cover.fillDate' };
    }),
    coverFooter: template.coverFooter,
    notes: notesBlocks(template),
    body: gridBlocks(app, ctx, blank),
    title: blank || studio === '' ? title : `${title}（${studio}）`,
    subject: '南昌市总工会 洪工办〔2021〕31号 附件1',
  };
}

export function applicationFormDocument(
  app: Application,
  ctx: NoticeContext,
  template: FormTemplate,
  measurer: TextMeasurer,
  options: { blank?: boolean } = {},
): BuiltDocument {
  const d = applicationFormDescription(app, ctx, template, options);
  const page = { width: A4.width, height: A4.height, margins: MARGINS };
  const cover = coverPage(app, ctx, template, measurer, d.blank);
  const notes = flow(d.notes, page, measurer);
  const body = flow(d.body, page, measurer);
  const pages = [cover, ...notes, ...pageNumbers(body, measurer, MARGINS)];
  return { pages, title: d.title, subject: d.subject };
}

/** The Word edition sets the same text block. */
export { MARGINS as FORM_MARGINS };
