import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { TextReader, TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { expectNoAxeViolations, newDraft } from './helpers';

const fixturePath = new URL('../fixtures/typical-application.json', import.meta.url).pathname;
const studioName = () => (page: Page) => page.getByLabel('工作室名称', { exact: true });

async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-status')).toContainText('已保存（');
}

/** Reads what IndexedDB holds, straight from the database the site writes. */
async function stored(page: Page): Promise<{ drafts: { id: string; title: string; deletedAt?: string }[]; attachments: { id: string; draftId: string; name: string; bytes: number[] }[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('nanchang-lmcx-2021');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const drafts = await all<{ id: string; title: string; deletedAt?: string }>('drafts');
    const files = await all<{ id: string; draftId: string; name: string; blob: Blob }>('attachments');
    const attachments = await Promise.all(
      files.map(async (f) => ({ id: f.id, draftId: f.draftId, name: f.name, bytes: [...new Uint8Array(await f.blob.arrayBuffer())] })),
    );
    db.close();
    return { drafts, attachments };
  });
}

test.describe('drafts are never lost', () => {
  test('what was typed is back after a reload', async ({ page }) => {
    const id = await newDraft(page);
    await studioName()(page).fill('重载劳模创新工作室');
    await waitSaved(page);
    await page.reload();
    await expect(studioName()(page)).toHaveValue('重载劳模创新工作室');
    expect(new URL(page.url()).searchParams.get('d')).toBe(id);
  });

  test('closing the page right after typing loses nothing', async ({ page, context }) => {
    const id = await newDraft(page);
    await studioName()(page).fill('立刻关闭劳模创新工作室');
    await page.close(); // no wait for the autosave
    const again = await context.newPage();
    await again.goto(`/apply/?d=${id}#cover`);
    await expect(studioName()(again)).toHaveValue('立刻关闭劳模创新工作室');
  });

  // Long texts keep what is typed in the field and hand it to the form after a short pause (form/localText.ts):
  // a text typed and left at once must still be stored exactly, to the last character.
  const longText = (end: string) => `${'工作室以劳模领衔，开展技术攻关与技能传授。\n'.repeat(400)}𠮷字与“引号”${end}`;

  test('a long text typed and the page closed at once is stored exactly', async ({ page, context }) => {
    const id = await newDraft(page);
    await page.goto(`/apply/?d=${id}#materials-basics`);
    const overview = page.getByLabel('1.工作室概况');
    await overview.fill(longText(''));
    await overview.press('End');
    await page.keyboard.insertText('最后几个字');
    await page.close(); // no pause, no blur, no wait for the autosave
    const again = await context.newPage();
    await again.goto(`/apply/?d=${id}#materials-basics`);
    await expect(again.getByLabel('1.工作室概况')).toHaveValue(longText('最后几个字'));
  });

  test('a long text typed and 下一步 at once is stored exactly', async ({ page }) => {
    const id = await newDraft(page);
    await page.goto(`/apply/?d=${id}#materials-basics`);
    const conditions = page.getByLabel('3.创新条件');
    await conditions.fill(longText('条件'));
    await page.getByRole('link', { name: /^下一步/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: /申报材料二/ })).toBeVisible();
    await waitSaved(page);
    await page.goto(`/apply/?d=${id}#materials-basics`);
    await expect(page.getByLabel('3.创新条件')).toHaveValue(longText('条件'));
  });

  test('two drafts stay independent and are listed newest first', async ({ page }) => {
    const a = await newDraft(page);
    await studioName()(page).fill('甲劳模创新工作室');
    await waitSaved(page);
    const b = await newDraft(page);
    await studioName()(page).fill('乙劳模创新工作室');
    await waitSaved(page);
    await page.goto(`/apply/?d=${a}#cover`);
    await expect(studioName()(page)).toHaveValue('甲劳模创新工作室');
    await page.goto(`/apply/?d=${b}#cover`);
    await expect(studioName()(page)).toHaveValue('乙劳模创新工作室');
    await page.goto('/drafts/');
    const rows = page.locator('.drafts-table tbody tr');
    await expect(rows.nth(0)).toContainText('乙劳模创新工作室');
    await expect(rows.nth(1)).toContainText('甲劳模创新工作室');
    await expectNoAxeViolations(page);
  });

  test('rename, duplicate, delete with undo, recycle bin', async ({ page }) => {
    await newDraft(page);
    await studioName()(page).fill('原名劳模创新工作室');
    await waitSaved(page);
    await page.goto('/drafts/');
    const row = page.locator('.drafts-table tbody tr').filter({ hasText: '原名劳模创新工作室' });
    await row.getByRole('button', { name: /^重命名/ }).click();
    await row.getByLabel('新名称').fill('候选一');
    await row.getByRole('button', { name: '保存名称' }).click();
    await expect(page.getByRole('status')).toContainText('已改名为“候选一”');
    const renamed = page.locator('.drafts-table tbody tr').filter({ hasText: '候选一' });
    await renamed.getByRole('button', { name: /^复制/ }).click();
    await expect(page.locator('.drafts-table tbody tr').filter({ hasText: '候选一（副本）' })).toHaveCount(1);
    await renamed.first().getByRole('button', { name: /^删除/ }).click();
    await expect(page.getByRole('status')).toContainText('已移到回收站');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.locator('.drafts-table tbody th').filter({ hasText: /^候选一$/ })).toHaveCount(1);
    await page.locator('.drafts-table tbody tr').filter({ has: page.locator('th', { hasText: /^候选一$/ }) }).getByRole('button', { name: /^删除/ }).click();
    const bin = page.getByRole('region', { name: /回收站/ });
    await expect(bin).toContainText('候选一');
    await bin.getByRole('button', { name: /^永久删除/ }).click();
    await bin.getByRole('button', { name: '确定永久删除' }).click();
    await expect(page.getByRole('status')).toContainText('已永久删除“候选一”');
    expect((await stored(page)).drafts.map((d) => d.title)).not.toContain('候选一');
  });

  test('export, delete for good, import gives back the same data and the same attachment bytes', async ({ page }) => {
    await page.goto('/drafts/');
    await page.getByLabel('导入草稿文件').setInputFiles(fixturePath);
    await expect(page.getByRole('status')).toContainText('已导入');
    const before = await stored(page);
    const draft = before.drafts.find((d) => d.title === '熊建华劳模创新工作室');
    expect(draft).toBeDefined();
    // A JPEG signature first: an import checks content as well as names.
    const bytes = [0xff, 0xd8, 0xff, 0, 255, 1, 128, 0xe4, 0xb8, 0xad, 7, 0, 0];
    // An attachment of arbitrary bytes, written straight into the store: the round trip is checked byte for byte.
    await page.evaluate(async ({ draftId, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('nanchang-lmcx-2021');
        r.onsuccess = () => resolve(r.result);
      });
      await new Promise<void>((resolve, reject) => {
        const t = db.transaction('attachments', 'readwrite');
        t.objectStore('attachments').put({
          id: 'a1', draftId, category: 'photos', name: '外景 照片.jpg', type: 'image/jpeg', size: bytes.length,
          caption: '外景', order: 0, addedAt: '2021-07-12T08:00:00.000Z', blob: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
        });
        t.oncomplete = () => resolve();
        t.onerror = () => reject(t.error);
      });
      db.close();
    }, { draftId: draft?.id ?? '', bytes });

    const row = page.locator('.drafts-table tbody tr').filter({ hasText: '熊建华劳模创新工作室' });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^导出/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^草稿备份-熊建华劳模创新工作室-\d{8}\.zip$/);
    const file = await download.path();

    await row.getByRole('button', { name: /^删除/ }).click();
    const bin = page.getByRole('region', { name: /回收站/ });
    await bin.getByRole('button', { name: /^永久删除/ }).click();
    await bin.getByRole('button', { name: '确定永久删除' }).click();
    await expect(page.getByRole('status')).toContainText('已永久删除');
    expect((await stored(page)).drafts).toHaveLength(0);
    expect((await stored(page)).attachments).toHaveLength(0);

    await page.getByLabel('导入草稿文件').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: readFileSync(file) });
    await expect(page.getByRole('status')).toContainText('已导入');
    const after = await stored(page);
    expect(after.drafts).toHaveLength(1);
    expect(after.attachments).toHaveLength(1);
    expect(after.attachments[0]?.bytes).toEqual(bytes);
    expect(after.attachments[0]?.name).toBe('外景 照片.jpg');

    await page.locator('.drafts-table tbody tr').first().getByRole('link', { name: /^打开/ }).click();
    await page.goto(`${page.url().split('#')[0]}#review`);
    await expect(page.getByRole('status').filter({ hasText: '申报内容已填写完整' })).toBeVisible();
    const exported = await page.evaluate(() => document.querySelector('.review-list')?.textContent ?? '');
    expect(exported).toContain('江铃汽车零部件（南昌）有限公司');
  });

  test('bad files are refused with a message and nothing stored changes', async ({ page }) => {
    await page.goto('/drafts/');
    await page.getByLabel('导入草稿文件').setInputFiles(fixturePath);
    await expect(page.getByRole('status')).toContainText('已导入');
    const before = await stored(page);

    const zipOf = async (files: Record<string, string>) => {
      const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
      for (const [name, text] of Object.entries(files)) await writer.add(name, new TextReader(text));
      return Buffer.from(await writer.close());
    };
    const newer = await zipOf({
      'manifest.json': JSON.stringify({ format: 'nanchang-lmcx-draft', formatVersion: 99, exportedAt: '2030-01-01T00:00:00Z', draft: {}, attachments: [] }),
      'application.json': '{}',
    });
    const other = await zipOf({ 'readme.txt': 'not a draft' });
    const files = [
      { name: '乱码.zip', buffer: Buffer.from('PK\u0003\u0004 this zip is cut short') },
      { name: '新版本.zip', buffer: newer },
      { name: '别的压缩包.zip', buffer: other },
      { name: '原型.json', buffer: Buffer.from('{"cover": {"__proto__": {"polluted": true}}}') },
      { name: '构造器.json', buffer: Buffer.from('{"constructor": {"prototype": {}}}') },
      { name: '图片.png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
    ];
    for (const f of files) {
      await page.getByLabel('导入草稿文件').setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer });
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(`“${f.name}”`);
      await expect(alert).toContainText('已有的草稿没有任何改动');
    }
    await expect(page.getByRole('alert')).not.toContainText('undefined');
    expect(await stored(page)).toEqual(before);
    expect(await page.evaluate(() => ({} as Record<string, unknown>)['polluted'])).toBeUndefined();
  });

  test('the same draft in two tabs: the second only reads until it takes over', async ({ page, context }) => {
    const id = await newDraft(page);
    await studioName()(page).fill('双标签劳模创新工作室');
    await waitSaved(page);
    const second = await context.newPage();
    await second.goto(`/apply/?d=${id}#cover`);
    await expect(second.getByRole('alert')).toContainText('正在另一个标签页中编辑');
    await expect(studioName()(second)).toBeDisabled();
    // The first tab keeps editing; the second follows its saves.
    await studioName()(page).fill('双标签劳模创新工作室（改）');
    await waitSaved(page);
    await expect(studioName()(second)).toHaveValue('双标签劳模创新工作室（改）');
    await second.getByRole('button', { name: '改在本页编辑' }).click();
    await expect(studioName()(second)).toBeEnabled();
    await expect(page.getByRole('alert')).toContainText('正在另一个标签页中编辑');
    await expect(studioName()(page)).toBeDisabled();
  });
});

test('without IndexedDB the form still works in memory, says so, and can export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/apply/#cover');
  await expect(page.getByRole('alert')).toContainText('草稿无法自动保存');
  await expect(page.locator('.save-status')).toContainText('仅保存在本页内存中');
  await page.getByLabel('工作室名称', { exact: true }).fill('内存劳模创新工作室');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿文件' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^草稿备份-内存劳模创新工作室-\d{8}\.zip$/);
  const zip = new ZipReader(new Uint8ArrayReader(readFileSync(await download.path())), { useWebWorkers: false });
  const entry = (await zip.getEntries()).find((e) => e.filename === 'application.json');
  const data = JSON.parse(entry && !entry.directory ? await entry.getData(new TextWriter()) : '{}') as { cover: { studioName: string } };
  expect(data.cover.studioName).toBe('内存劳模创新工作室');
});
