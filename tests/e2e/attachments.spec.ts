import { expect, test } from '@playwright/test';
import { addCaptionedPhotos, media } from './helpers';

test.describe('attachments kept with the draft', () => {
  test('a video, photos with captions and proofs survive a reload', async ({ page }) => {
    await page.goto('/apply/#attachments');
    await expect(page.getByRole('heading', { level: 2, name: '附件材料' })).toBeVisible();

    await page.getByLabel('添加工作室介绍视频').setInputFiles(media('studio-tour.mp4'));
    // A 4-second clip is far from the notice's five minutes: advice, not refusal.
    await expect(page.getByRole('alert')).toContainText('通知要求 5 分钟左右');
    const video = page.getByRole('region', { name: '工作室介绍视频' });
    await expect(video.locator('.attachment-name')).toHaveText('studio-tour.mp4');

    await addCaptionedPhotos(page);
    await page.getByLabel('添加经费投入证明').setInputFiles({ name: '经费投入证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    // Stored once it is listed: the list is read back from IndexedDB after each change.
    await expect(page.getByRole('region', { name: '经费投入证明' }).locator('.attachment-name')).toHaveText('经费投入证明.pdf');

    await page.reload();
    await expect(page.getByRole('region', { name: '工作室介绍视频' }).locator('.attachment-name')).toHaveText('studio-tour.mp4');
    const after = page.getByRole('region', { name: '工作室内外观布局照片' });
    await expect(after.getByLabel('照片说明').first()).toHaveValue('外景');
    await expect(after.getByLabel('照片说明').nth(1)).toHaveValue('内景');
    await expect(page.getByRole('region', { name: '经费投入证明' }).locator('.attachment-name')).toHaveText('经费投入证明.pdf');
    await expect(page.getByRole('link', { name: /附件材料/ })).toContainText('4个文件');

    // Reorder and remove.
    await after.getByRole('button', { name: '下移“outside.jpg”' }).click();
    await expect(after.locator('.attachment-name').first()).toHaveText('inside.png');
    await after.getByRole('button', { name: /删除.*inside\.png/ }).click();
    await expect(after.locator('.attachment-item')).toHaveCount(1);
  });

  test('wrong, empty and surplus files are refused with a message naming them', async ({ page }) => {
    await page.goto('/apply/#attachments');
    await page.getByLabel('添加工作室内外观布局照片').setInputFiles({ name: '说明.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await expect(page.getByRole('alert')).toContainText('“说明.docx”不能作为工作室内外观布局照片');
    await page.getByLabel('添加经费投入证明').setInputFiles({ name: '空白.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('alert')).toContainText('“空白.pdf”是空文件');
    await expect(page.getByRole('link', { name: /附件材料/ })).toContainText('0个文件');
  });
});
