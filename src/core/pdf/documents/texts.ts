// Every piece of text the applicant typed, with where it is, so that characters no font can print are
// reported with the fields they are in.
import { labelOf, rootSchemaNode, type SchemaNode } from '../../application/schema';
import type { Application } from '../../application/types';

export interface FieldText {
  path: string;
  label: string;
  text: string;
}

function walk(node: SchemaNode, value: unknown, path: string, out: FieldText[]): void {
  if (value === null || value === undefined) return;
  if (node.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (Object.hasOwn(value, key)) walk(child, (value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, out);
    }
    return;
  }
  if (node.type === 'array' && Array.isArray(value) && node.items) {
    const items = node.items;
    value.forEach((item: unknown, i) => walk(items, item, `${path}.${i}`, out));
    return;
  }
  if (typeof value === 'string' && value !== '') out.push({ path, label: labelOf(path), text: value });
}

export function fieldTexts(app: Application): FieldText[] {
  const out: FieldText[] = [];
  walk(rootSchemaNode, app, '', out);
  return out;
}
