// The build-time PDFs as served: the notice on the GB/T 9704 grid (22 lines × 28 characters, the mark 35 mm below
// the top of the 版心, the page number's dash 7 mm below it), and the blank form's lines and opinion blocks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { lineChecks, opinionBlocks, rasterize, readPages, topInk } from '../pdf-quality';

const dir = mkdtempSync(join(tmpdir(), 'lmcx-built-pdf-'));
const MM = 72 / 25.4;
const TOP = 37; // 天头 in mm
const BLOCK_HEIGHT = 225;

async function save(request: APIRequestContext, url: string, name: string): Promise<string> {
  const response = await request.get(url);
  expect(response.ok()).toBe(true);
  const file = join(dir, name);
  writeFileSync(file, await response.body());
  return file;
}

test('the notice PDF sits on the 22 × 28 grid, with the mark at 35 mm and the page number 7 mm below the 版心', async ({ request }) => {
  const file = await save(request, '/downloads/notice.pdf', 'notice.pdf');
  const pages = readPages(file);
  const inBlock = (y: number): boolean => y > TOP * MM && y < (TOP + BLOCK_HEIGHT) * MM;
  // Body lines: 三号 text (about 16 pt high) inside the 版心.
  const body = pages.map((p) => p.segments.filter((s) => inBlock(s.yMax) && s.yMax - s.yMin > 14 && s.yMax - s.yMin < 24));
  const linesPerPage = body.map((segments) => new Set(segments.map((s) => Math.round(s.yMax))).size);
  expect(Math.max(...linesPerPage)).toBe(22);
  // A full line of full-width characters, from the left edge to the right edge of the 版心, holds 28.
  // (one word: a line spaced out before a long e-mail address falls apart into several and is not a grid line)
  const full = body.flat().filter((s) => Math.abs(s.xMin - 28 * MM) < 2 && Math.abs(s.xMax - (28 + 156) * MM) < 3 && s.words.length === 1 && /^[\p{Script=Han}\p{P}]+$/u.test(s.text));
  expect(full.length).toBeGreaterThan(5);
  // 28 to a line; a line that pushed a character down to keep a mark off the next line's start holds 27, one that
  // pulled a mark up holds 29.
  for (const s of full) expect(Math.abs([...s.text].length - 28), s.text).toBeLessThanOrEqual(1);
  expect(full.filter((s) => [...s.text].length === 28).length / full.length).toBeGreaterThan(0.7);
  // The red 发文机关标志: top edge 35 mm below the top of the 版心.
  const page1 = rasterize(file, 1);
  const markTop = topInk(page1, (r, g, b) => r > 180 && g < 90 && b < 90);
  expect(markTop).not.toBeNull();
  expect(Math.abs((markTop ?? 0) - (TOP + 35))).toBeLessThanOrEqual(1);
  // The page number "— 1 —" (odd: right): its first dash's top edge 7 mm below the 版心.
  const below = TOP + BLOCK_HEIGHT;
  const px = (mm: number): number => Math.round((mm * page1.dpi) / 25.4);
  let dashX = -1;
  for (let x = 0; x < page1.width && dashX < 0; x++) {
    for (let y = px(below); y < px(below + 20); y++) {
      const i = 3 * (y * page1.width + x);
      if ((page1.data[i] ?? 255) < 100) {
        dashX = x;
        break;
      }
    }
  }
  expect(dashX).toBeGreaterThan(0);
  let dashTop = -1;
  for (let y = px(below); y < px(below + 20) && dashTop < 0; y++) {
    for (let x = dashX; x < dashX + 4; x++) if ((page1.data[3 * (y * page1.width + x)] ?? 255) < 100) dashTop = (y * 25.4) / page1.dpi;
  }
  expect(Math.abs(dashTop - (below + 7))).toBeLessThanOrEqual(1);
});

test('the blank form: no one-character lines, opinion blocks whole with room to sign, no 无 but in 填表说明', async ({ request }) => {
  const file = await save(request, '/downloads/blank-form.pdf', 'blank-form.pdf');
  const pages = readPages(file);
  expect(lineChecks(pages)).toEqual({ singleCharacterLines: [], splitDates: [], forbiddenStarts: [], forbiddenEnds: [] });
  for (const block of opinionBlocks(pages, ['所在单位工会意见', '县（区）总工会'], 595.28 - 22 * MM - 4)) {
    expect(block.pages, block.title).toHaveLength(1);
    expect(block.freeAfterSignature, block.title).toBeGreaterThanOrEqual(40);
  }
  const notes = pages.findIndex((p) => p.segments.some((s) => s.text.replace(/\s+/g, '') === '填表说明'));
  const wu = pages.flatMap((p, i) => (i === notes ? [] : p.segments.filter((s) => s.text.includes('无')).map((s) => s.text)));
  expect(wu).toEqual([]);
});
