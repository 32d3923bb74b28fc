// Values computed from the application and printed, never typed in twice: the team's size and structure,
// the totals over the recent years.
import { isDate, isMonth } from './patterns';
import { classifyTitle, TITLE_LEVELS, type TitleLevel } from './titleLevel';
import { EDUCATION_LEVELS, type Application, type Education, type FundingSource, type NoticeContext, type YearAmounts } from './types';
import { YEAR_KEYS } from './years';

export const AGE_BANDS = ['35岁及以下', '36–50岁', '51岁及以上', '未填'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type EducationBucket = Education | '未填';

export interface TeamStructure {
  /** Members plus the leader. */
  size: number;
  byEducation: Record<EducationBucket, number>;
  byTitle: Record<TitleLevel, number>;
  /** Ages at the notice's date. */
  byAge: Record<AgeBand, number>;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Full years of age on `date` (YYYY-MM-DD) for someone born in `birthMonth` (YYYY-MM), or undefined. */
export function ageAt(birthMonth: string | undefined, date: string): number | undefined {
  if (!isMonth(birthMonth) || !isDate(date)) return undefined;
  const [birthYear, birthMon] = birthMonth.split('-').map(Number) as [number, number];
  const [year, month] = date.split('-').map(Number) as [number, number];
  // Only the month of birth is known: count the birthday as passed once its month has begun.
  return year - birthYear - (month < birthMon ? 1 : 0);
}

function ageBand(age: number | undefined): AgeBand {
  if (age === undefined) return '未填';
  if (age <= 35) return '35岁及以下';
  return age <= 50 ? '36–50岁' : '51岁及以上';
}

export function teamStructure(app: Application, ctx: NoticeContext): TeamStructure {
  const people = [app.leader, ...app.team.members];
  const structure: TeamStructure = {
    size: people.length,
    byEducation: zeroCounts<EducationBucket>([...EDUCATION_LEVELS, '未填']),
    byTitle: zeroCounts(TITLE_LEVELS),
    byAge: zeroCounts(AGE_BANDS),
  };
  for (const person of people) {
    structure.byEducation[person.education ?? '未填'] += 1;
    structure.byTitle[classifyTitle(person.title)] += 1;
    structure.byAge[ageBand(ageAt(person.birthMonth, ctx.noticeDate))] += 1;
  }
  return structure;
}

/** "研究生2人、大学本科3人": the non-empty buckets of a structure, leaving out those named in `omit`. */
export function countList(counts: Readonly<Record<string, number>>, omit: readonly string[] = []): string {
  return Object.entries(counts)
    .filter(([bucket, count]) => count > 0 && !omit.includes(bucket))
    .map(([bucket, count]) => `${bucket}${count}人`)
    .join('、');
}

// Amounts are in 万元 with two decimals: add them in hundredths so 12.6 + 15.3 + 18.75 is 46.65 exactly.
function sumAmounts(amounts: readonly (number | undefined)[]): number {
  const hundredths = amounts.reduce<number>((sum, amount) => sum + Math.round((amount ?? 0) * 100), 0);
  return hundredths / 100;
}

/** Sum of y1..y3 (经费投入 or 经济效益), missing years counted as 0. */
export function recentYearsTotal(amounts: YearAmounts): number {
  return sumAmounts(YEAR_KEYS.map((key) => amounts[key]));
}

export function fundingTotal(sources: readonly FundingSource[]): number {
  return sumAmounts(sources.map((source) => source.amount));
}
