// The Word editions against the built site: the blank files linked from the notice and the attachment pages, and
// the filled 申报表 and 申报材料 made in the browser for the typical and a long application, each converted by
// LibreOffice and read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Application } from '../../src/core/application/types';
import { convertWithLibreOffice, flatPdfText, longApplication, pdfPages, printedValues } from '../docx-check';
import { FIXTURE_PATH, foreignRequests, openFixtureDraft, recordRequests, showView } from './helpers';

const typical = (): Application => JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Application;
const dir = mkdtempSync(join(tmpdir(), 'lmcx-word-e2e-'));

async function makeWord(page: Page, button: string, fileName: string, saveAs: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const link = page.getByRole('link', { name: `下载 ${fileName}` });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const file = join(dir, saveAs);
  copyFileSync(await download.path(), file);
  return file;
}

/** The text of word/document.xml of a .docx (unzip, as a reviewer's tools would read it). */
function documentXml(file: string): string {
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test.describe('the Word editions', () => {
  test('the blank 申报表 and outline are linked from the notice and the attachment pages, with their Chinese names', async ({ page, request }) => {
    test.setTimeout(120_000);
    const files: string[] = [];
    await page.goto('/');
    const facts = page.getByRole('complementary', { name: '申报要点' });
    for (const [name, download, saveAs] of [
      ['下载空白申报表（Word）', '2021年南昌市劳模创新工作室申报表.docx', 'blank-form.docx'],
      ['下载参考提纲（Word）', '南昌市2021年劳模创新工作室申报材料参考提纲.docx', 'outline.docx'],
    ] as const) {
      const link = facts.getByRole('link', { name });
      await expect(link).toHaveAttribute('download', download);
      const response = await request.get((await link.getAttribute('href')) ?? '');
      expect(response.status()).toBe(200);
      const body = await response.body();
      expect(body.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .docx is
      const file = join(dir, saveAs);
      writeFileSync(file, body);
      files.push(file);
    }
    await page.goto('/attachment/1/');
    await expect(page.getByRole('link', { name: '下载空白申报表（Word）' })).toHaveAttribute('download', '2021年南昌市劳模创新工作室申报表.docx');
    await page.goto('/attachment/2/');
    const outlineLink = page.getByRole('link', { name: '下载参考提纲（Word）' });
    await expect(outlineLink).toHaveAttribute('download', '南昌市2021年劳模创新工作室申报材料参考提纲.docx');
    const [download] = await Promise.all([page.waitForEvent('download'), outlineLink.click()]);
    expect(download.suggestedFilename()).toBe('南昌市2021年劳模创新工作室申报材料参考提纲.docx');

    const { pdfs } = convertWithLibreOffice(files);
    const form = flatPdfText(pdfs.get(files[0] ?? '') ?? '');
    for (const t of ['2021年南昌市劳模创新工作室', '南昌市总工会制', '填表说明', '12.此表填写一式两份', '2018年2019年2020年', '所在单位工会意见', '签名：（盖章）年月日']) expect(form).toContain(t);
    const outline = flatPdfText(pdfs.get(files[1] ?? '') ?? '');
    // The outline as the site publishes it (src/content/attachments/2.md), every heading and item's guidance.
    for (const t of ['参考提纲', '一、创新工作室基本情况', '1.工作室概况：建立的背景及意义', '三、近三年来创新业绩情况', '4.荣誉奖励：自工作室成立起']) expect(outline).toContain(t);
    expect(documentXml(files[0] ?? '')).toContain('w:eastAsia="仿宋"');
  });

  test('申报表（Word） and 申报材料（Word） for the typical and a long application carry every value', async ({ page }) => {
    test.setTimeout(240_000);
    const requests = recordRequests(page);
    await openFixtureDraft(page, 'output');
    await expect(page.getByRole('heading', { level: 3, name: '生成Word文件' })).toBeVisible();
    const files = [
      await makeWord(page, '生成申报表（Word）', '01-申报表.docx', 'typical-form.docx'),
      await makeWord(page, '生成申报材料（Word）', '02-申报材料.docx', 'typical-materials.docx'),
    ];
    expect(readFileSync(files[0] ?? '').byteLength).toBeLessThanOrEqual(100 * 1024);
    await expect(page.locator('.made-file').filter({ hasText: '申报表（Word）' })).toContainText(/\d+ KB，用时 \d+\.\d 秒/);

    const long = longApplication(typical());
    const typicalDraft = page.url();
    await page.getByLabel('导入草稿文件').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long)) });
    await expect(page).not.toHaveURL(typicalDraft); // the long application opens as a draft of its own
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');
    await showView(page, 'output');
    files.push(await makeWord(page, '生成申报表（Word）', '01-申报表.docx', 'long-form.docx'));
    files.push(await makeWord(page, '生成申报材料（Word）', '02-申报材料.docx', 'long-materials.docx'));
    expect(foreignRequests(requests, new URL(page.url()).origin)).toEqual([]);

    const { pdfs, log } = convertWithLibreOffice(files);
    expect(log.split('\n').filter((l) => l.trim() !== '' && !/ using filter : writer_pdf_Export$/.test(l))).toEqual([]);
    const checks: [string, Application, 'form' | 'materials'][] = [
      ['typical-form.docx', typical(), 'form'],
      ['typical-materials.docx', typical(), 'materials'],
      ['long-form.docx', long, 'form'],
      ['long-materials.docx', long, 'materials'],
    ];
    for (const [name, app, kind] of checks) {
      const pdf = pdfs.get(join(dir, name)) ?? '';
      expect(pdf, `${name} converted`).not.toBe('');
      const text = flatPdfText(pdf);
      expect(printedValues(app, kind).filter((v) => !text.includes(v)), name).toEqual([]);
      if (kind === 'form') expect(text).toContain('所在单位工会意见签名：（盖章）年月日');
      expect(pdfPages(pdf)).toBeGreaterThan(name.startsWith('long') ? 5 : 2);
    }
  });

  test('after one visit, a Word file is made offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    await openFixtureDraft(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await showView(page, 'output');
    const file = await makeWord(page, '生成申报表（Word）', '01-申报表.docx', 'offline-form.docx');
    expect(documentXml(file)).toContain('熊建华劳模创新工作室');
    // The blank editions are precached too.
    const blank = await page.evaluate(async () => (await fetch(new URL('../downloads/blank-form.docx', location.href))).status);
    expect(blank).toBe(200);
    await context.setOffline(false);
  });
});
