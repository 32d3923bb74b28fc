import { expect, test } from '@playwright/test';
import { openFixtureDraft, showView } from './helpers';

// 推荐单位 = 其他 with a typed name: the mail subject and the drafts list name the typed recommender, as the
// PDFs and the package do (tests/unit/facts.test.ts reads those back).
test('with 推荐单位 = 其他 the mail subject and the drafts list name the typed recommender', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 641 });
  await openFixtureDraft(page);
  await page.getByLabel('推荐单位', { exact: true }).selectOption('其他');
  await page.getByLabel('其他推荐单位名称').fill('南昌市某某局工会');
  await expect(page.locator('.save-status--ok')).toBeVisible();

  await showView(page, 'output');
  const subject = page.locator('#handoff-title ~ .mail-parts code');
  await expect(subject).toHaveText('2021年南昌市劳模创新工作室申报-南昌市某某局工会-熊建华劳模创新工作室');
  const href = await page.getByRole('link', { name: 'ncszghjjb@163.com' }).getAttribute('href');
  expect(decodeURIComponent(href ?? '')).toContain('推荐单位：南昌市某某局工会');
  await subject.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('output-1366.png') });

  await page.goto('/drafts/');
  const row = page.locator('.drafts-table tbody tr').filter({ hasText: '熊建华劳模创新工作室' });
  await expect(row.locator('td').first()).toHaveText('南昌市某某局工会');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('drafts-390.png'), fullPage: true });
});
