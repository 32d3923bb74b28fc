// "近三年" is the three full years before the notice's year (2018–2020 for 2021), from configuration.
import type { NoticeContext, YearAmounts } from './types';

export const YEAR_KEYS = ['y1', 'y2', 'y3'] as const satisfies readonly (keyof YearAmounts)[];
export type YearKey = (typeof YEAR_KEYS)[number];

export function recentYears(ctx: NoticeContext): [number, number, number] {
  const y = ctx.noticeYear;
  return [y - 3, y - 2, y - 1];
}

/** The real year behind each of y1..y3, as the form and the PDF show it ("2018年"). */
export function yearFieldTitles(ctx: NoticeContext): Record<YearKey, string> {
  const [y1, y2, y3] = recentYears(ctx);
  return { y1: `${y1}年`, y2: `${y2}年`, y3: `${y3}年` };
}
