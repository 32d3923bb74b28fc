// Coverage planning and run splitting against a small hand-made manifest shaped like the real one (chunk 0 with
// the common characters, later chunks with rarer ones); no font files needed.
import { describe, expect, it } from 'vitest';
import {
  charactersOf,
  createFontResolver,
  characterLabel,
  describeUnprintable,
  fontFor,
  planFonts,
  runsByFont,
  UnprintableCharacterError,
  type ExtraFont,
} from '../../src/core/pdf/fonts/coverage';
import { FontManifestError, validateFontManifest, type FontManifest } from '../../src/core/pdf/fonts/manifest';

const cp = (char: string): number => char.codePointAt(0) ?? -1;
const COMMON = '黄男女工程师劳模创新工作室申报表中文，。：（）“”、一二三年月日';

function manifestJson(): unknown {
  const common = [...new Set(COMMON)].map(cp).sort((a, b) => a - b);
  return {
    family: 'Noto Serif SC',
    license: 'SIL Open Font License 1.1',
    source: '@expo-google-fonts/noto-serif-sc@0.4.3',
    scriptVersion: 1,
    chunks: [
      { file: 'c000-0123abcd.ttf', bytes: 1000, tier: 'common', ranges: [[0x20, 0x7e], ...common] },
      { file: 'c009-89abcdef.ttf', bytes: 200, tier: 'gb2312-level2', ranges: [cp('毂')] },
      { file: 'c044-deadbeef.ttf', bytes: 300, tier: 'gbk-han', ranges: [[cp('燊') - 2, cp('燊') + 2]] },
      { file: 'c046-feedface.ttf', bytes: 400, tier: 'gbk-han', ranges: [cp('玥')] },
      { file: 'c140-0badf00d.ttf', bytes: 500, tier: 'rare', pua: true, face: 'HanaMinB', ranges: [0x20000, [0x20bb5, 0x20bb7], 0x2a6a5] },
    ],
  };
}
const manifest: FontManifest = validateFontManifest(manifestJson());
const CHUNK0 = 'c000-0123abcd.ttf';
const SHEN = 'c044-deadbeef.ttf';
const YUE = 'c046-feedface.ttf';
const RARE = 'c140-0badf00d.ttf';

describe('charactersOf', () => {
  it('splits by code points, once each, in order of first occurrence', () => {
    expect(charactersOf('𠮷吉𠮷a\n吉')).toEqual(['𠮷', '吉', 'a', '\n']);
    expect(charactersOf('')).toEqual([]);
  });
  it('keeps a lone surrogate as its own character', () => {
    expect(charactersOf('a\ud842b')).toEqual(['a', '\ud842', 'b']);
  });
});

describe('planFonts', () => {
  it('needs only chunk 0 for text within it', () => {
    const plan = planFonts([{ path: 'leader.title', label: '职称', text: '工程师（2021年）\nABC 123' }], manifest);
    expect(plan).toEqual({ chunks: [CHUNK0], extraFonts: [], unprintable: [] });
  });

  it('adds the chunk of a rarer character, in manifest order, once', () => {
    const plan = planFonts(
      [
        { path: 'team.members.7.name', label: '成员8 姓名', text: '龚玥' },
        { path: 'team.members.6.name', label: '成员7 姓名', text: '黄燊' },
        { path: 'summary', label: '简介', text: '黄燊，男' },
      ],
      manifest,
    );
    expect(plan.chunks).toEqual([CHUNK0, SHEN, YUE]);
    // 龚 is in no chunk of this small manifest.
    expect(plan.unprintable.map((u) => u.char)).toEqual(['龚']);
  });

  it('prints characters beyond the BMP from a rare chunk, and reports an emoji with every field it is in', () => {
    const plan = planFonts(
      [
        { path: 'leader.name', label: '领衔人 姓名', text: '𠮷工😀' },
        { path: 'summary', label: '简介', text: '工作室😀😀' },
        { path: 'leader.name', label: '领衔人 姓名', text: '😀' },
      ],
      manifest,
      [{ name: 'User-Everything', covers: () => true }],
    );
    expect(plan.chunks).toEqual([RARE]);
    expect(plan.unprintable).toEqual([
      {
        char: '😀',
        codePoint: 0x1f600,
        reason: 'no-font',
        fields: [
          { path: 'leader.name', label: '领衔人 姓名' },
          { path: 'summary', label: '简介' },
        ],
      },
    ]);
    expect(describeUnprintable(plan.unprintable[0]!)).toBe('“😀” U+1F600（表情符号）所用字体中没有这个字符；见于：领衔人 姓名、简介。');
  });

  it('names invisible characters by code point and name, never as an empty “”', () => {
    const plan = planFonts([{ path: 'remarks', label: '备注', text: '👍\u200d\ufe0f工' }], manifest);
    expect(plan.unprintable.map((u) => [u.codePoint, u.reason])).toEqual([
      [0x1f44d, 'no-font'],
      [0x200d, 'invisible'],
      [0xfe0f, 'invisible'],
    ]);
    expect(plan.unprintable.map((u) => characterLabel(u.char))).toEqual(['“👍” U+1F44D（表情符号）', 'U+200D（零宽连接符）', 'U+FE0F（表情样式选择符）']);
    expect(describeUnprintable(plan.unprintable[1]!)).toBe('U+200D（零宽连接符）是不可见的格式字符，打印出来是空白或方框；见于：备注。');
    expect(characterLabel('ཀ')).toBe('“ཀ” U+0F40（藏文）');
  });

  it('reports control characters other than \\n, and lone surrogates', () => {
    const plan = planFonts([{ path: 'remarks', label: '备注', text: '一\t二\r\n三\u0000\u0085\ud842' }], manifest);
    expect(plan.unprintable.map((u) => [u.codePoint, u.reason])).toEqual([
      [0x09, 'control'],
      [0x0d, 'control'],
      [0x00, 'control'],
      [0x85, 'control'],
      [0xd842, 'lone-surrogate'],
    ]);
    expect(describeUnprintable(plan.unprintable[0]!)).toBe('U+0009（制表符）是不可见的控制字符；见于：备注。');
  });

  it('reports characters no font covers with reason no-font', () => {
    const plan = planFonts([{ path: 'x', label: 'X', text: '鑫' }], manifest);
    expect(plan.unprintable).toEqual([{ char: '鑫', codePoint: cp('鑫'), reason: 'no-font', fields: [{ path: 'x', label: 'X' }] }]);
    expect(plan.chunks).toEqual([]);
  });

  it('prefers extra fonts and falls back to the bundled chunks for what they lack', () => {
    const fangsong: ExtraFont = { name: 'User-FangSong', covers: (c) => c !== cp('燊') && c < 0x10000 };
    const plan = planFonts([{ path: 'team.members.6.name', label: '成员7 姓名', text: '黄燊 鑫' }], manifest, [fangsong]);
    expect(plan.extraFonts).toEqual(['User-FangSong']);
    expect(plan.chunks).toEqual([SHEN]);
    expect(plan.unprintable).toEqual([]);
  });

  it('lists an extra font only when it prints something', () => {
    const none: ExtraFont = { name: 'User-Nothing', covers: () => false };
    expect(planFonts([{ path: 'a', label: 'A', text: '中文' }], manifest, [none]).extraFonts).toEqual([]);
  });
});

describe('fontFor and runsByFont', () => {
  const resolver = createFontResolver(manifest);

  it('finds the chunk of a code point by binary search over the ranges', () => {
    expect(resolver.fontFor(cp('A'))).toBe(CHUNK0);
    expect(resolver.fontFor(cp('燊') + 2)).toBe(SHEN);
    expect(resolver.fontFor(cp('燊') + 3)).toBeNull();
    expect(resolver.fontFor(0x20bb7)).toBe(RARE);
    expect(resolver.fontFor(0x20bb8)).toBeNull();
    expect(resolver.fontFor(0x0a)).toBeNull();
    expect(fontFor(cp('玥'), manifest)).toBe(YUE);
    expect(resolver.isChunk(YUE)).toBe(true);
    expect(resolver.isChunk('User-FangSong')).toBe(false);
  });

  it('splits a text into runs of one font each', () => {
    expect(runsByFont('工程师黄燊、龚玥玥。', createFontResolver(manifest, [{ name: 'U', covers: (c) => c === cp('龚') }]))).toEqual([
      { font: CHUNK0, text: '工程师黄' },
      { font: SHEN, text: '燊' },
      { font: CHUNK0, text: '、' },
      { font: 'U', text: '龚' },
      { font: YUE, text: '玥玥' },
      { font: CHUNK0, text: '。' },
    ]);
  });

  it('keeps line breaks inside the current run, or the next one at the start', () => {
    expect(runsByFont('\n燊\n一\n', resolver)).toEqual([
      { font: SHEN, text: '\n燊\n' },
      { font: CHUNK0, text: '一\n' },
    ]);
    expect(runsByFont('\n\n', resolver)).toEqual([{ font: CHUNK0, text: '\n\n' }]);
    expect(runsByFont('', resolver)).toEqual([]);
  });

  it('hands a rare chunk its private-use stand-ins, in the order of its ranges, and decodes them back', () => {
    expect(runsByFont('𠀀工𠮷𠮵𪚥', resolver)).toEqual([
      { font: RARE, text: '\ue000' },
      { font: CHUNK0, text: '工' },
      { font: RARE, text: '\ue003\ue001\ue004' },
    ]);
    expect([0xe000, 0xe001, 0xe003, 0xe004, 0xe005].map((code) => resolver.decode(RARE, code))).toEqual([0x20000, 0x20bb5, 0x20bb7, 0x2a6a5, null]);
    expect(resolver.decode(CHUNK0, 0xe000)).toBeNull();
    expect(resolver.encode('工', CHUNK0)).toBe('工');
  });

  it('throws on an unprintable character unless a printable replacement is given', () => {
    expect(() => runsByFont('一😀二', resolver)).toThrow(UnprintableCharacterError);
    expect(() => runsByFont('一😀二', resolver)).toThrow('U+1F600');
    expect(runsByFont('一😀二', resolver, { replacement: '（）' })).toEqual([{ font: CHUNK0, text: '一（）二' }]);
    expect(runsByFont('一😀二', resolver, { replacement: '' })).toEqual([{ font: CHUNK0, text: '一二' }]);
    expect(() => runsByFont('一😀', resolver, { replacement: '鑫' })).toThrow(UnprintableCharacterError);
  });
});

describe('validateFontManifest', () => {
  const base = manifestJson();
  const withChunks = (chunks: unknown): unknown => ({ ...(base as object), chunks });

  it('accepts the manifest and keeps its optional fields', () => {
    expect(manifest.chunks).toHaveLength(5);
    expect(manifest.chunks[4]).toMatchObject({ pua: true, face: 'HanaMinB' });
    expect(manifest.chunks[0]?.tier).toBe('common');
    expect(manifest.scriptVersion).toBe(1);
  });

  it.each([
    ['not an object', []],
    ['no family', { ...(base as object), family: '' }],
    ['no chunks', withChunks([])],
    ['a path as file name', withChunks([{ file: '../x.ttf', bytes: 1, ranges: [65] }])],
    ['a URL as file name', withChunks([{ file: 'https://cdn.example/x.ttf', bytes: 1, ranges: [65] }])],
    ['zero bytes', withChunks([{ file: 'a.ttf', bytes: 0, ranges: [65] }])],
    ['unsorted ranges', withChunks([{ file: 'a.ttf', bytes: 1, ranges: [66, 65] }])],
    ['a reversed range', withChunks([{ file: 'a.ttf', bytes: 1, ranges: [[70, 65]] }])],
    ['a range beyond Unicode', withChunks([{ file: 'a.ttf', bytes: 1, ranges: [0x110000] }])],
    ['overlapping chunks', withChunks([{ file: 'a.ttf', bytes: 1, ranges: [[60, 70]] }, { file: 'b.ttf', bytes: 1, ranges: [65] }])],
    ['the same file twice', withChunks([{ file: 'a.ttf', bytes: 1, ranges: [60] }, { file: 'a.ttf', bytes: 1, ranges: [65] }])],
    ['a rare chunk beyond the private-use area', withChunks([{ file: 'a.ttf', bytes: 1, pua: true, ranges: [[0x20000, 0x20000 + 6400]] }])],
  ])('refuses %s with a Chinese message', (_, value) => {
    expect(() => validateFontManifest(value)).toThrow(FontManifestError);
    expect(() => validateFontManifest(value)).toThrow(/^字体清单（manifest.json）格式不正确：/);
  });
});

describe('fonts per role (黑体, 楷体, 小标宋)', () => {
  const HEI = 'hei000-11111111.ttf';
  const HEI_MORE = 'hei001-22222222.ttf';
  const KAI = 'kai000-33333333.ttf';
  const json = manifestJson() as { chunks: unknown[] };
  const withRoles = validateFontManifest({
    ...json,
    chunks: [
      ...json.chunks,
      { file: HEI, bytes: 100, tier: 'role-common', role: 'hei', face: 'Noto Sans SC Medium', ranges: [cp('一'), cp('劳'), cp('工')] },
      { file: HEI_MORE, bytes: 100, tier: 'role-gb2312', role: 'hei', face: 'Noto Sans SC Medium', ranges: [cp('黄')] },
      { file: KAI, bytes: 100, tier: 'role-common', role: 'kai', face: 'LXGW WenKai', ranges: [cp('工')] },
    ],
  });
  const fangsong: ExtraFont = { name: 'User-FangSong', covers: (c) => c === cp('工') || c === cp('劳') };

  it("prints a role's text in its own face, and what that face lacks in the main serif (rare characters too)", () => {
    const resolver = createFontResolver(withRoles);
    expect(resolver.fontFor(cp('劳'), 'hei')).toBe(HEI);
    expect(resolver.fontFor(cp('黄'), 'hei')).toBe(HEI_MORE);
    expect(resolver.fontFor(cp('男'), 'hei')).toBe(CHUNK0);
    expect(resolver.fontFor(cp('𠮷'), 'hei')).toBe(RARE);
    expect(resolver.fontFor(cp('工'), 'kai')).toBe(KAI);
    // 'title' has no chunks here: the serif prints it; 'fangsong' and 'song' never take a role's chunks.
    expect(resolver.fontFor(cp('劳'), 'title')).toBe(CHUNK0);
    expect(resolver.fontFor(cp('劳'), 'fangsong')).toBe(CHUNK0);
    expect(resolver.fontFor(cp('劳'), 'song')).toBe(CHUNK0);
    expect(runsByFont('劳男𠮷', resolver, { role: 'hei' })).toEqual([
      { font: HEI, text: '劳' },
      { font: CHUNK0, text: '男' },
      { font: RARE, text: String.fromCharCode(0xe003) },
    ]);
  });

  it("the applicant's own font replaces only 仿宋: headings keep their faces, 宋 page numbers the serif", () => {
    const resolver = createFontResolver(withRoles, [fangsong]);
    expect(resolver.fontFor(cp('工'), 'fangsong')).toBe('User-FangSong');
    expect(resolver.fontFor(cp('工'), 'hei')).toBe(HEI);
    expect(resolver.fontFor(cp('工'), 'kai')).toBe(KAI);
    expect(resolver.fontFor(cp('工'), 'song')).toBe(CHUNK0);
  });

  it('plans the chunks of each role from texts marked with it', () => {
    const plan = planFonts([{ path: 'a', label: 'A', text: '劳男' }, { path: '', label: '黑体文字', text: '劳黄', role: 'hei' }], withRoles);
    expect(plan.chunks).toEqual([CHUNK0, HEI, HEI_MORE]);
    expect(planFonts([{ path: 'a', label: 'A', text: '劳男' }], withRoles).chunks).toEqual([CHUNK0]);
  });

  it('accepts a code point in several roles, but not twice in one role or a role on a rare chunk', () => {
    const clash = { ...json, chunks: [...json.chunks, { file: HEI, bytes: 1, role: 'hei', ranges: [cp('工')] }, { file: HEI_MORE, bytes: 1, role: 'hei', ranges: [cp('工')] }] };
    expect(() => validateFontManifest(clash)).toThrow(FontManifestError);
    expect(() => validateFontManifest({ ...json, chunks: [...json.chunks, { file: HEI, bytes: 1, role: 'bold', ranges: [1] }] })).toThrow(/role/);
    expect(() => validateFontManifest({ ...json, chunks: [...json.chunks, { file: HEI, bytes: 1, role: 'hei', pua: true, ranges: [1] }] })).toThrow(FontManifestError);
  });
});
