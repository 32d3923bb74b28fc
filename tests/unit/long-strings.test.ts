import { describe, expect, it } from 'vitest';
import { findOverLengthInJson, findOverLimit } from '../../src/core/application/cleanText';
import { longStrings } from '../../src/core/application/longStrings';
import { rootSchemaNode } from '../../src/core/application/schema';

describe('long strings found in a JSON text without parsing it', () => {
  it('gives the dotted path and the unescaped length of each string longer than the bound', () => {
    const value = {
      cover: { studioName: '短' },
      summary: 'a'.repeat(30),
      'we"ird': 'b'.repeat(25),
      team: { members: [{ name: '甲' }, { name: '\u4e59\n'.repeat(20) }, { name: '𠮷'.repeat(11) }] },
      list: [['x'.repeat(21)], 'no', 3, null, true],
    };
    const text = JSON.stringify(value, null, 1);
    expect(longStrings(text, 20)).toEqual([
      { path: 'summary', length: 30 },
      { path: 'we"ird', length: 25 },
      { path: 'team.members.1.name', length: 40 },
      { path: 'team.members.2.name', length: 22 },
      { path: 'list.0.0', length: 21 },
    ]);
    // \u escapes count as one unit, as String.length does.
    expect(longStrings(JSON.stringify({ k: '\u0001'.repeat(30) }), 20)).toEqual([{ path: 'k', length: 30 }]);
  });

  it('names the same over-long fields as the check of the parsed data', () => {
    const app = { summary: '劳'.repeat(60_000), cover: { studioName: '名'.repeat(600) }, team: { members: [{ name: '张三' }, { name: '人'.repeat(501) }] } };
    const parsed: string[] = [];
    findOverLimit(rootSchemaNode, app, '', parsed);
    const scanned = findOverLengthInJson(JSON.stringify(app));
    expect(scanned.length).toBeGreaterThan(1);
    expect(scanned.sort()).toEqual(parsed.filter((m) => m.includes('个字符')).sort());
    expect(findOverLengthInJson(JSON.stringify({ data: app }), 'data').sort()).toEqual(scanned.sort());
    expect(findOverLengthInJson(JSON.stringify({ summary: '短' }))).toEqual([]);
  });
});
