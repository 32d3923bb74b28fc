// Reading application data from an untrusted source (a stored draft, the JSON of a draft file or package):
// checked against the schema's shape and copied key by key from the schema (never from the data), so no
// user key is ever assigned into an object. Missing or empty fields are fine: a draft may be incomplete.
// Fields this version does not know (a file from another tool or a later version) are left out and named,
// so the caller can say what was not imported.
import { TYPE_NAMES } from './messages';
import { defaultValue, labelOf, rootSchemaNode, type SchemaNode } from './schema';
import type { Application } from './types';

/** Why an import failed, for callers that map failures onto their own error codes (the drafts store). */
export type ImportFailure = 'not-an-application' | 'forbidden-key' | 'invalid-data';
export type ImportResult =
  | { ok: true; data: Application; /** Fields left out because the schema has no such key, as 「封面」中的“x”. */ dropped: string[] }
  | { ok: false; reason: ImportFailure; message: string };

export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Keys that would reach Object.prototype if the data were ever merged naively; refused wherever they occur. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const LISTED_PROBLEMS = 5;

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first forbidden key anywhere in the tree; iterative, so a deeply nested file cannot overflow the stack. */
export function findForbiddenKey(root: unknown): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return key;
        stack.push(value[key]);
      }
    }
  }
  return undefined;
}

function childPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function matchesLeafType(node: SchemaNode, value: unknown): boolean {
  if (node.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === node.type;
}

interface Findings {
  /** Values of the wrong type: the file cannot be imported. */
  problems: string[];
  /** Keys the schema does not have: left out. */
  dropped: string[];
}

function droppedName(path: string, key: string): string {
  return path === '' ? `“${key}”` : `「${labelOf(path)}」中的“${key}”`;
}

/** Copies `value` following `node`; `null` counts as missing. Type mismatches and unknown keys are noted. */
function copyBySchema(node: SchemaNode, value: unknown, path: string, findings: Findings): unknown {
  const { problems } = findings;
  const wrongType = (): undefined => {
    problems.push(`「${labelOf(path)}」应为${TYPE_NAMES[node.type ?? ''] ?? '其他类型'}`);
    return undefined;
  };
  if (node.type === 'object') {
    if (!isObject(value)) return wrongType();
    const properties = node.properties ?? {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(properties, key)) findings.dropped.push(droppedName(path, key));
    }
    const copy: JsonObject = {};
    for (const [key, child] of Object.entries(properties)) {
      const childValue = Object.hasOwn(value, key) ? value[key] : null;
      const copied = childValue === null ? defaultValue(child) : copyBySchema(child, childValue, childPath(path, key), findings);
      if (copied !== undefined) copy[key] = copied;
    }
    return copy;
  }
  if (node.type === 'array') {
    if (!Array.isArray(value)) return wrongType();
    const items = node.items ?? {};
    return value.map((item: unknown, i) => copyBySchema(items, item, childPath(path, i), findings));
  }
  return matchesLeafType(node, value) ? value : wrongType();
}

function failure(reason: ImportFailure, message: string): ImportResult {
  return { ok: false, reason, message };
}

/** Checks an already parsed value against the schema and copies it, filling the schema's defaults. */
export function restoreApplication(value: unknown): ImportResult {
  if (!isObject(value)) return failure('not-an-application', '这不是申报表数据文件：文件内容应是一个 JSON 对象。');
  const forbidden = findForbiddenKey(value);
  if (forbidden !== undefined) return failure('forbidden-key', `文件中有不允许的字段名“${forbidden}”，已拒绝导入。`);

  const known = Object.keys(rootSchemaNode.properties ?? {});
  if (!known.some((key) => Object.hasOwn(value, key))) {
    return failure('not-an-application', '这不是申报表数据文件：其中没有任何申报表的内容。');
  }

  const findings: Findings = { problems: [], dropped: [] };
  const { problems } = findings;
  const data = copyBySchema(rootSchemaNode, value, '', findings);
  if (problems.length > 0) {
    const listed = problems.slice(0, LISTED_PROBLEMS).join('；');
    const more = problems.length > LISTED_PROBLEMS ? '；……' : '';
    return failure('invalid-data', `文件中有${problems.length}处内容不符合申报表的格式，无法导入：${listed}${more}。`);
  }
  // copyBySchema built every group and list the schema defines, with leaves of the schema's types.
  return { ok: true, data: data as Application, dropped: findings.dropped };
}
