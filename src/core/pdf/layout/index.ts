// The typesetting engine: pure layout from blocks to page data. No DOM, no jsPDF, no fonts: the text measurer is
// injected, so it runs in Node, in a Web Worker and in tests with a fixed-width fake.

export type * from './types';
export { LINE_START_FORBIDDEN, LINE_END_FORBIDDEN, INSEPARABLE, isForbiddenStart, isForbiddenEnd } from './kinsoku';
export { segment, splitChars, isWordChar, type Unit, type UnitKind } from './segment';
export {
  breakLines,
  layoutLines,
  countChars,
  drawnWidth,
  DEFAULT_SQUEEZE,
  SQUEEZE_PER_GAP,
  DEFAULT_MAX_STRETCH,
  type Line,
  type LaidLine,
  type BreakLinesOptions,
} from './breakLines';
export { ASCENT, DESCENT, baselineIn, type TextItem } from './geometry';
export { placeLine, type LineFont } from './placeLine';
export { flow, DEFAULT_CONTINUED_MARK, type FlowOptions } from './flow';
export { INNER_BORDER, OUTER_BORDER, LABEL_FILL } from './table';
export { addPageNumbers, type PageNumberOptions, type PageNumberPlace } from './pageNumbers';
export { fixedWidthMeasurer } from './fixedWidth';
