// 附件1 申报表 as page data: cover, 填表说明, then the form's grid with every field of the data contract.
import { countList, fundingTotal, recentYearsTotal, teamStructure } from '../../application/derived';
import { candidateTitle, DERIVED_LABELS, printedRecommender, teamSizeText } from '../../application/facts';
import { rootSchemaNode } from '../../application/schema';
import type { Application, NoticeContext } from '../../application/types';
import { recentYears, YEAR_KEYS } from '../../application/years';
import { breakLines, flow } from '../layout';
import { fixedWidthMeasurer } from '../layout/fixedWidth';
import type { Block, PageData, PageItem, TableRow, TextMeasurer } from '../layout/types';
import { FORM_SIZE, grid, HANDWRITING_ROW, label, subTable, value, widths } from './formTable';
import { pageNumbers } from './pageNumbers';
import { A4, MM, PT, type FormTemplate } from './template';
import { money, tableOf, textOf, titleOf } from './values';

export interface BuiltDocument {
  pages: PageData[];
  title: string;
  subject: string;
  /** PDF Author: the applicant's unit on its own documents, the issuer on the blank form. */
  author: string;
}

/** The issuer, Author of the documents that carry no applicant's data. */
export const ISSUER = '南昌市总工会';

/** 填表说明-sized lists for handwriting on the blank form (a typical application's counts). */
const BLANK_ROWS: Readonly<Record<string, number>> = {
  'leader.honors': 3,
  'team.members': 8,
  'funding.sources': 3,
  'naming.items': 2,
  'performance.innovations': 5,
  'performance.talents': 5,
  projects: 4,
};
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
  author: string;
}

const MARGINS = { top: 25 * MM, right: 22 * MM, bottom: 25 * MM, left: 25 * MM };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** The cover's printed labels (附件1's frontmatter) are the schema titles of the cover group's fields. */
export function coverPathOf(label: string): string | undefined {
  return Object.keys(rootSchemaNode.properties?.['cover']?.properties ?? {}).map((key) => `cover.${key}`).find((path) => titleOf(path) === label);
}

function coverText(app: Application, path: string | undefined, ctx: NoticeContext): string {
  if (path === undefined) return '';
  return path === 'cover.recommender' ? printedRecommender(app.cover) : textOf(app, path, ctx);
}

function coverPage(app: Application, ctx: NoticeContext, template: FormTemplate, measurer: TextMeasurer, blank: boolean): PageData {
  const items: PageItem[] = [];
  const center = (text: string, y: number, size: number, style: 'hei' | 'song' | 'fangsong' | 'kai') => {
    const w = measurer.width(text, size, style);
    items.push({ kind: 'text', x: (A4.width - w) / 2, y, text, size, style, charSpace: 0 });
  };
  let y = 70 * MM;
  template.titleLines.forEach((line, i) => {
    center(line, y, i === 0 ? PT.小一 : PT.小初, 'song');
    y += i === 0 ? 30 * MM : 20 * MM;
  });
  y = 130 * MM;
  const labelX = 45 * MM;
  const lineX = 80 * MM;
  const lineEnd = A4.width - 40 * MM;
  const size = PT.三号;
  const pitch = size * 1.6;
  const fields = template.coverFields.map((field) => {
    const path = coverPathOf(field);
    const text = blank ? '' : coverText(app, path, ctx);
    const lines = text === '' ? [] : breakLines(text, { maxWidth: lineEnd - lineX - 4, size, style: 'fangsong', measurer });
    return { field, path, lines, rows: Math.max(1, lines.length) };
  });
  // A long 所在单位 (3–4 lines) takes room from the gaps between the fields, down to 5 mm, and then pushes
  // 南昌市总工会制 down: the footer never runs into the fields.
  const footerTop = A4.height - 45 * MM;
  const linesHeight = fields.reduce((h, f) => h + f.rows * pitch, 0);
  const room = footerTop - 12 * MM - y;
  const gap = Math.max(5 * MM, Math.min(12 * MM, (room - linesHeight) / Math.max(1, fields.length - 1)));
  for (const { field, path, lines, rows } of fields) {
    items.push({ kind: 'text', x: labelX, y, text: field, size, style: 'hei', charSpace: 0 });
    lines.forEach((line, j) => {
      items.push({ kind: 'text', x: lineX + 4, y: y + j * pitch, text: line.text, size, style: 'fangsong', charSpace: line.charSpace });
    });
    for (let j = 0; j < rows; j += 1) {
      items.push({ kind: 'line', x1: lineX, y1: y + 4 + j * pitch, x2: lineEnd, y2: y + 4 + j * pitch, width: 0.6 });
    }
    if (blank && path === 'cover.fillDate') {
      // Room to write the date by hand, as on the printed form: ____年___月___日.
      const marks = ['年', '月', '日'];
      marks.forEach((m, k) => items.push({ kind: 'text', x: lineX + (k + 1) * 45, y, text: m, size, style: 'fangsong', charSpace: 0 }));
    }
    y += rows * pitch + gap;
  }
  center(template.coverFooter, Math.max(footerTop, y - gap + 12 * MM), PT.三号, 'kai');
  return { width: A4.width, height: A4.height, items };
}

function notesBlocks(template: FormTemplate): Block[] {
  return [
    { kind: 'paragraph', text: '填 表 说 明', size: PT.三号, style: 'hei', lineHeight: 32, align: 'center', spaceAfter: 12 },
    ...template.notes.map((note): Block => ({ kind: 'paragraph', text: note, size: FORM_SIZE, style: 'fangsong', lineHeight: 24, indent: 2, align: 'justify', spaceAfter: 4 })),
  ];
}

/** A group's or an opinion block's title across the grid: never left alone at the foot of a page. */
function titleRow(text: string, span: number): TableRow {
  return { cells: [label(text, { colSpan: span, align: 'left' })], keepWithNext: true };
}

/** 签名 with more than 40 mm of free line after it (ideographic spaces are kept), then 盖章 and the date marks,
 *  right-aligned as on the Word form. */
const OPINION_FOOTER = [`签名：${'\u3000'.repeat(13)}`, `（盖章）${'\u3000'.repeat(6)}`, `年\u3000\u3000月\u3000\u3000日\u3000`];

function pairRow(app: Application, ctx: NoticeContext, paths: string[], blank: boolean): TableRow {
  return { cells: paths.flatMap((p) => [label(titleOf(p)), value(blank ? '' : textOf(app, p, ctx))]) };
}

function fullRow(title: string, text: string, extra: { minHeight?: number } = {}): TableRow {
  return { cells: [label(title), value(text, { colSpan: 5, ...extra })] };
}

function gridBlocks(app: Application, ctx: NoticeContext, blank: boolean, measurer: TextMeasurer): Block[] {
  const w = TEXT_WIDTH;
  const six = widths(w, [1.05, 1.45, 1.05, 1.45, 1.05, 1.45]);
  const t = (p: string) => (blank ? '' : textOf(app, p, ctx));
  const rows = (p: string) => (blank ? { ...tableOf(app, p, ctx), rows: [] } : tableOf(app, p, ctx));
  /** Empty rows of each list on the blank form, sized for a typical application. */
  const blankRows = (p: string): number | undefined => (blank ? BLANK_ROWS[p] : undefined);
  const team = teamStructure(app, ctx);
  // The printed form leaves out 未填: an empty bucket has no place in the official structure.
  const counts = (r: Readonly<Record<string, number>>) => countList(r, ['未填']);
  const years = recentYears(ctx);
  const blocks: Block[] = [];

  blocks.push(
    grid(six, [
      titleRow(titleOf('studio'), 6),
      fullRow(titleOf('cover.studioName'), t('cover.studioName')),
      fullRow(titleOf('cover.unitName'), t('cover.unitName')),
      pairRow(app, ctx, ['cover.unitType', 'cover.industry', 'studio.type'], blank),
      pairRow(app, ctx, ['studio.foundedDate', 'studio.area', 'cover.fillDate'], blank),
      fullRow(titleOf('cover.recommender'), blank ? '' : printedRecommender(app.cover)),
      fullRow(titleOf('studio.field'), t('studio.field')),
      fullRow(titleOf('studio.address'), t('studio.address')),
    ]),
  );

  blocks.push(
    grid(six, [
      titleRow(titleOf('leader'), 6),
      pairRow(app, ctx, ['leader.name', 'leader.gender', 'leader.birthMonth'], blank),
      pairRow(app, ctx, ['leader.ethnicity', 'leader.politicalStatus', 'leader.education'], blank),
      pairRow(app, ctx, ['leader.post', 'leader.title', 'leader.phone'], blank),
    ]),
  );
  const honors = rows('leader.honors');
  blocks.push(subTable(titleOf('leader.honors'), w, [0.6, 2.4, 1, 1, 2.6], honors.columns, honors.rows, measurer, blankRows('leader.honors')));

  blocks.push(
    grid(six, [
      titleRow(titleOf('team'), 6),
      fullRow(DERIVED_LABELS.teamSize, blank ? '' : teamSizeText(team.size)),
      fullRow(DERIVED_LABELS.education, blank ? '' : counts(team.byEducation)),
      fullRow(DERIVED_LABELS.titles, blank ? '' : counts(team.byTitle)),
      fullRow(DERIVED_LABELS.ages, blank ? '' : counts(team.byAge)),
    ]),
  );
  const members = rows('team.members');
  blocks.push(subTable(titleOf('team.members'), w, [0.55, 1, 0.55, 1.45, 1.2, 1.55, 2.1], members.columns, members.rows, measurer, blankRows('team.members')));

  const sources = rows('funding.sources');
  blocks.push(subTable(titleOf('funding.sources'), w, [0.6, 4.4, 2], sources.columns, sources.rows, measurer, blankRows('funding.sources')));
  if (blank || sources.rows.length > 0) {
    const total = blank ? '' : money(`${fundingTotal(app.funding.sources)}`);
    blocks.push(grid(widths(w, [5, 2]), [{ cells: [label(DERIVED_LABELS.total, { minHeight: blank ? HANDWRITING_ROW : 0 }), value(total)] }]));
  }
  if (blank || app.naming.hasNaming) {
    const naming = rows('naming.items');
    blocks.push(subTable(titleOf('naming.items'), w, [0.6, 2.6, 1.4, 2.6], naming.columns, naming.rows, measurer, blankRows('naming.items')));
  } else {
    // 填表说明7: 没有则填“无”.
    blocks.push(grid(six, [fullRow(titleOf('naming.items'), '无')]));
  }

  const yearWidths = widths(w, [2.2, 1, 1, 1, 1]);
  const amounts = (p: 'performance.investment' | 'performance.economicBenefit') => {
    const values = YEAR_KEYS.map((k) => (blank ? '' : money(t(`${p}.${k}`))));
    const group = p === 'performance.investment' ? app.performance.investment : app.performance.economicBenefit;
    return { cells: [label(titleOf(p)), ...values.map((v) => value(v, { align: 'center' })), value(blank ? '' : money(`${recentYearsTotal(group)}`), { align: 'center' })] };
  };
  blocks.push(
    grid(
      yearWidths,
      [
        titleRow(titleOf('performance'), 5),
        { cells: [label('项目'), ...years.map((y) => label(`${y}年`)), label(DERIVED_LABELS.total)] },
        amounts('performance.investment'),
        amounts('performance.economicBenefit'),
        { cells: [label(titleOf('performance.economicBenefit.note')), value(`${t('performance.economicBenefit.note')}${blank ? '' : '\n'}（经济效益证明须加盖单位财务章原件）`, { colSpan: 4 })] },
      ],
      2,
    ),
  );
  const innovations = rows('performance.innovations');
  blocks.push(subTable(titleOf('performance.innovations'), w, [0.55, 2.1, 1.1, 0.9, 1.45, 2.45], innovations.columns, innovations.rows, measurer, blankRows('performance.innovations')));
  const talents = rows('performance.talents');
  blocks.push(subTable(titleOf('performance.talents'), w, [0.6, 1.1, 1.2, 3.4, 1.4], talents.columns, talents.rows, measurer, blankRows('performance.talents')));
  blocks.push(grid(six, [fullRow(titleOf('performance.socialBenefit'), t('performance.socialBenefit'), { minHeight: 60 })]));

  const projects = rows('projects');
  blocks.push(subTable(titleOf('projects'), w, [0.55, 1.95, 0.8, 1, 1.2, 1.2, 1.9], projects.columns, projects.rows, measurer, blankRows('projects')));

  blocks.push(
    grid(six, [
      fullRow(titleOf('summary'), t('summary'), { minHeight: 120 }),
      fullRow(titleOf('achievements'), t('achievements'), { minHeight: 120 }),
      fullRow(titleOf('remarks'), t('remarks') || (blank ? '' : '无'), { minHeight: 40 }),
    ]),
  );

  // 填表说明10: every opinion block keeps room for a signature, the stamp and the date.
  const opinion = (path: string): TableRow[] => [
    titleRow(titleOf(path), 6),
    { cells: [value(t(path), { colSpan: 6, minHeight: 150, footer: OPINION_FOOTER })], keepTogether: true },
  ];
  blocks.push(grid(six, [...opinion('opinions.unitUnion'), ...opinion('opinions.districtUnion')]));
  return blocks;
}

export function applicationFormDescription(
  app: Application,
  ctx: NoticeContext,
  template: FormTemplate,
  // The measurer sizes columns to their labels and short values; the Word edition, which has no font metrics,
  // sizes them with the fixed-width one.
  options: { blank?: boolean; measurer?: TextMeasurer } = {},
): FormDescription {
  const blank = options.blank === true;
  const studio = candidateTitle(app);
  const title = template.titleLines.join('').replace(/\s+/g, '');
  return {
    blank,
    titleLines: template.titleLines,
    coverFields: template.coverFields.map((label) => {
      const path = coverPathOf(label);
      return { label, text: blank ? '' : coverText(app, path, ctx), date: path === 'cover.fillDate' };
    }),
    coverFooter: template.coverFooter,
    notes: notesBlocks(template),
    body: gridBlocks(app, ctx, blank, options.measurer ?? fixedWidthMeasurer()),
    title: blank || studio === '' ? title : `${title}（${studio}）`,
    subject: '南昌市总工会 洪工办〔2021〕31号 附件1',
    author: (blank ? '' : textOf(app, 'cover.unitName', ctx)) || ISSUER,
  };
}

export function applicationFormDocument(
  app: Application,
  ctx: NoticeContext,
  template: FormTemplate,
  measurer: TextMeasurer,
  options: { blank?: boolean } = {},
): BuiltDocument {
  const d = applicationFormDescription(app, ctx, template, { ...options, measurer });
  const page = { width: A4.width, height: A4.height, margins: MARGINS };
  const cover = coverPage(app, ctx, template, measurer, d.blank);
  const notes = flow(d.notes, page, measurer);
  const body = flow(d.body, page, measurer);
  const pages = [cover, ...notes, ...pageNumbers(body, measurer, MARGINS)];
  return { pages, title: d.title, subject: d.subject, author: d.author };
}

/** The Word edition sets the same text block. */
export { MARGINS as FORM_MARGINS };
