import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, foreignRequests, recordRequests, showView } from './helpers';
import { fillSection, sectionIds } from './form-filler';

const fixturePath = new URL('../fixtures/typical-application.json', import.meta.url);
const fixture: unknown = JSON.parse(readFileSync(fixturePath, 'utf8'));

const CONDITIONS = ['有劳模领衔', '有创新团队', '有攻关项目', '有创新成果', '有场地经费', '有制度台帐'];

async function expectCompleteReview(page: Page): Promise<void> {
  await page.getByRole('link', { name: /检查申报内容/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: '检查申报内容' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '申报内容已填写完整' })).toBeVisible();
  const conditions = page.locator('.conditions li');
  await expect(conditions).toHaveCount(6);
  for (const title of CONDITIONS) {
    await expect(conditions.filter({ hasText: title })).toContainText('✓ 符合');
  }
}

test.describe('the application form', () => {
  test('an empty form filled through its labels only reaches a complete review', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/apply/');
    await expect(page.getByRole('heading', { level: 2, name: '封面' })).toBeVisible();
    for (const id of sectionIds) await fillSection(page, id, fixture);
    await expectCompleteReview(page);
    // What was typed is what the review shows.
    await expect(page.locator('.review-list').first()).toContainText('熊建华劳模创新工作室');
    await expect(page.getByText('2021年7月12日')).toBeVisible();
  });

  test('importing the fixture gives a complete application', async ({ page }) => {
    const requests = recordRequests(page);
    await page.goto('/apply/');
    await page.getByLabel('导入草稿文件').setInputFiles(fixturePath.pathname);
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');
    await expectCompleteReview(page);
    expect(foreignRequests(requests, new URL(page.url()).origin)).toEqual([]);
  });

  test('a bad file is refused with a message naming it, and nothing typed is lost', async ({ page }) => {
    await page.goto('/apply/#cover');
    await page.getByLabel('工作室名称', { exact: true }).fill('张三劳模创新工作室');
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '坏文件.json', mimeType: 'application/json', buffer: Buffer.from('{"cover": ') });
    await expect(page.getByRole('alert')).toContainText('“坏文件.json”');
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '原型.json', mimeType: 'application/json', buffer: Buffer.from('{"__proto__": {"x": 1}}') });
    await expect(page.getByRole('alert')).toContainText('“原型.json”');
    await expect(page.getByRole('alert')).toContainText('已有的草稿没有任何改动');
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('张三劳模创新工作室');
  });

  test('a section shows its problems in Chinese, linked to the fields, and passes axe', async ({ page }) => {
    await page.goto('/apply/#cover');
    await page.getByLabel('工作室名称', { exact: true }).fill('张三创新工作室');
    await page.getByRole('button', { name: '检查本部分' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('劳模创新工作室');
    await expect(summary).toContainText('所在单位');
    await summary.getByRole('link', { name: /所在单位/ }).click();
    await expect(page.getByLabel('所在单位', { exact: true })).toBeFocused();
    // The same message stands under the field, and the field says it is described by it.
    const describedBy = await page.getByLabel('工作室名称', { exact: true }).getAttribute('aria-describedby');
    expect(describedBy).toContain('root_cover_studioName__error');
    await expect(page.locator('#root_cover_studioName__error')).toContainText('劳模创新工作室');
    await expectNoAxeViolations(page);
  });

  test('warnings are advice and never block completion', async ({ page }) => {
    await page.goto('/apply/');
    const renamed = structuredClone(fixture) as { cover: { studioName: string } };
    renamed.cover.studioName = '精密加工劳模创新工作室';
    await page.getByLabel('导入草稿文件').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(renamed)) });
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('精密加工劳模创新工作室');
    await showView(page, 'review');
    await expect(page.getByRole('status').filter({ hasText: '申报内容已填写完整' })).toBeVisible();
    await expect(page.locator('.apply-main .notice-warning').first()).toContainText('熊建华');
  });

  test('the review page and the tables pass axe; arrays add, reorder and remove rows', async ({ page }) => {
    await page.goto('/apply/#team');
    const table = page.getByRole('group', { name: '团队成员', exact: true });
    const add = table.getByRole('button', { name: /添加一行/ });
    await add.click();
    await add.click();
    await table.locator('tbody tr').nth(0).getByLabel('姓名', { exact: true }).fill('甲');
    await table.locator('tbody tr').nth(1).getByLabel('姓名', { exact: true }).fill('乙');
    await table.getByRole('button', { name: '下移第1行' }).click();
    await expect(table.locator('tbody tr').nth(0).getByLabel('姓名', { exact: true })).toHaveValue('乙');
    await table.getByRole('button', { name: '删除第1行' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.locator('tbody tr').nth(0).getByLabel('姓名', { exact: true })).toHaveValue('甲');
    await expect(page.getByText('团队人数')).toBeVisible();
    await expectNoAxeViolations(page);
    await showView(page, 'review');
    await expect(page.getByRole('heading', { level: 2, name: '检查申报内容' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the prompt of 三、1. 创新业绩 follows 工作室类型', async ({ page }) => {
    await page.goto('/apply/#studio');
    await page.getByRole('radiogroup', { name: '工作室类型' }).getByLabel('技能传授型').check();
    await showView(page, 'materials-results');
    await expect(page.locator('.apply-main')).toContainText('技能传授型创新工作室传授绝技绝活的情况');
    await expect(page.locator('.apply-main')).not.toContainText('窗口服务型创新工作室适应客户需求');
  });
});

test('a section can be completed with the keyboard alone', async ({ page }) => {
  await page.goto('/apply/#cover');
  await expect(page.getByRole('heading', { level: 2, name: '封面' })).toBeVisible();
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 60 && (await activeId()) !== 'root_cover_studioName'; i += 1) await page.keyboard.press('Tab');
  expect(await activeId()).toBe('root_cover_studioName');
  await page.keyboard.type('熊建华劳模创新工作室');
  await page.keyboard.press('Tab');
  await page.keyboard.type('江铃汽车零部件（南昌）有限公司');
  await page.keyboard.press('Tab'); // 单位类型
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab'); // 所属行业
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab'); // 推荐单位
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab'); // 填报日期 (其他推荐单位名称 appears only with 推荐单位 其他)
  expect(await activeId()).toBe('root_cover_fillDate');
  await page.keyboard.type('07122021');
  await expect(page.getByLabel('填报日期', { exact: true })).toHaveValue('2021-07-12');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // 填表人
  expect(await activeId()).toBe('root_contact_name');
  await page.keyboard.type('李明');
  await page.keyboard.press('Tab'); // 填表人联系电话
  await page.keyboard.type('0791 8623 1234');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('填表人联系电话', { exact: true })).toHaveValue('0791-86231234');
  await expect(page.getByRole('button', { name: '检查本部分' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /^封面/ })).toContainText('已完成');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /下一步/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '工作室基本情况' })).toBeFocused();
});
