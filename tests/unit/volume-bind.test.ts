// The whole volume bound under Node with the real fonts and pdf-lib, read back with poppler and qpdf.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftAttachment, AttachmentMeta } from '../../src/core/draft/types';
import { bindVolume, readParts, volumeTexts } from '../../src/core/volume/bind';
import { proofPdf, withExif } from '../volume-media';
import { CTX, typicalApplication } from './fixture';
import { FORM, fontsBuilt, nodeFonts, OUTLINE } from './pdf-node';

const media = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/media/${name}`, import.meta.url)));
function attachment(category: AttachmentMeta['category'], name: string, bytes: Uint8Array, order: number, caption?: string, type = ''): DraftAttachment {
  const meta: AttachmentMeta = { id: name, draftId: 'd', category, name, type, size: bytes.length, order, addedAt: '2021-06-01T00:00:00Z', ...(caption === undefined ? {} : { caption }) };
  return { meta, data: new Blob([bytes as BlobPart]) };
}

describe.runIf(fontsBuilt())('bindVolume', () => {
  it('binds the typical application with photos, a PDF proof, an image proof and unreadable proofs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lmcx-volume-'));
    const encryptedSource = join(dir, 'plain.pdf');
    writeFileSync(encryptedSource, await proofPdf('Secret', 1));
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', encryptedSource, join(dir, 'encrypted.pdf')]);
    const attachments = [
      attachment('photos', 'a.jpg', withExif(media('outside.jpg'), 6, '2021:03:05 10:20:11'), 0, '工作室外景'),
      attachment('photos', 'b.png', media('inside.png'), 1, '创新成果展示区'),
      attachment('proof.investment', '经费明细.pdf', await proofPdf('Funding proof', 2), 0),
      attachment('proof.honors', '荣誉证书.png', media('inside.png'), 0, '市级荣誉'),
      attachment('proof.honors', '损坏.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage'), 1),
      attachment('proof.talents', '加密.pdf', new Uint8Array(readFileSync(join(dir, 'encrypted.pdf'))), 0),
      attachment('other', '说明.docx', new TextEncoder().encode('PK\u0003\u0004 not a pdf'), 0),
      attachment('video', 'tour.mp4', media('studio-tour.mp4'), 0),
    ];
    const job = { app: typicalApplication(), ctx: CTX, form: FORM, outline: OUTLINE };
    const parts = await readParts(attachments, 4, () => undefined);
    const fonts = nodeFonts(volumeTexts(job, parts.content));
    expect(fonts.unprintable).toEqual([]);
    const made = await bindVolume(parts, job, fonts, () => undefined, new Date('2021-06-01T00:00:00Z'));
    const file = join(dir, 'volume.pdf');
    writeFileSync(file, made.bytes);

    execFileSync('qpdf', ['--check', file]); // throws on any error
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(made.pages);
    const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
    const toc = pageText(3).replace(/[ ·]+/g, ' ');
    for (const entry of made.toc) {
      expect(toc).toContain(`${entry.title} ${entry.start}`);
      expect(pageText(entry.start)).toMatch(new RegExp(`—\\s*${entry.start}\\s*—`));
    }
    expect(made.toc.map((e) => e.title)).toEqual(['一、申报表', '二、申报材料', '三、工作室照片', '四、证明材料', '经费投入', '培养人才', '荣誉证书', '五、其他补充材料', '六、工作室介绍视频']);
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const flat = all.replace(/\s+/g, '');
    expect(flat).toContain('图1工作室外景拍摄于2021年3月5日');
    expect(flat).toContain('图2创新成果展示区');
    expect(all).toContain('Funding proof page 1 of 2');
    expect(all).toContain('Funding proof page 2 of 2');
    expect(all).not.toContain('Secret');
    for (const name of ['损坏.pdf', '加密.pdf', '说明.docx']) expect(flat).toContain(`文件名：${name}`);
    expect(flat).toContain('文件设有密码或加密保护');
    expect(made.failures.map((f) => f.name)).toEqual(['加密.pdf', '损坏.pdf', '说明.docx']);
    expect(all).toContain('tour.mp4');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(images.trim().split('\n').length - 2).toBe(3); // two photos and the image proof, each embedded once
  }, 120_000);
});
