import { describe, expect, it } from 'vitest';
import type { Application, Issue } from '../../src/core/application/types';
import { validateApplication } from '../../src/core/application/validate';
import { CTX, schemaValidator, typicalApplication } from './fixture';

const schemaValidate = schemaValidator();

function issuesOf(change: (app: Application) => void): Issue[] {
  const app = typicalApplication();
  change(app);
  return validateApplication(app, CTX, schemaValidate);
}

function messagesAt(issues: readonly Issue[], path: string): string[] {
  return issues.filter((issue) => issue.path === path).map((issue) => issue.message);
}

describe('validateApplication', () => {
  it('finds no error and no warning in the typical application', () => {
    expect(validateApplication(typicalApplication(), CTX, schemaValidate)).toEqual([]);
  });

  it('asks for fewer than 3 members besides the leader with 申报条件2', () => {
    const issues = issuesOf((a) => a.team.members.splice(2));
    expect(issues).toContainEqual({
      path: 'team.members',
      label: '团队成员',
      message: '「团队成员」除领衔人外至少填写3人（申报条件2：有创新团队）。',
      severity: 'error',
      rule: 'schema:minItems',
    });
  });

  it('asks for at least one funder', () => {
    const issues = issuesOf((a) => (a.funding.sources = []));
    expect(messagesAt(issues, 'funding.sources')).toEqual(['「经费主要来源」至少填写1个投入单位。']);
  });

  it('refuses an amount of 0 万元', () => {
    const issues = issuesOf((a) => (a.funding.sources[0] = { funder: '江铃', amount: 0 }));
    expect(messagesAt(issues, 'funding.sources.0.amount')).toEqual(['「经费主要来源第1行的投入经费（万元）」应大于0。']);
  });

  it('refuses a negative investment', () => {
    const issues = issuesOf((a) => (a.performance.investment.y2 = -1));
    expect(messagesAt(issues, 'performance.investment.y2')).toEqual(['「经费投入（万元）*的2019年」不能小于0。']);
  });

  it('refuses a negative economic benefit', () => {
    const issues = issuesOf((a) => (a.performance.economicBenefit.y3 = -5));
    expect(messagesAt(issues, 'performance.economicBenefit.y3')).toEqual(['「经济效益（万元）*的2020年」不能小于0。']);
  });

  it('asks for the summary and the achievements, an empty text counting as missing', () => {
    const issues = issuesOf((a) => {
      a.summary = '';
      delete a.achievements;
    });
    expect(issues.map((issue) => issue.message)).toEqual(['请填写「工作室简介」。', '请填写「主要创新成果」。']);
  });

  it('asks for every item of the 申报材料 by its outline heading', () => {
    const issues = issuesOf((a) => {
      a.materials.basics.overview = '';
      delete a.materials.results.honors;
    });
    expect(issues.map((issue) => issue.message)).toEqual(['请填写「1.工作室概况」。', '请填写「4.荣誉奖励」。']);
  });

  it('gives a wrong industry one message, not one per letter', () => {
    const issues = issuesOf((a) => Object.assign(a.cover, { industry: 'Z' }));
    expect(issues).toEqual([
      { path: 'cover.industry', label: '所属行业', message: '「所属行业」请从列表中选择。', severity: 'error', rule: 'schema:enum' },
    ]);
  });

  it('gives a malformed fill date only the format message', () => {
    const issues = issuesOf((a) => (a.cover.fillDate = '2021-7-12'));
    expect(issues.map((issue) => issue.message)).toEqual(['「填报日期」请按“年-月-日”选择，如 2021年7月5日。']);
  });

  it('lists schema errors and rule issues together in the order of the form', () => {
    const issues = issuesOf((a) => {
      a.summary = '';
      a.projects.splice(0, 1);
      a.cover.studioName = '熊建华创新工作室';
      delete a.leader.birthMonth;
    });
    expect(issues.map((issue) => [issue.path, issue.rule])).toEqual([
      ['cover.studioName', 'studioNameSuffix'],
      ['leader.birthMonth', 'schema:required'],
      ['projects', 'projectEachRecentYear'],
      ['summary', 'schema:required'],
    ]);
  });

  it('keeps a warning on a field that also has an error', () => {
    const issues = issuesOf((a) => (a.cover.studioName = '创新工作室'));
    expect(issues.map((issue) => issue.rule)).toEqual(['studioNameSuffix', 'studioNameHasLeader']);
  });
});
