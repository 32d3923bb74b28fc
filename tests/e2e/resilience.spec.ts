// Storage faults and hostile files (issue 17): the store recovers and names the real cause, backups are offered
// and cleared, every file obeys the attachment rules, text is cleaned and limited, one failing view never
// blanks the page, and a first PDF made offline works.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { FIXTURE_PATH, media, newDraft, showView } from './helpers';

const fixture = () => JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, Record<string, unknown>>;
const studioName = (page: Page) => page.getByLabel('工作室名称', { exact: true });
const MB = 1024 * 1024;

async function storedStudioName(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(
    (draftId) =>
      new Promise<string | undefined>((resolve, reject) => {
        const r = indexedDB.open('nanchang-lmcx-2021');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const db = r.result;
          const get = db.transaction('data').objectStore('data').get(draftId);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { data: { cover: { studioName?: string } } } | undefined)?.data.cover.studioName);
          };
        };
      }),
    id,
  );
}

/** As Chromium does on a full disk: while `diskFull(page, true)`, a write fails with QuotaExceededError and closes the connection. */
async function simulateDiskFull(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { diskFull?: boolean }).diskFull) {
        this.transaction.db.close();
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as IDBObjectStore['put'];
  });
}

const diskFull = (page: Page, full: boolean) => page.evaluate((f) => ((window as unknown as { diskFull?: boolean }).diskFull = f), full);

const backupKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lmcx-unsaved:')));

/** This browser's renderer processes (each test's context is closed after it, and its renderers with it). */
async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** The peak resident memory (VmHWM, MB) of the processes. */
function peakMb(pids: number[]): number {
  let peak = 0;
  for (const pid of pids) {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (hwm) peak = Math.max(peak, Number(hwm) / 1024);
    } catch {
      // the process ended
    }
  }
  return Math.round(peak);
}

interface CraftedFile {
  category: string;
  name: string;
  bytes: Buffer;
  type: string;
  caption?: string;
}

/** A draft file as the site writes it, with whatever data and attachments a test wants to smuggle in. */
async function craftedDraftFile(data: unknown, files: CraftedFile[] = []): Promise<Buffer> {
  const zip = new JSZip();
  const at = '2021-07-12T08:00:00.000Z';
  const attachments = files.map((f, i) => {
    const path = `attachments/a${i}/${f.name}`;
    zip.file(path, f.bytes);
    return {
      id: `a${i}`,
      category: f.category,
      name: f.name,
      type: f.type,
      size: f.bytes.length,
      ...(f.caption === undefined ? {} : { caption: f.caption }),
      order: i,
      addedAt: at,
      path,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
    };
  });
  const manifest = {
    format: 'nanchang-lmcx-draft',
    formatVersion: 1,
    exportedAt: at,
    draft: { id: 'crafted', title: '构造的草稿', formatVersion: 1, createdAt: at, updatedAt: at },
    attachments,
  };
  zip.file('manifest.json', JSON.stringify(manifest));
  zip.file('application.json', JSON.stringify(data));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** 2 GiB of spaces deflated (about 2 MB): a zip bomb's payload. */
async function deflatedSpaces(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const chunk = Buffer.alloc(16 * MB, 0x20);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  const ended = new Promise((r) => deflate.once('end', r));
  deflate.end();
  await ended;
  return Buffer.concat(parts);
}

/** A zip written record by record (APPNOTE 4.3.7, 4.3.12, 4.3.16), so an entry can lie about its size. */
function handmadeZip(entries: { name: string; data: Buffer; method: 0 | 8; crc: number; declaredSize: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const JPEG = readFileSync(media('outside.jpg'));

test.describe('when storage fails, the page recovers and tells the truth', () => {
  test('a disk-full write is named as such, kept in the backup, and saved without a reload once space is free', async ({ page }) => {
    await simulateDiskFull(page);
    const id = await newDraft(page);
    await diskFull(page, true);
    await studioName(page).fill('磁盘已满劳模创新工作室');
    const status = page.locator('.save-status');
    await expect(status).toContainText('存储空间不足（浏览器报告本网站还可使用约');
    await expect(status).toContainText('秒后自动重试');
    await expect(status).not.toContainText('无痕');
    // Meanwhile what was typed is on the screen and in the synchronous backup.
    expect(await backupKeys(page)).toEqual([`lmcx-unsaved:${id}`]);
    expect(await page.evaluate((k) => localStorage.getItem(k), `lmcx-unsaved:${id}`)).toContain('磁盘已满劳模创新工作室');

    await diskFull(page, false);
    await expect(status).toContainText('已保存（', { timeout: 20_000 });
    expect(await storedStudioName(page, id)).toBe('磁盘已满劳模创新工作室');
    // Saved safely: the backup is gone, and further edits save at once.
    expect(await backupKeys(page)).toEqual([]);
    await studioName(page).fill('空间恢复劳模创新工作室');
    await expect(status).toContainText('已保存（');
    await expect.poll(() => storedStudioName(page, id)).toBe('空间恢复劳模创新工作室');
  });

  test('a database deleted mid-edit loses nothing: the open page stores the draft again', async ({ page, context }) => {
    const id = await newDraft(page);
    await studioName(page).fill('删库劳模创新工作室');
    await expect(page.locator('.save-status')).toContainText('已保存（');
    const other = await context.newPage();
    await other.goto('/');
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.deleteDatabase('nanchang-lmcx-2021');
          r.onsuccess = () => resolve();
          r.onerror = () => reject(r.error);
        }),
    );
    await expect(page.getByRole('alert').filter({ hasText: '数据库被其他页面删除或清除' })).toContainText('已用本页中的内容重新保存这份草稿');
    await studioName(page).fill('删库后继续劳模创新工作室');
    await expect(page.locator('.save-status')).toContainText('已保存（');
    await page.reload();
    await expect(studioName(page)).toHaveValue('删库后继续劳模创新工作室');
    expect(new URL(page.url()).searchParams.get('d')).toBe(id);
  });

  test('a draft gone from the database is offered back from its backup, on the page and on /drafts/', async ({ page, context }) => {
    await simulateDiskFull(page);
    const id = await newDraft(page);
    await diskFull(page, true);
    await studioName(page).fill('备份劳模创新工作室');
    await expect(page.locator('.save-status')).toContainText('存储空间不足');
    await page.close();
    const other = await context.newPage();
    await other.goto('/');
    expect(await backupKeys(other)).toEqual([`lmcx-unsaved:${id}`]);
    // The database goes (another page, or "clear site data" that left localStorage).
    await other.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.deleteDatabase('nanchang-lmcx-2021');
          r.onsuccess = () => resolve();
        }),
    );
    await other.goto('/drafts/');
    await expect(other.getByRole('alert')).toContainText('找到一份未保存的草稿');
    await other.goto(`/apply/?d=${id}#cover`);
    const offer = other.getByRole('alert');
    await expect(offer).toContainText(/找到一份未保存的草稿“.*”（最后修改 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}），恢复吗？/);
    await offer.getByRole('button', { name: '恢复这份草稿' }).click();
    await expect(studioName(other)).toHaveValue('备份劳模创新工作室');
    expect(await storedStudioName(other, id)).toBe('备份劳模创新工作室');
    expect(await backupKeys(other)).toEqual([]);
  });

  test('永久删除 removes the backup with the draft', async ({ page, context }) => {
    await simulateDiskFull(page);
    await newDraft(page);
    await diskFull(page, true);
    await studioName(page).fill('公用电脑劳模创新工作室');
    await page.getByLabel('所在单位', { exact: true }).fill('张三的单位');
    await expect(page.locator('.save-status')).toContainText('存储空间不足');
    await page.close();
    const list = await context.newPage();
    await list.goto('/drafts/');
    expect(await backupKeys(list)).toHaveLength(1);
    await list.getByRole('button', { name: /^删除/ }).first().click();
    await list.getByRole('button', { name: /^永久删除/ }).click();
    await list.getByRole('button', { name: '确定永久删除' }).click();
    await expect(list.getByRole('status')).toContainText('已永久删除');
    expect(await backupKeys(list)).toEqual([]);
    expect(await list.evaluate(() => JSON.stringify(localStorage))).not.toContain('张三');
  });
});

test('导出草稿文件 works from what the page holds when IndexedDB cannot be used at all', async ({ page }) => {
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if ((window as unknown as { storeGone?: boolean }).storeGone) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
  });
  await newDraft(page);
  await page.evaluate(() => ((window as unknown as { storeGone?: boolean }).storeGone = true));
  await studioName(page).fill('无库导出劳模创新工作室');
  await expect(page.locator('.save-status')).toContainText('与浏览器本地数据库的连接中断了');
  await expect(page.locator('.save-status')).not.toContainText('无痕');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿文件' }).click()]);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const data = JSON.parse((await zip.file('application.json')?.async('string')) ?? '{}') as { cover: { studioName: string } };
  expect(data.cover.studioName).toBe('无库导出劳模创新工作室');
});

test('永久删除 in another tab leaves no backup, even while the draft is open and being typed in', async ({ page, context }) => {
  await newDraft(page);
  await studioName(page).fill('打开中劳模创新工作室');
  await expect(page.locator('.save-status')).toContainText('已保存（');
  const list = await context.newPage();
  await list.goto('/drafts/');
  await list.getByRole('button', { name: /^删除/ }).first().click();
  await list.getByRole('button', { name: /^永久删除/ }).click();
  await list.getByRole('button', { name: '确定永久删除' }).click();
  await expect(list.getByRole('status')).toContainText('已永久删除');
  await studioName(page).fill('李四的劳模创新工作室');
  await expect(page.locator('.save-status')).toContainText('找不到这份草稿');
  await page.close();
  expect(await list.evaluate(() => JSON.stringify(localStorage))).not.toContain('李四');
});

test.describe('no file gets past the attachment rules', () => {
  test('an import carrying an .exe as a photo, or too many photos, is refused naming the files; nothing is added', async ({ page }) => {
    await page.goto('/drafts/');
    const app = fixture();
    const disguised = await craftedDraftFile(app, [
      { category: 'photos', name: '01-外景.jpg', bytes: JPEG, type: 'image/jpeg', caption: '外景' },
      { category: 'photos', name: '02-内景.jpg', bytes: EXE, type: 'image/jpeg', caption: '内景' },
      { category: 'photos', name: '03-布局.exe', bytes: EXE, type: 'application/octet-stream', caption: '布局' },
    ]);
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '伪装.zip', mimeType: 'application/zip', buffer: disguised });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('文件“伪装.zip”中的附件不符合要求，无法导入');
    await expect(alert).toContainText('“02-内景.jpg”的扩展名是 .jpg，但文件内容是Windows 程序（exe）');
    await expect(alert).toContainText('“03-布局.exe”不能作为工作室内外观布局照片');
    await expect(alert).toContainText('已有的草稿没有任何改动');

    const many = await craftedDraftFile(app, Array.from({ length: 40 }, (_, i) => ({ category: 'photos', name: `照片${i}.jpg`, bytes: JPEG, type: 'image/jpeg' })));
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '太多.zip', mimeType: 'application/zip', buffer: many });
    await expect(alert).toContainText('工作室内外观布局照片最多 30 个文件，文件中有 40 个。');
    await expect(page.locator('.drafts-empty')).toBeVisible();
  });

  test('a zip bomb (2 GiB in 2 MB, its size hidden) is refused as too large, and the renderer stays under 1 GB', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.goto('/drafts/');
    const honest = await JSZip.loadAsync(await craftedDraftFile(fixture()));
    const manifest = Buffer.from((await honest.file('manifest.json')?.async('uint8array')) ?? new Uint8Array());
    const payload = await deflatedSpaces(2048 * MB);
    const bomb = handmadeZip([
      { name: 'manifest.json', data: manifest, method: 0, crc: crc32(manifest), declaredSize: manifest.length },
      // It claims 4 KB: a reader that inflates first and compares after would hold 2 GiB.
      { name: 'application.json', data: payload, method: 8, crc: 0, declaredSize: 4096 },
    ]);
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '炸弹.zip', mimeType: 'application/zip', buffer: bomb });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('“application.json”过大', { timeout: 60_000 });
    await expect(alert).not.toContainText('损坏');
    await expect(page.locator('.drafts-empty')).toBeVisible();
    const peak = peakMb(await rendererPids(browser));
    console.log(`[memory] import of a ${Math.round(bomb.length / 1024)} KB zip bomb (2 GiB inflated): renderer peak ${peak} MB (VmHWM)`);
    expect(peak).toBeLessThan(1024);
  });

  test('替换 refuses an .exe named as a photo and a setup.exe, and keeps the photo', async ({ page }) => {
    await page.goto('/apply/#attachments');
    const photos = page.getByRole('region', { name: '工作室内外观布局照片' });
    await page.getByLabel('添加工作室内外观布局照片').setInputFiles(media('outside.jpg'));
    await expect(photos.locator('.attachment-name')).toHaveText('outside.jpg');
    await photos.getByLabel(/替换/).setInputFiles({ name: '内景.jpg', mimeType: 'image/jpeg', buffer: EXE });
    await expect(page.getByRole('alert')).toContainText('“内景.jpg”的扩展名是 .jpg，但文件内容是Windows 程序（exe）');
    await photos.getByLabel(/替换/).setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: EXE });
    await expect(page.getByRole('alert')).toContainText('“setup.exe”不能作为工作室内外观布局照片');
    await page.reload();
    await expect(photos.locator('.attachment-name')).toHaveText('outside.jpg');
    // A PNG named .mp4 is not a video either.
    await page.getByLabel('添加工作室介绍视频').setInputFiles({ name: '介绍.mp4', mimeType: 'video/mp4', buffer: readFileSync(media('inside.png')) });
    await expect(page.getByRole('alert')).toContainText('“介绍.mp4”的扩展名是 .mp4，但文件内容是PNG 图片');
  });
});

test.describe('text is limited and cleaned on the way in', () => {
  test('a draft file with a 200 MB field is refused naming the field, and the tab lives on', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await page.goto('/drafts/');
    const app = fixture();
    (app as Record<string, unknown>)['summary'] = 'a'.repeat(200 * MB);
    const file = await craftedDraftFile(app);
    (app as Record<string, unknown>)['summary'] = '';
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '超长.zip', mimeType: 'application/zip', buffer: file });
    await expect(page.getByRole('alert')).toContainText('「工作室简介」有 209,715,200 个字符，超过了 50,000 个字符的上限', { timeout: 120_000 });
    await expect(page.locator('.drafts-empty')).toBeVisible();
    const mine = await rendererPids(browser);
    console.log(`[memory] import of a ${Math.round(file.length / 1024)} KB draft file with a 200 MB field: renderer peak ${peakMb(mine)} MB (VmHWM)`);
  });

  test('a lone surrogate in the studio name, typed or imported, is named and removed; the output view renders', async ({ page }) => {
    const app = fixture();
    (app['cover'] as Record<string, unknown>)['studioName'] = '熊建华\uD800劳模创新工作室';
    await page.goto('/apply/');
    // JSON.stringify writes the lone surrogate as the escape \ud800, which JSON.parse reads back as one.
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '代理.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(app)) });
    await expect(page.getByRole('alert').filter({ hasText: '工作室名称' })).toContainText('「工作室名称」中的不完整的字符（孤立的代理码元） U+D800无法显示或打印，已删除。');
    await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');

    // Typed (pasted) into the form: the change path cleans it the same way.
    await page.getByRole('button', { name: '知道了' }).click();
    await studioName(page).evaluate((input) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(input, '熊建华\uDC00劳模\u202E创新工作室');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.getByRole('alert').filter({ hasText: '工作室名称' })).toContainText('U+DC00');
    await expect(page.getByRole('alert').filter({ hasText: '工作室名称' })).toContainText('改变文字方向的控制符 U+202E');
    await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');

    await showView(page, 'output');
    await expect(page.getByRole('heading', { level: 2, name: '生成PDF与材料包' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ncszghjjb@163.com' })).toHaveAttribute('href', /^mailto:/);
  });

  test('200 team members render in pages and typing stays responsive', async ({ page, browser }) => {
    const app = fixture();
    const team = app['team'] as { members: Record<string, unknown>[] };
    const first = team.members[0] ?? {};
    team.members = Array.from({ length: 200 }, (_, i) => ({ ...first, name: `成员${i + 1}` }));
    await page.goto('/apply/');
    await page.getByLabel('导入草稿文件').setInputFiles({ name: '两百人.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(app)) });
    await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');
    const shown = await page.evaluate(async () => {
      const start = performance.now();
      window.location.hash = 'team';
      while (!document.querySelector('.array-pager')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    });
    const table = page.locator('.array-table').filter({ hasText: '团队成员' });
    await expect(table.locator('tbody tr')).toHaveCount(50);
    await expect(table.locator('.array-pager')).toContainText('第 1–50 行，共 200 行');
    await table.getByRole('button', { name: '下一页' }).click();
    await expect(table.locator('tbody tr').first().locator('th')).toHaveText('51');
    // No more rows than the contract allows.
    await expect(table.getByText('这一栏最多 200 行')).toBeVisible();
    // 姓名 is a textarea that wraps in its cell.
    const cell = table.locator('tbody tr').first().locator('textarea').first();
    const typed = await cell.evaluate(async (input: HTMLTextAreaElement) => {
      const start = performance.now();
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setValue?.call(input, '改过的成员');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    });
    await expect(cell).toHaveValue('改过的成员');
    const mine = await rendererPids(browser);
    console.log(`[memory] 200 team members: section shown in ${Math.round(shown)} ms, one keystroke painted in ${Math.round(typed)} ms, renderer peak ${peakMb(mine)} MB (VmHWM)`);
    // Generous for a shared machine: what matters is that the page does not freeze.
    expect(typed).toBeLessThan(2000);
  });
});

test('a long PDF shows its progress and can be cancelled', async ({ page }) => {
  const app = fixture();
  const materials = app['materials'] as Record<string, Record<string, string>>;
  for (const group of Object.values(materials)) for (const key of Object.keys(group)) group[key] = '劳模创新工作室开展技术攻关。'.repeat(3500);
  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles({ name: '长材料.zip', mimeType: 'application/zip', buffer: await craftedDraftFile(app) });
  await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');
  await showView(page, 'output');
  const pdfWorker = page.waitForEvent('worker', (w) => w.url().includes('pdf.worker'));
  await page.getByRole('button', { name: '生成申报材料PDF' }).click();
  await expect(page.getByRole('progressbar', { name: '申报材料PDF生成进度' })).toBeVisible();
  // 取消 stops the work itself: the worker laying the document out is terminated, not left to finish.
  const closed = (await pdfWorker).waitForEvent('close', { timeout: 10_000 });
  await page.getByRole('button', { name: '取消生成' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已取消生成' })).toBeVisible();
  await closed;
  await expect(page.getByRole('button', { name: '生成申报材料PDF' })).toBeEnabled();
  // The next PDF starts a fresh worker and is made.
  await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
  await expect(page.getByRole('link', { name: /下载.*申报表/ }).first()).toBeVisible({ timeout: 60_000 });
});

test('after one visit to /apply/, a first PDF made offline works', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE_PATH);
  await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
  // The common chunk and the headings' chunks (黑体, 楷体, 小标宋) arrive in the background, without any PDF made.
  const cached = () => page.evaluate(async () => (await (await caches.open('lmcx-fonts-v1')).keys()).map((r) => r.url));
  await expect
    .poll(async () => {
      const urls = await cached();
      return ['c000', 'hei000', 'kai000', 'title000'].filter((chunk) => !urls.some((u) => new RegExp(`/${chunk}-[0-9a-f]{8}\\.ttf$`).test(u)));
    }, { timeout: 30_000 })
    .toEqual([]);
  await context.setOffline(true);
  await page.reload();
  await showView(page, 'output');
  await expect(page.getByRole('heading', { level: 2, name: '生成PDF与材料包' })).toBeVisible();
  await page.getByRole('button', { name: '生成申报表PDF（A4）' }).click();
  await expect(page.getByRole('link', { name: '下载 01-申报表.pdf' })).toBeVisible({ timeout: 60_000 });
  await context.setOffline(false);
});

test.describe('two tabs', () => {
  test('taking over right after an edit in the other tab keeps that edit', async ({ page, context }) => {
    const id = await newDraft(page);
    await studioName(page).fill('甲劳模创新工作室');
    await expect(page.locator('.save-status')).toContainText('已保存（');
    const second = await context.newPage();
    await second.goto(`/apply/?d=${id}#cover`);
    await expect(studioName(second)).toBeDisabled();
    // Typed in the first tab, and the second takes over before the first tab's autosave has run.
    await studioName(page).fill('最后一笔劳模创新工作室');
    await second.getByRole('button', { name: '改在本页编辑' }).click();
    await expect(studioName(second)).toBeEnabled();
    await expect(studioName(second)).toHaveValue('最后一笔劳模创新工作室');
    await expect.poll(() => storedStudioName(second, id)).toBe('最后一笔劳模创新工作室');
    // From now on the second tab's edits are the last ones, and they win.
    await studioName(second).fill('接手后劳模创新工作室');
    await expect(second.locator('.save-status')).toContainText('已保存（');
    await expect.poll(() => storedStudioName(second, id)).toBe('接手后劳模创新工作室');
    await expect(studioName(page)).toHaveValue('接手后劳模创新工作室');
  });

  test('a rename on /drafts/ is kept by an open editor tab', async ({ page, context }) => {
    const id = await newDraft(page);
    await studioName(page).fill('甲劳模创新工作室');
    await expect(page.locator('.save-status')).toContainText('已保存（');
    const list = await context.newPage();
    await list.goto('/drafts/');
    await list.getByRole('button', { name: /^重命名/ }).click();
    await list.getByLabel('新名称').fill('候选一');
    await list.getByRole('button', { name: '保存名称' }).click();
    await expect(list.getByRole('status')).toContainText('已改名为“候选一”');
    await expect(page.locator('.apply-bar__draft strong')).toHaveText('候选一');
    await studioName(page).fill('乙劳模创新工作室');
    await expect.poll(() => storedStudioName(list, id)).toBe('乙劳模创新工作室');
    await list.reload();
    await expect(list.locator('.drafts-table tbody tr').first()).toContainText('候选一');
    await expect(page.locator('.apply-bar__draft strong')).toHaveText('候选一');
  });
});

test('one view that fails to render shows a message in its place; the rest of the workspace works', async ({ page }) => {
  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE_PATH);
  await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');
  // An engine failure where the hand-off builds its mailto link (as a lone surrogate once did).
  await page.evaluate(() => {
    window.encodeURIComponent = () => {
      throw new URIError('URI malformed');
    };
  });
  await showView(page, 'output');
  await expect(page.getByRole('alert').filter({ hasText: '显示时出错了' })).toContainText('“生成PDF与材料包”显示时出错了。已填写的内容都在');
  await expect(page.getByRole('navigation', { name: '申报内容各部分' })).toBeVisible();
  await expect(page.locator('.apply-bar__draft strong')).toHaveText('熊建华劳模创新工作室');
  await showView(page, 'cover');
  await expect(studioName(page)).toHaveValue('熊建华劳模创新工作室');
});
