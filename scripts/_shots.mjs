import { readFileSync } from 'node:fs';
import { launchBrowser } from '../bench/browser.mjs';
import { startServer } from '../bench/server.mjs';
const server = await startServer({ port: 4527, outDir: 'dist', base: '/' });
const browser = await launchBrowser();
const app = JSON.parse(readFileSync('tests/fixtures/typical-application.json', 'utf8'));
app.remarks = '团队获得好评👍\u200d。';
const manifest = JSON.parse(readFileSync('dist/fonts/noto-serif-sc/manifest.json', 'utf8'));
for (const [w, h] of [[390, 844]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(new URL('apply/', server.url).href);
  await page.getByLabel('导入草稿文件').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(app)) });
  await page.getByLabel('工作室名称', { exact: true }).waitFor();
  await page.waitForTimeout(1500); await page.evaluate(() => { location.hash = '#review'; }); await page.waitForTimeout(500);
  await page.getByText('无法打印到PDF中').first().waitFor();
  await page.screenshot({ path: `/tmp/i18x/review-${w}.png` });
  await page.evaluate(() => { location.hash = '#output'; });
  await page.getByRole('heading', { name: '字体' }).waitFor();
  await page.getByLabel('选择字体文件（.ttf）').setInputFiles(`dist/fonts/noto-serif-sc/${manifest.chunks[0].file}`);
  await page.getByRole('button', { name: '用所选字体生成空白申报表PDF' }).click();
  await page.getByRole('link', { name: /下载 附件1/ }).waitFor({ timeout: 60000 });
  await page.getByRole('heading', { name: '字体' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/i18x/font-${w}.png` });
  await context.close();
}
await browser.close();
await server.stop?.();
process.exit(0);
