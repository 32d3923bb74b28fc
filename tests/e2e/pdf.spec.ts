import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { foreignRequests, recordRequests } from './helpers';

const fixturePath = new URL('../fixtures/typical-application.json', import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as { leader: { name: string } };

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

async function openOutput(page: Page, file = fixturePath): Promise<void> {
  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles(file);
  await expect(page.getByLabel('工作室名称', { exact: true })).not.toHaveValue('');
  await page.evaluate(() => {
    window.location.hash = 'output';
  });
  await expect(page.getByRole('heading', { level: 2, name: '生成PDF与材料包' })).toBeVisible();
}

async function generate(page: Page, button: string, fileName: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const link = page.getByRole('link', { name: `下载 ${fileName}` });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  return download.path();
}

test.describe('the official PDFs, made in the browser', () => {
  test('申报表, its A3 booklet and 申报材料 from the typical application', async ({ page }) => {
    test.setTimeout(120_000);
    const requests = recordRequests(page);
    await openOutput(page);
    const form = pdfText(await generate(page, '生成申报表PDF（A4）', '01-申报表.pdf')).replace(/\s+/g, '');
    for (const value of ['熊建华劳模创新工作室', '江铃汽车零部件（南昌）有限公司', '2021年7月12日', 'ZL202010123456.7', '南昌经开区工会', '黄燊', '龚玥']) {
      expect(form).toContain(value);
    }
    await page.getByRole('button', { name: '预览' }).first().click();
    await expect(page.locator('iframe.pdf-preview')).toBeVisible();
    await expect(page.locator('iframe.pdf-preview')).toHaveAttribute('title', '申报表PDF（A4）预览');
    const a3 = await generate(page, '生成申报表A3双面打印版', '01-申报表-A3双面打印.pdf');
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '99', a3], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(sizes).toContain('1190.55 x 841.89 pts');
    const materials = pdfText(await generate(page, '生成申报材料PDF', '02-申报材料.pdf')).replace(/\s+/g, '');
    expect(materials).toContain('三、近三年来创新业绩情况');
    expect(foreignRequests(requests, new URL(page.url()).origin)).toEqual([]);
    // Fonts: only the chunks this application needs, well under the whole 14.8 MB font.
    const fontResponses = await Promise.all(
      requests.filter((r) => /\/fonts\/noto-serif-sc\/[^/]+\.ttf$/.test(r.url())).map(async (r) => (await (await r.response())?.body())?.length ?? 0),
    );
    const fontBytes = fontResponses.reduce((a, b) => a + b, 0);
    expect(fontBytes).toBeGreaterThan(0);
    expect(fontBytes).toBeLessThan(2_000_000);
  });

  test('a character no font can print is named with its field, and no PDF is made', async ({ page }) => {
    const app = JSON.parse(readFileSync(fixturePath, 'utf8')) as { leader: { name: string } };
    app.leader.name = `𠮷${fixture.leader.name.slice(1)}`;
    await page.goto('/apply/');
    await page.getByLabel('导入草稿文件').setInputFiles({ name: 'rare.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(app)) });
    await expect(page.getByLabel('工作室名称', { exact: true })).not.toHaveValue('');
    await page.evaluate(() => {
      window.location.hash = 'output';
    });
    // Listed before anything is generated…
    await expect(page.locator('.checks')).toContainText('字符“𠮷”无法打印到PDF中（在「领衔人的姓名」');
    // …and generating stops with the same facts.
    await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '无法打印' });
    await expect(alert).toContainText('𠮷');
    await expect(alert).toContainText('领衔人的姓名');
    await expect(page.getByRole('link', { name: '下载 01-申报表.pdf' })).toHaveCount(0);
  });
});
