import { expect, test } from '@playwright/test';
import { openFixtureDraft, showView } from './helpers';


test('after one visit the site works offline: the notice, the form, a PDF and the package', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openFixtureDraft(page);
  // The service worker has precached the site…
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
  // …and a first PDF has fetched the fonts this application needs.
  await showView(page, 'output');
  await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
  await expect(page.getByRole('link', { name: '下载 01-申报表.pdf' })).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '生成PDF与材料包' })).toBeVisible();
  await expect(page.locator('.apply-bar__draft strong')).toHaveText('熊建华劳模创新工作室');
  await page.getByRole('button', { name: '生成申报材料PDF' }).click();
  await expect(page.getByRole('link', { name: '下载 02-申报材料.pdf' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '生成材料包' }).click();
  await expect(page.getByRole('link', { name: /^下载 .*\.zip$/ })).toBeVisible({ timeout: 60_000 });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于开展2021年南昌市劳模创新工作室创建活动的通知');
  await page.goto('/drafts/');
  await expect(page.locator('.drafts-table')).toContainText('熊建华劳模创新工作室');
  await context.setOffline(false);
});
