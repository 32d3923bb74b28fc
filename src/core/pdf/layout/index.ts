// The typesetting engine: pure layout from blocks to page data. No DOM, no jsPDF, no fonts: the text measurer is
// injected, so it runs in Node, in a Web Worker and in tests with a fixed-width fake.

export type * from './types';
export { LINE_START_FORBIDDEN, LINE_END_FORBIDDEN, isForbiddenStart, isForbiddenEnd } from './kinsoku';
export { segment } from './segment';
export { breakLines, countChars, drawnWidth, type Line } from './breakLines';
export { ASCENT, DESCENT, type TextItem } from './geometry';
export { flow } from './flow';
export { LABEL_FILL } from './table';
export { addPageNumbers } from './pageNumbers';
export { fixedWidthMeasurer } from './fixedWidth';
