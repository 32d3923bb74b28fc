import { describe, expect, it } from 'vitest';
import { coverPathOf } from '../../src/core/pdf/documents/applicationForm';
import { FORM } from './pdf-node';

describe('the 申报表 cover', () => {
  it('finds each printed cover field by its schema title, whatever the order', () => {
    expect(FORM.coverFields.map(coverPathOf)).toEqual(['cover.studioName', 'cover.unitName', 'cover.unitType', 'cover.industry', 'cover.recommender', 'cover.fillDate']);
    expect(coverPathOf('填报日期')).toBe('cover.fillDate');
    expect(coverPathOf('不存在的栏目')).toBeUndefined();
  });
});
