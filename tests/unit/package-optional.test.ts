// The package's optional files (issues 14 and 19): the Word editions and the bound volume, off unless asked for,
// named beside the PDFs, listed in 材料清单.txt with size and SHA-256, and accepted by the review desk.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../../src/core/desk/verify';
import { createPackage } from '../../src/core/package/createPackage';
import { CTX, schemaValidator } from './fixture';
import { NOW, pdfOf, sampleAttachments, typical } from './desk-fixture';

async function docx(text: string): Promise<Blob> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', `<w:document><w:t>${text}</w:t></w:document>`);
  return zip.generateAsync({ type: 'blob' });
}

describe('optional files in the package', { timeout: 60_000 }, () => {
  it('are absent unless given, and then sit at the root beside the PDFs, listed with size and SHA-256', async () => {
    const pdfs = { form: pdfOf(4, 'form'), formA3: pdfOf(2, 'formA3'), materials: pdfOf(6, 'materials') };
    const plain = await createPackage(typical(), { pdfs, attachments: sampleAttachments() }, { now: NOW });
    expect(plain.files.map((f) => f.path).filter((p) => !p.includes('/'))).toEqual(['01-申报表.pdf', '01-申报表-A3双面打印.pdf', '02-申报材料.pdf', 'application.json']);

    const words = { form: await docx('form'), materials: await docx('materials') };
    const volume = pdfOf(9, 'volume');
    const built = await createPackage(typical(), { pdfs: { ...pdfs, volume }, words, attachments: sampleAttachments() }, { now: NOW });
    const top = built.files.map((f) => f.path).filter((p) => !p.includes('/'));
    expect(top).toEqual(['00-申报材料汇编.pdf', '01-申报表.pdf', '01-申报表-A3双面打印.pdf', '01-申报表.docx', '02-申报材料.pdf', '02-申报材料.docx', 'application.json']);

    const zip = await JSZip.loadAsync(await built.zip.arrayBuffer());
    const root = `${built.layout.rootFolder}/`;
    const list = await zip.file(`${root}材料清单.txt`)!.async('string');
    for (const [name, blob] of [['00-申报材料汇编.pdf', volume], ['01-申报表.docx', words.form], ['02-申报材料.docx', words.materials]] as const) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(list).toMatch(new RegExp(`\\d+\\. ${name.replace('.', '\\.')}\\r\\n   大小：[^\\r]*\\r\\n   SHA-256：${sha}`));
      expect(await zip.file(`${root}${name}`)!.async('uint8array')).toEqual(bytes);
    }

    const report = await verifyFile(built.zip, built.zipName, { ctx: CTX, schemaValidate: schemaValidator(), id: 'r', now: NOW });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.verdict).toBe('passed');
    expect(report.files.filter((f) => f.state !== 'ok')).toEqual([]);
    expect(report.files.find((f) => f.path === '00-申报材料汇编.pdf')).toMatchObject({ category: 'pdf', pages: 9 });
    expect(report.files.find((f) => f.path === '01-申报表.docx')).toMatchObject({ state: 'ok' });
  });

  it('a Word file added after packing, not in 材料清单.txt, is still refused as extra', async () => {
    const pdfs = { form: pdfOf(4, 'form'), materials: pdfOf(6, 'materials') };
    const built = await createPackage(typical(), { pdfs, attachments: sampleAttachments() }, { now: NOW });
    const zip = await JSZip.loadAsync(await built.zip.arrayBuffer());
    zip.file(`${built.layout.rootFolder}/01-申报表.docx`, await docx('late'));
    const report = await verifyFile(await zip.generateAsync({ type: 'blob' }), 'x.zip', { ctx: CTX, schemaValidate: schemaValidator(), id: 'r', now: NOW });
    expect(report.verdict).toBe('failed');
    expect(report.findings.map((f) => f.text).join('\n')).toContain('“01-申报表.docx”不在材料清单中');
  });
});
