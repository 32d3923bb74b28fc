import { describe, expect, it } from 'vitest';
import type { AttachmentCategory, AttachmentMeta } from '../../src/core/draft/types';
import { estimatePackageSize, packageLayout, withRootFiles, type PackageAttachment, type PackageInput } from '../../src/core/package/layout';

const ROOT = '南昌经开区工会-熊建华劳模创新工作室-申报材料';

function attachment(category: AttachmentCategory, name: string, type: string, order: number, caption?: string): PackageAttachment {
  const meta: AttachmentMeta = { id: `${category}-${order}`, draftId: 'd', category, name, type, size: 3, order, addedAt: '2021-07-01T00:00:00Z' };
  if (caption !== undefined) meta.caption = caption;
  return { meta, data: new Blob(['abc']) };
}

/** A typical set, given in no particular order. */
function typicalInput(): PackageInput {
  return {
    studioName: '熊建华劳模创新工作室',
    recommender: '南昌经开区工会',
    pdfs: { form: new Blob(['%PDF form']), formA3: new Blob(['%PDF a3']), materials: new Blob(['%PDF materials']) },
    attachments: [
      attachment('photos', 'IMG_0002.jpg', 'image/jpeg', 1, '内景'),
      attachment('other', '合理化建议汇总.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 0),
      attachment('photos', 'IMG_0001.JPG', 'image/jpeg', 0, '外景'),
      attachment('video', 'VID_20210701.mp4', 'video/mp4', 0, '工作室介绍'),
      attachment('proof.investment', '2018-2020年经费投入明细.pdf', 'application/pdf', 0),
      attachment('proof.innovations', '专利证书.jpg', 'image/jpeg', 0),
      attachment('proof.economicBenefit', '经济效益证明.pdf', 'application/pdf', 0),
      attachment('proof.talents', '技能等级晋升文件.pdf', 'application/pdf', 0),
      attachment('proof.honors', '洪城工匠证书.png', 'image/png', 1),
      attachment('proof.honors', '江西省劳动模范证书.jpg', 'image/jpeg', 0),
      attachment('photos', 'IMG_0003.png', 'image/png', 2, '牌匾'),
      attachment('photos', 'plan', '', 3, '布局'),
      attachment('other', '说明.txt', 'text/plain', 1),
    ],
  };
}

describe('package layout', () => {
  it('puts a typical set of files into one root folder in the notice’s order', () => {
    const layout = packageLayout(typicalInput());
    expect(layout.rootFolder).toBe(ROOT);
    expect(layout.zipName).toBe('申报材料包-南昌经开区工会-熊建华劳模创新工作室.zip');
    expect(layout.entries.map(({ path }) => path.slice(ROOT.length + 1))).toEqual([
      '01-申报表.pdf',
      '01-申报表-A3双面打印.pdf',
      '02-申报材料.pdf',
      '03-视频/01-工作室介绍.mp4',
      '04-照片/01-外景.jpg',
      '04-照片/02-内景.jpg',
      '04-照片/03-牌匾.png',
      '04-照片/04-布局',
      '05-证明材料/经费投入/01-2018-2020年经费投入明细.pdf',
      '05-证明材料/技术创新/01-专利证书.jpg',
      '05-证明材料/经济效益/01-经济效益证明.pdf',
      '05-证明材料/培养人才/01-技能等级晋升文件.pdf',
      '05-证明材料/荣誉证书/01-江西省劳动模范证书.jpg',
      '05-证明材料/荣誉证书/02-洪城工匠证书.png',
      '06-其他材料/01-合理化建议汇总.docx',
      '06-其他材料/02-说明.txt',
    ]);
    expect(layout.folders).toEqual([
      ROOT,
      `${ROOT}/03-视频`,
      `${ROOT}/04-照片`,
      `${ROOT}/05-证明材料`,
      `${ROOT}/05-证明材料/经费投入`,
      `${ROOT}/05-证明材料/技术创新`,
      `${ROOT}/05-证明材料/经济效益`,
      `${ROOT}/05-证明材料/培养人才`,
      `${ROOT}/05-证明材料/荣誉证书`,
      `${ROOT}/06-其他材料`,
    ]);
    expect(layout.separate).toEqual([]);
  });

  it('adds 材料清单.txt and application.json at the root, after everything else', () => {
    const layout = withRootFiles(packageLayout(typicalInput()), { materialsList: '\uFEFF清单', applicationJson: '{}' });
    expect(layout.entries.slice(-2).map(({ path }) => path)).toEqual([`${ROOT}/材料清单.txt`, `${ROOT}/application.json`]);
  });

  it('names a photo without a caption by its own file name, and numbers duplicates of a caption apart', () => {
    const input = { ...typicalInput(), attachments: [attachment('photos', 'a.jpg', 'image/jpeg', 0, '外景'), attachment('photos', 'b.jpg', 'image/jpeg', 1, '外景'), attachment('photos', 'DSC 1.jpeg', 'image/jpeg', 2)] };
    expect(packageLayout(input).entries.slice(3).map(({ path }) => path.split('/').at(-1))).toEqual(['01-外景.jpg', '02-外景.jpg', '03-DSC 1.jpeg']);
  });

  it('makes hostile attachment names safe inside their folder', () => {
    const input = {
      ...typicalInput(),
      pdfs: {},
      attachments: [
        attachment('other', '../../a.pdf', 'application/pdf', 0),
        attachment('other', 'CON.jpg', 'image/jpeg', 1),
        attachment('other', 'a<b>.png', 'image/png', 2),
        attachment('other', `${'长'.repeat(300)}.pdf`, 'application/pdf', 3),
        attachment('photos', 'x.jpg', 'image/jpeg', 0, '外景/内景:牌匾'),
      ],
    };
    const paths = packageLayout(input).entries.map(({ path }) => path.slice(ROOT.length + 1));
    expect(paths.slice(0, 4)).toEqual(['04-照片/01-外景内景牌匾.jpg', '06-其他材料/01-a.pdf', '06-其他材料/02-CON.jpg', '06-其他材料/03-ab.png']);
    const long = `${ROOT}/${paths[4] ?? ''}`;
    expect(long).toMatch(/\/06-其他材料\/04-长+\.pdf$/);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200);
    expect(new TextEncoder().encode(long).length).toBeGreaterThan(195);
    for (const path of paths) expect(path.split('/')).not.toContain('..');
  });

  it('leaves the video out for sending on its own when asked, named after the package', () => {
    const layout = packageLayout(typicalInput(), { video: 'separate' });
    expect(layout.entries.some(({ path }) => path.includes('03-视频'))).toBe(false);
    expect(layout.folders).not.toContain(`${ROOT}/03-视频`);
    expect(layout.separate.map(({ name, source }) => [name, source.category])).toEqual([['南昌经开区工会-熊建华劳模创新工作室-工作室介绍视频.mp4', 'video']]);
  });

  it('keeps the root folder within 100 bytes even for a very long studio name', () => {
    const layout = packageLayout({ ...typicalInput(), studioName: `${'很长的名字'.repeat(40)}劳模创新工作室` });
    expect(new TextEncoder().encode(layout.rootFolder).length).toBeLessThanOrEqual(100);
    expect(layout.zipName).toMatch(/^申报材料包-南昌经开区工会-(很长的名字)+/);
    expect(new TextEncoder().encode(layout.zipName).length).toBeLessThanOrEqual(104);
  });

  it('estimates the package size as the files plus their headers', () => {
    const layout = packageLayout(typicalInput());
    const data = layout.entries.reduce((sum, { data: blob }) => sum + blob.size, 0);
    expect(estimatePackageSize(layout)).toBeGreaterThan(data);
    expect(estimatePackageSize(layout)).toBeLessThan(data + 26 * 1000);
  });
});
