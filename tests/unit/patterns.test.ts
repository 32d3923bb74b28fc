import { describe, expect, it } from 'vitest';
import { isDate, isMonth, isYear, PATTERNS, patternKind } from '../../src/core/application/patterns';

describe('patternKind', () => {
  it('names each schema pattern', () => {
    expect(patternKind(PATTERNS.month)).toBe('month');
    expect(patternKind(PATTERNS.phone)).toBe('phone');
  });

  it('gives undefined for a pattern the schema does not use', () => {
    expect(patternKind('^x$')).toBeUndefined();
  });
});

describe('format checks', () => {
  it('accept a date as the date input writes it, and nothing looser', () => {
    expect(['2021-07-12', '2021-7-12', '2021-13-01', undefined].map(isDate)).toEqual([true, false, false, false]);
  });

  it('accept a month as the month input writes it', () => {
    expect(['2016-03', '2016-3', '2016-03-01'].map(isMonth)).toEqual([true, false, false]);
  });

  it('accept four-digit years of this and the last century', () => {
    expect(['2021', '1998', '21', '2021年'].map(isYear)).toEqual([true, true, false, false]);
  });
});
