// The printable 汇总表: A3 landscape, one row per candidate, laid out by the site's own engine (flow, tables,
// page numbers) and drawn by its PdfWriter with the bundled fonts. A document of the desk's own; src/core/pdf is
// only called.
import { ISSUER } from '../pdf/documents/applicationForm';
import { widths } from '../pdf/documents/formTable';
import { pageNumbers } from '../pdf/documents/pageNumbers';
import { A3_LANDSCAPE, MM, PT } from '../pdf/documents/template';
import { runsByFont, type DocumentText, type FontResolver } from '../pdf/fonts';
import { PLANNING_MEASURER, roleTexts } from '../pdf/documents/roleTexts';
import { flow } from '../pdf/layout';
import type { Block, PageData, TableCell, TableRow, TextMeasurer } from '../pdf/layout/types';
import { PdfWriter, type PdfFont } from '../pdf/render/renderPdf';
import { CONDITION_TITLES, type SummaryRow } from './summary';
import { VERDICT_LABELS } from './types';

export interface SummaryPdfInput {
  rows: SummaryRow[];
  /** "2021年南昌市劳模创新工作室申报汇总表" */
  title: string;
  /** "共 4 份材料包，核验于 2021年7月31日 10:00（北京时间）" */
  subtitle: string;
  candidatesPerUnit: number;
}

const MARGINS = { top: 18 * MM, right: 15 * MM, bottom: 20 * MM, left: 15 * MM };
const SIZE = PT.五号;
const LINE = 15;

interface PdfColumn {
  header: string;
  share: number;
  text: (row: SummaryRow, index: number) => string;
  align?: 'left' | 'center' | 'right';
}

const amount = (value: number | null) => (value === null ? '' : String(value));

function conditionsText(row: SummaryRow): string {
  if (row.conditionsMet === null) return '';
  const unmet = CONDITION_TITLES.filter((_, i) => row.conditions[i] === false);
  return unmet.length === 0 ? '6项均符合' : `符合${row.conditionsMet}项；未满足：${unmet.join('、')}`;
}

function notes(row: SummaryRow, limit: number): string {
  return [...row.duplicates, ...(row.overLimit ? [`${row.recommender}共${row.recommenderCount}个，超过通知的${limit}个`] : [])].join('；');
}

function columns(limit: number): PdfColumn[] {
  return [
    { header: '序号', share: 3, text: (_, i) => String(i + 1), align: 'center' },
    { header: '工作室名称', share: 12, text: (r) => r.studioName || '（无法读取）' },
    { header: '所在单位', share: 12, text: (r) => r.unitName },
    { header: '推荐单位', share: 8, text: (r) => r.recommender },
    { header: '单位类型', share: 6, text: (r) => r.unitType },
    { header: '所属行业', share: 7, text: (r) => r.industry },
    { header: '领衔人', share: 5, text: (r) => r.leader, align: 'center' },
    { header: '领衔人荣誉', share: 12, text: (r) => r.honors },
    { header: '团队人数', share: 4, text: (r) => (r.teamSize === null ? '' : String(r.teamSize)), align: 'right' },
    { header: '近三年经费投入（万元）', share: 6, text: (r) => amount(r.investment), align: 'right' },
    { header: '近三年经济效益（万元）', share: 6, text: (r) => amount(r.economicBenefit), align: 'right' },
    { header: '技术创新（项）', share: 4, text: (r) => (r.innovations === null ? '' : String(r.innovations)), align: 'right' },
    { header: '申报条件自查', share: 10, text: conditionsText },
    { header: '完整性', share: 7, text: (r) => r.completeness },
    { header: '核验结论', share: 6, text: (r) => VERDICT_LABELS[r.verdict], align: 'center' },
    { header: '备注', share: 10, text: (r) => notes(r, limit) },
  ];
}

function blocks(input: SummaryPdfInput): Block[] {
  const cols = columns(input.candidatesPerUnit);
  const width = A3_LANDSCAPE.width - MARGINS.left - MARGINS.right;
  const header: TableRow = { cells: cols.map((c): TableCell => ({ text: c.header, label: true, align: 'center', style: 'hei' })) };
  const body: TableRow[] = input.rows.map((row, i) => ({ cells: cols.map((c): TableCell => ({ text: c.text(row, i), align: c.align ?? 'left' })) }));
  return [
    { kind: 'paragraph', text: input.title, size: PT.二号, style: 'hei', lineHeight: PT.二号 * 1.6, align: 'center' },
    { kind: 'paragraph', text: input.subtitle, size: PT.四号, style: 'song', lineHeight: PT.四号 * 1.8, align: 'center', spaceAfter: 6 },
    { kind: 'table', columns: widths(width, cols.map((c) => c.share)), rows: [header, ...body], headerRows: 1, size: SIZE, style: 'song', lineHeight: LINE, padding: 3 },
  ];
}

/** Every text the document prints, for choosing the font chunks to load. */
export function summaryPdfTexts(input: SummaryPdfInput): DocumentText[] {
  const cols = columns(input.candidatesPerUnit);
  const text = [input.title, input.subtitle, '— 0123456789 —', ...cols.map((c) => c.header), ...input.rows.flatMap((row, i) => cols.map((c) => c.text(row, i)))].join('\n');
  // Its 黑体 title and header row print in the 黑体 face: their characters, from a stand-in layout.
  return [{ path: '', label: '汇总表', text }, ...roleTexts(summaryPages(input, PLANNING_MEASURER))];
}

export function summaryPages(input: SummaryPdfInput, measurer: TextMeasurer): PageData[] {
  const page = { width: A3_LANDSCAPE.width, height: A3_LANDSCAPE.height, margins: MARGINS };
  return pageNumbers(flow(blocks(input), page, measurer), measurer, MARGINS);
}

export function summaryPdf(input: SummaryPdfInput, fonts: { fonts: PdfFont[]; resolver: FontResolver }): { bytes: ArrayBuffer; pages: number } {
  const writer = new PdfWriter(fonts.fonts, (text, role) => runsByFont(text, fonts.resolver, { role }).map((run) => ({ font: run.font, text: run.text })), A3_LANDSCAPE);
  const pages = summaryPages(input, writer.measurer);
  return { bytes: writer.render({ pages, title: input.title, subject: '南昌市总工会 洪工办〔2021〕31号 审核台汇总表', author: ISSUER }), pages: pages.length };
}
