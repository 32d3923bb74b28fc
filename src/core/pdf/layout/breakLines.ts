// Breaks text into lines of a given width, Chinese style: greedy filling by units (segment.ts), the 禁则 of
// kinsoku.ts resolved by squeezing or pushing, and every full line justified flush right.
//
// Choices:
// - Squeeze: when the next line would start with a forbidden mark, the mark (and any forbidden marks right after
//   it, as in 。” or ）。) is pulled up onto the line if the line then overflows by at most `squeeze` ems (0.5 by
//   default) and by at most SQUEEZE_PER_GAP (0.1 em) per gap between characters; the overflow is taken back by
//   a negative charSpace, so the last character still ends exactly at the right edge. Otherwise the line's last
//   unit(s) are pushed down to the next line until the break is allowed. Only when nothing can be pushed down (a
//   line of one or two characters in a narrow cell) is the per-gap limit waived; if even that fails the line breaks
//   where it is full: a rule is broken rather than the text overflowing.
// - charSpace is counted per code point: jsPDF adds its charSpace (the PDF Tc operator) after every character it
//   draws, the last one included, so a line of n characters gets charSpace = (maxWidth − indent − width) / (n − 1)
//   and its last character ends exactly at maxWidth (the trailing Tc falls outside the line and is harmless).
//   jsPDF draws one glyph per BMP code point; the renderer draws characters outside the BMP through a fallback
//   and must advance it by one charSpace too (`countChars` is the shared definition).
// - A full line is justified only if that adds at most `maxStretch` ems (1 by default) per gap; a line broken
//   early before a long unit (an e-mail address, a URL) is left ragged instead of being spaced out.

import { isForbiddenEnd, isForbiddenStart } from './kinsoku';
import { segment, splitChars, type Unit } from './segment';
import type { FontStyle, TextMeasurer } from './types';

export interface Line {
  text: string;
  /** The natural width of `text` in points (without indent and charSpace). */
  width: number;
  /** True for every full line, false for a paragraph's last line (ended by the end of text or a hard \n) and for a
   * line left ragged; also true for a squeezed line (negative charSpace). */
  justify: boolean;
  /** Extra space per character gap (points) so that the last character ends at maxWidth when justify, else 0. */
  charSpace: number;
  /** Offset of the line's first character from the left edge (points): the first-line indent or 0. */
  indent: number;
}

/** A line with where it came from: used by table cells to continue their text on the next page. */
export interface LaidLine extends Line {
  /** UTF-16 offsets of the line's text in the broken text (end exclusive); blank lines have start === end. */
  start: number;
  end: number;
  /** The last line of a paragraph (before a hard \n or the end of the text). */
  last: boolean;
}

export interface BreakLinesOptions {
  maxWidth: number;
  size: number;
  style: FontStyle;
  measurer: TextMeasurer;
  /** First-line indent of every paragraph (after each hard \n) in points. */
  indent?: number;
  /** Largest overflow, in ems, that a line may absorb to take a forbidden line-start mark (default 0.5). */
  squeeze?: number;
  /** Largest extra space per gap, in ems, up to which a full line is justified (default 1). */
  maxStretch?: number;
}

export const DEFAULT_SQUEEZE = 0.5;
export const SQUEEZE_PER_GAP = 0.1;
export const DEFAULT_MAX_STRETCH = 1;
const EPS = 1e-6;

/** The number of characters jsPDF spaces with charSpace: code points (see the module comment). */
export function countChars(text: string): number {
  return Array.from(text).length;
}

/** The width of a line as drawn with its charSpace: from its first character to the end of its last one. */
export function drawnWidth(line: Pick<Line, 'width' | 'charSpace' | 'text'>): number {
  return line.width + line.charSpace * Math.max(0, countChars(line.text) - 1);
}

interface Context {
  maxWidth: number;
  indent: number;
  size: number;
  squeeze: number;
  maxStretch: number;
  measure: (text: string) => number;
  measureLine: (text: string) => number;
}

interface Range {
  from: number;
  to: number;
  avail: number;
  indent: number;
}

function isSpace(unit: Unit | undefined): boolean {
  return unit?.kind === 'space';
}

function text(unit: Unit | undefined): string {
  return unit?.text ?? '';
}

/** Lays out one paragraph (no hard break inside); `offset` is its position in the whole text. */
function breakParagraph(paragraph: string, offset: number, ctx: Context): LaidLine[] {
  const units: Unit[] = segment(paragraph).flatMap((u) =>
    u.kind !== 'space' && ctx.measure(u.text) > ctx.maxWidth + EPS ? splitChars(u) : [u],
  );
  const width = (k: number): number => ctx.measure(text(units[k]));
  const sum = (from: number, to: number): number => {
    let w = 0;
    for (let k = from; k < to; k += 1) w += width(k);
    return w;
  };
  const chars = (from: number, to: number): number => {
    let n = 0;
    for (let k = from; k < to; k += 1) n += countChars(text(units[k]));
    return n;
  };
  /** One past the last non-space unit in [from, to). */
  const contentEnd = (from: number, to: number): number => {
    let e = to;
    while (e > from && isSpace(units[e - 1])) e -= 1;
    return e;
  };
  /** May a line that starts at `from` end before unit `k`? */
  const canBreakBefore = (from: number, k: number): boolean => {
    const a = contentEnd(from, k) - 1;
    if (a < from) return false;
    let b = k;
    while (b < units.length && isSpace(units[b])) b += 1;
    if (b >= units.length) return true;
    return !isForbiddenEnd(text(units[a])) && !isForbiddenStart(text(units[b]));
  };
  /** The end of the line if the forbidden marks at j are pulled up onto it within the squeeze limits, else -1. */
  const pullUp = (from: number, j: number, avail: number, perGap: boolean): number => {
    if (!isForbiddenStart(text(units[j])) || isSpace(units[j - 1])) return -1;
    let k = j;
    while (k < units.length && !isSpace(units[k]) && isForbiddenStart(text(units[k]))) k += 1;
    const over = sum(from, k) - avail;
    const gaps = chars(from, k) - 1;
    const fits = gaps > 0 && over <= ctx.squeeze * ctx.size + EPS && (!perGap || over / gaps <= SQUEEZE_PER_GAP * ctx.size + EPS);
    return fits && (k >= units.length || canBreakBefore(from, k)) ? k : -1;
  };
  /** Where the line [from, j) with unit j not fitting should really end. */
  const resolve = (from: number, j: number, avail: number): number => {
    if (canBreakBefore(from, j)) return j;
    const squeezed = pullUp(from, j, avail, true);
    if (squeezed > 0) return squeezed;
    for (let k = j - 1; k > from; k -= 1) if (canBreakBefore(from, k)) return k;
    // Nothing to push down (a line of one or two characters in a narrow cell): squeeze harder rather than break
    // the rule; and if even that is impossible, break where the line is full rather than overflow.
    const hard = pullUp(from, j, avail, false);
    return hard > 0 ? hard : j;
  };

  /** Characters in [from, to) other than punctuation: 况。 is one. */
  const letters = (from: number, to: number): number => {
    let n = 0;
    for (let k = from; k < to; k += 1) n += countChars(text(units[k]).replace(/\p{P}/gu, ''));
    return n;
  };
  /**
   * A paragraph never ends on a line of one character (工艺设计与数控编|程, 情|况。): the line before it breaks earlier
   * (at an allowed break, keeping at least two characters) so that the last line takes one more unit.
   */
  const avoidLoneLastCharacter = (ranges: Range[]): void => {
    const last = ranges[ranges.length - 1];
    const previous = ranges[ranges.length - 2];
    if (last === undefined || previous === undefined) return;
    const lastEnd = contentEnd(last.from, last.to);
    if (letters(last.from, lastEnd) !== 1) return;
    for (let k = contentEnd(previous.from, previous.to) - 1; k > previous.from; k -= 1) {
      if (isSpace(units[k]) || !canBreakBefore(previous.from, k)) continue;
      if (chars(previous.from, contentEnd(previous.from, k)) < 2) return;
      if (sum(k, lastEnd) > last.avail + EPS) return;
      previous.to = k;
      last.from = k;
      return;
    }
  };
  const ranges: Range[] = [];
  let i = 0;
  let first = true;
  while (i < units.length) {
    if (!first) while (i < units.length && isSpace(units[i])) i += 1;
    if (i >= units.length) break;
    const indent = first ? ctx.indent : 0;
    const avail = ctx.maxWidth - indent;
    let j = i;
    let w = 0;
    while (j < units.length && (isSpace(units[j]) || w + width(j) <= avail + EPS)) {
      w += width(j);
      j += 1;
    }
    if (j === i) {
      // Even the first unit is wider than the (indented) line: cut it into characters, or, for a single
      // character wider than the line, set it alone.
      const unit = units[i];
      if (unit !== undefined && countChars(unit.text) > 1) {
        units.splice(i, 1, ...splitChars(unit));
        continue;
      }
      j = i + 1;
    }
    const k = j >= units.length ? units.length : resolve(i, j, avail);
    ranges.push({ from: i, to: k, avail, indent });
    i = k;
    first = false;
  }
  avoidLoneLastCharacter(ranges);

  return ranges.map((range, index): LaidLine => {
    const end = contentEnd(range.from, range.to);
    const lineText = units.slice(range.from, end).map((u) => u.text).join('');
    const firstUnit = units[range.from];
    const lastUnit = units[end - 1];
    const start = offset + (firstUnit?.start ?? 0);
    const stop = offset + (lastUnit === undefined ? 0 : lastUnit.start + lastUnit.text.length);
    const last = index === ranges.length - 1;
    const natural = lineText === '' ? 0 : ctx.measureLine(lineText);
    const n = countChars(lineText);
    const extra = range.avail - natural;
    let justify = false;
    let charSpace = 0;
    if (n > 1 && extra < -EPS) {
      // squeezed: take the overflow back between the characters
      justify = true;
      charSpace = extra / (n - 1);
    } else if (!last && n > 1 && extra / (n - 1) <= ctx.maxStretch * ctx.size + EPS) {
      justify = true;
      charSpace = Math.max(0, extra) / (n - 1);
    }
    return { text: lineText, width: natural, justify, charSpace, indent: range.indent, start, end: stop, last };
  });
}

const HARD_BREAK = /\r\n|\r|\n/g;

/** Like breakLines, with the source offsets of every line. */
export function layoutLines(source: string, options: BreakLinesOptions): LaidLine[] {
  const { maxWidth, size, style, measurer } = options;
  if (!(maxWidth > 0) || !(size > 0)) throw new RangeError(`breakLines: maxWidth (${maxWidth}) and size (${size}) must be positive`);
  const cache = new Map<string, number>();
  const measure = (t: string): number => {
    let w = cache.get(t);
    if (w === undefined) {
      w = measurer.width(t, size, style);
      cache.set(t, w);
    }
    return w;
  };
  const ctx: Context = {
    maxWidth,
    // an indent never leaves less than one em (or the whole width, if narrower) for the first line
    indent: Math.min(Math.max(0, options.indent ?? 0), Math.max(0, maxWidth - size)),
    size,
    squeeze: options.squeeze ?? DEFAULT_SQUEEZE,
    maxStretch: options.maxStretch ?? DEFAULT_MAX_STRETCH,
    measure,
    measureLine: (t) => measurer.width(t, size, style),
  };
  const lines: LaidLine[] = [];
  let from = 0;
  const pieces: Array<[string, number]> = [];
  for (const match of source.matchAll(HARD_BREAK)) {
    pieces.push([source.slice(from, match.index), from]);
    from = match.index + match[0].length;
  }
  pieces.push([source.slice(from), from]);
  for (const [paragraph, offset] of pieces) {
    const laid = /^[ \t]*$/.test(paragraph) ? [] : breakParagraph(paragraph, offset, ctx);
    if (laid.length === 0) {
      lines.push({ text: '', width: 0, justify: false, charSpace: 0, indent: 0, start: offset, end: offset, last: true });
    } else {
      lines.push(...laid);
    }
  }
  return lines;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (see the module comment for the rules). Each hard \n starts a
 * new paragraph whose first line is indented by `indent`; an empty paragraph gives a blank line.
 */
export function breakLines(text: string, options: BreakLinesOptions): Line[] {
  return layoutLines(text, options).map(({ text: t, width, justify, charSpace, indent }) => ({ text: t, width, justify, charSpace, indent }));
}
