// Derives the PDF fonts from the registry package at build time: Noto Serif SC Regular (TrueType, glyf outlines)
// from @expo-google-fonts/noto-serif-sc, split with subset-font (harfbuzz hb-subset) into chunk fonts that jsPDF
// can embed, so that the browser fetches only the chunks a document needs instead of the whole 14.8 MB font.
//
// Output (never committed; public/fonts/ is in .gitignore): public/fonts/noto-serif-sc/
//   cNNN-<sha256:8>.ttf   chunk fonts, TrueType with glyf outlines and a (3,1,4) cmap, content-hashed names
//   manifest.json         { family, license, source, scriptVersion, chunks: [{ file, bytes, tier, characters, ranges }] }
//                         ranges: sorted inclusive code point ranges, a lone code point as a plain number
//   OFL.txt               the font's copyright notice and the SIL Open Font License 1.1
//
// Chunk 0 holds what nearly every document needs (ASCII, punctuation, full-width forms, the notice's and the form's
// fixed texts, GB2312 level 1); the rest of the font's BMP cmap follows in chunks of about 100 KB, one frequency tier
// after the other (GB2312 level 2, GB2312 symbols, the rest of GBK, then the rest of the font's BMP: symbols and
// letters, then hanzi), never mixing tiers in a chunk.
//
// Idempotent: skips when manifest.json was made from the same package version by the same script version from the
// same fixed texts, and all its files are present (`--force` rebuilds anyway).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the chunking or subsetting changes, so that existing output is rebuilt. */
const SCRIPT_VERSION = 1;
const PACKAGE = '@expo-google-fonts/noto-serif-sc';
const FONT_FILE = '400Regular/NotoSerifSC_400Regular.ttf';
const LICENSE_FILE = 'LICENSE_FONT';
const FAMILY = 'Noto Serif SC';
const LICENSE = 'SIL Open Font License 1.1';
/** Aimed size of a chunk after chunk 0 (estimated from the glyph sizes, then balanced within a tier). */
const TARGET_CHUNK_BYTES = 100 * 1024;
/** Tables jsPDF does not read: OpenType layout, vertical metrics, baselines, style attributes. */
const DROP_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'STAT', 'JSTF', 'MATH', 'vhea', 'vmtx', 'VORG', 'DSIG'];
/** Name records kept in every chunk: copyright, family, style, unique id, full name, version, PostScript
 *  name, trademark, licence description and licence URL (the OFL asks the copyright notice to travel with the font). */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public/fonts/noto-serif-sc');
const force = process.argv.includes('--force');
/** Where the new output is written before it replaces the old (removed on failure). */
let tmpDir = '';
const started = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// The package

const require = createRequire(import.meta.url);
let packageDir;
try {
  packageDir = path.dirname(require.resolve(`${PACKAGE}/package.json`));
} catch {
  fail(`${PACKAGE} is not installed: run \`npm install\` (it is a devDependency).`);
}
const packageVersion = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
const source = `${PACKAGE}@${packageVersion}`;
const fontPath = path.join(packageDir, FONT_FILE);
if (!fs.existsSync(fontPath)) fail(`${FONT_FILE} is missing from ${source}; the package layout changed.`);

// The notice's and the form's characters go into chunk 0: a change there (a new label) rebuilds.
const fixedTexts = collectFixedTexts();
const fixedTextsHash = createHash('sha256').update([...fixedTexts].sort().join('')).digest('hex').slice(0, 16);

if (!force && upToDate()) {
  const manifest = readJson(path.join(outDir, 'manifest.json'));
  report(manifest, true);
  process.exit(0);
}

const { default: subsetFont } = await import('subset-font');
const font = fs.readFileSync(fontPath);
const tables = readTableDirectory(font);
const cmap = readCmap4(font, tables);
const glyphBytes = readGlyphSizes(font, tables);
const nameRecords = readNames(font, tables);

// ---------------------------------------------------------------------------------------------------------------
// Which characters go where

const gbk = new TextDecoder('gbk');
/** Characters of the two-byte codes lead×trail in GBK code order (one per code; unmapped codes left out). */
function decodeRows(leadFrom, leadTo, trailFrom, trailTo, skip = () => false) {
  const out = [];
  const bytes = new Uint8Array(2);
  for (let lead = leadFrom; lead <= leadTo; lead++) {
    for (let trail = trailFrom; trail <= trailTo; trail++) {
      if (trail === 0x7f || skip(lead, trail)) continue;
      bytes[0] = lead;
      bytes[1] = trail;
      const text = gbk.decode(bytes);
      const cp = text.codePointAt(0);
      if (cp === undefined || text.length !== 1 || cp === 0xfffd) continue;
      out.push(cp);
    }
  }
  return out;
}
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const gb2312Level1 = decodeRows(0xb0, 0xd7, 0xa1, 0xfe, (lead, trail) => lead === 0xd7 && trail > 0xf9);
const gb2312Level2 = decodeRows(0xd8, 0xf7, 0xa1, 0xfe);
const gb2312Rows1And2 = decodeRows(0xa1, 0xa2, 0xa1, 0xfe); // punctuation, maths, ①⑴⒈㈠Ⅰⅰ numbering
const gb2312Symbols = decodeRows(0xa3, 0xa9, 0xa1, 0xfe); // full-width ASCII, kana, Greek, Cyrillic, pinyin, boxes
const gb2312 = new Set([...gb2312Level1, ...gb2312Level2, ...gb2312Rows1And2, ...gb2312Symbols]);
const gbkAll = decodeRows(0x81, 0xfe, 0x40, 0xfe).filter((cp) => !gb2312.has(cp));
const isHan = (cp) => /\p{Script=Han}/u.test(String.fromCodePoint(cp));
const byCodePoint = (a, b) => a - b;

const chunk0 = [
  ...range(0x20, 0x7e), // ASCII
  ...range(0xa0, 0xbf), 0xd7, 0xf7, // Latin-1 punctuation and signs, × ÷
  ...range(0x2000, 0x206f), // general punctuation
  ...range(0x3000, 0x303f), // CJK symbols and punctuation
  ...range(0xff01, 0xff60), ...range(0xffe0, 0xffee), // full-width forms (not the half-width kana and hangul)
  ...gb2312Rows1And2,
  ...[...fixedTexts].map((c) => c.codePointAt(0)),
  ...gb2312Level1,
];

const tiers = [
  { tier: 'common', codePoints: chunk0, single: true },
  { tier: 'gb2312-level2', codePoints: gb2312Level2 },
  { tier: 'gb2312-symbols', codePoints: gb2312Symbols },
  { tier: 'gbk-han', codePoints: gbkAll.filter(isHan).sort(byCodePoint) },
  { tier: 'gbk-other', codePoints: gbkAll.filter((cp) => !isHan(cp)).sort(byCodePoint) },
  { tier: 'other', codePoints: [...cmap.keys()].filter((cp) => !isHan(cp)).sort(byCodePoint) },
  { tier: 'other-han', codePoints: [...cmap.keys()].filter(isHan).sort(byCodePoint) },
];

/** Printable by jsPDF through this font: in the BMP, not a control character, mapped to a real glyph. */
const printable = (cp) => cp <= 0xffff && !(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) && (cmap.get(cp) ?? 0) !== 0;
const assigned = new Set();
const plannedChunks = [];
for (const { tier, codePoints, single } of tiers) {
  const list = [];
  for (const cp of codePoints) {
    if (assigned.has(cp) || !printable(cp)) continue;
    assigned.add(cp);
    list.push(cp);
  }
  if (list.length === 0) continue;
  if (single) {
    plannedChunks.push({ tier, codePoints: list });
    continue;
  }
  // Balanced split: as many chunks as the aimed size asks, cut where the running size crosses each share.
  const weight = (cp) => glyphBytes[cmap.get(cp)] + 24; // glyf + loca + hmtx + cmap entries, roughly
  const total = list.reduce((sum, cp) => sum + weight(cp), 0);
  const count = Math.max(1, Math.ceil(total / TARGET_CHUNK_BYTES));
  let current = [];
  let running = 0;
  let index = 1;
  for (const cp of list) {
    current.push(cp);
    running += weight(cp);
    if (index < count && running >= (total * index) / count) {
      plannedChunks.push({ tier, codePoints: current });
      current = [];
      index++;
    }
  }
  if (current.length > 0) plannedChunks.push({ tier, codePoints: current });
}

// ---------------------------------------------------------------------------------------------------------------
// Subset, check, write

tmpDir = `${outDir}.tmp-${process.pid}`;
fs.rmSync(tmpDir, { recursive: true, force: true });
fs.mkdirSync(tmpDir, { recursive: true });
const chunks = [];
/** Code points already listed by an earlier chunk. hb-subset also keeps the bidi mirror of a kept character
 *  (∈ brings ∋): such a character is listed by the first chunk that has it and taken out of later ones. */
const emitted = new Set();
for (const planned of plannedChunks) {
  const codePoints = planned.codePoints.filter((cp) => !emitted.has(cp));
  if (codePoints.length === 0) continue;
  const index = chunks.length;
  const text = String.fromCodePoint(...codePoints);
  const bytes = await subsetFont(font, text, {
    targetFormat: 'sfnt',
    noLayoutClosure: true,
    dropTables: DROP_TABLES,
    preserveNameIds: NAME_IDS,
  });
  const listed = checkChunk(bytes, codePoints, index).filter((cp) => !emitted.has(cp));
  for (const cp of listed) emitted.add(cp);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  const file = `c${String(index).padStart(3, '0')}-${hash}.ttf`;
  fs.writeFileSync(path.join(tmpDir, file), bytes);
  chunks.push({ file, bytes: bytes.length, tier: planned.tier, characters: listed.length, ranges: toRanges(listed) });
}
if (emitted.size !== assigned.size) fail(`${assigned.size - emitted.size} planned characters are in no chunk`);

const manifest = {
  family: FAMILY,
  license: LICENSE,
  licenseFile: 'OFL.txt',
  source,
  sourceFile: FONT_FILE,
  fontVersion: nameRecords.get(5) ?? '',
  scriptVersion: SCRIPT_VERSION,
  fixedTextsHash,
  chunks,
};
fs.writeFileSync(path.join(tmpDir, 'manifest.json'), JSON.stringify(manifest));
fs.writeFileSync(path.join(tmpDir, 'OFL.txt'), licenceText());
fs.rmSync(outDir, { recursive: true, force: true });
fs.renameSync(tmpDir, outDir);
report(manifest, false);

// ---------------------------------------------------------------------------------------------------------------

function fail(message) {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  console.error(`build-fonts: ${message}`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function upToDate() {
  const file = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(file)) return false;
  try {
    const manifest = readJson(file);
    if (manifest.source !== source || manifest.scriptVersion !== SCRIPT_VERSION) return false;
    if (manifest.fixedTextsHash !== fixedTextsHash) return false;
    if (!Array.isArray(manifest.chunks) || manifest.chunks.length === 0) return false;
    if (!fs.existsSync(path.join(outDir, 'OFL.txt'))) return false;
    return manifest.chunks.every((chunk) => {
      const chunkFile = path.join(outDir, chunk.file);
      return fs.existsSync(chunkFile) && fs.statSync(chunkFile).size === chunk.bytes;
    });
  } catch {
    return false;
  }
}

function report(manifest, skipped) {
  const total = manifest.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const characters = manifest.chunks.reduce((sum, chunk) => sum + chunk.characters, 0);
  const first = manifest.chunks[0];
  const ms = Math.round(performance.now() - started);
  const what = skipped ? 'up to date, skipped' : 'built';
  console.log(
    `build-fonts: ${what} (${manifest.source}, script v${manifest.scriptVersion}) in ${ms} ms: ` +
      `${manifest.chunks.length} chunks, ${characters} characters, ${total} bytes in total, ` +
      `chunk 0 ${first.bytes} bytes (${first.characters} characters) -> ${path.relative(root, outDir)}/`,
  );
}

/** The texts every document prints: the notice, the form's labels, enum values, notes and attachments. */
function collectFixedTexts() {
  const chars = new Set();
  const addText = (text) => {
    for (const c of text) chars.add(c);
  };
  const addStrings = (value) => {
    if (typeof value === 'string') addText(value);
    else if (Array.isArray(value)) value.forEach(addStrings);
    else if (value && typeof value === 'object') Object.values(value).forEach(addStrings);
  };
  const files = [
    'tests/fixtures/notice-hong-gong-ban-2021-31.txt',
    ...listFiles('src/content', '.md'),
  ];
  for (const file of files) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) addText(fs.readFileSync(full, 'utf8'));
  }
  for (const file of listFiles('schemas', '.json')) addStrings(readJson(path.join(root, file)));
  return chars;
}

function listFiles(dir, extension) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Sorted inclusive ranges, a lone code point written as a plain number: [19968, [19970, 19975], …]. */
function toRanges(codePoints) {
  const sorted = [...codePoints].sort(byCodePoint);
  const ranges = [];
  for (const cp of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges.map(([start, end]) => (start === end ? start : [start, end]));
}

/** The chunk is a glyf TrueType whose jsPDF-visible cmap maps every planned character to a real glyph, and
 *  nothing else that jsPDF could not print. Returns the printable code points it maps. */
function checkChunk(bytes, codePoints, index) {
  const chunkTables = readTableDirectory(bytes);
  if (bytes.readUInt32BE(0) !== 0x00010000 || !chunkTables.has('glyf') || !chunkTables.has('loca')) {
    fail(`chunk ${index} is not a TrueType font with glyf outlines`);
  }
  const chunkCmap = readCmap4(bytes, chunkTables);
  const missing = codePoints.filter((cp) => !chunkCmap.get(cp));
  if (missing.length > 0) fail(`chunk ${index} lacks ${missing.map(hex).join(' ')}`);
  const mapped = [...chunkCmap.keys()].filter(printable);
  const unexpected = mapped.filter((cp) => !assigned.has(cp));
  if (unexpected.length > 0) fail(`chunk ${index} maps characters outside the plan: ${unexpected.map(hex).join(' ')}`);
  return mapped;
}

function licenceText() {
  const licence = fs.readFileSync(path.join(packageDir, LICENSE_FILE), 'utf8');
  const lines = [
    `${FAMILY} Regular, as subset chunk fonts for the PDFs of this site`,
    '',
    `Copyright notice in the font: ${nameRecords.get(0) ?? '(none)'}`,
  ];
  if (nameRecords.has(7)) lines.push(`Trademark: ${nameRecords.get(7)}`);
  lines.push(
    `Font version: ${nameRecords.get(5) ?? '(unknown)'}`,
    `Source: ${FONT_FILE} from the npm package ${source}`,
    '',
    'The chunk fonts (c*.ttf) are subsets of that font made with HarfBuzz hb-subset: each keeps the original',
    'glyph outlines and metrics of some of its characters; OpenType layout and vertical metrics tables are left',
    'out. They are distributed under the same licence, the SIL Open Font License, Version 1.1, below.',
    '',
    '-'.repeat(72),
    '',
    licence.trimEnd(),
    '',
  );
  return lines.join('\n');
}

// ----- a minimal sfnt reader (the browser side has its own in src/core/pdf/fonts/cmap.ts) -----

function readTableDirectory(buf) {
  const count = buf.readUInt16BE(4);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    out.set(buf.toString('latin1', record, record + 4), {
      offset: buf.readUInt32BE(record + 8),
      length: buf.readUInt32BE(record + 12),
    });
  }
  return out;
}

/** The cmap subtable jsPDF reads: the first (3,1) or (0,*) subtable of format 4. Code point -> glyph id. */
function readCmap4(buf, tableMap) {
  const table = tableMap.get('cmap');
  if (!table) fail('font has no cmap table');
  const base = table.offset;
  const count = buf.readUInt16BE(base + 2);
  for (let i = 0; i < count; i++) {
    const record = base + 4 + 8 * i;
    const platform = buf.readUInt16BE(record);
    const encoding = buf.readUInt16BE(record + 2);
    const offset = base + buf.readUInt32BE(record + 4);
    if (buf.readUInt16BE(offset) !== 4 || !(platform === 0 || (platform === 3 && encoding === 1))) continue;
    const map = new Map();
    const segCount = buf.readUInt16BE(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + 2 * segCount + 2;
    const deltas = starts + 2 * segCount;
    const rangeOffsets = deltas + 2 * segCount;
    for (let s = 0; s < segCount; s++) {
      const end = buf.readUInt16BE(ends + 2 * s);
      const start = buf.readUInt16BE(starts + 2 * s);
      const delta = buf.readUInt16BE(deltas + 2 * s);
      const rangeOffset = buf.readUInt16BE(rangeOffsets + 2 * s);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const at = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
          glyph = buf.readUInt16BE(at);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
    return map;
  }
  fail('font has no Unicode BMP cmap subtable of format 4');
}

function readGlyphSizes(buf, tableMap) {
  const head = tableMap.get('head');
  const maxp = tableMap.get('maxp');
  const loca = tableMap.get('loca');
  if (!head || !maxp || !loca || !tableMap.has('glyf')) fail('font is not a TrueType font with glyf outlines');
  const longOffsets = buf.readInt16BE(head.offset + 50) === 1;
  const glyphs = buf.readUInt16BE(maxp.offset + 4);
  const at = (i) => (longOffsets ? buf.readUInt32BE(loca.offset + 4 * i) : 2 * buf.readUInt16BE(loca.offset + 2 * i));
  const sizes = new Uint32Array(glyphs);
  for (let i = 0; i < glyphs; i++) sizes[i] = at(i + 1) - at(i);
  return sizes;
}

/** English (Windows, en-US) name records: id -> text. */
function readNames(buf, tableMap) {
  const table = tableMap.get('name');
  const out = new Map();
  if (!table) return out;
  const count = buf.readUInt16BE(table.offset + 2);
  const strings = table.offset + buf.readUInt16BE(table.offset + 4);
  for (let i = 0; i < count; i++) {
    const record = table.offset + 6 + 12 * i;
    if (buf.readUInt16BE(record) !== 3 || buf.readUInt16BE(record + 4) !== 0x409) continue;
    const id = buf.readUInt16BE(record + 6);
    const length = buf.readUInt16BE(record + 8);
    const start = strings + buf.readUInt16BE(record + 10);
    const utf16 = Buffer.from(buf.subarray(start, start + length)).swap16();
    if (!out.has(id)) out.set(id, utf16.toString('utf16le'));
  }
  return out;
}

function hex(cp) {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
