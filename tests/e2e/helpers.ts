import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page, type Request } from '@playwright/test';

/** Every request the page makes, so a test can prove nothing goes to another origin. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

export function foreignRequests(requests: Request[], origin: string): string[] {
  return requests
    .map((r) => r.url())
    // Only network requests count: data:, blob: and the browser's own PDF viewer (chrome://, chrome-extension://)
    // never leave the machine.
    .filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** Text as a reader sees it, with all white space removed, so line wrapping and indentation don't matter. */
export async function visibleTextWithoutSpaces(page: Page): Promise<string> {
  const text = await page.locator('main').innerText();
  return text.replace(/\s+/g, '');
}

export const FIXTURE_PATH = new URL('../fixtures/typical-application.json', import.meta.url).pathname;

/** Shows a workspace view by its hash, as the section links do (same document: nothing reloads). */
export async function showView(page: Page, view: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, view);
}

/** Opens /apply/ with the typical application imported as a new draft, then shows `view` if given. */
export async function openFixtureDraft(page: Page, view?: string): Promise<void> {
  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE_PATH);
  await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');
  if (view) await showView(page, view);
}

export const media = (name: string): string => new URL(`../fixtures/media/${name}`, import.meta.url).pathname;

/** Adds the two test photos and captions them 外景 and 内景; returns the photos' region. */
export async function addCaptionedPhotos(page: Page): Promise<Locator> {
  await page.getByLabel('添加工作室内外观布局照片').setInputFiles([media('outside.jpg'), media('inside.png')]);
  const photos = page.getByRole('region', { name: '工作室内外观布局照片' });
  await expect(photos.locator('.attachment-item')).toHaveCount(2);
  await photos.getByLabel('照片说明').first().fill('外景');
  await photos.getByLabel('照片说明').nth(1).fill('内景');
  await photos.getByLabel('照片说明').nth(1).blur(); // captions are saved when the field is left
  return photos;
}

/** A new draft opened from /drafts/, on its 封面; its id. */
export async function newDraft(page: Page): Promise<string> {
  await page.goto('/drafts/');
  await page.getByRole('button', { name: '＋ 新建草稿' }).click();
  await page.waitForURL(/\/apply\/\?d=/);
  await expect(page.getByRole('heading', { level: 2, name: '封面' })).toBeVisible();
  return new URL(page.url()).searchParams.get('d') ?? '';
}
