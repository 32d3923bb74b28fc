// Where text sits in the space given to a line. The engine places the ideographic em box of a line (the square
// every CJK glyph is drawn in) centred in its line pitch. In CJK fonts (Noto/Source Han, SimFang) that box runs
// from 0.88 em above the baseline to 0.12 em below it, so the baseline is 0.88 em below the top of the box.

import type { PageItem } from './types';

/** Height of the ideographic em box above the baseline, in ems. */
export const ASCENT = 0.88;
/** Depth of the ideographic em box below the baseline, in ems. */
export const DESCENT = 0.12;
/** Differences below this many points are rounding noise. */
export const EPS = 1e-6;

/** The baseline of a line whose slot (of height lineHeight) starts at `top`. */
export function baselineIn(top: number, lineHeight: number, size: number): number {
  return top + (lineHeight - size) / 2 + ASCENT * size;
}

export type TextItem = Extract<PageItem, { kind: 'text' }>;
