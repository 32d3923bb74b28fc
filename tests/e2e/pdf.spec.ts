import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_PATH, foreignRequests, openFixtureDraft, recordRequests, showView } from './helpers';
import { isForbiddenStart } from '../../src/core/pdf/layout/kinsoku';

/** Every short text value of the fixture (dates print the official way, long texts are checked elsewhere). */
function shortValues(value: unknown): string[] {
  if (typeof value === 'string') return value !== '' && value.length < 40 && !/^\d{4}-\d{2}(-\d{2})?$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(shortValues);
  if (value && typeof value === 'object') return Object.values(value).flatMap(shortValues);
  return [];
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

async function openOutput(page: Page): Promise<void> {
  await openFixtureDraft(page, 'output');
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
    const formFile = await generate(page, '生成申报表PDF（A4）', '01-申报表.pdf');
    const formText = pdfText(formFile);
    const form = formText.replace(/\s+/g, '');
    // 填表联系人 is never on the official form.
    const missing = shortValues({ ...JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')), contact: {} }).filter((v) => !form.includes(v.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
    expect(form).not.toContain('李明');
    expect(form).toContain('2021年7月12日');
    // No wrapped line starts with a mark that may not begin a line (page numbers "— 1 —" are not wrapped text).
    const badStarts = formText.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^— \d+ —$/.test(l) && isForbiddenStart(l));
    expect(badStarts).toEqual([]);
    await page.getByRole('button', { name: '预览' }).first().click();
    await expect(page.locator('iframe.pdf-preview')).toBeVisible();
    await expect(page.locator('iframe.pdf-preview')).toHaveAttribute('title', '申报表PDF（A4）预览');
    const a3 = await generate(page, '生成申报表A3双面打印版', '01-申报表-A3双面打印.pdf');
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '99', a3], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(sizes).toContain('1190.55 x 841.89 pts');
    expect(pageCount(a3)).toBe(Math.ceil(pageCount(formFile) / 4) * 2);
    const materials = pdfText(await generate(page, '生成申报材料PDF', '02-申报材料.pdf')).replace(/\s+/g, '');
    expect(materials).toContain('三、近三年来创新业绩情况');
    expect(foreignRequests(requests, new URL(page.url()).origin)).toEqual([]);
    // Fonts: only the chunks this application needs, all roles (正文, 黑体, 楷体, 小标宋) within issue 18's 2.5 MB.
    const fontResponses = await Promise.all(
      // By the header: chunks prefetched by an earlier document of the page have no body to read any more.
      requests.filter((r) => /\/fonts\/noto-serif-sc\/[^/]+\.ttf$/.test(r.url())).map(async (r) => Number((await r.response())?.headers()['content-length'] ?? 0)),
    );
    const fontBytes = fontResponses.reduce((a, b) => a + b, 0);
    expect(fontBytes).toBeGreaterThan(0);
    expect(fontBytes).toBeLessThan(2_500_000);
  });

  test('the applicant’s own TrueType font can be picked and is used', async ({ page }) => {
    await openOutput(page);
    // Any TrueType font with the common hanzi will do: here the site's own first font chunk stands in for simfang.ttf.
    const manifest = JSON.parse(readFileSync(new URL('../../dist/fonts/noto-serif-sc/manifest.json', import.meta.url), 'utf8')) as { chunks: { file: string }[] };
    const chunk = new URL(`../../dist/fonts/noto-serif-sc/${manifest.chunks[0]?.file ?? ''}`, import.meta.url).pathname;
    await page.getByLabel('选择字体文件（.ttf）').setInputFiles(chunk);
    await expect(page.getByRole('region', { name: '字体' })).toContainText('本机字体');
    const file = await generate(page, '生成申报表PDF（A4）', '01-申报表.pdf');
    expect(pdfText(file).replace(/\s+/g, '')).toContain('熊建华劳模创新工作室');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(fonts).toMatch(/User-/); // the picked font is embedded under its user key
    // It replaces only 仿宋: the headings keep their 黑体 and 楷体 faces.
    expect(fonts).toContain('+NotoSansSCMedium');
    // The blank form and the notice, made in the browser with it.
    const blank = await generate(page, '用所选字体生成空白申报表PDF', '附件1-申报表（空白，仿宋）.pdf');
    expect(execFileSync('pdffonts', [blank], { encoding: 'utf8' })).toMatch(/User-/);
    expect(pdfText(blank).replace(/\s+/g, '')).toContain('填表说明');
    const notice = await generate(page, '用所选字体生成通知PDF（含附件）', '洪工办〔2021〕31号通知（仿宋）.pdf');
    expect(execFileSync('pdffonts', [notice], { encoding: 'utf8' })).toMatch(/User-/);
    const noticeText = pdfText(notice).replace(/\s+/g, '');
    expect(noticeText).toContain('洪工办〔2021〕31号');
    expect(noticeText).toContain('南昌市总工会办公室');
    expect(pageCount(notice)).toBeGreaterThan(3);
  });

  test('rare names (𠮷 beyond the BMP, 䶮 in Ext-A) print as real text in all three PDFs', async ({ page }) => {
    test.setTimeout(120_000);
    const app = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as { team: { members: { name: string }[] }; materials: { basics: { team: string } } };
    const [first, second] = app.team.members;
    if (!first || !second) throw new Error('the fixture has fewer than two team members');
    first.name = '𠮷建华';
    second.name = '龚䶮';
    app.materials.basics.team = `${app.materials.basics.team}成员𠮷建华、龚䶮负责工艺设计。`;
    await importDraft(page, app);
    await showView(page, 'output');
    await expect(page.getByRole('heading', { level: 2, name: '生成PDF与材料包' })).toBeVisible();
    await expect(page.locator('.checks')).not.toContainText('无法打印');
    const files = [
      await generate(page, '生成申报表PDF（A4）', '01-申报表.pdf'),
      await generate(page, '生成申报表A3双面打印版', '01-申报表-A3双面打印.pdf'),
      await generate(page, '生成申报材料PDF', '02-申报材料.pdf'),
    ];
    for (const file of files) {
      const text = pdfText(file).replace(/\s+/g, '');
      expect(text).toContain('𠮷建华');
      expect(text).toContain('龚䶮');
      expect(text).not.toMatch(/[\uE000-\uF8FF]/u);
    }
  });

  test('an emoji and an invisible joiner are named with their code points before generating, and can be left out', async ({ page }) => {
    const app = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as { remarks: string };
    app.remarks = '团队获得好评👍\u200d。';
    await importDraft(page, app);
    // 检查申报内容 names them too and does not say the application can be sent.
    await showView(page, 'review');
    const review = page.getByRole('alert').filter({ hasText: '无法打印到PDF中' });
    await expect(review).toContainText('“👍” U+1F44D（表情符号）');
    await expect(review).toContainText('U+200D（零宽连接符）');
    await expect(review).toContainText('其他需要说明的情况');
    await expect(page.getByRole('navigation', { name: '申报内容各部分' })).not.toContainText('可以提交');
    await expect(page.getByRole('navigation', { name: '申报内容各部分' })).toContainText('2个字符无法打印');
    await showView(page, 'output');
    // Listed before anything is generated, the invisible one by its code point and name…
    await expect(page.locator('.checks')).toContainText('字符“👍” U+1F44D（表情符号）无法打印到PDF中（在「其他需要说明的情况」');
    await expect(page.locator('.checks')).toContainText('U+200D（零宽连接符）');
    await expect(page.locator('.checks')).not.toContainText('“”');
    // …generating stops with the same facts…
    await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '无法打印' });
    await expect(alert).toContainText('U+1F44D（表情符号），见于：「其他需要说明的情况」');
    await expect(alert).toContainText('U+200D（零宽连接符）');
    await expect(page.getByRole('link', { name: '下载 01-申报表.pdf' })).toHaveCount(0);
    // …and the applicant may print without them.
    await alert.getByRole('button', { name: '略去这些字符，生成申报表PDF（A4）' }).click();
    const link = page.getByRole('link', { name: '下载 01-申报表.pdf' });
    await expect(link).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = pdfText(await download.path()).replace(/\s+/g, '');
    expect(text).toContain('团队获得好评。');
  });
});

async function importDraft(page: Page, app: unknown): Promise<void> {
  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(app)) });
  await expect(page.getByLabel('工作室名称', { exact: true })).not.toHaveValue('');
}
