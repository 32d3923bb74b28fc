// Where each part of the bound volume starts: parts follow one another in the notice's order, a top-level part
// starts on an odd page (a blank page before it where needed) so that the book prints double-sided correctly,
// a sub-part (one group of 证明材料) simply starts on the next page. Pure: pages are counted, not made.

export interface PartPlanInput {
  title: string;
  /** 1: a part of the book (starts on an odd page); 2: a group within the part before it. */
  level: 1 | 2;
  pages: number;
}

export interface PlannedPart extends PartPlanInput {
  /** 1-based page of the volume where the part starts. */
  start: number;
  /** Blank pages inserted before it. */
  blanksBefore: number;
}

export interface VolumePlan {
  parts: PlannedPart[];
  /** Pages in the volume, the last part's pages included (no blank is added after it). */
  total: number;
}

export function planParts(parts: readonly PartPlanInput[]): VolumePlan {
  let next = 1;
  const planned = parts.map((part) => {
    const blanksBefore = part.level === 1 && next % 2 === 0 ? 1 : 0;
    const start = next + blanksBefore;
    next = start + part.pages;
    return { ...part, start, blanksBefore };
  });
  return { parts: planned, total: next - 1 };
}
