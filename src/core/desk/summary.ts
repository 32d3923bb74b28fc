// The 汇总 list: one row per candidate, with the figures reviewers compare, duplicates flagged and the count per
// 推荐单位 against the notice's limit. Every export (screen, .xlsx, CSV, PDF) reads the same columns.
import { checkConditions, type ConditionTitle } from '../application/conditions';
import { recentYearsTotal, teamStructure } from '../application/derived';
import { formatValue } from '../application/present';
import { schemaNodeAt } from '../application/schema';
import type { NoticeContext } from '../application/types';
import { printedRecommender } from '../application/facts';
import { VERDICT_LABELS, type DeskReport, type Verdict } from './types';

export interface SummaryRow {
  id: string;
  fileName: string;
  studioName: string;
  unitName: string;
  recommender: string;
  unitType: string;
  industry: string;
  leader: string;
  honors: string;
  teamSize: number | null;
  investment: number | null;
  economicBenefit: number | null;
  innovations: number | null;
  /** The six 申报条件 in the notice's order: met or not (null without data). */
  conditions: (boolean | null)[];
  conditionsMet: number | null;
  completeness: string;
  verdict: Verdict;
  packageBytes: number;
  /** "同名工作室（另见 …）", "同一所在单位 …"; empty when none. */
  duplicates: string[];
  /** Candidates of the same 推荐单位 in this list. */
  recommenderCount: number;
  overLimit: boolean;
}

export const CONDITION_TITLES: readonly ConditionTitle[] = ['有劳模领衔', '有创新团队', '有攻关项目', '有创新成果', '有场地经费', '有制度台帐'];

function label(path: string, value: unknown): string {
  const node = schemaNodeAt(path);
  return (node === undefined ? null : formatValue(node, value)) ?? '';
}

function completeness(report: DeskReport): string {
  if (report.application === undefined) return '无法读取';
  const missing = report.findings.filter((f) => f.severity === 'error' && f.topic === 'attachments');
  const dataErrors = report.issues?.filter((i) => i.severity === 'error').length ?? 0;
  const parts = [...(dataErrors > 0 ? [`申报表${dataErrors}项待改`] : []), ...(missing.length > 0 ? [`附件缺${missing.length}项`] : [])];
  return parts.length === 0 ? '齐全' : parts.join('，');
}

const normalised = (text: string) => text.replace(/\s+/g, '').toLowerCase();

export function summaryRows(reports: readonly DeskReport[], ctx: NoticeContext, candidatesPerUnit: number): SummaryRow[] {
  const rows = reports.map((report): SummaryRow => {
    const app = report.application;
    const conditions = app === undefined ? CONDITION_TITLES.map(() => null) : checkConditions(app, ctx).map((c) => c.met);
    return {
      id: report.id,
      fileName: report.fileName,
      studioName: app?.cover.studioName?.trim() ?? '',
      unitName: app?.cover.unitName?.trim() ?? '',
      recommender: app === undefined ? '' : printedRecommender(app.cover).trim(),
      unitType: app === undefined ? '' : label('cover.unitType', app.cover.unitType),
      industry: app === undefined ? '' : label('cover.industry', app.cover.industry),
      leader: app?.leader.name?.trim() ?? '',
      honors: app === undefined ? '' : app.leader.honors.map((h) => `${h.title === '其他' ? '其他荣誉' : (h.title ?? '')}${h.year === undefined ? '' : `（${h.year}）`}`).filter((t) => t !== '').join('、'),
      teamSize: app === undefined ? null : teamStructure(app, ctx).size,
      investment: app === undefined ? null : recentYearsTotal(app.performance.investment),
      economicBenefit: app === undefined ? null : recentYearsTotal(app.performance.economicBenefit),
      innovations: app === undefined ? null : app.performance.innovations.length,
      conditions,
      conditionsMet: app === undefined ? null : conditions.filter((met) => met === true).length,
      completeness: completeness(report),
      verdict: report.verdict,
      packageBytes: report.size,
      duplicates: [],
      recommenderCount: 0,
      overLimit: false,
    };
  });
  const flag = (key: (row: SummaryRow) => string, what: string) => {
    const groups = new Map<string, SummaryRow[]>();
    for (const row of rows) {
      const k = normalised(key(row));
      if (k === '') continue;
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const row of group) {
        const others = group.filter((other) => other !== row).map((other) => other.fileName);
        row.duplicates.push(`${what}（另见 ${others.join('、')}）`);
      }
    }
  };
  flag((row) => row.studioName, '同名工作室');
  flag((row) => row.unitName, '同一所在单位');
  const counts = new Map<string, number>();
  for (const row of rows) if (row.recommender !== '' && row.verdict !== 'refused') counts.set(row.recommender, (counts.get(row.recommender) ?? 0) + 1);
  for (const row of rows) {
    row.recommenderCount = counts.get(row.recommender) ?? 0;
    row.overLimit = row.recommenderCount > candidatesPerUnit;
  }
  return rows;
}

/** One column of the 汇总表, as every output writes it. */
export interface SummaryColumn {
  header: string;
  /** Width in characters, for the spreadsheet and the PDF's proportions. */
  width: number;
  value: (row: SummaryRow) => string | number | null;
  numeric?: boolean;
}

const yesNo = (met: boolean | null) => (met === null ? '' : met ? '符合' : '未满足');

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { header: '工作室名称', width: 22, value: (r) => r.studioName },
  { header: '所在单位', width: 22, value: (r) => r.unitName },
  { header: '推荐单位', width: 14, value: (r) => r.recommender },
  { header: '单位类型', width: 10, value: (r) => r.unitType },
  { header: '所属行业', width: 12, value: (r) => r.industry },
  { header: '领衔人', width: 8, value: (r) => r.leader },
  { header: '领衔人荣誉', width: 26, value: (r) => r.honors },
  { header: '团队人数', width: 7, value: (r) => r.teamSize, numeric: true },
  { header: '近三年经费投入（万元）', width: 11, value: (r) => r.investment, numeric: true },
  { header: '近三年经济效益（万元）', width: 11, value: (r) => r.economicBenefit, numeric: true },
  { header: '技术创新（项）', width: 8, value: (r) => r.innovations, numeric: true },
  ...CONDITION_TITLES.map((title, i): SummaryColumn => ({ header: title, width: 8, value: (r) => yesNo(r.conditions[i] ?? null) })),
  { header: '完整性', width: 14, value: (r) => r.completeness },
  { header: '核验结论', width: 12, value: (r) => VERDICT_LABELS[r.verdict] },
  { header: '材料包大小（MB）', width: 9, value: (r) => Math.round((r.packageBytes / 1024 / 1024) * 10) / 10, numeric: true },
  { header: '重复提示', width: 20, value: (r) => r.duplicates.join('；') },
  { header: '该推荐单位申报数', width: 8, value: (r) => (r.recommender === '' ? null : r.recommenderCount), numeric: true },
  { header: '文件名', width: 30, value: (r) => r.fileName },
];

/** The table as rows of cells, headers first: what the spreadsheet and the CSV write. */
export function summaryTable(rows: readonly SummaryRow[], columns: readonly SummaryColumn[] = SUMMARY_COLUMNS): (string | number | null)[][] {
  return [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))];
}
