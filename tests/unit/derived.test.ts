import { describe, expect, it } from 'vitest';
import { ageAt, fundingTotal, recentYearsTotal, teamStructure } from '../../src/core/application/derived';
import { formatChineseDate, formatChineseMonth } from '../../src/core/chinese-date';
import { CTX, typicalApplication } from './fixture';

describe('teamStructure', () => {
  it('counts the leader and the eight members of the typical application', () => {
    expect(teamStructure(typicalApplication(), CTX).size).toBe(9);
  });

  it('groups ages at the notice date 2021-05-17', () => {
    expect(teamStructure(typicalApplication(), CTX).byAge).toEqual({
      '35岁及以下': 5,
      '36–50岁': 4,
      '51岁及以上': 0,
      未填: 0,
    });
  });

  it('counts education levels in the order of the form', () => {
    const { byEducation } = teamStructure(typicalApplication(), CTX);
    expect(Object.entries(byEducation)).toEqual([
      ['研究生', 2],
      ['大学本科', 3],
      ['大学专科', 3],
      ['中专或高中', 1],
      ['初中及以下', 0],
      ['未填', 0],
    ]);
  });

  it('sorts titles into 职称 and 技能等级 levels', () => {
    const { byTitle } = teamStructure(typicalApplication(), CTX);
    expect(byTitle).toMatchObject({ 副高级: 1, 中级: 3, 初级: 1, 高级技师: 2, 技师: 1, 高级工: 1, 其他: 0, 未填: 0 });
  });

  it('puts a member without a birth month under 未填', () => {
    const app = typicalApplication();
    delete app.team.members[0]?.birthMonth;
    expect(teamStructure(app, CTX).byAge.未填).toBe(1);
  });
});

describe('ageAt', () => {
  it('does not count a birthday whose month has not come yet', () => {
    expect(ageAt('1970-12', '2021-05-17')).toBe(50);
  });

  it('counts a birthday in the month of the date as passed', () => {
    expect(ageAt('1970-05', '2021-05-17')).toBe(51);
  });

  it('gives undefined for a malformed birth month', () => {
    expect(ageAt('1970', '2021-05-17')).toBeUndefined();
  });
});

describe('totals', () => {
  it('adds the investment of the recent years to exactly 46.65', () => {
    expect(recentYearsTotal(typicalApplication().performance.investment)).toBe(46.65);
  });

  it('adds the economic benefit of the recent years to 377', () => {
    expect(recentYearsTotal(typicalApplication().performance.economicBenefit)).toBe(377);
  });

  it('counts a missing year as 0', () => {
    expect(recentYearsTotal({ y1: 1.1, y3: 2.2 })).toBe(3.3);
  });

  it('adds the funders’ amounts', () => {
    expect(fundingTotal(typicalApplication().funding.sources)).toBe(50.5);
  });
});

describe('Chinese dates', () => {
  it('writes a date with Arabic numerals and no zero padding', () => {
    expect(formatChineseDate('2021-07-05')).toBe('2021年7月5日');
  });

  it('writes a month the same way', () => {
    expect(formatChineseMonth('2016-03')).toBe('2016年3月');
  });
});
