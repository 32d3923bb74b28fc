// Which characters a document prints in each role other than the body, for fetching only the chunks of the
// heading faces it needs. The document is laid out once with a stand-in measurer (fixed widths):
// lines break elsewhere than with the real fonts, but each text keeps its role.
import type { DocumentText } from '../fonts/coverage';
import { fontRole, isBundledRole, type BundledRole } from '../fonts/roles';
import { fixedWidthMeasurer } from '../layout/fixedWidth';
import type { PageData, TextMeasurer } from '../layout/types';

/** Any widths do: the planning layout only collects which characters print in which role. */
export const PLANNING_MEASURER: TextMeasurer = fixedWidthMeasurer();

const LABELS: Readonly<Record<BundledRole, string>> = { hei: '黑体文字', kai: '楷体文字', title: '标题文字' };

/** The text items of the pages printed in a bundled role ('hei', 'kai', 'title'), one text per role. */
export function roleTexts(pages: readonly PageData[]): DocumentText[] {
  const byRole = new Map<BundledRole, Set<string>>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      const role = fontRole(item.style, item.size);
      if (!isBundledRole(role)) continue;
      const chars = byRole.get(role) ?? new Set<string>();
      byRole.set(role, chars);
      for (const char of item.text) chars.add(char);
    }
  }
  return [...byRole].map(([role, chars]) => ({ path: '', label: LABELS[role], text: [...chars].join(''), role }));
}
