// The uiSchema the form renders with: the static one from schemas/, plus what depends on the notice and the
// data: the real years over y1..y3 and the outline's prompt for the chosen 工作室类型.
import type { UiSchema } from '@rjsf/utils';
import { performancePrompt } from './performancePrompt';
import { applicationUiSchema, rootSchemaNode, type SchemaNode } from './schema';
import type { NoticeContext, StudioType } from './types';
import { YEAR_KEYS, yearFieldTitles } from './years';

type Ui = Record<string, unknown>;

function child(ui: Ui, key: string): Ui {
  const value = ui[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Ui) : {};
}

function withYears(ui: Ui, titles: Record<string, string>): Ui {
  return Object.fromEntries([...Object.entries(ui), ...YEAR_KEYS.map((k) => [k, { ...child(ui, k), 'ui:title': titles[k] }])]);
}

function isFreeText(node: SchemaNode, ui: Ui): boolean {
  const options = child(ui, 'ui:options');
  return node.type === 'string' && node.enum === undefined && node.oneOf === undefined && node.pattern === undefined &&
    ui['ui:widget'] === undefined && options['inputType'] === undefined;
}

/** Free-text cells of the tables wrap (the wrapText widget) instead of cutting off a long 分工 or 授予单位. */
function withWrappingCells(ui: Ui, node: SchemaNode, inRow: boolean): Ui {
  if (node.type === 'array' && node.items) return { ...ui, items: withWrappingCells(child(ui, 'items'), node.items, true) };
  if (node.type === 'object') {
    const props = Object.entries(node.properties ?? {}).map(([k, n]) => [k, withWrappingCells(child(ui, k), n, inRow)] as const);
    return { ...ui, ...Object.fromEntries(props) };
  }
  return inRow && isFreeText(node, ui) ? { ...ui, 'ui:widget': 'wrapText' } : ui;
}

export function uiSchemaFor(type: StudioType | undefined, ctx: NoticeContext): UiSchema {
  const base = withWrappingCells(applicationUiSchema as Ui, rootSchemaNode, false);
  const titles = yearFieldTitles(ctx);
  const performance = child(base, 'performance');
  const materials = child(base, 'materials');
  const results = child(materials, 'results');
  return {
    ...base,
    performance: {
      ...performance,
      investment: withYears(child(performance, 'investment'), titles),
      economicBenefit: withYears(child(performance, 'economicBenefit'), titles),
    },
    materials: {
      ...materials,
      results: {
        ...results,
        performance: { ...child(results, 'performance'), 'ui:help': `附件2 三、1.：${performancePrompt(type)}` },
      },
    },
  } as UiSchema;
}
