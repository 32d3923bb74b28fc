import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, foreignRequests, recordRequests, visibleTextWithoutSpaces } from './helpers';
import { allLines, attachment1Lines, attachment2Lines, noticeLines } from './notice-source';

const pages = [
  { path: '/', lines: allLines },
  { path: '/attachment/1/', lines: attachment1Lines },
  { path: '/attachment/2/', lines: attachment2Lines },
];

test.describe('the notice as published', () => {
  for (const { path, lines } of pages) {
    test(`${path} carries every line of its source text, word for word`, async ({ page }) => {
      await page.goto(path);
      const text = await visibleTextWithoutSpaces(page);
      const missing = lines.filter((line) => !text.includes(line));
      expect(lines.length).toBeGreaterThan(5);
      expect(missing).toEqual([]);
    });

    test(`${path} ships no JavaScript, asks no other origin and passes axe`, async ({ page, baseURL }) => {
      const requests = recordRequests(page);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('script').count()).toBe(0);
      expect(requests.filter((r) => r.resourceType() === 'script')).toHaveLength(0);
      expect(foreignRequests(requests, new URL(baseURL ?? '').origin)).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }

  test('the notice reads as a red-header official document', async ({ page }) => {
    await page.goto('/');
    const issuer = page.locator('.doc-issuer');
    await expect(issuer).toHaveText('南昌市总工会');
    const red = await issuer.evaluate((el) => getComputedStyle(el).color);
    expect(red).toMatch(/^rgb\((2[0-5]\d), (\d{1,2}), (\d{1,2})\)$/);
    await expect(page.locator('.doc-number')).toHaveText('洪工办〔2021〕31号');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于开展2021年南昌市劳模创新工作室创建活动的通知');
    await expect(page.getByRole('heading', { level: 2, name: '一、推荐申报条件' })).toBeVisible();
    await expect(page.locator('.doc-signature')).toContainText('2021年5月17日');
    // The six conditions, in order.
    const text = await visibleTextWithoutSpaces(page);
    const positions = ['有劳模领衔', '有创新团队', '有攻关项目', '有创新成果', '有场地经费', '有制度台帐'].map((c, i) =>
      text.indexOf(`${i + 1}．${c}：`),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(noticeLines[0]).toBe('南昌市总工会');
  });

  test('the key facts are easy to find and the attachments are one click away', async ({ page }) => {
    await page.goto('/');
    const facts = page.getByRole('complementary', { name: '申报要点' });
    await expect(facts).toContainText('2021年7月30日前');
    await expect(facts.getByRole('link', { name: 'ncszghjjb@163.com' })).toHaveAttribute('href', 'mailto:ncszghjjb@163.com');
    await expect(facts).toContainText('万佳');
    await expect(facts.getByRole('link', { name: '0791—83868361' })).toHaveAttribute('href', 'tel:+8679183868361');
    await expect(facts).toContainText('南昌市红谷滩新区会展路29号1302，邮编：330038');
    await expect(page.locator('.notice .doc-body').getByRole('link', { name: 'ncszghjjb@163.com' })).toHaveAttribute('href', 'mailto:ncszghjjb@163.com');

    await page.locator('.doc-annex').getByRole('link', { name: '2021年南昌市劳模创新工作室申报表' }).click();
    await expect(page).toHaveURL(/\/attachment\/1\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021年南昌市劳模创新工作室申 报 表');
    await expect(page.getByRole('heading', { name: '填 表 说 明' })).toBeVisible();
    await page.goBack();
    await page.locator('.doc-annex').getByRole('link', { name: '南昌市2021年劳模创新工作室申报材料参考提纲' }).click();
    await expect(page).toHaveURL(/\/attachment\/2\/$/);
    await expect(page.getByRole('heading', { level: 2, name: '三、近三年来创新业绩情况' })).toBeVisible();
  });

  test('the notice and the blank 申报表 are offered as PDFs made at build time', async ({ page, request }, testInfo) => {
    await page.goto('/');
    const facts = page.getByRole('complementary', { name: '申报要点' });
    for (const [name, expected] of [
      ['下载通知全文（PDF）', '洪工办〔2021〕31号'],
      ['下载空白申报表（PDF）', '填表说明'],
    ] as const) {
      const href = await facts.getByRole('link', { name }).getAttribute('href');
      const response = await request.get(href ?? '');
      expect(response.status()).toBe(200);
      const body = await response.body();
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      const file = testInfo.outputPath('a.pdf');
      writeFileSync(file, body);
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, '');
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    await page.goto('/attachment/1/');
    await expect(page.getByRole('link', { name: '下载空白申报表（PDF）' })).toHaveAttribute('href', /blank-form\.pdf$/);
  });

  test('there is a clear entry to the online application', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('complementary', { name: '申报要点' }).getByRole('link', { name: '在线填写申报' }).click();
    await expect(page).toHaveURL(/\/apply\/(\?d=[^#]+)?$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('printed, the notice is an A4 official document with attachments on new pages', async ({ page }) => {
    await page.goto('/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('complementary', { name: '申报要点' })).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    const body = await page.locator('.notice .doc-body p').first().evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(body)).toBeCloseTo((16 * 96) / 72, 2); // 16 pt, 三号
    const breaks = await page.locator('.attachment').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(['page', 'page']);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(5);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(mediaBox).not.toBeNull();
    expect(Math.round(Number(mediaBox?.[1]))).toBe(595); // A4 width in points
    expect(Math.round(Number(mediaBox?.[2]))).toBe(842);
  });

  test('on a phone the document fits the screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
