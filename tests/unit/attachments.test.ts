import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/application/types';
import { ATTACHMENT_RULES, checkIncoming, videoDurationAdvice } from '../../src/core/attachments/rules';
import { preSendCheck } from '../../src/core/attachments/preSend';
import type { AttachmentCategory, AttachmentMeta } from '../../src/core/draft/types';
import { emptyApplication } from '../../src/core/application/schema';
import { typicalApplication } from './fixture';

const MB = 1024 * 1024;

/** The first bytes a real file of that name starts with: the check reads content as well as names. */
function file(name: string, size: number): { name: string; size: number; head: Uint8Array } {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  const heads: Record<string, number[]> = {
    jpg: [0xff, 0xd8, 0xff, 0xe0],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    mp4: [0, 0, 0, 0x18, ...ascii('ftypmp42')],
    pdf: ascii('%PDF-1.7'),
    docx: [0x50, 0x4b, 0x03, 0x04],
  };
  return { name, size, head: new Uint8Array(heads[ext] ?? []) };
}

function meta(category: AttachmentCategory, order: number, caption?: string): AttachmentMeta {
  return { id: `${category}-${order}`, draftId: 'd1', category, name: `${order}.jpg`, type: 'image/jpeg', size: 1000, order, addedAt: '2021-07-01T00:00:00.000Z', ...(caption === undefined ? {} : { caption }) };
}

const issue = (severity: Issue['severity'], message: string): Issue => ({ path: 'cover.studioName', label: '工作室名称', message, severity, rule: 'test' });

describe('what each attachment category accepts', () => {
  it('accepts a file of the right type and size, whatever the case of its extension', () => {
    expect(checkIncoming('photos', file('外景.JPG', 2 * MB), 0)).toEqual({ ok: true });
    expect(checkIncoming('video', file('介绍.mp4', 700 * MB), 0)).toEqual({ ok: true });
    expect(checkIncoming('other', file('说明.docx', 1), 49)).toEqual({ ok: true });
  });

  it('refuses another type, naming the file, the category and what it takes', () => {
    expect(checkIncoming('photos', file('外景.heic', 1000), 0)).toEqual({
      ok: false,
      message: '“外景.heic”不能作为工作室内外观布局照片：只接受JPG 或 PNG 照片（扩展名 jpg、jpeg、png）。请转换格式后再添加。',
    });
    expect(checkIncoming('proof.honors', file('证书', 1000), 0).ok).toBe(false);
  });

  it('refuses an empty file and one over the limit, with the sizes', () => {
    expect(checkIncoming('proof.investment', file('证明.pdf', 0), 0)).toMatchObject({ ok: false, message: expect.stringContaining('是空文件（0 字节）') });
    const big = checkIncoming('photos', file('大图.png', 31 * MB), 0);
    expect(big).toEqual({ ok: false, message: '“大图.png”太大（31 MB），工作室内外观布局照片每个文件不能超过 30 MB。请压缩后再添加。' });
    expect(checkIncoming('photos', file('刚好.png', ATTACHMENT_RULES.photos.maxBytes), 0).ok).toBe(true);
  });

  it('takes one video only, and at most the category’s count of other files', () => {
    expect(checkIncoming('video', file('新.mp4', MB), 1)).toEqual({ ok: false, message: '工作室介绍视频只需要一个文件。如要换成“新.mp4”，请先删除或替换已有的文件。' });
    expect(checkIncoming('photos', file('第31张.jpg', MB), 30)).toEqual({ ok: false, message: '工作室内外观布局照片最多 30 个文件。' });
  });

  it('advises on a video far from five minutes, never refuses it', () => {
    expect(videoDurationAdvice(300)).toBeNull();
    expect(videoDurationAdvice(95)).toBe('视频时长 1分35秒，通知要求 5 分钟左右，建议补充到 3 分钟以上。');
    expect(videoDurationAdvice(9 * 60 + 5)).toBe('视频时长 9分5秒，通知要求 5 分钟左右，建议剪辑到 8 分钟以内。');
    expect(videoDurationAdvice(Number.NaN)).toBeNull();
    expect(videoDurationAdvice(0)).toBeNull();
  });
});

describe('the check before sending', () => {
  const complete = [meta('video', 0), meta('photos', 0, '外景'), meta('photos', 1, '内景'), meta('proof.investment', 0), meta('proof.innovations', 0), meta('proof.economicBenefit', 0), meta('proof.talents', 0), meta('proof.honors', 0)];

  it('finds nothing for a complete application with every attachment', () => {
    expect(preSendCheck(typicalApplication(), [], complete, [])).toEqual([]);
  });

  it('counts the form’s errors, lists unprintable characters with their fields, and passes warnings on', () => {
    const items = preSendCheck(typicalApplication(), [issue('error', 'a'), issue('error', 'b'), issue('warning', '名称中没有领衔人姓名')], complete, [
      { char: '😀', fields: [{ label: '领衔人的姓名' }, { label: '团队成员第2行的姓名' }] },
    ]);
    expect(items).toEqual([
      { severity: 'error', text: '申报表还有2项需要填写或修改。', view: 'review' },
      { severity: 'error', text: '字符“😀” U+1F600（表情符号）无法打印到PDF中（在「领衔人的姓名」、「团队成员第2行的姓名」），请改用可打印的写法。', view: 'output' },
      { severity: 'warning', text: '名称中没有领衔人姓名', view: 'review' },
    ]);
  });

  it('warns of a missing video, too few or uncaptioned photos', () => {
    const texts = preSendCheck(emptyApplication(), [], [meta('photos', 0, ' ')], []).map((i) => i.text);
    expect(texts).toEqual([
      '还没有添加工作室介绍视频（通知要求拍摄5分钟左右的视频）。',
      '工作室内外观布局照片只有1张，建议至少2张（外景、内景等）。',
      '有1张照片没有说明（如外景、内景），材料包中将以“照片”命名。',
    ]);
  });

  it('asks for the proof of each starred figure that is filled in, and only those (填表说明5)', () => {
    const app = typicalApplication();
    const withoutProofs = complete.filter((a) => !a.category.startsWith('proof.'));
    const missing = preSendCheck(app, [], withoutProofs, []).map((i) => i.text);
    expect(missing).toHaveLength(5);
    expect(missing[0]).toBe('已填写相关内容，但还没有添加“经费投入证明”（填表说明5：带“*”项须提供证明复印件）。');
    app.performance.innovations = [];
    app.leader.honors = [];
    app.performance.investment = {};
    expect(preSendCheck(app, [], withoutProofs, []).map((i) => i.text.match(/“(.+?)”/)?.[1])).toEqual(['经济效益证明', '培养人才证明']);
  });
});
