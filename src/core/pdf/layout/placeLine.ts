// Turns a broken line into a positioned text item, aligned in a box.

import { countChars, type Line } from './breakLines';
import type { TextItem } from './geometry';
import type { Align, FontStyle, Rgb } from './types';

export interface LineFont {
  size: number;
  style: FontStyle;
  color?: Rgb | undefined;
}

/**
 * The text item of `line` set in the box [left, left + width] on `baseline`. 'justify' keeps the line's charSpace
 * (full lines end flush right); the other alignments drop positive charSpace and keep a negative one (a squeezed
 * line must stay compressed to fit). Blank lines give no item.
 */
export function placeLine(line: Line, left: number, width: number, baseline: number, align: Align, font: LineFont): TextItem | undefined {
  if (line.text === '') return undefined;
  const charSpace = align === 'justify' ? line.charSpace : Math.min(0, line.charSpace);
  const drawn = line.width + charSpace * Math.max(0, countChars(line.text) - 1);
  const room = width - line.indent;
  let x = left + line.indent;
  if (align === 'center') x += (room - drawn) / 2;
  else if (align === 'right') x += room - drawn;
  const item: TextItem = { kind: 'text', x, y: baseline, text: line.text, size: font.size, style: font.style, charSpace };
  if (font.color !== undefined) item.color = font.color;
  return item;
}
