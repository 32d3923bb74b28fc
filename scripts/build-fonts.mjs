// Derives the PDF fonts at build time: Noto Serif SC Regular (TrueType, glyf outlines) from
// @expo-google-fonts/noto-serif-sc for the body, and the heading roles' faces (ROLE_SOURCES below), split with
// subset-font (harfbuzz hb-subset) into chunk fonts that jsPDF can embed, so that the browser fetches only the
// chunks a document needs instead of the whole 14.8 MB font.
//
// Output (never committed; public/fonts/ is in .gitignore): public/fonts/noto-serif-sc/
//   cNNN-<sha256:8>.ttf   chunk fonts, TrueType with glyf outlines and a (3,1,4) cmap, content-hashed names
//   manifest.json         { family, license, source, scriptVersion, chunks: [{ file, bytes, tier, characters, ranges }] }
//                         ranges: sorted inclusive code point ranges, a lone code point as a plain number
//   OFL.txt               the font's copyright notice and the SIL Open Font License 1.1
//   HANAZONO.txt, BABELSTONE-HAN.txt   the licences of the rare-character sources (Debian packages)
//   OFL-NotoSansSC.txt, OFL-LXGWWenKai.txt   the licences of the 黑体 and 楷体 faces
//   hei000-<hash>.ttf, kai…, title…   the role chunks (role "hei" | "kai" | "title" in the manifest)
//
// After the main font's chunks come the rare-character chunks (tier "rare", "pua": true): every Han ideograph the
// main font cannot print through jsPDF, from Noto Serif SC's own glyphs beyond the BMP, then HanaMinA/B
// (fonts-hanazono), then BabelStone Han (fonts-babelstone-han); each maps its characters to U+E000… in code point
// order (see src/core/pdf/fonts/manifest.ts).
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
const SCRIPT_VERSION = 3;
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

/** Where the rare characters come from, in order of preference: the main font's own (beyond the BMP, same design),
 *  then Debian's fonts (installed by .ci/run). Licences: Hanazono is dual-licensed, used here under the Hanazono
 *  Font License (free use, copy, modification, redistribution); BabelStone Han under the Arphic Public License. */
const RARE_SOURCES = [
  { face: FAMILY, file: null, apt: null },
  { face: 'HanaMinA', file: '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf', apt: 'fonts-hanazono', license: 'Hanazono Font License', licenseFile: 'HANAZONO.txt', copyright: '/usr/share/doc/fonts-hanazono/copyright' },
  { face: 'HanaMinB', file: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf', apt: 'fonts-hanazono', license: 'Hanazono Font License', licenseFile: 'HANAZONO.txt', copyright: '/usr/share/doc/fonts-hanazono/copyright' },
  { face: 'BabelStone Han', file: '/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf', apt: 'fonts-babelstone-han', license: 'Arphic Public License', licenseFile: 'BABELSTONE-HAN.txt', copyright: '/usr/share/doc/fonts-babelstone-han/copyright' },
];
/** The faces of the heading roles (src/core/pdf/fonts/roles.ts), all under the SIL Open Font License 1.1. Each
 *  covers the headings' fixed wording (its chunk 0) and GB2312 (small chunks, for a studio's name in 黑体); any
 *  other character falls back to the main serif. */
const ROLE_SOURCES = [
  { role: 'hei', face: 'Noto Sans SC Medium', package: '@expo-google-fonts/noto-sans-sc', file: '500Medium/NotoSansSC_500Medium.ttf', licenseFile: 'OFL-NotoSansSC.txt', packageLicense: 'LICENSE_FONT' },
  { role: 'kai', face: 'LXGW WenKai', apt: 'fonts-lxgw-wenkai', file: '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf', licenseFile: 'OFL-LXGWWenKai.txt', copyright: '/usr/share/doc/fonts-lxgw-wenkai/copyright' },
  { role: 'title', face: 'Noto Serif SC Bold', package: PACKAGE, file: '700Bold/NotoSerifSC_700Bold.ttf', licenseFile: 'OFL.txt' },
];
/** Aimed size of a role chunk after its chunk 0: a heading needs few characters beyond the fixed wording. */
const ROLE_CHUNK_BYTES = 16 * 1024;
/** A rare chunk's characters sit at U+E000 onwards; the BMP private-use area holds 6,400. */
const PUA_START = 0xe000;
const MAX_PUA_CHARACTERS = 6400;

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
const headingTexts = collectHeadingTexts();
const fixedTextsHash = createHash('sha256').update([...fixedTexts].sort().join('') + '|' + [...headingTexts].sort().join('')).digest('hex').slice(0, 16);

for (const rare of RARE_SOURCES) {
  if (rare.file !== null && !fs.existsSync(rare.file)) fail(`${rare.file} is missing: install it with \`apt-get install -y ${rare.apt}\` (rare characters).`);
}
for (const role of ROLE_SOURCES) {
  if (role.package !== undefined) {
    let dir;
    try {
      dir = path.dirname(require.resolve(`${role.package}/package.json`));
    } catch {
      fail(`${role.package} is not installed: run \`npm install\` (it is a devDependency; ${role.role} role).`);
    }
    role.path = path.join(dir, role.file);
    role.source = `${role.package}@${JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version}`;
    if (role.packageLicense !== undefined) role.copyright = path.join(dir, role.packageLicense);
  } else {
    role.path = role.file;
    role.source = `Debian ${role.apt}`;
  }
  if (!fs.existsSync(role.path)) fail(`${role.path} is missing: ${role.apt ? `install it with \`apt-get install -y ${role.apt}\`` : 'the package layout changed'} (${role.role} role).`);
}
/** Identifies the installed rare and role fonts (their sizes): a new Debian version rebuilds. */
const rareSourcesKey = [
  ...RARE_SOURCES.map((rare) => `${rare.face}:${rare.file === null ? source : fs.statSync(rare.file).size}`),
  ...ROLE_SOURCES.map((role) => `${role.role}:${role.source}:${fs.statSync(role.path).size}`),
].join(',');

if (!force && upToDate()) {
  const manifest = readJson(path.join(outDir, 'manifest.json'));
  report(manifest, true);
  process.exit(0);
}

const { default: subsetFont } = await import('subset-font');
const sfnt = await loadSfntReaders();
const font = fs.readFileSync(fontPath);
const cmap = sfnt.readCmapGlyphs(font);
const glyphBytes = sfnt.readGlyphSizes(font);
const nameRecords = sfnt.readNameRecords(font);

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
  const weight = (cp) => glyphBytes[cmap.get(cp)] + 24; // glyf + loca + hmtx + cmap entries, roughly
  for (const codePoints of balancedSplit(list, weight)) plannedChunks.push({ tier, codePoints });
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

// Rare characters: every Han ideograph the main font cannot print through jsPDF (beyond the BMP, or missing from
// it) comes from the first rare source that has it. Such a chunk maps its characters, in code point order, to
// U+E000, U+E001, … (jsPDF addresses glyphs by one UTF-16 unit); the PDF writer puts the real code points back
// into the PDF's ToUnicode map, so the text extracts as itself.
const rareSources = RARE_SOURCES.map(openRareSource);
const rareTaken = new Set();
for (const rare of rareSources) {
  const list = [...rare.cmap.keys()]
    .filter((cp) => isIdeograph(cp) && !assigned.has(cp) && !rareTaken.has(cp))
    .sort(byCodePoint);
  for (const cp of list) rareTaken.add(cp);
  const weight = (cp) => rare.glyphBytes[rare.cmap.get(cp)] + 24;
  for (const codePoints of balancedSplit(list, weight, MAX_PUA_CHARACTERS)) {
    const index = chunks.length;
    const subset = await subsetFont(rare.bytes, String.fromCodePoint(...codePoints), {
      targetFormat: 'sfnt',
      noLayoutClosure: true,
      dropTables: DROP_TABLES,
      preserveNameIds: NAME_IDS,
    });
    const subsetCmap = sfnt.readCmapGlyphs(subset, { subtable: 'full' });
    const entries = codePoints.map((cp, i) => {
      const glyph = subsetCmap.get(cp);
      if (glyph === undefined) fail(`rare chunk ${index} (${rare.face}) lacks ${hex(cp)}`);
      return [PUA_START + i, glyph];
    });
    const bytes = Buffer.from(sfnt.withBmpCmap(subset, entries));
    const mapped = checkChunk(bytes, entries.map(([pua]) => pua), index, true);
    if (mapped.length !== codePoints.length) fail(`rare chunk ${index} maps ${mapped.length} private-use characters, not ${codePoints.length}`);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
    const file = `c${String(index).padStart(3, '0')}-${hash}.ttf`;
    fs.writeFileSync(path.join(tmpDir, file), bytes);
    chunks.push({ file, bytes: bytes.length, tier: 'rare', face: rare.face, pua: true, characters: codePoints.length, ranges: toRanges(codePoints) });
  }
}

// Role chunks: each heading face's chunk 0 holds the headings' fixed wording, then GB2312 in small chunks; they
// list only what their face maps (anything else prints in the main serif).
const roleCommon = [...headingTexts].map((c) => c.codePointAt(0));
const roleRest = [...chunk0.filter((cp) => !isHan(cp)), ...gb2312Rows1And2, ...gb2312Level1, ...gb2312Level2, ...gb2312Symbols];
for (const role of ROLE_SOURCES) {
  const bytes = fs.readFileSync(role.path);
  if (!sfnt.isTrueTypeWithGlyf(bytes)) fail(`${role.path} is not a TrueType font with glyf outlines`);
  const roleCmap = sfnt.readCmapGlyphs(bytes);
  const roleGlyphBytes = sfnt.readGlyphSizes(bytes);
  const maps = (cp) => cp <= 0xffff && !(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) && (roleCmap.get(cp) ?? 0) !== 0;
  const taken = new Set();
  const pick = (list) => list.filter((cp) => maps(cp) && !taken.has(cp) && taken.add(cp)).sort(byCodePoint);
  const planned = [{ tier: 'role-common', codePoints: pick(roleCommon) }];
  const rest = pick(roleRest);
  const weight = (cp) => roleGlyphBytes[roleCmap.get(cp)] + 24;
  for (const codePoints of balancedSplit(rest, weight, Infinity, ROLE_CHUNK_BYTES)) planned.push({ tier: 'role-gb2312', codePoints });
  const listedByRole = new Set();
  let n = 0;
  for (const { tier, codePoints: wanted } of planned) {
    const codePoints = wanted.filter((cp) => !listedByRole.has(cp));
    if (codePoints.length === 0) continue;
    const subset = await subsetFont(bytes, String.fromCodePoint(...codePoints), {
      targetFormat: 'sfnt',
      noLayoutClosure: true,
      dropTables: DROP_TABLES,
      preserveNameIds: NAME_IDS,
    });
    const subsetCmap = sfnt.readCmapGlyphs(subset);
    const missing = codePoints.filter((cp) => !subsetCmap.get(cp));
    if (missing.length > 0) fail(`${role.role} chunk ${n} lacks ${missing.map(hex).join(' ')}`);
    // hb-subset may add bidi mirrors: list what it maps and no other role chunk lists.
    const listed = [...subsetCmap.keys()].filter((cp) => maps(cp) && !listedByRole.has(cp)).sort(byCodePoint);
    for (const cp of listed) listedByRole.add(cp);
    const hash = createHash('sha256').update(subset).digest('hex').slice(0, 8);
    const file = `${role.role}${String(n).padStart(3, '0')}-${hash}.ttf`;
    fs.writeFileSync(path.join(tmpDir, file), subset);
    chunks.push({ file, bytes: subset.length, tier, face: role.face, role: role.role, characters: listed.length, ranges: toRanges(listed) });
    n++;
  }
}

const manifest = {
  family: FAMILY,
  license: LICENSE,
  licenseFile: 'OFL.txt',
  source,
  sourceFile: FONT_FILE,
  fontVersion: nameRecords.get(5) ?? '',
  scriptVersion: SCRIPT_VERSION,
  fixedTextsHash,
  rareSourcesKey,
  faces: [
    { face: FAMILY, license: LICENSE, licenseFile: 'OFL.txt' },
    ...rareSources.filter((rare) => rare.face !== FAMILY).map((rare) => ({ face: rare.face, license: rare.license, licenseFile: rare.licenseFile, source: rare.source })),
    ...ROLE_SOURCES.map((role) => ({ face: role.face, role: role.role, license: LICENSE, licenseFile: role.licenseFile, source: `${role.source} (${role.file})` })),
  ],
  chunks,
};
fs.writeFileSync(path.join(tmpDir, 'manifest.json'), JSON.stringify(manifest));
fs.writeFileSync(path.join(tmpDir, 'OFL.txt'), licenceText());
for (const rare of rareSources) {
  if (rare.face === FAMILY) continue;
  const text = [
    `${rare.face}: subset chunk fonts (c*.ttf with tier "rare" and face "${rare.face}" in manifest.json) for the rare`,
    `characters of the PDFs of this site, made with HarfBuzz hb-subset from ${rare.file} (Debian package ${rare.apt}).`,
    'Each keeps the original outlines and metrics of some characters; their cmap is rewritten to private-use code',
    `points. Used under: ${rare.license}. The Debian copyright file of the package follows.`,
    '',
    '-'.repeat(72),
    '',
    fs.readFileSync(rare.copyright, 'utf8').trimEnd(),
    '',
  ];
  fs.writeFileSync(path.join(tmpDir, rare.licenseFile), text.join('\n'));
}
for (const role of ROLE_SOURCES) {
  if (role.copyright === undefined) continue; // the main package's licence, already in OFL.txt
  const text = [
    `${role.face}: subset chunk fonts (${role.role}*.ttf in manifest.json, the ${role.role} role of the PDFs of this site),`,
    `made with HarfBuzz hb-subset from ${role.file} (${role.source}). Each keeps the original outlines and`,
    'metrics of some characters; OpenType layout and vertical metrics tables are left out. They are distributed',
    `under the same licence, the ${LICENSE}, below.`,
    '',
    '-'.repeat(72),
    '',
    fs.readFileSync(role.copyright, 'utf8').trimEnd(),
    '',
  ];
  fs.writeFileSync(path.join(tmpDir, role.licenseFile), text.join('\n'));
}
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
    if (manifest.fixedTextsHash !== fixedTextsHash || manifest.rareSourcesKey !== rareSourcesKey) return false;
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
  const roles = ROLE_SOURCES.map((role) => {
    const own = manifest.chunks.filter((chunk) => chunk.role === role.role);
    return `${role.role} ${own.length} chunks ${own.reduce((sum, chunk) => sum + chunk.bytes, 0)} bytes (chunk 0 ${own[0]?.bytes ?? 0})`;
  });
  const ms = Math.round(performance.now() - started);
  const what = skipped ? 'up to date, skipped' : 'built';
  console.log(
    `build-fonts: ${what} (${manifest.source}, script v${manifest.scriptVersion}) in ${ms} ms: ` +
      `${manifest.chunks.length} chunks, ${characters} characters, ${total} bytes in total, ` +
      `chunk 0 ${first.bytes} bytes (${first.characters} characters); ${roles.join('; ')} -> ${path.relative(root, outDir)}/`,
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

/** What the documents print in the heading roles, from our own content: frontmatter wording (issuer, titles,
 *  cover, opinion blocks), "## " headings, the schema's titles (the 申报材料 headings), and the few words the
 *  layout itself adds. tests/unit/pdf-fonts-build.test.ts checks that the blank documents need nothing more. */
function collectHeadingTexts() {
  const chars = new Set();
  const addText = (text) => {
    for (const c of text) chars.add(c);
  };
  const FRONTMATTER_KEYS = new Set(['issuer', 'title', 'titleLines', 'coverFields', 'coverFooter', 'opinionBlocks', 'notesTitle']);
  for (const file of listFiles('src/content', '.md')) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const [, frontmatter = '', body = ''] = text.split(/^---$/m);
    let key = '';
    for (const line of frontmatter.split('\n')) {
      const keyed = /^(\w+):\s*(.*)$/.exec(line);
      if (keyed) {
        key = keyed[1];
        if (FRONTMATTER_KEYS.has(key)) addText(keyed[2]);
      } else if (FRONTMATTER_KEYS.has(key)) addText(line.replace(/^\s*-\s*/, ''));
    }
    for (const line of body.split('\n')) if (line.startsWith('## ')) addText(line.slice(3));
  }
  const addTitles = (value) => {
    if (Array.isArray(value)) value.forEach(addTitles);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'title' && typeof item === 'string') addText(item);
        else addTitles(item);
      }
    }
  };
  addTitles(readJson(path.join(root, 'schemas/application.schema.json')));
  addText('填 表 说 明附件0123456789（工作室名称）未完成 · 仅供核对');
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

/** Splits a list into as many chunks as TARGET_CHUNK_BYTES asks (at most `maxCount` code points each), cut where
 *  the running weight crosses each share. */
function balancedSplit(list, weight, maxCount = Infinity, target = TARGET_CHUNK_BYTES) {
  if (list.length === 0) return [];
  const total = list.reduce((sum, cp) => sum + weight(cp), 0);
  const count = Math.max(1, Math.ceil(total / target), Math.ceil(list.length / maxCount));
  const out = [];
  let current = [];
  let running = 0;
  let index = 1;
  for (const cp of list) {
    if (current.length >= maxCount) {
      out.push(current);
      current = [];
    }
    current.push(cp);
    running += weight(cp);
    if (index < count && running >= (total * index) / count) {
      out.push(current);
      current = [];
      index++;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A Han ideograph (unified, extensions A–I, compatibility): what a name or a place may need. */
function isIdeograph(cp) {
  const c = String.fromCodePoint(cp);
  return /\p{Ideographic}/u.test(c) && /\p{Script=Han}/u.test(c);
}

function openRareSource(rare) {
  const bytes = rare.file === null ? font : fs.readFileSync(rare.file);
  if (!sfnt.isTrueTypeWithGlyf(bytes)) fail(`${rare.file} is not a TrueType font with glyf outlines`);
  const cmapFull = sfnt.readCmapGlyphs(bytes, { subtable: 'full' });
  const version = rare.file === null ? source : `${rare.apt} (${path.basename(rare.file)}, ${sfnt.readNameRecords(bytes).get(5) ?? 'unknown version'})`;
  return { ...rare, bytes, cmap: cmapFull, glyphBytes: sfnt.readGlyphSizes(bytes), source: version };
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
function checkChunk(bytes, codePoints, index, privateUse = false) {
  if (!sfnt.isTrueTypeWithGlyf(bytes) || bytes.readUInt32BE(0) !== 0x00010000) {
    fail(`chunk ${index} is not a TrueType font with glyf outlines`);
  }
  const chunkCmap = sfnt.readCmapGlyphs(bytes);
  const missing = codePoints.filter((cp) => !chunkCmap.get(cp));
  if (missing.length > 0) fail(`chunk ${index} lacks ${missing.map(hex).join(' ')}`);
  const mapped = [...chunkCmap.keys()].filter(privateUse ? () => true : printable);
  const planned = new Set(codePoints);
  const unexpected = mapped.filter((cp) => (privateUse ? !planned.has(cp) : !assigned.has(cp)));
  if (unexpected.length > 0) fail(`chunk ${index} maps characters outside the plan: ${unexpected.map(hex).join(' ')}`);
  return mapped;
}

function licenceText() {
  const licence = fs.readFileSync(path.join(packageDir, LICENSE_FILE), 'utf8');
  const lines = [
    `${FAMILY} Regular (c*.ttf) and Bold (title*.ttf, the 小标宋 title role), as subset chunk fonts for the PDFs of this site`,
    '',
    `Copyright notice in the font: ${nameRecords.get(0) ?? '(none)'}`,
  ];
  if (nameRecords.has(7)) lines.push(`Trademark: ${nameRecords.get(7)}`);
  lines.push(
    `Font version: ${nameRecords.get(5) ?? '(unknown)'}`,
    `Source: ${FONT_FILE} and ${ROLE_SOURCES.find((role) => role.role === 'title')?.file} from the npm package ${source}`,
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

/** The sfnt readers of src/core/pdf/fonts/cmap.ts (one copy for the browser and the build), compiled by esbuild. */
async function loadSfntReaders() {
  const { transform } = await import('esbuild');
  const file = path.join(root, 'src/core/pdf/fonts/cmap.ts');
  const { code } = await transform(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', sourcefile: file });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function hex(cp) {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
