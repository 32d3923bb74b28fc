import { describe, expect, it } from 'vitest';
import {
  birthMonthPlausible,
  birthMonthRange,
  checkRules,
  fillDateIsReal,
  foundedNotAfterFill,
  foundedPlausible,
  fundingAmountDecimals,
  fundingAmountEach,
  honorTitleOther,
  innovationInNoticeYear,
  innovationYearInRange,
  leaderModelWorkerHonor,
  namingItemsWhenNamed,
  projectEachRecentYear,
  projectEndNotBeforeStart,
  recommenderOther,
  studioNameHasLeader,
  studioNameSuffix,
} from '../../src/core/application/rules';
import type { Application } from '../../src/core/application/types';
import { CTX, typicalApplication } from './fixture';

function broken(change: (app: Application) => void): Application {
  const app = typicalApplication();
  change(app);
  return app;
}

describe('custom rules', () => {
  it('find nothing wrong with the typical application', () => {
    expect(checkRules(typicalApplication(), CTX)).toEqual([]);
  });

  it('studioNameSuffix: a name not ending in 劳模创新工作室 is refused with 填表说明1', () => {
    const app = broken((a) => (a.cover.studioName = '熊建华创新工作室'));
    expect(studioNameSuffix(app, CTX)).toEqual([
      {
        path: 'cover.studioName',
        label: '工作室名称',
        message: '「工作室名称」应完整填写以拟申报者本人命名的创新工作室名称，以“劳模创新工作室”结尾，如：xxx劳模创新工作室（填表说明1）。',
        severity: 'error',
        rule: 'studioNameSuffix',
      },
    ]);
  });

  it('studioNameHasLeader: a name without the leader’s name is only a warning', () => {
    const app = broken((a) => (a.cover.studioName = '江铃劳模创新工作室'));
    expect(studioNameHasLeader(app, CTX)).toEqual([
      {
        path: 'cover.studioName',
        label: '工作室名称',
        message: '「工作室名称」应以拟申报者本人命名（填表说明1），名称中没有领衔人姓名“熊建华”。',
        severity: 'warning',
        rule: 'studioNameHasLeader',
      },
    ]);
  });

  it('studioNameHasLeader: a rare character in the leader’s name is matched as it is', () => {
    const app = broken((a) => {
      a.leader.name = '𠮷建华';
      a.cover.studioName = '𠮷建华劳模创新工作室';
    });
    expect(studioNameHasLeader(app, CTX)).toEqual([]);
  });

  it('recommenderOther: choosing 其他 asks for the recommender’s name', () => {
    const app = broken((a) => (a.cover.recommender = '其他'));
    expect(recommenderOther(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['cover.recommenderOther', '推荐单位选择了“其他”，请填写「其他推荐单位名称」。'],
    ]);
  });

  it('fillDateIsReal: a date the calendar does not have is refused', () => {
    const app = broken((a) => (a.cover.fillDate = '2021-02-30'));
    expect(fillDateIsReal(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['cover.fillDate', '「填报日期」不是日历上存在的日期，请重新选择。'],
    ]);
  });

  it('foundedNotAfterFill: a studio founded after the fill date is refused', () => {
    const app = broken((a) => (a.studio.foundedDate = '2021-08'));
    expect(foundedNotAfterFill(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['studio.foundedDate', '「创建日期」不能晚于填报日期（2021年7月12日）。'],
    ]);
  });

  it('foundedNotAfterFill: the month of the fill date itself is allowed', () => {
    const app = broken((a) => (a.studio.foundedDate = '2021-07'));
    expect(foundedNotAfterFill(app, CTX)).toEqual([]);
  });

  it('leaderModelWorkerHonor: a leader with only 工匠 titles does not meet 申报条件1', () => {
    const app = broken((a) => (a.leader.honors = [{ title: '洪城工匠', level: '市级', year: '2018', grantor: '南昌市总工会' }]));
    expect(leaderModelWorkerHonor(app, CTX)).toEqual([
      {
        path: 'leader.honors',
        label: '所获荣誉',
        message: '申报条件1要求领衔人获得过各级“劳动模范”或“五一劳动奖章”称号，请在「所获荣誉」中至少填写一项劳动模范、先进工作者或五一劳动奖章。',
        severity: 'error',
        rule: 'leaderModelWorkerHonor',
      },
    ]);
  });

  it('fundingAmountEach: with two funders the one without an amount is named (说明3)', () => {
    const app = broken((a) => delete a.funding.sources[1]?.amount);
    expect(fundingAmountEach(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['funding.sources.1.amount', '投入单位有两个以上时需分别注明投入经费额（填表说明3），请填写「经费主要来源第2行的投入经费（万元）」。'],
    ]);
  });

  it('fundingAmountEach: a single funder may leave the amount out', () => {
    const app = broken((a) => (a.funding.sources = [{ funder: '江铃汽车零部件（南昌）有限公司' }]));
    expect(fundingAmountEach(app, CTX)).toEqual([]);
  });

  it('fundingAmountDecimals: more than two decimals of 万元 is refused', () => {
    const app = broken((a) => (a.funding.sources[0] = { funder: '江铃汽车零部件（南昌）有限公司', amount: 45.555 }));
    expect(fundingAmountDecimals(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['funding.sources.0.amount', '「经费主要来源第1行的投入经费（万元）」以万元为单位，最多保留两位小数。'],
    ]);
  });

  it('fundingAmountDecimals: two decimals pass despite binary floating point', () => {
    const app = broken((a) => (a.funding.sources[0] = { funder: '江铃', amount: 0.07 }));
    expect(fundingAmountDecimals(app, CTX)).toEqual([]);
  });

  it('namingItemsWhenNamed: a named studio must say by whom and when (说明7)', () => {
    const app = broken((a) => (a.naming.items = []));
    expect(namingItemsWhenNamed(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['naming.items', '已选择曾被命名，请填写「命名单位及命名日期」（填表说明7）。'],
    ]);
  });

  it('namingItemsWhenNamed: a studio never named needs no items', () => {
    const app = broken((a) => (a.naming = { hasNaming: false, items: [] }));
    expect(namingItemsWhenNamed(app, CTX)).toEqual([]);
  });

  it('innovationYearInRange: an innovation older than the recent years is refused', () => {
    const app = broken((a) => (a.performance.innovations[0] = { ...a.performance.innovations[0], year: '2016' }));
    expect(innovationYearInRange(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['performance.innovations.0.year', '「技术创新*第1行的认定年份」应为近三年或本年度，即2018年至2021年之间（填表说明4）。'],
    ]);
  });

  it('innovationYearInRange: an innovation after the notice year is refused', () => {
    const app = broken((a) => (a.performance.innovations[4] = { ...a.performance.innovations[4], year: '2022' }));
    expect(innovationYearInRange(app, CTX).map((i) => i.path)).toEqual(['performance.innovations.4.year']);
  });

  it('innovationInNoticeYear: no innovation recognized in 2021 is a warning (申报条件4)', () => {
    const app = broken((a) => (a.performance.innovations[4] = { ...a.performance.innovations[4], year: '2020' }));
    expect(innovationInNoticeYear(app, CTX)).toEqual([
      {
        path: 'performance.innovations',
        label: '技术创新*',
        message: '申报条件4要求本年度内至少有1项创新成果得到有关方面的认可或认定，「技术创新*」中还没有2021年认定的成果。',
        severity: 'warning',
        rule: 'innovationInNoticeYear',
      },
    ]);
  });

  it('projectEachRecentYear: a recent year without a running project is a warning (申报条件3)', () => {
    const app = broken((a) => a.projects.splice(0, 2));
    expect(projectEachRecentYear(app, CTX)).toEqual([
      {
        path: 'projects',
        label: '攻关项目',
        message: '申报条件3要求每年至少开展1项创新课题或攻关项目，「攻关项目」中2018年、2019年没有在进行的项目。',
        severity: 'warning',
        rule: 'projectEachRecentYear',
      },
    ]);
  });

  it('projectEndNotBeforeStart: a project ending before it starts is refused', () => {
    const app = broken((a) => (a.projects[0] = { ...a.projects[0], end: '2017-12' }));
    expect(projectEndNotBeforeStart(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['projects.0.end', '「攻关项目第1行的结束时间」不能早于开始时间（2018年3月）。'],
    ]);
  });
});

describe('plausible dates', () => {
  it('refuses a 创建日期 before 1949, saying the allowed range', () => {
    const issues = foundedPlausible(broken((app) => (app.studio.foundedDate = '1016-03')), CTX);
    expect(issues.map((i) => i.message)).toEqual(['「创建日期」应在1949年1月至填报日期（2021年7月12日）之间，请检查年份。']);
    expect(foundedPlausible(broken((app) => (app.studio.foundedDate = '1949-10')), CTX)).toEqual([]);
  });

  it('gives the birth months for an age of 16 to 80 at the notice date', () => {
    expect(birthMonthRange(CTX)).toEqual({ earliest: '1940-06', latest: '2005-05' });
  });

  it('refuses a 出生年月 giving an age below 16 or above 80, for the leader and each member', () => {
    const app = broken((a) => {
      a.leader.birthMonth = '2019-01';
      const [first] = a.team.members;
      if (first) first.birthMonth = '1940-05';
    });
    expect(birthMonthPlausible(app, CTX).map((i) => [i.path, i.message])).toEqual([
      ['leader.birthMonth', '「领衔人的出生年月」应在1940年6月至2005年5月之间（按通知日期计算，年龄在16至80岁之间），请检查年份。'],
      ['team.members.0.birthMonth', '「团队成员第1行的出生年月」应在1940年6月至2005年5月之间（按通知日期计算，年龄在16至80岁之间），请检查年份。'],
    ]);
    expect(birthMonthPlausible(broken((a) => (a.leader.birthMonth = '2005-05')), CTX)).toEqual([]);
    expect(birthMonthPlausible(broken((a) => (a.leader.birthMonth = '1940-06')), CTX)).toEqual([]);
  });

  it('asks for 其他荣誉称号 only when 荣誉称号 is 其他', () => {
    const app = broken((a) => a.leader.honors.push({ title: '其他', level: '其他', year: '2020', grantor: '全国妇联' }));
    expect(honorTitleOther(app, CTX).map((i) => i.path)).toEqual([`leader.honors.${app.leader.honors.length - 1}.titleOther`]);
    expect(honorTitleOther(typicalApplication(), CTX)).toEqual([]);
  });
});
