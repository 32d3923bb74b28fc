import { expect, test } from '@playwright/test';
import { foreignRequests, media, openFixtureDraft, recordRequests, showView } from './helpers';

test('the whole flow runs under the strict CSP without a violation, and nothing leaves the site', async ({ page }) => {
  test.setTimeout(120_000);
  const requests = recordRequests(page);
  // Violations are reported through the console, which the test collects.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('CSP violation')) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });

  for (const path of ['/', '/attachment/1/', '/attachment/2/', '/drafts/', '/desk/']) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
  }

  // Fill (import), save, attach, PDF, package, export, import again.
  await openFixtureDraft(page);
  await page.getByLabel('工作室名称', { exact: true }).fill('熊建华劳模创新工作室');
  await expect(page.locator('.save-status')).toContainText('已保存');
  await showView(page, 'attachments');
  await page.getByLabel('添加工作室介绍视频').setInputFiles(media('studio-tour.mp4'));
  await page.getByLabel('添加工作室内外观布局照片').setInputFiles([media('outside.jpg'), media('inside.png')]);
  await expect(page.getByRole('region', { name: '工作室内外观布局照片' }).locator('img')).toHaveCount(2);
  await showView(page, 'output');
  await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
  await expect(page.getByRole('link', { name: '下载 01-申报表.pdf' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '生成材料包' }).click();
  await expect(page.getByRole('link', { name: /^下载 .*\.zip$/ })).toBeVisible({ timeout: 60_000 });
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出草稿文件' }).click();
  await expect(page.getByRole('status').filter({ hasText: '草稿文件已生成' })).toBeVisible();
  const download = await downloaded;
  await page.goto('/drafts/');
  await page.getByLabel('导入草稿文件').setInputFiles(await download.path());
  await expect(page.getByRole('status')).toContainText('已导入');

  expect(violations).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(foreignRequests(requests, origin)).toEqual([]);
  // Nothing is ever sent: every request is a GET of the site's own files.
  expect(requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
});
