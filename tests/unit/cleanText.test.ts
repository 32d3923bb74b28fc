import { describe, expect, it } from 'vitest';
import { cleanApplication, cleanString, describeFix, SHORT_TEXT_MAX } from '../../src/core/application/cleanText';
import { restoreDraft, newDraft } from '../../src/core/draft/restore';
import { DraftError } from '../../src/core/draft/types';
import { typicalApplication } from './fixture';

const NOW = '2021-07-12T08:00:00.000Z';

describe('cleanString', () => {
  it('removes lone surrogates, NUL and other controls, and bidi overrides, naming each', () => {
    const { text, removed } = cleanString('熊\uD800建\u0000华\u202E劳模\uDC00');
    expect(text).toBe('熊建华劳模');
    expect(removed).toEqual([
      { kind: 'lone-surrogate', codePoints: [0xd800, 0xdc00] },
      { kind: 'control', codePoints: [0] },
      { kind: 'bidi', codePoints: [0x202e] },
    ]);
    // The cleaned text is encodable: encodeURIComponent threw URIError on the lone surrogate.
    expect(() => encodeURIComponent(text)).not.toThrow();
  });

  it('keeps what is legal: surrogate pairs (𠮷), line breaks and tabs', () => {
    const text = '𠮷野家\n第二行\t制表';
    expect(cleanString(text)).toEqual({ text, removed: [] });
  });
});

describe('cleanApplication', () => {
  it('returns the very same object when nothing needs fixing', () => {
    const app = typicalApplication();
    const result = cleanApplication(app);
    expect(result.app).toBe(app);
    expect(result.fixes).toEqual([]);
  });

  it('cleans the studio name and a team member, names the fields, and leaves the rest shared', () => {
    const app = typicalApplication();
    app.cover.studioName = '熊建华\uD83D劳模创新工作室';
    app.team.members[1]!.name = '李\u202E四';
    const { app: cleaned, fixes } = cleanApplication(app);
    expect(cleaned.cover.studioName).toBe('熊建华劳模创新工作室');
    expect(cleaned.team.members[1]!.name).toBe('李四');
    expect(cleaned.leader).toBe(app.leader);
    expect(fixes.map(describeFix)).toEqual([
      '「工作室名称」中的不完整的字符（孤立的代理码元） U+D83D无法显示或打印，已删除。',
      '「团队成员第2行的姓名」中的改变文字方向的控制符 U+202E无法显示或打印，已删除。',
    ]);
  });

  it('cuts text past its limit, never through a surrogate pair, and says so', () => {
    const app = typicalApplication();
    app.cover.unitName = `${'字'.repeat(SHORT_TEXT_MAX - 1)}𠮷尾`;
    const { app: cleaned, fixes } = cleanApplication(app);
    expect(cleaned.cover.unitName).toBe('字'.repeat(SHORT_TEXT_MAX - 1));
    expect(describeFix(fixes[0]!)).toBe(`「所在单位」有 ${SHORT_TEXT_MAX + 2} 个字符，超过了 ${SHORT_TEXT_MAX} 个字符的上限，多出的部分没有保留。`);
  });
});

describe('the data limits on import', () => {
  const file = { kind: 'file', name: '草稿.zip' } as const;

  it('refuses a field of millions of characters, naming the field', () => {
    const data = typicalApplication();
    data.summary = '长'.repeat(2_000_000);
    expect(() => restoreDraft(newDraft(data, NOW, 'd1'), NOW, { source: file })).toThrow(DraftError);
    expect(() => restoreDraft(newDraft(data, NOW, 'd1'), NOW, { source: file })).toThrow(/「工作室简介」有 2,000,000 个字符，超过了 50,000 个字符的上限/);
  });

  it('refuses more than 200 team members, and accepts 200', () => {
    const data = typicalApplication();
    const member = data.team.members[0]!;
    data.team.members = Array.from({ length: 201 }, () => ({ ...member }));
    expect(() => restoreDraft(newDraft(data, NOW, 'd1'), NOW, { source: file })).toThrow(/「团队成员」有 201 项，超过了 200 项的上限/);
    data.team.members = data.team.members.slice(0, 200);
    expect(restoreDraft(newDraft(data, NOW, 'd1'), NOW, { source: file }).data.team.members).toHaveLength(200);
  });

  it('still opens a stored draft past the limits (the form then cuts it)', () => {
    const data = typicalApplication();
    data.summary = '长'.repeat(60_000);
    expect(restoreDraft(newDraft(data, NOW, 'd1'), NOW).data.summary).toHaveLength(60_000);
  });
});
