// Text on its way into the application (typed, pasted, imported, restored): characters that print as nothing
// or disguise the text are removed and named, and text past its field's limit is cut and named, so what is
// stored is always printable, encodable (encodeURIComponent, PDF, zip names) and of a sane size.
import { longStrings } from './longStrings';
import { labelOf, rootSchemaNode, schemaNodeAt, type SchemaNode } from './schema';
import type { Application } from './types';

/** Every text field without its own `maxLength` in the schema (names, units, titles): generous for a name. */
export const SHORT_TEXT_MAX = 500;

export type RemovedKind = 'lone-surrogate' | 'control' | 'bidi';

export interface TextFix {
  /** Dotted path, e.g. "cover.studioName" or "team.members.3.name". */
  path: string;
  /** What was removed, each kind with the code points found (at most a few). */
  removed: { kind: RemovedKind; codePoints: number[] }[];
  /** Set when the text was cut: the limit and the length it had (in UTF-16 units, as maxLength counts). */
  truncated?: { limit: number; length: number };
}

const KIND_NAMES: Readonly<Record<RemovedKind, string>> = {
  'lone-surrogate': '不完整的字符（孤立的代理码元）',
  control: '控制字符',
  bidi: '改变文字方向的控制符',
};

// C0/C1 controls except tab, line feed and carriage return (which the text areas use).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidirectional embeddings, overrides and isolates: they can make "外景\u202Egpj.exe" read as a picture.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const ANY_BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uD800-\uDFFF]/;

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without removable characters, and what was removed. Valid surrogate pairs (𠮷) are kept. */
export function cleanString(text: string): { text: string; removed: TextFix['removed'] } {
  if (!ANY_BAD.test(text)) return { text, removed: [] };
  const found = new Map<RemovedKind, Set<number>>();
  const note = (kind: RemovedKind, codePoint: number) => {
    const set = found.get(kind) ?? new Set<number>();
    set.add(codePoint);
    found.set(kind, set);
  };
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i += 1;
      } else {
        note('lone-surrogate', unit);
      }
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      note('lone-surrogate', unit);
      continue;
    }
    const char = text[i] ?? '';
    if (CONTROL.test(char)) note('control', unit);
    else if (BIDI.test(char)) note('bidi', unit);
    else out += char;
  }
  return { text: out, removed: [...found].map(([kind, codePoints]) => ({ kind, codePoints: [...codePoints].slice(0, 5) })) };
}

/** The limit of a text field: its schema's maxLength, or SHORT_TEXT_MAX. */
export function maxLengthOf(node: SchemaNode): number {
  return node.maxLength ?? SHORT_TEXT_MAX;
}

function cleanNode(node: SchemaNode, value: unknown, path: string, fixes: TextFix[], truncate: boolean): unknown {
  if (typeof value === 'string' && node.type === 'string') {
    const { text, removed } = cleanString(value);
    const limit = maxLengthOf(node);
    const fix: TextFix = { path, removed };
    let result = text;
    if (truncate && text.length > limit) {
      // Never cut a surrogate pair in two.
      const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
      result = text.slice(0, end);
      fix.truncated = { limit, length: text.length };
    }
    if (removed.length > 0 || fix.truncated) fixes.push(fix);
    return result === value ? value : result;
  }
  if (Array.isArray(value) && node.type === 'array' && node.items) {
    let changed = false;
    const items = node.items;
    const next = value.map((item: unknown, i) => {
      const cleaned = cleanNode(items, item, path === '' ? String(i) : `${path}.${i}`, fixes, truncate);
      if (cleaned !== item) changed = true;
      return cleaned;
    });
    return changed ? next : value;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && node.type === 'object') {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!Object.hasOwn(record, key)) continue;
      const cleaned = cleanNode(child, record[key], path === '' ? key : `${path}.${key}`, fixes, truncate);
      if (cleaned !== record[key]) {
        copy ??= { ...record };
        copy[key] = cleaned;
      }
    }
    return copy ?? value;
  }
  return value;
}

/**
 * The application with every text field cleaned (and, with `truncate`, cut to its limit). Returns the very same
 * object when nothing changed, so a keystroke that needs no fix costs no copy.
 */
export function cleanApplication(app: Application, { truncate = true } = {}): { app: Application; fixes: TextFix[] } {
  const fixes: TextFix[] = [];
  const cleaned = cleanNode(rootSchemaNode, app, '', fixes, truncate) as Application;
  return { app: cleaned, fixes };
}

const overLength = (path: string, length: number, limit: number) =>
  `「${labelOf(path)}」有 ${length.toLocaleString('en-US')} 个字符，超过了 ${limit.toLocaleString('en-US')} 个字符的上限`;

/**
 * The same findings as findOverLimit for text fields, read from the JSON text of an application without parsing
 * it (a huge field is named at no cost in memory). Only fields longer than SHORT_TEXT_MAX are looked at: the
 * parser's check after covers the rest. `root` names the key that holds the application (a package's `data`).
 */
export function findOverLengthInJson(json: string, root?: string): string[] {
  const found: string[] = [];
  const prefix = root === undefined ? '' : `${root}.`;
  for (const { path: full, length } of longStrings(json, SHORT_TEXT_MAX)) {
    if (!full.startsWith(prefix)) continue;
    const path = full.slice(prefix.length);
    const node = schemaNodeAt(path);
    if (node?.type !== 'string') continue;
    const limit = maxLengthOf(node);
    if (length > limit) found.push(overLength(path, length, limit));
  }
  return found;
}

/** Lengths past the field's limit and lists past `maxItems`, for a value that is refused rather than cut (import). */
export function findOverLimit(node: SchemaNode, value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string' && node.type === 'string') {
    const limit = maxLengthOf(node);
    if (value.length > limit) found.push(overLength(path, value.length, limit));
  } else if (Array.isArray(value) && node.type === 'array') {
    if (node.maxItems !== undefined && value.length > node.maxItems) found.push(`「${labelOf(path)}」有 ${value.length} 项，超过了 ${node.maxItems} 项的上限`);
    const items = node.items;
    if (items) value.forEach((item: unknown, i) => findOverLimit(items, item, path === '' ? String(i) : `${path}.${i}`, found));
  } else if (typeof value === 'object' && value !== null && node.type === 'object') {
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (Object.hasOwn(record, key)) findOverLimit(child, record[key], path === '' ? key : `${path}.${key}`, found);
    }
  }
}

/** One sentence per fixed field, naming it, e.g. "「工作室名称」中的不完整的字符（…） U+D800 已删除。". */
export function describeFix(fix: TextFix): string {
  const label = labelOf(fix.path);
  const parts = fix.removed.map((r) => `${KIND_NAMES[r.kind]} ${r.codePoints.map(hex).join('、')}`);
  const removed = parts.length > 0 ? `「${label}」中的${parts.join('，')}无法显示或打印，已删除。` : '';
  const cut = fix.truncated
    ? `「${label}」有 ${fix.truncated.length.toLocaleString('en-US')} 个字符，超过了 ${fix.truncated.limit.toLocaleString('en-US')} 个字符的上限，多出的部分没有保留。`
    : '';
  return removed + cut;
}
