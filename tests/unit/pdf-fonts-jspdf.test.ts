// jsPDF really prints through fonts prepared here: a tiny TrueType subset made inside the test from the registry
// package's Noto Serif SC, registered the way the renderer will (binary string in the VFS, Identity-H), and the
// text comes back out of the PDF (poppler's pdftotext when installed; the ToUnicode map otherwise).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { jsPDF } from 'jspdf';
import subsetFont from 'subset-font';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFontResolver, planFonts, runsByFont } from '../../src/core/pdf/fonts/coverage';
import { validateFontManifest } from '../../src/core/pdf/fonts/manifest';
import { prepareUserFont, toBinaryString, type UserFont } from '../../src/core/pdf/fonts/userFont';

const require = createRequire(import.meta.url);
const FONT = path.join(
  path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')),
  '400Regular/NotoSerifSC_400Regular.ttf',
);

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const PDFTOTEXT = hasPdftotext();

let common: UserFont;
let rare: UserFont;
let rareBytes: Uint8Array;

beforeAll(async () => {
  const full = readFileSync(FONT);
  const opts = { targetFormat: 'sfnt', noLayoutClosure: true } as const;
  const a = prepareUserFont(new Uint8Array(await subsetFont(full, '南昌市总工会劳模创新工作室申报表年月日黄，。（）2021 ABC', opts)));
  if (!a.ok) throw new Error(a.message);
  common = a.font;
  rareBytes = new Uint8Array(await subsetFont(full, '燊玥', opts));
  const b = prepareUserFont(rareBytes);
  // Not a Chinese text font by itself (lacks the common sample), which is right; use its bytes as a chunk.
  expect(b.ok).toBe(false);
  rare = { ...common, name: 'c044-test.ttf', bytes: rareBytes.slice().buffer, covers: (c) => c === 0x71ca || c === 0x73a5 };
});

const TEXT = '南昌市总工会（2021年）黄燊，玥。';

/** A PDF printing TEXT through the user-style font and the rare chunk, run by run as the renderer will. */
function makePdf(): Buffer {
  const manifest = validateFontManifest({
    family: 'Noto Serif SC',
    license: 'SIL Open Font License 1.1',
    source: 'test',
    chunks: [{ file: rare.name, bytes: rare.bytes.byteLength, ranges: [0x71ca, 0x73a5] }],
  });
  const texts = [{ path: 'team.members.6.name', label: '成员7 姓名', text: TEXT }];
  const plan = planFonts(texts, manifest, [common]);
  expect(plan).toEqual({ chunks: [rare.name], extraFonts: [common.name], unprintable: [] });
  const doc = new jsPDF({ compress: false });
  for (const font of [common, rare]) {
    doc.addFileToVFS(font.name, toBinaryString(font.bytes));
    doc.addFont(font.name, font.name, 'normal', 'Identity-H');
  }
  doc.setFontSize(14);
  const resolver = createFontResolver(manifest, [common]);
  let x = 20;
  for (const run of runsByFont(TEXT, resolver)) {
    doc.setFont(run.font, 'normal');
    doc.text(run.text, x, 30);
    x += doc.getTextWidth(run.text);
  }
  return Buffer.from(doc.output('arraybuffer'));
}

describe('jsPDF with chunk fonts', () => {
  it('embeds each font as a CID TrueType font with a ToUnicode map', () => {
    const raw = makePdf().toString('latin1');
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(raw).toContain('/CIDFontType2');
    expect(raw).toContain('/BaseFont /User-NotoSerifSC-Regular');
    expect(raw.toLowerCase()).toContain('<71ca>'); // the rare chunk's ToUnicode maps a glyph to 燊
  });

  it.skipIf(!PDFTOTEXT)('gives the text back through pdftotext (skipped when poppler-utils is not installed)', () => {
    const text = execFileSync('pdftotext', ['-', '-'], { input: makePdf() }).toString('utf8');
    expect(text.replace(/\s+/g, '')).toBe(TEXT);
  });
});
