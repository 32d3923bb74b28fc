import { describe, expect, it } from 'vitest';
import { presentPath } from '../../src/core/application/present';
import { validateApplication } from '../../src/core/application/validate';
import { fieldApplies, isInHiddenField } from '../../src/core/application/visibility';
import { CTX, schemaValidator, typicalApplication } from './fixture';

describe('fields that apply after a choice', () => {
  it('asks for 其他推荐单位名称 only when 推荐单位 is 其他', () => {
    expect(fieldApplies('cover', 'recommenderOther', { recommender: '东湖区总工会' })).toBe(false);
    expect(fieldApplies('cover', 'recommenderOther', { recommender: '其他' })).toBe(true);
    expect(fieldApplies('cover', 'unitName', {})).toBe(true);
  });

  it('hides the 命名 rows while 是否曾被命名 is 否, and their problems with them', () => {
    const app = typicalApplication();
    app.naming = { hasNaming: false, items: [{ unit: '' }] };
    expect(isInHiddenField(app, 'naming.items.0.unit')).toBe(true);
    expect(validateApplication(app, CTX, schemaValidator()).filter((i) => i.path.startsWith('naming.'))).toEqual([]);
    app.naming.hasNaming = true;
    expect(validateApplication(app, CTX, schemaValidator()).map((i) => i.path)).toContain('naming.items.0.unit');
  });

  it('asks for 其他荣誉称号 when 荣誉称号 is 其他 and prints it in its place', () => {
    const app = typicalApplication();
    app.leader.honors.push({ title: '其他', level: '全国', year: '2019', grantor: '人力资源和社会保障部' });
    const row = app.leader.honors.length - 1;
    const issues = validateApplication(app, CTX, schemaValidator());
    expect(issues.find((i) => i.path === `leader.honors.${row}.titleOther`)?.message).toBe(
      `第${row + 1}项荣誉的称号选择了“其他”，请填写「所获荣誉第${row + 1}行的其他荣誉称号」，如：全国技术能手、三八红旗手。`,
    );
    app.leader.honors[row] = { ...app.leader.honors[row], titleOther: '全国技术能手' };
    expect(validateApplication(app, CTX, schemaValidator())).toEqual([]);
    const table = presentPath(app, 'leader.honors', CTX);
    expect(table?.kind === 'table' && table.columns).toEqual(['荣誉称号', '级别', '获得年份', '授予单位']);
    expect(table?.kind === 'table' && table.rows[row]?.[0]).toBe('全国技术能手');
    // A name typed once and then left behind by another choice is not printed.
    app.leader.honors[row] = { ...app.leader.honors[row], title: '洪城工匠' };
    expect(presentPath(app, 'leader.honors', CTX)).toMatchObject({ rows: expect.arrayContaining([['洪城工匠', '全国', '2019年', '人力资源和社会保障部']]) });
  });
});
