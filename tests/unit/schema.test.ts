import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../src/core/application/patterns';
import {
  applicationSchema,
  applicationUiSchema,
  emptyApplication,
  formOrderKey,
  labelOf,
  rootSchemaNode,
  schemaNodeAt,
  sections,
  type SchemaNode,
} from '../../src/core/application/schema';
import { validateApplication } from '../../src/core/application/validate';
import { CTX, schemaValidator } from './fixture';

/** Every node of the schema with its dotted path ("team.members.0.name" stands for all rows). */
function walk(node: SchemaNode, path = ''): [string, SchemaNode][] {
  const children = Object.entries(node.properties ?? {}).flatMap(([key, child]) => walk(child, path === '' ? key : `${path}.${key}`));
  const items = node.items === undefined ? [] : walk(node.items, `${path}.0`);
  return [[path, node], ...children, ...items];
}

const leafPaths = walk(rootSchemaNode)
  .filter(([, node]) => node.type !== 'object' && node.type !== 'array')
  .map(([path]) => path);

describe('the schema', () => {
  it('has a $id rjsf can use as a JS identifier in the precompiled validator', () => {
    expect(applicationSchema.$id).toMatch(/^[A-Za-z_$][\w$]*$/);
  });

  it('lists the groups in the contract’s order', () => {
    expect(Object.keys(rootSchemaNode.properties ?? {})).toEqual([
      'cover', 'contact', 'studio', 'leader', 'team', 'funding', 'naming', 'performance', 'projects',
      'summary', 'achievements', 'remarks', 'opinions', 'materials',
    ]);
  });

  it('gives every field a title', () => {
    expect(walk(rootSchemaNode).filter(([, node]) => node.title === undefined)).toEqual([]);
  });

  it('uses only the named patterns, never `format`', () => {
    const patterns = walk(rootSchemaNode).flatMap(([, node]) => (node.pattern === undefined ? [] : [node.pattern]));
    expect(patterns.filter((p) => !Object.values<string>(PATTERNS).includes(p))).toEqual([]);
    expect(JSON.stringify(applicationSchema)).not.toContain('"format"');
  });

  it('closes every object with additionalProperties: false', () => {
    const open = walk(rootSchemaNode).filter(([, node]) => node.type === 'object' && node.additionalProperties !== false);
    expect(open.map(([path]) => path)).toEqual([]);
  });

  it('lists the 20 GB/T 4754 门类 by letter and name', () => {
    const industry = schemaNodeAt('cover.industry')?.oneOf ?? [];
    expect(industry.map((option) => option.const).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industry[2]).toEqual({ const: 'C', title: '制造业' });
  });

  it('lists the 56 ethnic groups with 汉族 as default', () => {
    const ethnicity = schemaNodeAt('leader.ethnicity');
    expect(new Set(ethnicity?.enum).size).toBe(56);
    expect(ethnicity?.default).toBe('汉族');
  });

});

describe('the uiSchema', () => {
  function uiAt(path: string): Record<string, unknown> {
    let ui: unknown = applicationUiSchema;
    for (const segment of path === '' ? [] : path.split('.')) {
      const key = /^\d+$/.test(segment) ? 'items' : segment;
      ui = typeof ui === 'object' && ui !== null && Object.hasOwn(ui, key) ? (ui as Record<string, unknown>)[key] : undefined;
    }
    return typeof ui === 'object' && ui !== null ? (ui as Record<string, unknown>) : {};
  }

  it('repeats no labels the schema or the form theme already give: no ui:enumNames', () => {
    expect(JSON.stringify(applicationUiSchema)).not.toContain('ui:enumNames');
  });

  it('leaves the fields’ order to the schema: no ui:order repeats it', () => {
    const objects = walk(rootSchemaNode).filter(([, node]) => node.type === 'object');
    const repeated = objects.filter(([path, node]) => JSON.stringify(uiAt(path)['ui:order']) === JSON.stringify(Object.keys(node.properties ?? {})));
    expect(repeated.map(([path]) => path)).toEqual([]);
  });

  function helpTexts(ui: unknown, path = ''): [string, string][] {
    if (typeof ui !== 'object' || ui === null) return [];
    return Object.entries(ui).flatMap(([key, value]): [string, string][] =>
      (key === 'ui:help' || key === 'ui:description') && typeof value === 'string' ? [[path, value]] : helpTexts(value, `${path}.${key}`),
    );
  }

  it('quotes the notice verbatim in its 填表说明 and outline guidance', () => {
    const notice = readFileSync(new URL('../fixtures/notice-hong-gong-ban-2021-31.txt', import.meta.url), 'utf8');
    const quoted = helpTexts(applicationUiSchema).filter(([path]) => !/projects|results\.performance|contact/.test(path)); // ours, not the notice's
    const notInNotice = quoted.filter(([, text]) => !notice.includes(text.replace(/^填表说明(\d+)：/, '$1.')));
    expect(quoted.length).toBe(18); // 填表说明 1–8 and 10, and nine outline items
    expect(notInNotice).toEqual([]);
  });

  it('quotes 填表说明1 at the studio name, with its number', () => {
    expect(uiAt('cover.studioName')['ui:help']).toBe('填表说明1：“创新工作室名称”应完整填写以拟申报者本人命名的创新工作室名称，如：xxx劳模创新工作室。');
  });

  it('shows the outline’s guidance at each 申报材料 except the type-dependent 创新业绩', () => {
    const materials = leafPaths.filter((path) => path.startsWith('materials.'));
    expect(materials.filter((path) => typeof uiAt(path)['ui:help'] !== 'string')).toEqual([]);
    expect(uiAt('materials.basics.overview')['ui:help']).toBe('建立的背景及意义，主要工作领域，重点攻关课题和创新目标。');
  });

  it('uses month inputs for every year-month field', () => {
    const months = walk(rootSchemaNode).filter(([, node]) => node.pattern === PATTERNS.month || node.pattern === PATTERNS.optionalMonth);
    expect(months.filter(([path]) => JSON.stringify(uiAt(path)['ui:options']) !== '{"inputType":"month"}')).toEqual([]);
  });
});

describe('labelOf', () => {
  it.each([
    ['cover.studioName', '工作室名称'],
    ['team.members', '团队成员'],
    ['team.members.2', '团队成员第3行'],
    ['team.members.2.name', '团队成员第3行的姓名'],
    ['leader.honors.0.title', '所获荣誉第1行的荣誉称号'],
    ['performance.talents.5.date', '培养人才*第6行的时间'],
    ['leader.name', '领衔人的姓名'],
    ['performance.investment.y1', '经费投入（万元）*的第一年'],
    ['opinions.districtUnion', '县（区）总工会，开发区（新区）、市直机关工会工委，市教科文卫体工会，市产业和直属基层工会意见'],
    ['materials.results.performance', '1.创新业绩'],
  ])('names %s as “%s”', (path, label) => {
    expect(labelOf(path)).toBe(label);
  });

  it('returns a path the schema does not know unchanged', () => {
    expect(labelOf('cover.fax')).toBe('cover.fax');
    expect(labelOf('cover.constructor')).toBe('cover.constructor');
    expect(labelOf('team.members.x.name')).toBe('team.members.x.name');
  });

  it('gives each field of the form a label no other field has', () => {
    const labels = leafPaths.map(labelOf);
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
  });
});

describe('emptyApplication', () => {
  it('starts with the defaults and every group and list present', () => {
    const app = emptyApplication();
    expect(app.leader.ethnicity).toBe('汉族');
    expect(app.naming).toEqual({ hasNaming: false, items: [] });
    expect(app.team.members).toEqual([]);
    expect(app.materials).toEqual({ basics: {}, activities: {}, results: {} });
  });

  it('gives a fresh copy each time', () => {
    const first = emptyApplication();
    first.team.members.push({ name: '刘晓东' });
    expect(emptyApplication().team.members).toEqual([]);
  });

  it('is only missing what the applicant must fill in, never of a wrong shape', () => {
    const rules = new Set(validateApplication(emptyApplication(), CTX, schemaValidator()).map((issue) => issue.rule));
    expect([...rules].filter((rule) => rule.startsWith('schema:')).sort()).toEqual(['schema:minItems', 'schema:required']);
  });
});

describe('sections', () => {
  it('come in the form’s order with kebab-case ids', () => {
    expect(sections.map((section) => section.id)).toEqual([
      'cover', 'studio', 'leader', 'team', 'funding-naming', 'performance', 'projects',
      'summary-achievements', 'opinions', 'materials-basics', 'materials-activities', 'materials-results',
    ]);
  });

  it('show every field of the schema in exactly one section', () => {
    const counts = leafPaths.map((path) => sections.filter((s) => s.paths.some((p) => path === p || path.startsWith(`${p}.`))).length);
    expect(counts.every((count) => count === 1)).toBe(true);
  });
});

describe('formOrderKey', () => {
  it('gives each segment’s position in the schema, and the row index in lists', () => {
    expect(formOrderKey('cover.studioName')).toEqual([0, 0]);
    expect(formOrderKey('team.members.2.role')).toEqual([4, 0, 2, 5]);
    expect(formOrderKey('summary')).toEqual([9]);
  });
});
