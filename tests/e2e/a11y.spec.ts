import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, media, openFixtureDraft, showView } from './helpers';

test('attachments, the output view with its checks, a PDF and a package pass axe, and the package is made from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await openFixtureDraft(page);
  await showView(page, 'attachments');
  await page.getByLabel('添加工作室内外观布局照片').setInputFiles([media('outside.jpg'), media('inside.png')]);
  await page.getByLabel('添加工作室内外观布局照片').setInputFiles({ name: '错的.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await expect(page.getByRole('alert')).toContainText('“错的.txt”');
  await expectNoAxeViolations(page);

  await showView(page, 'output');
  await expect(page.locator('.checks')).toContainText('还没有添加工作室介绍视频');
  await expectNoAxeViolations(page);

  // Keyboard only: Tab to 生成材料包, Enter, then Tab to the download link and Enter.
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await page.locator('#section-title').focus();
  for (let i = 0; i < 40 && (await focused()) !== '生成材料包'; i += 1) await page.keyboard.press('Tab');
  expect(await focused()).toBe('生成材料包');
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: /^下载 .*\.zip$/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^申报材料包-.*\.zip$/);
  await expectNoAxeViolations(page);
});
