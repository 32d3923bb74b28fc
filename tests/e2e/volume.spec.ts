// The bound volume (issue 19) made in the browser for the typical application with two captioned photos, a
// two-page PDF proof, an image proof and a damaged PDF proof; read back with pdfinfo, pdftotext and qpdf. Then
// the package with the optional volume and Word editions, listed in 材料清单.txt.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { proofPdf } from '../volume-media';
import { addCaptionedPhotos, foreignRequests, media, openFixtureDraft, recordRequests, showView } from './helpers';

const text = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), '-layout', file, '-'], { encoding: 'utf8' });
const flat = (s: string) => s.replace(/\s+/g, '');

test('the 申报材料汇编 binds the application, photos and proofs, names the damaged proof, and can go into the package', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const requests = recordRequests(page);
  await openFixtureDraft(page, 'attachments');
  await addCaptionedPhotos(page);
  await page.getByLabel('添加经费投入证明').setInputFiles({ name: '经费投入明细.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await proofPdf('Funding proof', 2)) });
  await page.getByLabel('添加荣誉证书').setInputFiles(media('outside.jpg'));
  await page.getByLabel('添加培养人才证明').setInputFiles({ name: '损坏的证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\n') });
  for (const region of ['经费投入证明', '荣誉证书', '培养人才证明']) await expect(page.getByRole('region', { name: region }).locator('.attachment-item')).toHaveCount(1);

  await showView(page, 'output');
  const panel = page.getByRole('region', { name: '申报材料汇编（装订成册）' });
  await panel.getByRole('button', { name: '生成申报材料汇编' }).click();
  await expect(panel.getByRole('progressbar', { name: '申报材料汇编生成进度' })).toBeVisible();
  const link = panel.getByRole('link', { name: '下载 00-申报材料汇编.pdf' });
  await expect(link).toBeVisible({ timeout: 90_000 });
  // The output view names the proof that could not be merged, and why.
  await expect(panel.getByRole('status')).toContainText('证明材料 · 培养人才：“损坏的证明.pdf”——文件已损坏或不完整');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('00-申报材料汇编.pdf');
  const file = testInfo.outputPath('00-申报材料汇编.pdf');
  await download.saveAs(file);

  execFileSync('qpdf', ['--check', file]); // exits non-zero on any structural error
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  // The page count the panel reports, and what it must be: the typical 申报表 and 申报材料 as the PDF panel makes
  // them (counted below), one photo page, the two-page proof, one image proof, one notice page, blanks to odd pages.
  await expect(panel).toContainText(`申报材料汇编：${pages}页`);

  // The 目录 (page 3): every part with the page it starts on, and each part really starts there.
  const toc = text(file, 3).replace(/[ ·]+/g, ' ');
  const entries = [...toc.matchAll(/^\s*(.+?) (\d+)\s*$/gm)].map((m) => ({ title: (m[1] ?? '').trim(), start: Number(m[2]) }));
  expect(entries.map((e) => e.title)).toEqual(['一、申报表', '二、申报材料', '三、工作室照片', '四、证明材料', '经费投入', '培养人才', '荣誉证书']);
  const startsWith: Record<string, string> = {
    '一、申报表': '申报表',
    '二、申报材料': '劳模创新工作室申报材料',
    '三、工作室照片': '工作室照片',
    经费投入: '证明材料·经费投入',
    培养人才: '证明材料·培养人才',
    荣誉证书: '证明材料·荣誉证书',
  };
  for (const entry of entries) {
    const at = text(file, entry.start);
    expect(at).toMatch(new RegExp(`—\\s*${entry.start}\\s*—`));
    if (startsWith[entry.title] !== undefined) expect(flat(at)).toContain(startsWith[entry.title]);
    if (entry.title.match(/^[一二三四五六]、/)) expect(entry.start % 2).toBe(1);
  }
  const funding = entries.find((e) => e.title === '经费投入')?.start ?? 0;
  const talents = entries.find((e) => e.title === '培养人才')?.start ?? 0;
  const honors = entries.find((e) => e.title === '荣誉证书')?.start ?? 0;
  expect([talents - funding, honors - talents, pages - honors]).toEqual([2, 1, 0]); // two proof pages, one notice page, one image page

  const all = text(file);
  expect(flat(all)).toContain('图1外景');
  expect(flat(all)).toContain('图2内景');
  expect(text(file, funding)).toContain('Funding proof page 1 of 2');
  expect(text(file, funding + 1)).toContain('Funding proof page 2 of 2');
  expect(flat(text(file, talents))).toContain('未能并入汇编的文件文件名：损坏的证明.pdf原因：文件已损坏或不完整');
  expect(flat(text(file, honors))).toContain('outside.jpg');
  expect(flat(text(file, 1))).toContain('2021年南昌市劳模创新工作室申报材料汇编');
  expect(flat(text(file, 1))).toContain('推荐单位：南昌经开区工会');
  // Photos and the image proof are embedded images; the PDF proof stays vector (its text is found above).
  expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2).toBe(3);
  execFileSync('pdftoppm', ['-r', '40', '-png', file, testInfo.outputPath('page')]);

  // The package with the volume and the Word editions ticked: both at the root, listed with their SHA-256.
  const pack = page.getByRole('region', { name: '材料包（zip）' });
  await pack.getByLabel(/申报材料汇编（00-申报材料汇编\.pdf）/).check();
  await pack.getByLabel(/Word版/).check();
  await pack.getByRole('button', { name: '生成材料包' }).click();
  const zipLink = pack.getByRole('link', { name: /^下载 .*\.zip$/ });
  await expect(zipLink).toBeVisible({ timeout: 120_000 });
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), zipLink.click()]);
  const zipPath = testInfo.outputPath('package.zip');
  await zipDownload.saveAs(zipPath);
  const out = testInfo.outputPath('unzipped');
  mkdirSync(out, { recursive: true });
  execFileSync('unzip', ['-qq', zipPath, '-d', out]);
  const root = join(out, '南昌经开区工会-熊建华劳模创新工作室-申报材料');
  const list = readFileSync(join(root, '材料清单.txt'), 'utf8');
  for (const name of ['00-申报材料汇编.pdf', '01-申报表.docx', '02-申报材料.docx']) {
    const bytes = readFileSync(join(root, name));
    expect(list).toContain(`${name}\r\n   大小：`);
    expect(list).toContain(createHash('sha256').update(bytes).digest('hex'));
  }
  // The volume in the package is the one the panel made, not a second build.
  expect(readFileSync(join(root, '00-申报材料汇编.pdf'))).toEqual(readFileSync(file));
  expect(foreignRequests(requests, new URL(page.url()).origin)).toEqual([]);
});
