// Splits one paragraph (no \n inside) into the units between which a line may break.
//
// - every CJK ideograph, kana, full-width form and punctuation mark is a unit of its own ('char');
// - a run of Latin letters and digits with its joiners is one unit ('word'), so that words, numbers (123.45,
//   1.8%, 1,234), phone numbers (0791-83868361, 0791—83868361), e-mail addresses (ncszghjjb@163.com), URLs,
//   ISO dates (2021-07-12) and patent numbers (ZL202010123456.7) stay whole where they fit;
// - —— and …… are one unit each ('pair'), see kinsoku.ts;
// - a run of half-width spaces is one unit ('space'): a break opportunity, dropped at the ends of wrapped lines.
//   The ideographic space U+3000 is a 'char' (it is a full-width cell the author typed on purpose).
// Combining marks, variation selectors and ZWJ stay with the character before them.
// Units are cut into characters later only when one is longer than a whole line (breakLines.ts).

import { INSEPARABLE } from './kinsoku';

export type UnitKind = 'char' | 'word' | 'pair' | 'space';

export interface Unit {
  text: string;
  kind: UnitKind;
  /** Offset of the unit in the segmented text, in UTF-16 code units (as String.prototype.slice counts). */
  start: number;
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const WORD = /[\p{L}\p{Nd}]/u;
const ATTACHED = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;
const SPACE = /[ \t]/;
/** Joiners that may link any two word characters, also in runs (:// in URLs). */
const JOINERS = new Set([...'.-_@/:+&?=#~']);
/** Joiners that link only two digits, alone: 0791—83868361, 2019–2021, 3～5, 1,234. */
const DIGIT_JOINERS = new Set([...'—–～,']);
/** Apostrophes inside words (don't, don’t): only between two letters. */
const APOSTROPHES = new Set([...'\'’']);
const PERCENT = new Set([...'%％‰']);

/** True for a Latin (or other alphabetic) letter or digit; false for CJK and full-width forms. */
export function isWordChar(ch: string): boolean {
  return WORD.test(ch) && !WIDE.test(ch);
}

interface CodePoint {
  ch: string;
  at: number;
}

function codePoints(text: string): CodePoint[] {
  const out: CodePoint[] = [];
  let at = 0;
  for (const ch of text) {
    out.push({ ch, at });
    at += ch.length;
  }
  return out;
}

function chAt(cps: readonly CodePoint[], i: number): string {
  return cps[i]?.ch ?? '';
}

function joins(before: string, run: readonly string[], after: string): boolean {
  const only = run[0];
  if (run.length === 1 && only !== undefined) {
    if (DIGIT_JOINERS.has(only)) return DIGIT.test(before) && DIGIT.test(after);
    if (APOSTROPHES.has(only)) return LETTER.test(before) && LETTER.test(after);
  }
  return run.length <= 3 && run.every((c) => JOINERS.has(c));
}

/** End (exclusive, in code points) of the word starting at `p`. */
function wordEnd(cps: readonly CodePoint[], p: number): number {
  let q = p + 1;
  for (;;) {
    while (q < cps.length && (isWordChar(chAt(cps, q)) || ATTACHED.test(chAt(cps, q)))) q += 1;
    let r = q;
    while (r < q + 3 && r < cps.length && !isWordChar(chAt(cps, r)) && !SPACE.test(chAt(cps, r))) r += 1;
    const joined = r > q && isWordChar(chAt(cps, r)) && joins(chAt(cps, q - 1), cps.slice(q, r).map((c) => c.ch), chAt(cps, r));
    if (!joined) break;
    q = r;
  }
  if (PERCENT.has(chAt(cps, q)) && DIGIT.test(chAt(cps, q - 1))) q += 1;
  return q;
}

/** Splits a paragraph into unbreakable units, see the module comment. */
export function segment(text: string): Unit[] {
  const cps = codePoints(text);
  const units: Unit[] = [];
  let p = 0;
  while (p < cps.length) {
    const cp = cps[p];
    if (cp === undefined) break;
    const { ch, at } = cp;
    const pair = INSEPARABLE.find((mark) => text.startsWith(mark, at));
    let end: number;
    let kind: UnitKind;
    if (pair !== undefined) {
      end = p + Array.from(pair).length;
      kind = 'pair';
    } else if (SPACE.test(ch)) {
      end = p + 1;
      while (end < cps.length && SPACE.test(chAt(cps, end))) end += 1;
      kind = 'space';
    } else if (isWordChar(ch)) {
      end = wordEnd(cps, p);
      kind = 'word';
    } else {
      end = p + 1;
      kind = 'char';
    }
    if (kind !== 'word' && kind !== 'space') {
      while (end < cps.length && ATTACHED.test(chAt(cps, end))) end += 1;
    }
    const stop = cps[end]?.at ?? text.length;
    units.push({ text: text.slice(at, stop), kind, start: at });
    p = end;
  }
  return units;
}

/** Cuts a unit into single characters (marks kept with their base): the last resort for a unit longer than a line. */
export function splitChars(unit: Unit): Unit[] {
  const out: Unit[] = [];
  let at = unit.start;
  for (const ch of unit.text) {
    const prev = out[out.length - 1];
    if (prev !== undefined && ATTACHED.test(ch)) prev.text += ch;
    else out.push({ text: ch, kind: 'char', start: at });
    at += ch.length;
  }
  return out;
}
