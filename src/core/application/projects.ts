// 申报条件3: at least one project a year. A project runs in year Y when it started by December of Y
// and has not ended (empty end) or ended in Y or later.
import { isMonth } from './patterns';
import type { NoticeContext, Project } from './types';
import { recentYears } from './years';

export function projectRunsIn(project: Project, year: number): boolean {
  if (!isMonth(project.start)) return false;
  const end = project.end ?? '';
  if (end !== '' && !isMonth(end)) return false;
  // YYYY-MM strings compare in calendar order.
  return project.start <= `${year}-12` && (end === '' || end >= `${year}-01`);
}

/** How many projects run in each recent year, earliest year first. */
export function projectsPerRecentYear(projects: readonly Project[], ctx: NoticeContext): { year: number; count: number }[] {
  return recentYears(ctx).map((year) => ({ year, count: projects.filter((project) => projectRunsIn(project, year)).length }));
}
