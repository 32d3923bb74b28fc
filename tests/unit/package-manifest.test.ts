import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { restoreApplication } from '../../src/core/application/importJson';
import { applicationJson, chinaDateTime, describeSize, materialsList } from '../../src/core/package/manifest';
import { schemaValidator, typicalApplication } from './fixture';

// 01:30 on 12 July in China, still 11 July in UTC.
const NOW = '2021-07-11T17:30:00Z';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('材料清单.txt', () => {
  const files = [
    { path: '01-申报表.pdf', size: 65_432, sha256: sha256('form') },
    { path: '04-照片/01-外景.jpg', size: 3_456_789, sha256: sha256('photo') },
    { path: 'application.json', size: 900, sha256: sha256('json') },
  ];

  it('starts with a UTF-8 byte order mark and ends every line with CRLF, for Notepad on Chinese Windows', () => {
    const text = materialsList({ application: typicalApplication(), files, generatedAt: NOW });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(text).subarray(0, 3)).toEqual(Uint8Array.of(0xef, 0xbb, 0xbf));
  });

  it('gives the application’s key facts, the date as 2021年7月12日 and the time in China', () => {
    const lines = materialsList({ application: typicalApplication(), files, generatedAt: NOW }).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '工作室名称：熊建华劳模创新工作室',
        '所在单位：江铃汽车零部件（南昌）有限公司',
        '推荐单位：南昌经开区工会',
        '领衔人：熊建华',
        '联系电话：13807912345',
        '填报日期：2021年7月12日',
        '生成时间：2021年7月12日 01:30（北京时间）',
      ]),
    );
  });

  it('lists every file with its path, size and SHA-256', () => {
    const text = materialsList({ application: typicalApplication(), files, generatedAt: NOW });
    expect(text).toContain('压缩包内的文件（共 3 个，合计 3,523,121 字节（3.4 MB））：');
    expect(text).toContain(['2. 04-照片/01-外景.jpg', '   大小：3,456,789 字节（3.3 MB）', `   SHA-256：${sha256('photo')}`].join('\r\n'));
    expect(text).toContain(['3. application.json', '   大小：900 字节', `   SHA-256：${sha256('json')}`].join('\r\n'));
  });

  it('lists a video sent on its own apart from the package’s files', () => {
    const separate = [{ path: '南昌经开区工会-熊建华劳模创新工作室-工作室介绍视频.mp4', size: 734_003_200, sha256: sha256('video') }];
    const text = materialsList({ application: typicalApplication(), files, separate, generatedAt: NOW });
    expect(text).toContain('另行发送的文件（超大附件，不在压缩包内）：\r\n\r\n1. 南昌经开区工会-熊建华劳模创新工作室-工作室介绍视频.mp4\r\n   大小：734,003,200 字节（700 MB）');
  });

  it('says 未填写 for missing facts and prints the typed name for 其他 推荐单位', () => {
    const application = typicalApplication();
    application.cover.recommender = '其他';
    application.cover.recommenderOther = '南昌市某某局工会';
    delete application.leader.phone;
    const text = materialsList({ application, files: [], generatedAt: NOW });
    expect(text).toContain('推荐单位：南昌市某某局工会');
    expect(text).toContain('联系电话：（未填写）');
  });

  it('describes sizes exactly and readably', () => {
    expect(describeSize(0)).toBe('0 字节');
    expect(describeSize(1023)).toBe('1023 字节');
    expect(describeSize(1536)).toBe('1,536 字节（1.5 KB）');
    expect(describeSize(1024 ** 3)).toBe('1,073,741,824 字节（1 GB）');
    expect(chinaDateTime('2021-12-31T16:05:00Z')).toBe('2022年1月1日 00:05（北京时间）');
  });
});

describe('application.json', () => {
  it('holds the data in the contract’s shape, which validates against the schema, with format version and time', () => {
    const application = typicalApplication();
    const parsed: unknown = JSON.parse(applicationJson(application, NOW));
    expect(parsed).toMatchObject({ format: 'nanchang-lmcx-application', formatVersion: 1, generatedAt: NOW });
    const data = (parsed as { data: unknown }).data;
    expect(data).toEqual(application);
    const validate = schemaValidator();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(restoreApplication(data)).toEqual({ ok: true, data: application, dropped: [] });
  });
});
