// Chinese messages for the schema's validation errors, naming the field by its label and saying what to
// do, from AJV's raw errors (the form shows them through errorSchema.ts).
import type { CompiledValidateFunction } from '@rjsf/validator-ajv8';
import { patternKind, type PatternKind } from './patterns';
import { labelOf, schemaNodeAt } from './schema';
import type { Issue } from './types';

export type AjvError = NonNullable<CompiledValidateFunction['errors']>[number];

/** What a value of each JSON Schema type is called in messages. */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组内容',
};

interface SchemaError {
  keyword: string;
  /** Dotted path of the field concerned (for `required`, the missing field itself). */
  path: string;
  params: unknown;
}

function param(params: unknown, key: string): unknown {
  return typeof params === 'object' && params !== null && Object.hasOwn(params, key)
    ? (params as Record<string, unknown>)[key]
    : undefined;
}

function joinPath(base: string, key: unknown): string {
  if (typeof key !== 'string' || key === '') return base;
  return base === '' ? key : `${base}.${key}`;
}

function fromAjv(error: AjvError): SchemaError {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  const path = error.keyword === 'required' ? joinPath(base, param(error.params, 'missingProperty')) : base;
  return { keyword: error.keyword, path, params: error.params };
}

// minLength 1 is how the schema makes an empty string count as missing; const/oneOf is the industry list.
const CANONICAL_KEYWORDS: Readonly<Record<string, string>> = { minLength: 'required', const: 'enum', oneOf: 'enum' };

function canonicalKeyword(keyword: string): string {
  return CANONICAL_KEYWORDS[keyword] ?? keyword;
}

const PATTERN_HINTS: Readonly<Record<PatternKind, string>> = {
  date: '请按“年-月-日”选择，如 2021年7月5日',
  month: '请按“年-月”选择，如 2016年3月',
  optionalMonth: '请按“年-月”选择，如 2021年3月；尚未结束的留空',
  year: '请填写四位数的年份，如 2021',
  phone: '请填写11位手机号码（如 13807912345）或带区号的固定电话（如 0791-83868361）',
};

function minItemsMessage(path: string, label: string, limit: unknown): string {
  if (path === 'team.members') return `「${label}」除领衔人外至少填写${String(limit)}人（申报条件2：有创新团队）。`;
  if (path === 'funding.sources') return `「${label}」至少填写${String(limit)}个投入单位。`;
  return `「${label}」至少填写${String(limit)}项。`;
}

function messageFor({ keyword, path, params }: SchemaError): string {
  const label = labelOf(path);
  const node = schemaNodeAt(path);
  switch (canonicalKeyword(keyword)) {
    case 'required':
      return node?.enum !== undefined || node?.oneOf !== undefined ? `请选择「${label}」。` : `请填写「${label}」。`;
    case 'enum':
      return `「${label}」请从列表中选择。`;
    case 'type':
      return `「${label}」应为${TYPE_NAMES[String(param(params, 'type'))] ?? '其他类型'}。`;
    case 'pattern': {
      const kind = patternKind(String(param(params, 'pattern')));
      return kind === undefined ? `「${label}」格式不对。` : `「${label}」${PATTERN_HINTS[kind]}。`;
    }
    case 'minItems':
      return minItemsMessage(path, label, param(params, 'limit'));
    case 'maxItems':
      return `「${label}」最多填写${String(param(params, 'limit'))}项。`;
    case 'maxLength':
      return `「${label}」最多${String(param(params, 'limit'))}个字符。`;
    case 'minimum':
      return `「${label}」不能小于${String(param(params, 'limit'))}。`;
    case 'exclusiveMinimum':
      return `「${label}」应大于${String(param(params, 'limit'))}。`;
    case 'additionalProperties':
      return `「${label}」中有申报表没有的字段“${String(param(params, 'additionalProperty'))}”。`;
    default:
      return `「${label}」填写有误，请检查。`;
  }
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** AJV errors as Issues; a field gets one message per problem (the industry list reports 21 raw errors). */
export function toIssues(errors: readonly AjvError[]): Issue[] {
  const issues = errors.map((error): Issue => {
    const schemaError = fromAjv(error);
    return {
      path: schemaError.path,
      label: labelOf(schemaError.path),
      message: messageFor(schemaError),
      severity: 'error',
      rule: `schema:${canonicalKeyword(schemaError.keyword)}`,
    };
  });
  return uniqueBy(issues, (issue) => `${issue.path}\n${issue.message}`);
}
