import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const [w, h] of [[1366, 641], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, locale: 'zh-CN' });
  await page.goto('http://127.0.0.1:4527/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles('tests/fixtures/typical-application.json');
  await page.waitForTimeout(1500);
  for (const v of ['cover', 'team', 'leader', 'review', 'attachments', 'output']) {
    await page.evaluate((hash) => { window.location.hash = hash; }, v);
    await page.waitForTimeout(700);
    if (v === 'team') await page.evaluate(() => window.scrollTo(0, 400));
    await page.screenshot({ path: `/tmp/i12shots/${v}-${w}.png` });
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: `/tmp/i12shots/output-end-${w}.png` });
  await page.close();
}
await browser.close();
