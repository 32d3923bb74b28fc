import { describe, expect, it } from 'vitest';
import { recentYears, yearFieldTitles } from '../../src/core/application/years';
import { CTX } from './fixture';

describe('recentYears', () => {
  it('gives the three full years before the notice year', () => {
    expect(recentYears(CTX)).toEqual([2018, 2019, 2020]);
  });

  it('follows the configured notice year, not the clock', () => {
    expect(recentYears({ noticeYear: 2024, noticeDate: '2024-03-01' })).toEqual([2021, 2022, 2023]);
  });
});

describe('yearFieldTitles', () => {
  it('names y1..y3 by their real years', () => {
    expect(yearFieldTitles(CTX)).toEqual({ y1: '2018年', y2: '2019年', y3: '2020年' });
  });
});
