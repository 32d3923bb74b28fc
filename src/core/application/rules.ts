// The contract's rules that JSON Schema does not express (conditional, cross-field, calendar, years),
// one named function each. Every rule leaves a value alone when the schema already rejects it (empty,
// malformed), so a field never gets two messages for one problem.
import { formatChineseDate, formatChineseMonth } from '../chinese-date';
import { isModelWorkerHonor } from './honors';
import { isDate, isMonth, isYear } from './patterns';
import { projectsPerRecentYear } from './projects';
import { labelOf } from './schema';
import { isFilled } from './text';
import type { Application, Issue, NoticeContext } from './types';
import { recentYears } from './years';

export type Rule = (app: Application, ctx: NoticeContext) => Issue[];

function issue(rule: string, path: string, message: string, severity: Issue['severity'] = 'error'): Issue {
  return { path, label: labelOf(path), message, severity, rule };
}

const STUDIO_SUFFIX = '劳模创新工作室';

/** 填表说明1: the name is the full name of the studio named after the applicant, "xxx劳模创新工作室". */
export const studioNameSuffix: Rule = ({ cover }) =>
  isFilled(cover.studioName) && !cover.studioName.trim().endsWith(STUDIO_SUFFIX)
    ? [issue('studioNameSuffix', 'cover.studioName', `「${labelOf('cover.studioName')}」应完整填写以拟申报者本人命名的创新工作室名称，以“${STUDIO_SUFFIX}”结尾，如：xxx${STUDIO_SUFFIX}（填表说明1）。`)]
    : [];

/** 填表说明1 again: the studio carries the leader's own name; a warning, since studios are sometimes named otherwise. */
export const studioNameHasLeader: Rule = ({ cover, leader }) =>
  isFilled(cover.studioName) && isFilled(leader.name) && !cover.studioName.includes(leader.name.trim())
    ? [issue('studioNameHasLeader', 'cover.studioName', `「${labelOf('cover.studioName')}」应以拟申报者本人命名（填表说明1），名称中没有领衔人姓名“${leader.name.trim()}”。`, 'warning')]
    : [];

export const recommenderOther: Rule = ({ cover }) =>
  cover.recommender === '其他' && !isFilled(cover.recommenderOther)
    ? [issue('recommenderOther', 'cover.recommenderOther', `推荐单位选择了“其他”，请填写「${labelOf('cover.recommenderOther')}」。`)]
    : [];

function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** The pattern accepts 2021-02-30; the calendar does not. */
export const fillDateIsReal: Rule = ({ cover }) =>
  isDate(cover.fillDate) && !isCalendarDate(cover.fillDate)
    ? [issue('fillDateIsReal', 'cover.fillDate', `「${labelOf('cover.fillDate')}」不是日历上存在的日期，请重新选择。`)]
    : [];

/** 填表说明2: the studio started working as a team (or was named) before the form was filled. */
export const foundedNotAfterFill: Rule = ({ cover, studio }) =>
  isMonth(studio.foundedDate) && isDate(cover.fillDate) && studio.foundedDate > cover.fillDate.slice(0, 7)
    ? [issue('foundedNotAfterFill', 'studio.foundedDate', `「${labelOf('studio.foundedDate')}」不能晚于填报日期（${formatChineseDate(cover.fillDate)}）。`)]
    : [];

/** The People's Republic's founding year: no studio, and no 劳模创新工作室, was created before it. */
const FIRST_FOUNDED_YEAR = 1949;

export const foundedPlausible: Rule = ({ cover, studio }) =>
  isMonth(studio.foundedDate) && Number(studio.foundedDate.slice(0, 4)) < FIRST_FOUNDED_YEAR
    ? [issue('foundedPlausible', 'studio.foundedDate', `「${labelOf('studio.foundedDate')}」应在${FIRST_FOUNDED_YEAR}年1月至${isDate(cover.fillDate) ? `填报日期（${formatChineseDate(cover.fillDate)}）` : '填报日期'}之间，请检查年份。`)]
    : [];

/** Ages a leader or team member can plausibly have at the notice's date. */
export const AGE_RANGE = { min: 16, max: 80 } as const;

/** Months since year 0, for comparing YYYY-MM values. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The birth months giving an age of AGE_RANGE at the notice's date (age counted in whole years). */
export function birthMonthRange(ctx: NoticeContext): { earliest: string; latest: string } {
  const notice = monthIndex(ctx.noticeDate.slice(0, 7));
  return { earliest: monthOf(notice - (AGE_RANGE.max + 1) * 12 + 1), latest: monthOf(notice - AGE_RANGE.min * 12) };
}

export const birthMonthPlausible: Rule = ({ leader, team }, ctx) => {
  const { earliest, latest } = birthMonthRange(ctx);
  const paths = ['leader.birthMonth', ...team.members.map((_, i) => `team.members.${i}.birthMonth`)];
  const values = [leader.birthMonth, ...team.members.map((m) => m.birthMonth)];
  return paths.flatMap((path, i) => {
    const value = values[i];
    return isMonth(value) && (value < earliest || value > latest)
      ? [issue('birthMonthPlausible', path, `「${labelOf(path)}」应在${formatChineseMonth(earliest)}至${formatChineseMonth(latest)}之间（按通知日期计算，年龄在${AGE_RANGE.min}至${AGE_RANGE.max}岁之间），请检查年份。`)]
      : [];
  });
};

/** 荣誉称号 其他: the honour's own name is what the PDF prints, so it is needed. */
export const honorTitleOther: Rule = ({ leader }) =>
  leader.honors.flatMap((honor, i) => {
    const path = `leader.honors.${i}.titleOther`;
    return honor.title === '其他' && !isFilled(honor.titleOther)
      ? [issue('honorTitleOther', path, `第${i + 1}项荣誉的称号选择了“其他”，请填写「${labelOf(path)}」，如：全国技术能手、三八红旗手。`)]
      : [];
  });

/** 申报条件1: 有劳模领衔. */
export const leaderModelWorkerHonor: Rule = ({ leader }) =>
  leader.honors.some(isModelWorkerHonor)
    ? []
    : [issue('leaderModelWorkerHonor', 'leader.honors', `申报条件1要求领衔人获得过各级“劳动模范”或“五一劳动奖章”称号，请在「${labelOf('leader.honors')}」中至少填写一项劳动模范、先进工作者或五一劳动奖章。`)];

/** 填表说明3: with two or more funders, each one's amount is stated. */
export const fundingAmountEach: Rule = ({ funding }) =>
  funding.sources.length < 2
    ? []
    : funding.sources.flatMap((source, i) => {
        const path = `funding.sources.${i}.amount`;
        return source.amount === undefined
          ? [issue('fundingAmountEach', path, `投入单位有两个以上时需分别注明投入经费额（填表说明3），请填写「${labelOf(path)}」。`)]
          : [];
      });

function hasAtMostTwoDecimals(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}

export const fundingAmountDecimals: Rule = ({ funding }) =>
  funding.sources.flatMap((source, i) => {
    const path = `funding.sources.${i}.amount`;
    return source.amount !== undefined && !hasAtMostTwoDecimals(source.amount)
      ? [issue('fundingAmountDecimals', path, `「${labelOf(path)}」以万元为单位，最多保留两位小数。`)]
      : [];
  });

/** 填表说明7: a studio that was named says by whom and when. */
export const namingItemsWhenNamed: Rule = ({ naming }) =>
  naming.hasNaming && naming.items.length === 0
    ? [issue('namingItemsWhenNamed', 'naming.items', `已选择曾被命名，请填写「${labelOf('naming.items')}」（填表说明7）。`)]
    : [];

/** 填表说明4 and 申报条件4: innovations of the recent years or of the notice's year. */
export const innovationYearInRange: Rule = ({ performance }, ctx) => {
  const [first] = recentYears(ctx);
  return performance.innovations.flatMap((innovation, i) => {
    const path = `performance.innovations.${i}.year`;
    const year = isYear(innovation.year) ? Number(innovation.year) : undefined;
    return year !== undefined && (year < first || year > ctx.noticeYear)
      ? [issue('innovationYearInRange', path, `「${labelOf(path)}」应为近三年或本年度，即${first}年至${ctx.noticeYear}年之间（填表说明4）。`)]
      : [];
  });
};

/** 申报条件4: 在本年度内至少有1项创新成果得到有关方面的认可或认定. */
export const innovationInNoticeYear: Rule = ({ performance }, ctx) =>
  performance.innovations.some((innovation) => innovation.year === String(ctx.noticeYear))
    ? []
    : [issue('innovationInNoticeYear', 'performance.innovations', `申报条件4要求本年度内至少有1项创新成果得到有关方面的认可或认定，「${labelOf('performance.innovations')}」中还没有${ctx.noticeYear}年认定的成果。`, 'warning')];

/** 申报条件3: 每年至少开展1项创新课题或攻关项目. */
export const projectEachRecentYear: Rule = ({ projects }, ctx) => {
  const missing = projectsPerRecentYear(projects, ctx).filter(({ count }) => count === 0);
  return missing.length === 0
    ? []
    : [issue('projectEachRecentYear', 'projects', `申报条件3要求每年至少开展1项创新课题或攻关项目，「${labelOf('projects')}」中${missing.map(({ year }) => `${year}年`).join('、')}没有在进行的项目。`, 'warning')];
};

export const projectEndNotBeforeStart: Rule = ({ projects }) =>
  projects.flatMap((project, i) => {
    const path = `projects.${i}.end`;
    return isMonth(project.start) && isMonth(project.end) && project.end < project.start
      ? [issue('projectEndNotBeforeStart', path, `「${labelOf(path)}」不能早于开始时间（${formatChineseMonth(project.start)}）。`)]
      : [];
  });

export const RULES: readonly Rule[] = [
  studioNameSuffix,
  studioNameHasLeader,
  recommenderOther,
  fillDateIsReal,
  foundedNotAfterFill,
  foundedPlausible,
  birthMonthPlausible,
  leaderModelWorkerHonor,
  honorTitleOther,
  fundingAmountEach,
  fundingAmountDecimals,
  namingItemsWhenNamed,
  innovationYearInRange,
  innovationInNoticeYear,
  projectEachRecentYear,
  projectEndNotBeforeStart,
];

export function checkRules(app: Application, ctx: NoticeContext): Issue[] {
  return RULES.flatMap((rule) => rule(app, ctx));
}
