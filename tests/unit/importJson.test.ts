import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreApplication, type ImportResult } from '../../src/core/application/importJson';
import { validateApplication } from '../../src/core/application/validate';
import { CTX, schemaValidator, typicalApplication } from './fixture';

const fixtureText = readFileSync(new URL('../fixtures/typical-application.json', import.meta.url), 'utf8');

/** Untrusted JSON text, as a draft file or package carries it. */
function parseApplicationJson(text: string): ImportResult {
  return restoreApplication(JSON.parse(text));
}

function failure(text: string): string | undefined {
  const result = parseApplicationJson(text);
  return result.ok ? undefined : result.message;
}

function reason(text: string): string | undefined {
  const result = parseApplicationJson(text);
  return result.ok ? undefined : result.reason;
}

describe('restoreApplication on parsed JSON', () => {
  it('reads the typical application exactly', () => {
    expect(parseApplicationJson(fixtureText)).toEqual({ ok: true, data: typicalApplication(), dropped: [] });
  });

  it('gives imported data that validates like the original', () => {
    const result = parseApplicationJson(fixtureText);
    expect(result.ok && validateApplication(result.data, CTX, schemaValidator())).toEqual([]);
  });

  it('accepts an incomplete application and fills in the defaults', () => {
    const result = parseApplicationJson('{"cover": {"studioName": ""}, "summary": null}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.cover).toEqual({ studioName: '' });
    expect(result.data.summary).toBeUndefined();
    expect(result.data.leader).toEqual({ ethnicity: '汉族', honors: [] });
    expect(result.data.naming).toEqual({ hasNaming: false, items: [] });
  });

  it.each(['null', '[]', '42', '"申报表"'])('refuses %s as not an application', (text) => {
    expect(failure(text)).toBe('这不是申报表数据文件：文件内容应是一个 JSON 对象。');
  });

  it('refuses __proto__ at the top level', () => {
    expect(failure('{"__proto__": {"polluted": true}, "cover": {}}')).toBe('文件中有不允许的字段名“__proto__”，已拒绝导入。');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses constructor or prototype deep inside the data', () => {
    expect(failure('{"team": {"members": [{"name": "刘晓东", "constructor": {"prototype": {}}}]}}')).toBe(
      '文件中有不允许的字段名“constructor”，已拒绝导入。',
    );
  });

  it('refuses a file with none of the application\'s keys', () => {
    expect(failure('{"name": "熊建华", "age": 50}')).toBe('这不是申报表数据文件：其中没有任何申报表的内容。');
    expect(failure('{}')).toBe('这不是申报表数据文件：其中没有任何申报表的内容。');
  });

  it('imports a file with fields this version does not know, leaving them out and naming them', () => {
    const app: Record<string, unknown> = JSON.parse(fixtureText);
    Object.assign(app, { reviewer: '王五' });
    Object.assign(app['cover'] as object, { fax: '0791-1234567' });
    const honors = (app['leader'] as { honors: Record<string, unknown>[] }).honors;
    Object.assign(honors[0] ?? {}, { certificateNo: 'A-1' });
    const result = parseApplicationJson(JSON.stringify(app));
    expect(result).toEqual({
      ok: true,
      data: typicalApplication(),
      dropped: ['“reviewer”', '「封面」中的“fax”', '「所获荣誉第1行」中的“certificateNo”'],
    });
  });

  it('lists the first five wrongly typed fields by their labels', () => {
    const app: Record<string, unknown> = JSON.parse(fixtureText);
    Object.assign(app['studio'] as object, { area: '260平方米' });
    Object.assign(app['naming'] as object, { hasNaming: 'yes' });
    Object.assign(app['team'] as object, { members: { name: '刘晓东' } });
    Object.assign(app['cover'] as object, { studioName: 1 });
    Object.assign(app, { summary: ['简介'] });
    Object.assign(app['opinions'] as object, { unitUnion: false });
    expect(failure(JSON.stringify(app))).toBe(
      '文件中有6处内容不符合申报表的格式，无法导入：「工作室名称」应为文字；「工作室面积（平方米）」应为数字；「团队成员」应为列表；「是否曾被命名」应为“是”或“否”；「工作室简介」应为文字；……。',
    );
  });

  it('names the row of a wrongly typed list item', () => {
    expect(failure('{"projects": [{"name": "攻关"}, {"name": "改造", "budget": "15万"}]}')).toBe(
      '文件中有1处内容不符合申报表的格式，无法导入：「攻关项目第2行的资金规模（万元）」应为数字。',
    );
  });
});

describe('restoreApplication failure reasons', () => {
  it.each([
    ['not-an-application', '[]'],
    ['not-an-application', '{"name": "熊建华"}'],
    ['invalid-data', '{"cover": {"studioName": 1}, "extra": true}'],
    ['forbidden-key', '{"cover": {"__proto__": {}}}'],
    ['invalid-data', '{"studio": {"area": "260"}}'],
  ])('tells %s apart for callers with their own error codes', (expected, text) => {
    expect(reason(text)).toBe(expected);
  });
});

describe('restoreApplication', () => {
  it('reads an already parsed application exactly, without sharing objects with it', () => {
    const parsed: unknown = JSON.parse(fixtureText);
    const result = restoreApplication(parsed);
    expect(result).toEqual({ ok: true, data: typicalApplication(), dropped: [] });
    expect(result.ok && result.data.cover).not.toBe((parsed as { cover: unknown }).cover);
  });

  it.each([null, undefined, 42, '申报表', []])('refuses %j as not an application', (value) => {
    expect(restoreApplication(value)).toEqual({
      ok: false,
      reason: 'not-an-application',
      message: '这不是申报表数据文件：文件内容应是一个 JSON 对象。',
    });
  });
});
