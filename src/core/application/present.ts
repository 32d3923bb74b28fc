// The application as a reader sees it: labels from the schema, values formatted the official way
// (dates as 2021年7月5日, industries by name, years as 2018年). Used by the review page; pure.
import { formatChineseDate, formatChineseMonth } from '../chinese-date';
import { patternKind } from './patterns';
import { schemaNodeAt, splitPath, type SchemaNode } from './schema';
import type { NoticeContext } from './types';
import { fieldApplies, isPrintedInPlace, printedInPlaceOf } from './visibility';
import { YEAR_KEYS, yearFieldTitles, type YearKey } from './years';

export type Presented =
  | { kind: 'field'; path: string; label: string; text: string | null }
  | { kind: 'table'; path: string; label: string; columns: string[]; rows: (string | null)[][] }
  | { kind: 'group'; path: string; label: string; children: Presented[] };

function isYearKey(key: string): key is YearKey {
  return (YEAR_KEYS as readonly string[]).includes(key);
}

export function formatValue(node: SchemaNode, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const option = node.oneOf?.find((o) => o.const === value);
  if (option) return option.title;
  const kind = node.pattern === undefined ? undefined : patternKind(node.pattern);
  if (kind === 'date') return formatChineseDate(value);
  if (kind === 'month' || kind === 'optionalMonth') return formatChineseMonth(value);
  if (kind === 'year') return `${value}年`;
  return value;
}

function childValue(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function present(node: SchemaNode, value: unknown, path: string, key: string, ctx: NoticeContext): Presented {
  const label = isYearKey(key) ? yearFieldTitles(ctx)[key] : (node.title ?? key);
  if (node.type === 'object') {
    // A field that follows a choice not made (其他推荐单位名称 without 其他) is hidden in the form: not shown here either.
    const children = Object.entries(node.properties ?? {})
      .filter(([k]) => fieldApplies(path, k, value))
      .map(([k, child]) => present(child, childValue(value, k), path === '' ? k : `${path}.${k}`, k, ctx));
    return { kind: 'group', path, label, children };
  }
  if (node.type === 'array' && node.items) {
    const item = node.items;
    const rowPath = `${path}.*`;
    const keys = Object.keys(item.properties ?? {}).filter((k) => !isPrintedInPlace(rowPath, k));
    const columns = keys.map((k) => item.properties?.[k]?.title ?? k);
    const rows = (Array.isArray(value) ? value : []).map((row: unknown) =>
      keys.map((k) => {
        const detail = printedInPlaceOf(rowPath, k);
        const detailNode = detail === undefined ? undefined : item.properties?.[detail];
        const shown = detail !== undefined && detailNode && fieldApplies(rowPath, detail, row) ? formatValue(detailNode, childValue(row, detail)) : null;
        const columnNode = item.properties?.[k];
        return shown ?? (columnNode ? formatValue(columnNode, childValue(row, k)) : null);
      }),
    );
    return { kind: 'table', path, label, columns, rows };
  }
  return { kind: 'field', path, label, text: formatValue(node, value) };
}

/** The subtree at a dotted path, presented; undefined for a path the schema does not have. */
export function presentPath(app: unknown, path: string, ctx: NoticeContext): Presented | undefined {
  const node = schemaNodeAt(path);
  if (!node) return undefined;
  let value: unknown = app;
  for (const segment of splitPath(path)) value = childValue(value, segment);
  return present(node, value, path, splitPath(path).at(-1) ?? '', ctx);
}
