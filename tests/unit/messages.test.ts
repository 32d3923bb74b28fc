import { describe, expect, it } from 'vitest';
import { toIssues } from '../../src/core/application/messages';
import type { Application } from '../../src/core/application/types';
import { schemaValidator, typicalApplication } from './fixture';

// Object.assign lets a test put a wrongly typed value where the Application type would not allow it.
function schemaMessages(change: (app: Application) => void): [string, string][] {
  const app = typicalApplication();
  change(app);
  const validate = schemaValidator();
  validate(app);
  return toIssues(validate.errors ?? []).map((issue) => [issue.path, issue.message]);
}

describe('toIssues', () => {
  it('asks to fill in a missing text field by its label', () => {
    expect(schemaMessages((a) => delete a.cover.studioName)).toEqual([['cover.studioName', '请填写「工作室名称」。']]);
  });

  it('treats an empty text as missing', () => {
    expect(schemaMessages((a) => (a.cover.unitName = ''))).toEqual([['cover.unitName', '请填写「所在单位」。']]);
  });

  it('asks to choose a missing list field', () => {
    expect(schemaMessages((a) => delete a.cover.unitType)).toEqual([['cover.unitType', '请选择「单位类型」。']]);
  });

  it('asks to choose from the list for a value not in it', () => {
    expect(schemaMessages((a) => Object.assign(a.cover, { unitType: '私营企业' }))).toEqual([['cover.unitType', '「单位类型」请从列表中选择。']]);
  });

  it('explains the year-month format', () => {
    expect(schemaMessages((a) => (a.studio.foundedDate = '2016/03'))).toEqual([
      ['studio.foundedDate', '「创建日期」请按“年-月”选择，如 2016年3月。'],
    ]);
  });

  it('explains the two accepted phone forms', () => {
    expect(schemaMessages((a) => (a.leader.phone = '83868361'))).toEqual([
      ['leader.phone', '「联系电话」请填写11位手机号码（如 13807912345）或带区号的固定电话（如 0791-83868361）。'],
    ]);
  });

  it('accepts a landline with its area code and an empty phone', () => {
    expect(schemaMessages((a) => (a.leader.phone = '0791-83868361'))).toEqual([]);
    expect(schemaMessages((a) => (a.leader.phone = ''))).toEqual([]);
  });

  it('explains the year format', () => {
    expect(schemaMessages((a) => (a.leader.honors[0] = { ...a.leader.honors[0], year: '15年' }))).toEqual([
      ['leader.honors.0.year', '「所获荣誉第1行的获得年份」请填写四位数的年份，如 2021。'],
    ]);
  });

  it('names the expected type of a wrongly typed value', () => {
    expect(schemaMessages((a) => Object.assign(a.studio, { area: '260' }))).toEqual([['studio.area', '「工作室面积（平方米）」应为数字。']]);
  });

  it('names a field the schema does not have', () => {
    expect(schemaMessages((a) => Object.assign(a.cover, { fax: '0791-1234567' }))).toEqual([['cover', '「封面」中有申报表没有的字段“fax”。']]);
  });
});
