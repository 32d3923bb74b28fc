import { describe, expect, it } from 'vitest';
import { checkConditions, type ConditionCheck } from '../../src/core/application/conditions';
import type { Application } from '../../src/core/application/types';
import { CTX, typicalApplication } from './fixture';

function conditionOf(app: Application, title: ConditionCheck['title']): ConditionCheck | undefined {
  return checkConditions(app, CTX).find((check) => check.title === title);
}

function broken(change: (app: Application) => void): Application {
  const app = typicalApplication();
  change(app);
  return app;
}

describe('checkConditions', () => {
  it('checks the six conditions in the notice’s order', () => {
    expect(checkConditions(typicalApplication(), CTX).map((check) => check.title)).toEqual([
      '有劳模领衔', '有创新团队', '有攻关项目', '有创新成果', '有场地经费', '有制度台帐',
    ]);
  });

  it('finds all six met by the typical application', () => {
    expect(checkConditions(typicalApplication(), CTX).filter((check) => !check.met)).toEqual([]);
  });

  it('gives the leader’s model-worker honors as the reason', () => {
    expect(conditionOf(typicalApplication(), '有劳模领衔')?.reason).toBe('领衔人熊建华获江西省劳动模范（2015年）、南昌市五一劳动奖章（2012年）');
  });

  it('describes the team’s size and structure', () => {
    expect(conditionOf(typicalApplication(), '有创新团队')?.reason).toBe(
      '团队共9人（含领衔人）。学历：研究生2人、大学本科3人、大学专科3人、中专或高中1人；职称或技能等级：副高级1人、中级3人、初级1人、高级技师2人、技师1人、高级工1人；年龄：35岁及以下5人、36–50岁4人',
    );
  });

  it('counts the projects of each recent year', () => {
    expect(conditionOf(typicalApplication(), '有攻关项目')?.reason).toBe('在进行的攻关项目：2018年1项、2019年1项、2020年2项');
  });

  it('names the innovation recognized in the notice year', () => {
    expect(conditionOf(typicalApplication(), '有创新成果')?.reason).toBe('技术创新共5项，其中2021年认定1项：数控车床刀具寿命管理系统（软件著作权）');
  });

  it('gives the venue and the funding', () => {
    expect(conditionOf(typicalApplication(), '有场地经费')?.reason).toBe(
      '工作室面积260平方米，地址：南昌经济技术开发区枫林西大街1288号3号厂房二楼；经费来源2个，共50.5万元，近三年经费投入46.65万元',
    );
  });

  it('notes that the systems are described, counting characters as the reader sees them', () => {
    const app = broken((a) => (a.materials.activities.systems = ' 𠮷氏工作室制定了8项制度。\n'));
    expect(conditionOf(app, '有制度台帐')?.reason).toBe('已填写申报材料「1.制度建设」，共13字');
  });

  it('says so when the leader has no model-worker honor', () => {
    const app = broken((a) => (a.leader.honors = [{ title: '洪城工匠', level: '市级', year: '2018', grantor: '南昌市总工会' }]));
    expect(conditionOf(app, '有劳模领衔')).toMatchObject({ met: false, reason: '尚未填写领衔人的劳模或五一劳动奖章荣誉' });
  });

  it('says so when the team has fewer than 3 members besides the leader', () => {
    const app = broken((a) => a.team.members.splice(2));
    expect(conditionOf(app, '有创新团队')).toMatchObject({ met: false, reason: '除领衔人外有2名团队成员，至少需要3名' });
  });

  it('names the recent year without a project', () => {
    const app = broken((a) => a.projects.splice(1, 1));
    expect(conditionOf(app, '有攻关项目')).toMatchObject({
      met: false,
      reason: '在进行的攻关项目：2018年1项、2019年0项、2020年1项，2019年没有攻关项目',
    });
  });

  it('says so when nothing was recognized in the notice year', () => {
    const app = broken((a) => (a.performance.innovations = a.performance.innovations.slice(0, 4)));
    expect(conditionOf(app, '有创新成果')).toMatchObject({ met: false, reason: '技术创新共4项，尚未填写2021年得到认可或认定的创新成果' });
  });

  it('lists what is missing of the venue and the funding', () => {
    const app = broken((a) => {
      delete a.studio.area;
      a.studio.address = ' ';
      a.funding.sources = [];
      a.performance.investment = { y1: 0, y2: 0, y3: 0 };
    });
    expect(conditionOf(app, '有场地经费')).toMatchObject({
      met: false,
      reason: '尚未填写工作室面积（平方米）、工作室地址、经费主要来源或经费投入（万元）*',
    });
  });

  it('says so when the systems are not described', () => {
    const app = broken((a) => (a.materials.activities.systems = ''));
    expect(conditionOf(app, '有制度台帐')).toMatchObject({ met: false, reason: '尚未填写申报材料「1.制度建设」' });
  });
});
