// The uiSchema the form renders with: the static one from schemas/, plus what depends on the notice and the
// data: the real years over y1..y3 and the outline's prompt for the chosen 工作室类型.
import type { UiSchema } from '@rjsf/utils';
import { performancePrompt } from './performancePrompt';
import { applicationUiSchema } from './schema';
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

export function uiSchemaFor(type: StudioType | undefined, ctx: NoticeContext): UiSchema {
  const base = applicationUiSchema as Ui;
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
