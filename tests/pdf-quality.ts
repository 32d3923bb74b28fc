// Reads a PDF back with `pdftotext -bbox-layout` and measures what a union clerk would notice (issue 18 §3):
// cell or paragraph lines holding one character, dates split over two lines, lines starting or ending with a
// forbidden mark, opinion blocks split across pages, too little room after 签名, widows and orphans.
// Shared by the unit tests (PDFs made in Node) and the browser tests (PDFs made in the page).
import { execFileSync } from 'node:child_process';
import { isForbiddenEnd, isForbiddenStart } from '../src/core/pdf/layout/kinsoku';

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** A run of words on one baseline with no gap wider than a cell's padding: one line of a cell or paragraph. */
export interface Segment extends Word {
  words: Word[];
}

export interface Page {
  width: number;
  height: number;
  segments: Segment[];
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function readPages(file: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const [index, match] of [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].entries()) {
    const words: Word[] = [];
    for (const w of (match[3] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: index, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: decode(w[5] ?? '') });
    }
    pages.push({ width: Number(match[1]), height: Number(match[2]), segments: segments(words) });
  }
  return pages;
}

/** Words that share a baseline and follow each other closer than a cell's padding (8 pt between two cells' text)
 *  or, for large type (a spaced title 申 报 表), than half their height. */
function segments(words: Word[]): Segment[] {
  const sorted = [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const out: Segment[] = [];
  for (const word of sorted) {
    const last = out[out.length - 1];
    const gap = Math.max(5.5, 0.45 * (word.yMax - word.yMin));
    if (last !== undefined && Math.abs(last.yMax - word.yMax) < 1 && word.xMin - last.xMax < gap && word.xMin >= last.xMin) {
      last.words.push(word);
      last.text += word.text;
      last.xMax = Math.max(last.xMax, word.xMax);
      last.yMin = Math.min(last.yMin, word.yMin);
    } else out.push({ ...word, words: [word] });
  }
  return out.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
}

const isPageNumber = (s: Segment): boolean => /^—\d+—$/.test(s.text);
/** One-character values the form allows on their own (填表说明 and the enums), and numbers (序号). */
const SINGLE_OK = /^(无|男|女|是|否|\d+|[①-⑳]|—|·)$/u;
/** Characters other than punctuation: the line 况。 holds one. */
const length = (text: string): number => [...text.replace(/\p{P}/gu, '')].length;

/** The line under a segment that starts at the same left edge (the next line of the same cell or paragraph). */
function below(page: Page, s: Segment): Segment | undefined {
  const lineGap = 2.2 * (s.yMax - s.yMin);
  return page.segments.find((t) => t !== s && Math.abs(t.xMin - s.xMin) < 20 && t.yMin > s.yMax - 1 && t.yMin - s.yMax < lineGap);
}

export interface QualityReport {
  singleCharacterLines: string[];
  splitDates: string[];
  forbiddenStarts: string[];
  forbiddenEnds: string[];
}

export function lineChecks(pages: Page[], ignore: readonly string[] = []): QualityReport {
  const report: QualityReport = { singleCharacterLines: [], splitDates: [], forbiddenStarts: [], forbiddenEnds: [] };
  pages.forEach((page, p) => {
    for (const s of page.segments) {
      if (isPageNumber(s) || ignore.some((text) => s.text === text)) continue;
      const where = `p${p + 1} y=${s.yMin.toFixed(0)} x=${s.xMin.toFixed(0)}`;
      // The handwriting marks 年 月 日 of an opinion block stand apart on one baseline by design.
      const dateMarks = /^[年月日]$/.test(s.text) && page.segments.filter((t) => Math.abs(t.yMax - s.yMax) < 1 && /^[年月日]$/.test(t.text)).length === 3;
      if (length(s.text) === 1 && !dateMarks && !SINGLE_OK.test(s.text.replace(/\p{P}/gu, ''))) report.singleCharacterLines.push(`${where}: ${s.text}`);
      if (isForbiddenStart(s.text)) report.forbiddenStarts.push(`${where}: ${s.text}`);
      if (isForbiddenEnd(s.text)) report.forbiddenEnds.push(`${where}: ${s.text}`);
      const next = below(page, s);
      if (next !== undefined && (/\d{4}年?$/.test(s.text) || /\d{4}年\d{1,2}$/.test(s.text)) && /^(\d{1,2}月|\d{1,2}日|月|日|年)/.test(next.text)) {
        report.splitDates.push(`${where}: ${s.text} / ${next.text}`);
      }
    }
  });
  return report;
}

export interface OpinionBlock {
  title: string;
  pages: number[];
  /** Free room after 签名： to the cell's right edge, in mm. */
  freeAfterSignature: number;
}

/**
 * Each opinion block: the pages its title, 签名, 盖章 and 年 月 日 are on (one page when kept together), and the
 * free room after 签名：up to `cellRight` (points from the page's left edge).
 */
export function opinionBlocks(pages: Page[], titles: readonly string[], cellRight: number): OpinionBlock[] {
  const flat = pages.flatMap((page, p) => page.segments.map((s) => ({ s, p })));
  const compact = (t: string): string => t.replace(/\s+/g, '');
  return titles.map((title) => {
    // The title may wrap: find the segment where it starts, then the footer lines after it.
    const head = compact(title).slice(0, 8);
    const start = flat.findIndex(({ s }) => compact(s.text).startsWith(head));
    const after = flat.slice(Math.max(0, start));
    const sign = after.find(({ s }) => s.text.startsWith('签名'));
    const seal = after.find(({ s }) => s.text.includes('盖') && s.text.includes('章'));
    const date = after.find(({ s }) => s.text === '年' || /^年月日$/.test(compact(s.text)));
    const found = [flat[start], sign, seal, date];
    const pagesOf = found.map((f) => f?.p ?? -1);
    const free = sign === undefined ? 0 : ((cellRight - sign.s.xMax) * 25.4) / 72;
    return { title, pages: [...new Set(pagesOf)], freeAfterSignature: free };
  });
}

/**
 * Widows and orphans of the paragraphs set flush to `left` with a first-line indent (the 申报材料's body): a
 * paragraph's first line alone at a page's foot, or its last line alone at a page's head.
 */
export function widowsAndOrphans(pages: Page[], left: number, indent: number): string[] {
  const out: string[] = [];
  const body = pages.map((page) => page.segments.filter((s) => !isPageNumber(s) && Math.abs(s.xMin - left) < indent + 4 && s.xMin >= left - 2));
  body.forEach((lines, p) => {
    const next = body[p + 1];
    if (next === undefined || lines.length === 0 || next.length === 0) return;
    const last = lines[lines.length - 1];
    const first = next[0];
    const second = next[1];
    const isFirstLine = (s: Segment | undefined): boolean => s !== undefined && s.xMin > left + indent / 2;
    // A continuation starts flush left; if the line after it begins a paragraph, the continuation was one line.
    if (last !== undefined && isFirstLine(last) && first !== undefined && !isFirstLine(first)) out.push(`orphan at the foot of p${p + 1}: ${last.text}`);
    if (first !== undefined && !isFirstLine(first) && (second === undefined || isFirstLine(second))) out.push(`widow at the head of p${p + 2}: ${first.text}`);
  });
  return out;
}

export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, rows top to bottom. */
  data: Buffer;
  dpi: number;
}

/** One page rendered by pdftoppm as PPM (page numbers from 1). */
export function rasterize(file: string, page: number, dpi = 150): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  // P6 <width> <height> <maxval> then the pixels
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error('pdftoppm did not write a PPM');
  return { width: Number(header[1]), height: Number(header[2]), data: ppm.subarray(header[0].length), dpi };
}

/** The topmost row (in mm from the page's top) holding a pixel that `match` takes, within [fromMm, toMm). */
export function topInk(r: Raster, match: (red: number, green: number, blue: number) => boolean, fromMm = 0, toMm = Infinity): number | null {
  const px = (mm: number): number => Math.round((mm * r.dpi) / 25.4);
  const to = Math.min(r.height, px(toMm));
  for (let y = px(fromMm); y < to; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = 3 * (y * r.width + x);
      if (match(r.data[i] ?? 255, r.data[i + 1] ?? 255, r.data[i + 2] ?? 255)) return (y * 25.4) / r.dpi;
    }
  }
  return null;
}
