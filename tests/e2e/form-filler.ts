import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { showView } from './helpers';

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
}
const schema = readJson<Node>('../../schemas/application.schema.json');
const sections = readJson<{ id: string; title: string; paths: string[] }[]>('../../schemas/sections.json');

// Fills the form the way a person does: by visible labels only, section by section, from a data object
// in the data contract's shape. The schema tells the walker which label belongs to which key.

interface Node {
  type?: string;
  title?: string;
  properties?: Record<string, Node>;
  items?: Node;
  oneOf?: { const: string; title: string }[];
}

const YEARS: Record<string, string> = { y1: '2018年', y2: '2019年', y3: '2020年' };

function nodeAt(path: string): Node {
  let node = schema;
  for (const key of path.split('.')) {
    const next = node.properties?.[key];
    if (!next) throw new Error(`no schema node at ${path}`);
    node = next;
  }
  return node;
}

function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

async function fillLeaf(scope: Locator, label: string, node: Node, value: unknown): Promise<void> {
  if (value === undefined || value === null || value === '') return;
  const radios = scope.getByRole('radiogroup', { name: label, exact: true });
  if ((await radios.count()) > 0) {
    const option = typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
    await radios.getByLabel(option, { exact: true }).check();
    return;
  }
  const control = scope.getByLabel(label, { exact: true });
  const tag = await control.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    const title = node.oneOf?.find((o) => o.const === value)?.title ?? String(value);
    await control.selectOption({ label: title });
  } else {
    await control.fill(String(value));
  }
}

async function fillNode(scope: Locator, key: string, node: Node, value: unknown, framed: boolean): Promise<void> {
  if (node.type === 'object') {
    const inner = framed ? scope.getByRole('group', { name: node.title ?? key, exact: true }) : scope;
    for (const [k, child] of Object.entries(node.properties ?? {})) {
      await fillNode(inner, k, child, (value as Record<string, unknown> | undefined)?.[k], true);
    }
    return;
  }
  if (node.type === 'array') {
    const rows = Array.isArray(value) ? value : [];
    const group = scope.getByRole('group', { name: node.title ?? key, exact: true });
    for (let i = 0; i < rows.length; i += 1) {
      await group.getByRole('button', { name: `添加一行（${node.title ?? key}）` }).click();
      const row = group.locator('tbody tr').nth(i);
      for (const [k, child] of Object.entries(node.items?.properties ?? {})) {
        await fillLeaf(row, child.title ?? k, child, (rows[i] as Record<string, unknown>)[k]);
      }
    }
    return;
  }
  await fillLeaf(scope, YEARS[key] ?? node.title ?? key, node, value);
}

export async function fillSection(page: Page, sectionId: string, data: unknown): Promise<void> {
  await showView(page, sectionId);
  await fillShownSection(page, sectionId, data);
}

/** Fills the section on screen (reached by its own links), by labels only. */
export async function fillShownSection(page: Page, sectionId: string, data: unknown): Promise<void> {
  const section = sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const main = page.locator('.apply-main');
  await expect(main.getByRole('heading', { level: 2, name: section.title })).toBeVisible();
  for (const path of section.paths) {
    await fillNode(main, path.split('.').at(-1) ?? path, nodeAt(path), valueAt(data, path), false);
  }
}

export const sectionIds = sections.map((s) => s.id);
export const sectionTitles = sections.map((s) => s.title);
