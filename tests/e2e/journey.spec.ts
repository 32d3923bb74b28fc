import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fillShownSection, sectionIds, sectionTitles } from './form-filler';
import { expectNoAxeViolations, FIXTURE_PATH, media, openFixtureDraft, showView } from './helpers';

// The applicant's whole journey (issue 12) at the typical Chinese office screen (1366×768 less the browser's
// chrome) and on a phone: only visible controls and the keyboard, axe on every view.

const fixture: unknown = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'));
const SIZES = [
  { name: '1366×641', viewport: { width: 1366, height: 641 } },
  { name: '390×844', viewport: { width: 390, height: 844 } },
] as const;

const heading = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: title, exact: true });

/** Follows the view's own 下一步 link from the keyboard, as the path is meant to be walked. */
async function goNext(page: Page, title: string): Promise<void> {
  const link = page.getByRole('link', { name: `下一步：${title} →` });
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, title)).toBeVisible();
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

for (const size of SIZES) {
  test.describe(`the journey at ${size.name}`, () => {
    test.use({ viewport: size.viewport });

    test('walks from an empty draft to the package through the visible path, axe clean on every view', async ({ page }) => {
      test.setTimeout(420_000);
      await page.goto('/apply/');
      for (const [i, id] of sectionIds.entries()) {
        await expect(heading(page, sectionTitles[i] ?? id)).toBeVisible();
        await fillShownSection(page, id, fixture);
        await expectNoAxeViolations(page);
        await goNext(page, sectionTitles[i + 1] ?? '附件材料');
      }
      // 附件材料: the last 申报材料 section leads here, not past it.
      await page.getByLabel('添加工作室介绍视频').setInputFiles(media('studio-tour.mp4'));
      await page.getByLabel('添加工作室内外观布局照片').setInputFiles([media('outside.jpg'), media('inside.png')]);
      const photos = page.getByRole('region', { name: '工作室内外观布局照片' });
      await expect(photos.locator('.attachment-item')).toHaveCount(2);
      await photos.getByLabel('照片说明').first().focus();
      await page.keyboard.type('外景');
      await photos.getByLabel('照片说明').nth(1).focus();
      await page.keyboard.type('内景');
      await page.getByLabel('添加荣誉证书').setInputFiles({ name: '荣誉证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await expect(page.getByRole('region', { name: '荣誉证书' }).locator('.attachment-item')).toHaveCount(1);
      await expectNoAxeViolations(page);
      await goNext(page, '检查申报内容');

      await expect(page.getByRole('status').filter({ hasText: '申报内容已填写完整' })).toBeVisible();
      const attachments = page.getByRole('region', { name: '附件材料' });
      await expect(attachments).toContainText('共 4 个文件');
      await expect(attachments).toContainText('外景、内景');
      await expectNoAxeViolations(page);
      // The review ends with the way to the output.
      await goNext(page, '生成PDF与材料包');
      await expectNoAxeViolations(page);

      const build = page.getByRole('button', { name: '生成材料包' });
      await build.focus();
      await page.keyboard.press('Enter');
      const link = page.getByRole('link', { name: /^下载 申报材料包-.*\.zip$/ });
      await expect(link).toBeVisible({ timeout: 120_000 });
      await link.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('申报材料包-南昌经开区工会-熊建华劳模创新工作室.zip');
      const zipPath = join(mkdtempSync(join(tmpdir(), 'lmcx-journey-')), 'package.zip');
      await download.saveAs(zipPath);
      const list = execFileSync('unzip', ['-p', zipPath, '*/材料清单.txt']).toString('utf8');
      expect(list).toContain('填表人：李明');
      expect(list).toContain('填表人联系电话：0791-86231234');
      await expectNoAxeViolations(page);
    });

    test('every view ends with the next step, and the save state stays in view with a 保存 button', async ({ page }) => {
      await openFixtureDraft(page);
      const path = [...sectionTitles, '附件材料', '检查申报内容', '生成PDF与材料包'];
      const ids = [...sectionIds, 'attachments', 'review', 'output'];
      for (const [i, id] of ids.entries()) {
        await showView(page, id);
        await expect(heading(page, path[i] ?? id)).toBeVisible();
        const footer = page.locator('.apply-main .section-footer').last();
        if (i + 1 < path.length) await expect(footer.locator('.btn-primary')).toHaveText(`下一步：${path[i + 1]} →`);
        if (i > 0) await expect(footer.getByRole('link', { name: `← 上一步：${path[i - 1]}` })).toBeVisible();
        // Scrolled to the end of the view, the save state is still on screen.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        expect(await inViewport(page, '.save-bar__state')).toBe(true);
      }
      await showView(page, 'team');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const last = page.getByRole('group', { name: '团队成员' }).locator('tbody tr').last().getByLabel('分工', { exact: true });
      await last.fill('数据统计与台账管理，兼任安全员');
      await expect(page.locator('.save-bar__state')).toContainText(/正在保存……|已保存（\d\d:\d\d:\d\d）/);
      expect(await inViewport(page, '.save-bar__state')).toBe(true);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(page.locator('.save-bar__state')).toHaveText(/^已保存（\d\d:\d\d:\d\d）$/);
      await page.reload();
      await expect(page.getByRole('group', { name: '团队成员' }).locator('tbody tr').last().getByLabel('分工', { exact: true })).toHaveValue('数据统计与台账管理，兼任安全员');
    });

    test('a deleted row can be put back for at least 10 s; on a phone delete sits away from the move buttons', async ({ page }) => {
      test.setTimeout(60_000);
      await openFixtureDraft(page, 'team');
      const table = page.getByRole('group', { name: '团队成员' });
      const rows = table.locator('tbody tr');
      const before = await rows.count();
      const second = rows.nth(1);
      const del = second.getByRole('button', { name: '删除第2行' });
      const down = second.getByRole('button', { name: '下移第2行' });
      const [d, m] = [await del.boundingBox(), await down.boundingBox()];
      if (!d || !m) throw new Error('row buttons not laid out');
      if (size.viewport.width < 640) expect(d.x - (m.x + m.width)).toBeGreaterThan(120);
      await del.click();
      await expect(rows).toHaveCount(before - 1);
      const undo = page.getByRole('button', { name: '撤销' });
      await expect(page.locator('.save-bar__undo')).toContainText('已删除团队成员第2行');
      await page.waitForTimeout(10_500);
      await expect(undo).toBeVisible();
      await undo.click();
      await expect(rows).toHaveCount(before);
      await expect(rows.nth(1).getByLabel('姓名', { exact: true })).toHaveValue('万丽萍');
      await page.reload();
      await expect(page.getByRole('group', { name: '团队成员' }).locator('tbody tr').nth(1).getByLabel('姓名', { exact: true })).toHaveValue('万丽萍');
    });

    test('a photo caption is saved as it is typed; a reload 1 s later keeps it', async ({ page }) => {
      await page.goto('/apply/#attachments');
      await page.getByLabel('添加工作室内外观布局照片').setInputFiles(media('outside.jpg'));
      const caption = page.getByRole('region', { name: '工作室内外观布局照片' }).getByLabel('照片说明');
      await caption.pressSequentially('大门外景');
      await page.waitForTimeout(1000);
      await expect(caption).toBeFocused();
      await page.reload();
      await expect(page.getByRole('region', { name: '工作室内外观布局照片' }).getByLabel('照片说明')).toHaveValue('大门外景');
    });

    test('a fresh empty row shows no errors until it is left or 检查本部分 is pressed', async ({ page }) => {
      await page.goto('/apply/#leader');
      await page.getByRole('button', { name: '检查本部分' }).click();
      const honors = page.getByRole('group', { name: '所获荣誉' });
      await honors.getByRole('button', { name: '添加一行（所获荣誉）' }).click();
      const row = honors.locator('tbody tr').first();
      await expect(row.getByLabel('授予单位', { exact: true })).toBeVisible();
      await expect(row.locator('.cell--error')).toHaveCount(0);
      await expect(page.locator('.summary')).not.toContainText('所获荣誉第1行');
      await row.getByLabel('授予单位', { exact: true }).fill('江西省人民政府');
      await page.locator('#section-title').click(); // leaves the row
      await expect(row.locator('.cell--error').first()).toBeVisible();
      await expect(page.locator('.summary')).toContainText('所获荣誉第1行的荣誉称号');
    });

    test('phone numbers are taken as typed and tidied; dates outside a plausible range are named with the range', async ({ page }) => {
      await page.goto('/apply/#leader');
      const phone = page.getByLabel('联系电话', { exact: true });
      await phone.fill('１３８ ０７９１ ２３４５');
      await phone.press('Tab');
      await expect(phone).toHaveValue('13807912345');
      await phone.fill('0791—83868361');
      await phone.press('Tab');
      await expect(phone).toHaveValue('0791-83868361');
      await page.getByLabel('出生年月', { exact: true }).fill('2019-01');
      await page.getByRole('button', { name: '检查本部分' }).click();
      await expect(page.locator('.summary')).toContainText('「领衔人的出生年月」应在1940年6月至2005年5月之间');
      await expect(page.locator('.summary')).not.toContainText('联系电话');
      await showView(page, 'cover');
      const contactPhone = page.getByLabel('填表人联系电话', { exact: true });
      await contactPhone.fill('0791 8623 1234');
      await contactPhone.press('Tab');
      await expect(contactPhone).toHaveValue('0791-86231234');
      await showView(page, 'studio');
      await page.getByLabel('创建日期', { exact: true }).fill('1900-01');
      await page.getByRole('button', { name: '检查本部分' }).click();
      await expect(page.locator('.summary')).toContainText('「创建日期」应在1949年1月至填报日期之间');
    });

    test('fields that follow a choice appear with it: 其他推荐单位名称, 命名 rows, 其他荣誉称号', async ({ page }) => {
      await page.goto('/apply/#cover');
      await expect(page.getByLabel('推荐单位', { exact: true })).toBeVisible();
      await expect(page.getByLabel('其他推荐单位名称', { exact: true })).toHaveCount(0);
      await page.getByLabel('推荐单位', { exact: true }).selectOption('其他');
      await expect(page.getByLabel('其他推荐单位名称', { exact: true })).toBeVisible();

      await showView(page, 'funding-naming');
      const naming = page.getByRole('radiogroup', { name: '是否曾被命名' });
      await naming.getByLabel('否', { exact: true }).check();
      await expect(page.getByRole('group', { name: '命名单位及命名日期' })).toHaveCount(0);
      await naming.getByLabel('是', { exact: true }).check();
      await expect(page.getByRole('group', { name: '命名单位及命名日期' })).toBeVisible();

      await showView(page, 'leader');
      const honors = page.getByRole('group', { name: '所获荣誉' });
      await honors.getByRole('button', { name: '添加一行（所获荣誉）' }).click();
      const row = honors.locator('tbody tr').first();
      await expect(row.getByLabel('其他荣誉称号', { exact: true })).toHaveCount(0);
      await row.getByLabel('荣誉称号', { exact: true }).selectOption('其他');
      await expect(row.getByLabel('其他荣誉称号', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: '检查本部分' }).click();
      await expect(page.locator('.summary')).toContainText('第1项荣誉的称号选择了“其他”，请填写「所获荣誉第1行的其他荣誉称号」');
    });

    test('required marks: 照片说明, 所获荣誉 and the required columns of the tables', async ({ page }) => {
      await page.goto('/apply/#leader');
      await expect(page.getByRole('group', { name: '所获荣誉' }).locator('legend')).toContainText('所获荣誉必填');
      await expect(page.getByRole('group', { name: '所获荣誉' }).locator('thead')).toContainText('授予单位必填');
      await showView(page, 'attachments');
      await page.getByLabel('添加工作室内外观布局照片').setInputFiles(media('outside.jpg'));
      await expect(page.locator('.attachment-caption')).toContainText('照片说明必填');
    });

    test('table cells show all that was typed: 文化程度 大学本科 and a long 分工 are never cut off', async ({ page }) => {
      await openFixtureDraft(page, 'team');
      const row = page.getByRole('group', { name: '团队成员' }).locator('tbody tr').first();
      const role = row.getByLabel('分工', { exact: true });
      await role.fill('负责数控编程、工艺设计与新员工带教，兼任班组安全员和质量攻关小组联络人');
      await page.waitForTimeout(100);
      const cut = await role.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      expect(cut).toBe(false);
      const education = row.getByLabel('文化程度', { exact: true });
      await education.selectOption('大学本科');
      const fits = await education.evaluate((el) => {
        const select = el as HTMLSelectElement;
        const canvas = document.createElement('canvas').getContext('2d');
        if (!canvas) return false;
        canvas.font = getComputedStyle(select).font;
        const text = select.selectedOptions[0]?.text ?? '';
        // The text, the select's padding and its arrow (about 1.5em) must fit its width.
        const room = select.clientWidth - parseFloat(getComputedStyle(select).paddingLeft) - 1.5 * parseFloat(getComputedStyle(select).fontSize);
        return canvas.measureText(text).width <= room;
      });
      expect(fits).toBe(true);
      if (size.viewport.width < 640) expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    });
  });
}

test.describe('at 1366×641', () => {
  test.use({ viewport: { width: 1366, height: 641 } });

  test('the whole section list fits beside the form, down to 生成PDF与材料包, with nothing hidden in its own scroll', async ({ page }) => {
    await openFixtureDraft(page, 'materials-results');
    await page.evaluate(() => window.scrollTo(0, 600));
    const nav = page.getByRole('navigation', { name: '申报内容各部分' });
    const overflow = await nav.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of ['封面', '附件材料', '检查申报内容', '生成PDF与材料包']) {
      const box = await nav.getByRole('link', { name: new RegExp(`^${name}`) }).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 641).toBe(true);
    }
  });

  test('imports say what happened, leave no stray blank draft, and /apply/ opens the one real draft', async ({ page }) => {
    await page.goto('/apply/');
    await expect(heading(page, '封面')).toBeVisible();
    await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE_PATH);
    await expect(page.getByRole('status').filter({ hasText: '已导入为新草稿：“熊建华劳模创新工作室”' })).toBeVisible();
    await page.goto('/drafts/');
    await expect(page.getByText('熊建华劳模创新工作室').first()).toBeVisible();
    await expect(page.getByText(/未命名草稿/)).toHaveCount(0);

    // A blank draft beside the real one does not stop /apply/ from opening the real one.
    await page.getByRole('button', { name: /新建草稿/ }).click();
    await expect(page).toHaveURL(/\/apply\/\?d=/);
    await page.goto('/apply/');
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');

    // Importing over a real draft links back to it.
    const later = { ...(fixture as Record<string, unknown>), reviewer: '王五', cover: { ...(fixture as { cover: object }).cover, studioName: '张三劳模创新工作室', fax: '0791-1234567' } };
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '新版本.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(later)) });
    const message = page.getByRole('status').filter({ hasText: '已导入为新草稿：“张三劳模创新工作室”' });
    await expect(message).toContainText('本网站不认识的2个字段未导入：“reviewer”、「封面」中的“fax”');
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('张三劳模创新工作室');
    await message.getByRole('link', { name: '返回原来的草稿“熊建华劳模创新工作室”' }).click();
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');

    // A file from a newer version says so.
    const newer = { format: 'nanchang-lmcx-application', formatVersion: 9, generatedAt: '2021-07-12T00:00:00Z', data: fixture };
    await page.getByLabel('导入草稿文件').setInputFiles({ name: 'application.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
    await expect(page.getByRole('alert')).toContainText('由更新版本的申报网站生成（格式版本 9）');
  });

  test('a recorded 10-second video gets its length advice; rules and what is missing show on attachments and review', async ({ page }) => {
    await openFixtureDraft(page, 'attachments');
    await expect(page.getByRole('region', { name: '工作室内外观布局照片' })).toContainText('要求：至少2张；每张须填写照片说明');
    await expect(page.getByRole('region', { name: '经费投入证明' })).toContainText('要求：填写了近三年经费投入*时须提供（填表说明5）');
    await page.getByLabel('添加工作室介绍视频').setInputFiles(media('recorded-10s.webm'));
    await expect(page.getByRole('alert')).toContainText('视频时长 0分9秒，通知要求 5 分钟左右，建议补充到 3 分钟以上。');
    await expect(page.getByRole('region', { name: '工作室介绍视频' })).toContainText('视频时长 0分9秒');
    await page.getByLabel('添加工作室内外观布局照片').setInputFiles(media('outside.jpg'));
    await page.getByRole('region', { name: '工作室内外观布局照片' }).getByLabel('照片说明').fill('外景');
    await showView(page, 'review');
    const review = page.getByRole('region', { name: '附件材料' });
    await expect(review).toContainText('共 2 个文件');
    await expect(review).toContainText('1个，时长 0分9秒（通知要求5分钟左右）');
    await expect(review).toContainText('1个：外景');
    await expect(review).toContainText('工作室内外观布局照片只有1张，建议至少2张');
    await expect(review).toContainText('还没有添加“经费投入证明”');
  });

  test('荣誉称号 其他 prints the typed honour in the 申报表 PDF', async ({ page }) => {
    test.setTimeout(120_000);
    await openFixtureDraft(page, 'leader');
    const honors = page.getByRole('group', { name: '所获荣誉' });
    await honors.getByRole('button', { name: '添加一行（所获荣誉）' }).click();
    const row = honors.locator('tbody tr').last();
    await row.getByLabel('荣誉称号', { exact: true }).selectOption('其他');
    await row.getByLabel('其他荣誉称号', { exact: true }).fill('全国技术能手');
    await row.getByLabel('级别', { exact: true }).selectOption('全国');
    await row.getByLabel('获得年份', { exact: true }).fill('2019');
    await row.getByLabel('授予单位', { exact: true }).fill('人力资源和社会保障部');
    await showView(page, 'output');
    await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
    const link = page.getByRole('link', { name: /^下载 01-申报表\.pdf$/ });
    await expect(link).toBeVisible({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdfPath = join(mkdtempSync(join(tmpdir(), 'lmcx-honor-')), 'form.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('全国技术能手');
    expect(text).not.toContain('李明'); // 填表人 is never on the official form
  });

  test('the hand-off copies address, subject and body, guides webmail, and the package imports back as a draft', async ({ page, context }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openFixtureDraft(page, 'output');
    const handoff = page.getByRole('region', { name: '发送与纸质材料' });
    await expect(handoff.getByRole('link', { name: 'ncszghjjb@163.com' })).toHaveAttribute('href', /^mailto:ncszghjjb@163\.com\?subject=/);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await handoff.getByRole('button', { name: '复制收件人' }).click();
    expect(await clipboard()).toBe('ncszghjjb@163.com');
    await handoff.getByRole('button', { name: '复制主题' }).click();
    expect(await clipboard()).toBe('2021年南昌市劳模创新工作室申报-南昌经开区工会-熊建华劳模创新工作室');
    await handoff.getByRole('button', { name: '复制正文' }).click();
    const body = await clipboard();
    expect(body).toContain('填表人：李明　联系电话：0791-86231234');
    expect(body).toContain('领衔人：熊建华　联系电话：13807912345');
    for (const words of ['163', 'QQ 邮箱', '企业邮箱', '超大附件', '50 MB']) await expect(handoff).toContainText(words);

    await page.getByRole('button', { name: '生成材料包' }).click();
    const link = page.getByRole('link', { name: /^下载 申报材料包-.*\.zip$/ });
    await expect(link).toBeVisible({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zipPath = join(mkdtempSync(join(tmpdir(), 'lmcx-handoff-')), download.suggestedFilename());
    await download.saveAs(zipPath);
    // A district union opens the candidate's package as a draft, to check and print it.
    await page.getByLabel('导入草稿文件').setInputFiles(zipPath);
    await expect(page.getByRole('status').filter({ hasText: '这是申报材料包：已导入其中的申报表数据' })).toBeVisible();
    await showView(page, 'cover');
    await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');
    await expect(page.getByLabel('填表人', { exact: true })).toHaveValue('李明');
  });
});
