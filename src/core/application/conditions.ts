// The notice's six 推荐申报条件 as a self-check, each with a reason drawn from the application's own data.
import { countList, fundingTotal, recentYearsTotal, teamStructure } from './derived';
import { teamSizeText } from './facts';
import { isModelWorkerHonor } from './honors';
import { projectsPerRecentYear } from './projects';
import { labelOf, schemaNodeAt } from './schema';
import { isFilled } from './text';
import type { Application, NoticeContext } from './types';

export type ConditionId = 'model-worker-leader' | 'innovation-team' | 'key-projects' | 'innovation-results' | 'venue-funding' | 'systems-records';
export type ConditionTitle = '有劳模领衔' | '有创新团队' | '有攻关项目' | '有创新成果' | '有场地经费' | '有制度台帐';

export interface ConditionCheck {
  id: ConditionId;
  title: ConditionTitle;
  met: boolean;
  reason: string;
}

/** Members besides the leader that 申报条件2 asks for, as the schema says. */
const MIN_MEMBERS = schemaNodeAt('team.members')?.minItems ?? 0;

function modelWorkerLeader({ leader }: Application): ConditionCheck {
  const honors = leader.honors.filter(isModelWorkerHonor);
  const base = { id: 'model-worker-leader', title: '有劳模领衔' } as const;
  if (honors.length === 0) return { ...base, met: false, reason: '尚未填写领衔人的劳模或五一劳动奖章荣誉' };
  const list = honors.map((honor) => `${honor.title ?? ''}${honor.year === undefined ? '' : `（${honor.year}年）`}`).join('、');
  return { ...base, met: true, reason: `领衔人${leader.name?.trim() ?? ''}获${list}` };
}

function innovationTeam(app: Application, ctx: NoticeContext): ConditionCheck {
  const base = { id: 'innovation-team', title: '有创新团队' } as const;
  const members = app.team.members.length;
  if (members < MIN_MEMBERS) {
    return { ...base, met: false, reason: `除领衔人外有${members}名团队成员，至少需要${MIN_MEMBERS}名` };
  }
  const { size, byEducation, byTitle, byAge } = teamStructure(app, ctx);
  return {
    ...base,
    met: true,
    reason: `团队共${teamSizeText(size)}。学历：${countList(byEducation)}；职称或技能等级：${countList(byTitle)}；年龄：${countList(byAge)}`,
  };
}

function keyProjects({ projects }: Application, ctx: NoticeContext): ConditionCheck {
  const perYear = projectsPerRecentYear(projects, ctx);
  const missing = perYear.filter(({ count }) => count === 0).map(({ year }) => `${year}年`);
  const counts = `在进行的攻关项目：${perYear.map(({ year, count }) => `${year}年${count}项`).join('、')}`;
  return {
    id: 'key-projects',
    title: '有攻关项目',
    met: missing.length === 0,
    reason: missing.length === 0 ? counts : `${counts}，${missing.join('、')}没有攻关项目`,
  };
}

function innovationResults({ performance }: Application, ctx: NoticeContext): ConditionCheck {
  const year = String(ctx.noticeYear);
  const total = performance.innovations.length;
  const thisYear = performance.innovations.filter((innovation) => innovation.year === year);
  const base = { id: 'innovation-results', title: '有创新成果' } as const;
  if (thisYear.length === 0) {
    return { ...base, met: false, reason: `技术创新共${total}项，尚未填写${year}年得到认可或认定的创新成果` };
  }
  const names = thisYear.map((innovation) => `${innovation.name ?? ''}（${innovation.kind ?? '未填类别'}）`).join('、');
  return { ...base, met: true, reason: `技术创新共${total}项，其中${year}年认定${thisYear.length}项：${names}` };
}

function venueFunding({ studio, funding, performance }: Application): ConditionCheck {
  const funded = fundingTotal(funding.sources);
  const invested = recentYearsTotal(performance.investment);
  const missing = [
    studio.area !== undefined && studio.area > 0 ? undefined : labelOf('studio.area'),
    isFilled(studio.address) ? undefined : labelOf('studio.address'),
    funded > 0 || invested > 0 ? undefined : `${labelOf('funding.sources')}或${labelOf('performance.investment')}`,
  ].filter((label) => label !== undefined);
  const base = { id: 'venue-funding', title: '有场地经费' } as const;
  if (missing.length > 0) return { ...base, met: false, reason: `尚未填写${missing.join('、')}` };
  return {
    ...base,
    met: true,
    reason: `工作室面积${studio.area}平方米，地址：${studio.address?.trim()}；经费来源${funding.sources.length}个，共${funded}万元，近三年经费投入${invested}万元`,
  };
}

function systemsRecords({ materials }: Application): ConditionCheck {
  const systems = materials.activities.systems;
  const label = labelOf('materials.activities.systems');
  const base = { id: 'systems-records', title: '有制度台帐' } as const;
  return isFilled(systems)
    ? { ...base, met: true, reason: `已填写申报材料「${label}」，共${[...systems.trim()].length}字` }
    : { ...base, met: false, reason: `尚未填写申报材料「${label}」` };
}

/** The six conditions in the notice's order. */
export function checkConditions(app: Application, ctx: NoticeContext): ConditionCheck[] {
  return [
    modelWorkerLeader(app),
    innovationTeam(app, ctx),
    keyProjects(app, ctx),
    innovationResults(app, ctx),
    venueFunding(app),
    systemsRecords(app),
  ];
}
