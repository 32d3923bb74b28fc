import { describe, expect, it } from 'vitest';
import { formatValue, presentPath, type Presented } from '../../src/core/application/present';
import { schemaNodeAt } from '../../src/core/application/schema';
import { CTX, typicalApplication } from './fixture';

function field(item: Presented | undefined, key: string): Presented | undefined {
  return item?.kind === 'group' ? item.children.find((c) => c.path.endsWith(`.${key}`) || c.path === key) : undefined;
}

describe('presenting the application for the review page', () => {
  it('shows the industry by name and dates the official way', () => {
    const cover = presentPath(typicalApplication(), 'cover', CTX);
    expect(field(cover, 'industry')).toMatchObject({ label: '所属行业', text: '制造业' });
    expect(field(cover, 'fillDate')).toMatchObject({ label: '填报日期', text: '2021年7月12日' });
  });

  it('leaves out a field that follows a choice not made, as the form hides it', () => {
    const app = typicalApplication();
    expect(field(presentPath(app, 'cover', CTX), 'recommender')).toMatchObject({ text: '南昌经开区工会' });
    expect(field(presentPath(app, 'cover', CTX), 'recommenderOther')).toBeUndefined();
    const other = { ...app, cover: { ...app.cover, recommender: '其他', recommenderOther: '市直某单位工会' } } as typeof app;
    expect(field(presentPath(other, 'cover', CTX), 'recommenderOther')).toMatchObject({ label: '其他推荐单位名称', text: '市直某单位工会' });
    const noNaming = { ...app, naming: { ...app.naming, hasNaming: false } } as typeof app;
    expect(field(presentPath(noNaming, 'naming', CTX), 'items')).toBeUndefined();
  });

  it('labels y1..y3 with the notice’s recent years', () => {
    const investment = presentPath(typicalApplication(), 'performance.investment', CTX);
    expect(investment?.kind === 'group' && investment.children.map((c) => [c.label, c.kind === 'field' ? c.text : ''])).toEqual([
      ['2018年', '12.6'],
      ['2019年', '15.3'],
      ['2020年', '18.75'],
    ]);
  });

  it('turns arrays into tables with the schema’s column titles', () => {
    const members = presentPath(typicalApplication(), 'team.members', CTX);
    expect(members?.kind).toBe('table');
    if (members?.kind !== 'table') return;
    expect(members.columns[0]).toBe('姓名');
    expect(members.rows).toHaveLength(8);
    expect(members.rows[0]?.[0]).toBe('刘晓东');
    expect(members.rows[0]?.[2]).toBe('1982年4月');
  });

  it('formats booleans and empty values', () => {
    const node = schemaNodeAt('naming.hasNaming');
    expect(node && formatValue(node, true)).toBe('是');
    expect(node && formatValue(node, false)).toBe('否');
    expect(node && formatValue(node, undefined)).toBeNull();
  });

  it('gives undefined for a path the schema does not have', () => {
    expect(presentPath(typicalApplication(), 'cover.nothing', CTX)).toBeUndefined();
  });
});
