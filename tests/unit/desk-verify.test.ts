import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { verifyFile, type VerifyOptions } from '../../src/core/desk/verify';
import { readMaterialsList } from '../../src/core/desk/materialsList';
import { CTX, schemaValidator } from './fixture';
import { buildDraftArchive } from '../../src/core/draft/archive';
import { newDraft } from '../../src/core/draft/restore';
import { NOW, otherApplication, sampleAttachments, samplePackage, typical } from './desk-fixture';

const options = (id = 'r1'): VerifyOptions => ({ ctx: CTX, schemaValidate: schemaValidator(), id, now: NOW });

/** The zip with one entry's bytes replaced, re-zipped as an archiver would (new CRC, same name). */
async function replaced(zip: Blob, suffix: string, bytes: Uint8Array): Promise<Blob> {
  const original = await JSZip.loadAsync(await zip.arrayBuffer());
  const out = new JSZip();
  for (const [name, entry] of Object.entries(original.files)) {
    if (entry.dir) continue;
    out.file(name, name.endsWith(suffix) ? bytes : await entry.async('uint8array'), { createFolders: false });
  }
  return out.generateAsync({ type: 'blob' });
}

// Building packages takes a few seconds on a busy machine: nothing here depends on speed.
describe('verifyFile', { timeout: 60_000 }, () => {
  it('passes a complete package built by the site, with its figures', async () => {
    const built = await samplePackage();
    const report = await verifyFile(built.zip, built.zipName, options());
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.verdict).toBe('passed');
    expect(report.kind).toBe('package');
    expect(report.application?.cover.studioName).toBe('熊建华劳模创新工作室');
    expect(report.files.every((f) => f.state === 'ok')).toBe(true);
    expect(report.files.find((f) => f.path === '01-申报表.pdf')?.pages).toBe(4);
    expect(report.files.find((f) => f.path.startsWith('05-证明材料/技术创新/'))?.pages).toBe(3);
    expect(report.files.filter((f) => f.category === 'photos').map((f) => f.caption)).toEqual(['外景', '内景']);
  });

  it('says the video is missing', async () => {
    const built = await samplePackage({ video: false });
    const report = await verifyFile(built.zip, built.zipName, options());
    expect(report.verdict).toBe('incomplete');
    expect(report.findings.map((f) => f.text).join('\n')).toContain('缺少工作室介绍视频');
  });

  it('names a proof altered after packing', async () => {
    const built = await samplePackage();
    const tampered = await replaced(built.zip, '05-证明材料/经费投入/01-经费.pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
    const report = await verifyFile(tampered, 'x.zip', options());
    expect(report.verdict).toBe('failed');
    expect(report.findings.map((f) => f.text).join('\n')).toMatch(/“05-证明材料\/经费投入\/01-经费\.pdf”的大小.*与材料清单.*不符/);
  });

  it('names a file added after packing and one taken out', async () => {
    const built = await samplePackage({ app: otherApplication('某工作室', '某单位') });
    const original = await JSZip.loadAsync(await built.zip.arrayBuffer());
    const root = `${built.layout.rootFolder}/`;
    original.remove(`${root}04-照片/02-内景.png`);
    original.file(`${root}06-其他材料/新加.txt`, 'added');
    const report = await verifyFile(await original.generateAsync({ type: 'blob' }), 'x.zip', options());
    const text = report.findings.map((f) => f.text).join('\n');
    expect(report.verdict).toBe('failed');
    expect(text).toContain('“04-照片/02-内景.png”不在压缩包中');
    expect(text).toContain('“06-其他材料/新加.txt”不在材料清单中');
    expect(report.missing).toEqual(['04-照片/02-内景.png']);
  });

  it('refuses zip-slip names, duplicates and bombs without reading them', async () => {
    const zip = new JSZip();
    zip.file('../../evil.txt', 'x');
    zip.file('a/材料清单.txt', 'x');
    zip.file('A/材料清单.TXT', 'y');
    zip.file('bomb.bin', new Uint8Array(20 * 1024 * 1024), { compression: 'DEFLATE' });
    const report = await verifyFile(await zip.generateAsync({ type: 'blob', compression: 'DEFLATE' }), 'hostile.zip', options());
    const text = report.findings.map((f) => f.text).join('\n');
    expect(report.verdict).toBe('refused');
    expect(text).toContain('“../../evil.txt”会解压到压缩包以外的位置');
    expect(text).toContain('“A/材料清单.TXT”在压缩包中出现了不止一次');
    expect(text).toContain('“bomb.bin”的压缩比异常');
  });

  it('refuses a truncated zip and a file that is no zip', async () => {
    const built = await samplePackage();
    const truncated = await verifyFile(built.zip.slice(0, Math.floor(built.zip.size / 2)), 'cut.zip', options());
    expect(truncated.verdict).toBe('refused');
    expect(truncated.findings[0]?.text).toContain('文件不完整');
    const text = await verifyFile(new Blob(['hello']), 'note.txt', options());
    expect(text.verdict).toBe('refused');
    expect(text.findings[0]?.text).toContain('“note.txt”不是压缩包');
  });

  it('refuses application.json with a key that would reach Object.prototype, through the draft restore', async () => {
    const built = await samplePackage();
    const zip = await JSZip.loadAsync(await built.zip.arrayBuffer());
    const json = `{"format":"nanchang-lmcx-application","formatVersion":1,"generatedAt":"${NOW}","data":{"cover":{"__proto__":{"x":1}}}}`;
    zip.file(`${built.layout.rootFolder}/application.json`, json);
    const report = await verifyFile(await zip.generateAsync({ type: 'blob' }), 'x.zip', options());
    expect(report.verdict).toBe('failed');
    expect(report.application).toBeUndefined();
    expect(report.findings.map((f) => f.text).join('\n')).toContain('不允许的字段名“__proto__”');
  });

  it('lists application errors by field', async () => {
    const app = otherApplication('', '某单位');
    const built = await samplePackage({ app });
    const report = await verifyFile(built.zip, built.zipName, options());
    expect(report.verdict).toBe('incomplete');
    expect(report.issues?.some((i) => i.path === 'cover.studioName' && i.severity === 'error')).toBe(true);
  });
});

describe('verifyFile with draft files', { timeout: 60_000 }, () => {
  it('reads a draft file through the draft importer and checks its attachments', async () => {
    const draft = newDraft(typical(), NOW, 'd1');
    const attachments = sampleAttachments({ video: false }).map(({ meta, data }) => ({ meta: { ...meta, draftId: 'd1' }, data }));
    const file = await buildDraftArchive(draft, attachments, NOW);
    const report = await verifyFile(file, '熊建华劳模创新工作室-申报草稿-20210712.zip', options());
    expect(report.kind).toBe('draft');
    expect(report.verdict).toBe('incomplete');
    expect(report.findings.map((f) => f.text).join('\n')).toContain('缺少工作室介绍视频');
    expect(report.files.filter((f) => f.category === 'photos').map((f) => f.caption)).toEqual(['外景', '内景']);
  });

  it('says which part of a damaged draft file is wrong', async () => {
    const draft = newDraft(typical(), NOW, 'd1');
    const zip = await JSZip.loadAsync(await (await buildDraftArchive(draft, [], NOW)).arrayBuffer());
    zip.file('application.json', '{"cover": ');
    const report = await verifyFile(await zip.generateAsync({ type: 'blob' }), 'd.zip', options());
    expect(report.verdict).toBe('failed');
    expect(report.findings[0]?.text).toContain('申报表数据 application.json');
  });
});

describe('readMaterialsList', { timeout: 60_000 }, () => {
  it('reads back every file the package lists, as the builder wrote them', async () => {
    const built = await samplePackage();
    const zip = await JSZip.loadAsync(await built.zip.arrayBuffer());
    const text = await zip.file(`${built.layout.rootFolder}/材料清单.txt`)?.async('string');
    expect(readMaterialsList(text ?? '').files).toEqual(built.files);
  });
});
