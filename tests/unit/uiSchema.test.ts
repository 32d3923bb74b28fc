import { describe, expect, it } from 'vitest';
import { uiSchemaFor } from '../../src/core/application/uiSchema';
import { CTX } from './fixture';

type Ui = Record<string, Record<string, Record<string, unknown>>>;

describe('the uiSchema the form renders with', () => {
  it('titles y1..y3 with the years before the notice’s year, not the clock’s', () => {
    const ui = uiSchemaFor(undefined, CTX) as Ui;
    expect(ui['performance']?.['investment']?.['y1']).toMatchObject({ 'ui:title': '2018年' });
    expect(ui['performance']?.['economicBenefit']?.['y3']).toMatchObject({ 'ui:title': '2020年' });
    const later = uiSchemaFor(undefined, { noticeYear: 2024, noticeDate: '2024-05-01' }) as Ui;
    expect(later['performance']?.['investment']?.['y1']).toMatchObject({ 'ui:title': '2021年' });
  });

  it('keeps the static options of those fields', () => {
    const ui = uiSchemaFor(undefined, CTX) as Ui;
    expect(ui['performance']?.['investment']?.['y1']).toMatchObject({ 'ui:widget': 'updown' });
  });

  it('prompts 三、1. 创新业绩 with the outline sentence for the studio type', () => {
    const help = (type: Parameters<typeof uiSchemaFor>[0]) =>
      String(((uiSchemaFor(type, CTX) as Ui)['materials']?.['results']?.['performance'] as Record<string, unknown>)['ui:help']);
    expect(help('窗口服务型')).toContain('窗口服务型创新工作室适应客户需求');
    expect(help('窗口服务型')).not.toContain('技术攻关型');
    expect(help(undefined)).toContain('技能传授型');
  });
});
