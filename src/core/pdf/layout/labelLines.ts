// Label cells (field names) as Word users break them by hand: on as few lines as fit, balanced, never leaving
// one character alone (工作室名|称 becomes 工作室/名称), and preferably at a meaningful point: before an opening
// bracket (工作室面积/（平方米）) or after a joining word (职称或/技能等级). Falls back to ordinary breaking
// when no balanced break exists (a label longer than four lines).
import { layoutLines, type BreakLinesOptions, type LaidLine } from './breakLines';
import { isForbiddenEnd, isForbiddenStart } from './kinsoku';

const MAX_LINES = 4;
/** A break here reads naturally: after these, or before an opening bracket. */
const AFTER = new Set([...'室的或及与和、，/']);
const BEFORE = new Set([...'（(']);

const letters = (text: string): number => [...text.replace(/\p{P}/gu, '')].length;

export function labelLines(text: string, options: BreakLinesOptions): LaidLine[] {
  const { maxWidth, size, style, measurer } = options;
  const chars = [...text];
  const width = (t: string): number => measurer.width(t, size, style);
  if (text.includes('\n') || chars.length < 2 || width(text) <= maxWidth + 1e-6) return layoutLines(text, options);
  let best: { cuts: number[]; score: number } | null = null;
  for (let lines = 2; lines <= MAX_LINES && best === null; lines += 1) {
    const cuts: number[] = [];
    const walk = (from: number): void => {
      if (cuts.length === lines - 1) {
        const parts = [0, ...cuts, chars.length].slice(1).map((end, i) => chars.slice(i === 0 ? 0 : (cuts[i - 1] ?? 0), end).join(''));
        if (parts.some((p) => width(p) > maxWidth + 1e-6 || letters(p) < 2 || isForbiddenStart(p) || isForbiddenEnd(p))) return;
        const widths = parts.map(width);
        const natural = cuts.filter((c) => AFTER.has(chars[c - 1] ?? '') || BEFORE.has(chars[c] ?? '')).length;
        const score = (Math.max(...widths) - Math.min(...widths)) / size + 2 * (cuts.length - natural);
        if (best === null || score < best.score) best = { cuts: [...cuts], score };
        return;
      }
      for (let c = from + 1; c < chars.length; c += 1) {
        cuts.push(c);
        walk(c);
        cuts.pop();
      }
    };
    walk(0);
  }
  if (best === null) return layoutLines(text, options);
  const bounds = [0, ...(best as { cuts: number[] }).cuts, chars.length];
  const out: LaidLine[] = [];
  let offset = 0;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const part = chars.slice(bounds[i], bounds[i + 1]).join('');
    out.push({ text: part, width: width(part), justify: false, charSpace: 0, indent: 0, start: offset, end: offset + part.length, last: i + 2 === bounds.length });
    offset += part.length;
  }
  return out;
}
