import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const [w, h] of [[1366, 641], [390, 844]]) {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: w, height: h } })).newPage();
  await page.goto('http://127.0.0.1:4537/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles('/work/wt/i13/tests/fixtures/typical-application.json');
  await page.waitForURL(/d=/); await page.getByLabel('工作室名称', { exact: true }).waitFor(); await page.waitForTimeout(500);
  await page.evaluate(() => { location.hash = '#team'; });
  await page.locator('#root_team_members_0_role').waitFor();
  await page.evaluate(() => document.styleSheets[0].insertRule('.cell textarea.wrap-text{contain:none}', document.styleSheets[0].cssRules.length)); await page.locator('.array-table').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/i13prof/nocontain-${w}.png` });
}
await browser.close();
