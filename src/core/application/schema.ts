// The application's JSON Schema, uiSchema and form sections, and lookups on them by dotted path
// ("team.members.2.name": array indices are plain numbers).
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import schemaJson from '../../../schemas/application.schema.json';
import uiSchemaJson from '../../../schemas/application.ui.json';
import sectionsJson from '../../../schemas/sections.json';
import type { Application } from './types';

/** The subset of JSON Schema draft-07 that schemas/application.schema.json uses. */
export interface SchemaNode {
  type?: string;
  title?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  enum?: string[];
  oneOf?: { const: string; title: string }[];
  default?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  additionalProperties?: boolean;
}

export interface Section {
  /** English kebab-case, stable: used in URLs and element ids. */
  id: string;
  title: string;
  /** Dotted paths of the schema subtrees the section shows. */
  paths: string[];
}

export const rootSchemaNode: SchemaNode = schemaJson;
/** The same schema typed for rjsf; pass this very object to both <Form> and createPrecompiledValidator. */
export const applicationSchema = schemaJson as RJSFSchema;
export const applicationUiSchema: UiSchema<Application> = uiSchemaJson;
export const sections: readonly Section[] = sectionsJson;

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

function childNode(node: SchemaNode, segment: string): SchemaNode | undefined {
  if (node.type === 'array') return /^\d+$/.test(segment) ? node.items : undefined;
  // hasOwn: a path segment such as "constructor" must not reach Object.prototype.
  return node.properties !== undefined && Object.hasOwn(node.properties, segment) ? node.properties[segment] : undefined;
}

function nodeAtSegments(segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = rootSchemaNode;
  for (const segment of segments) {
    if (node === undefined) return undefined;
    node = childNode(node, segment);
  }
  return node;
}

export function schemaNodeAt(path: string): SchemaNode | undefined {
  return nodeAtSegments(splitPath(path));
}

function countTitles(node: SchemaNode, counts: Map<string, number>): Map<string, number> {
  if (node.title !== undefined) counts.set(node.title, (counts.get(node.title) ?? 0) + 1);
  for (const child of Object.values(node.properties ?? {})) countTitles(child, counts);
  if (node.items !== undefined) countTitles(node.items, counts);
  return counts;
}

// A title used by several fields (姓名, 性别, 第一年 …) is qualified by its parent's label.
const titleCounts = countTitles(rootSchemaNode, new Map());

function labelOfSegments(segments: readonly string[]): string | undefined {
  const node = nodeAtSegments(segments);
  if (node === undefined) return undefined;
  const last = segments.at(-1);
  if (last === undefined) return node.title;
  const parentSegments = segments.slice(0, -1);
  const parentLabel = labelOfSegments(parentSegments);
  if (nodeAtSegments(parentSegments)?.type === 'array') return `${parentLabel}第${Number(last) + 1}行`;
  const title = node.title ?? last;
  const inRow = nodeAtSegments(parentSegments.slice(0, -1))?.type === 'array';
  const ambiguous = parentSegments.length > 0 && (titleCounts.get(title) ?? 0) > 1;
  return inRow || ambiguous ? `${parentLabel}的${title}` : title;
}

/**
 * The field's label for messages: its schema title, with the list and row for fields inside a list
 * ("团队成员第3行的姓名") and the group for titles several fields share ("领衔人的姓名").
 * Unknown paths come back unchanged.
 */
export function labelOf(path: string): string {
  return labelOfSegments(splitPath(path)) ?? path;
}

/** The value a new application starts with at this node: schema defaults, and every group present. */
export function defaultValue(node: SchemaNode): unknown {
  if (node.default !== undefined) return structuredClone(node.default);
  if (node.type !== 'object') return undefined;
  const value: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const childValue = defaultValue(child);
    if (childValue !== undefined) value[key] = childValue;
  }
  return value;
}

export function emptyApplication(): Application {
  // The schema's defaults give every group and list of the Application type (checked by a unit test).
  return defaultValue(rootSchemaNode) as Application;
}

/** Position of a path in the form (schema property order, then row), for listing issues as the form does. */
export function formOrderKey(path: string): number[] {
  const key: number[] = [];
  let node: SchemaNode | undefined = rootSchemaNode;
  for (const segment of splitPath(path)) {
    if (node === undefined) break;
    key.push(node.type === 'array' ? Number(segment) : Object.keys(node.properties ?? {}).indexOf(segment));
    node = childNode(node, segment);
  }
  return key;
}
