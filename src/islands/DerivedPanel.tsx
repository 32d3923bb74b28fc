import { formatChineseDate } from '../core/chinese-date';
import { countList, fundingTotal, recentYearsTotal, teamStructure } from '../core/application/derived';
import { projectsPerRecentYear } from '../core/application/projects';
import { DERIVED_LABELS } from '../core/application/facts';
import type { Application, NoticeContext } from '../core/application/types';
import { recentYears } from '../core/application/years';

function money(n: number): string {
  return `${n}万元`;
}

/** Values computed from what was typed, shown where they belong and never typed in twice. */
export function DerivedPanel({ sectionId, app, ctx }: { sectionId: string; app: Application; ctx: NoticeContext }) {
  const years = recentYears(ctx).map((y) => `${y}年`).join('、');
  if (sectionId === 'team') {
    const t = teamStructure(app, ctx);
    return (
      <section className="derived" aria-labelledby="derived-team">
        <h3 id="derived-team">团队结构（自动统计，含领衔人）</h3>
        <dl>
          <dt>{DERIVED_LABELS.teamSize}</dt><dd>{t.size}人</dd>
          <dt>{DERIVED_LABELS.education}</dt><dd>{countList(t.byEducation) || '—'}</dd>
          <dt>{DERIVED_LABELS.titles}</dt><dd>{countList(t.byTitle) || '—'}</dd>
          <dt>{DERIVED_LABELS.ages}</dt><dd>{countList(t.byAge) || '—'}（按通知成文日期{formatChineseDate(ctx.noticeDate)}计算）</dd>
        </dl>
      </section>
    );
  }
  if (sectionId === 'funding-naming') {
    return (
      <section className="derived" aria-labelledby="derived-funding">
        <h3 id="derived-funding">经费合计（自动计算）</h3>
        <dl><dt>{DERIVED_LABELS.fundingTotal}</dt><dd>{money(fundingTotal(app.funding.sources))}</dd></dl>
      </section>
    );
  }
  if (sectionId === 'performance') {
    return (
      <section className="derived" aria-labelledby="derived-performance">
        <h3 id="derived-performance">近三年：{years}</h3>
        <dl>
          <dt>{DERIVED_LABELS.investmentTotal}</dt><dd>{money(recentYearsTotal(app.performance.investment))}</dd>
          <dt>{DERIVED_LABELS.benefitTotal}</dt><dd>{money(recentYearsTotal(app.performance.economicBenefit))}</dd>
        </dl>
      </section>
    );
  }
  if (sectionId === 'projects') {
    return (
      <section className="derived" aria-labelledby="derived-projects">
        <h3 id="derived-projects">每年开展的攻关项目（自动统计）</h3>
        <dl>
          {projectsPerRecentYear(app.projects, ctx).map(({ year, count }) => (
            <div key={year} className="derived-row">
              <dt>{year}年</dt><dd>{count}项</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }
  return null;
}
