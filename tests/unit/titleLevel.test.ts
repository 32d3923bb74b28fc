import { describe, expect, it } from 'vitest';
import { classifyTitle } from '../../src/core/application/titleLevel';

describe('classifyTitle', () => {
  it.each([
    ['正高级工程师', '正高级'],
    ['教授', '正高级'],
    ['研究员', '正高级'],
    ['主任医师', '正高级'],
    ['高级工程师', '副高级'],
    ['副教授', '副高级'],
    ['副主任护师', '副高级'],
    ['高级经济师', '副高级'],
    ['工程师', '中级'],
    ['讲师', '中级'],
    ['主治医师', '中级'],
    ['主管技师', '中级'],
    ['助理研究员', '中级'],
    ['助理工程师', '初级'],
    ['技术员', '初级'],
    ['护士', '初级'],
    ['高级技师', '高级技师'],
    ['一级/高级技师', '高级技师'],
    ['技师', '技师'],
    ['工具钳工技师', '技师'],
    ['高级工', '高级工'],
    ['数控车工高级工', '高级工'],
    ['中级工', '中级工'],
    ['初级工', '初级工'],
    ['厂长', '其他'],
    // Where the rules once used look-behind (Safari before 16.4 cannot parse it): the same answers without it.
    ['编审', '正高级'],
    ['副编审', '副高级'],
    ['副研究员', '副高级'],
    ['主任药师', '正高级'],
    ['副主任技师', '副高级'],
    ['经济师', '中级'],
    ['助理经济师', '初级'],
    ['助理会计师', '初级'],
    ['注册会计师', '中级'],
    ['理工科讲师', '中级'],
  ])('puts “%s” under %s', (title, level) => {
    expect(classifyTitle(title)).toBe(level);
  });

  it('reports a missing or blank title as 未填', () => {
    expect(classifyTitle(undefined)).toBe('未填');
    expect(classifyTitle('  ')).toBe('未填');
  });
});
