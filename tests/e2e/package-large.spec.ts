// The package and the draft file at real video sizes, through the real file inputs of a real profile:
//   - a package of more than 4 GiB (a video at the size limit, 45 proofs of 50 MB, two photos): Zip64 offsets
//     and end records, read by Info-ZIP unzip, 7-Zip and Python's zipfile with the right names and sizes;
//   - a draft file with a 1 GiB video, exported, imported and exported again, byte for byte.
// The big inputs are sparse files (`truncate -s`, a few random blocks where the content matters), so they cost
// no disk; the browser's own copies (IndexedDB, downloads) do, in a profile folder deleted afterwards.
// A persistent profile keeps IndexedDB's Blobs on disk, as in an applicant's browser (an off-the-record
// context, Playwright's default, would hold gigabytes in memory).
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ATTACHMENT_RULES } from '../../src/core/attachments/rules';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { addCaptionedPhotos, FIXTURE_PATH, showView } from './helpers';

const GiB = 1024 ** 3;
const ROOT = '南昌经开区工会-熊建华劳模创新工作室-申报材料';
const PROOF_CATEGORIES = [
  ['经费投入证明', '05-证明材料/经费投入'],
  ['技术创新证明', '05-证明材料/技术创新'],
  ['经济效益证明', '05-证明材料/经济效益'],
  ['培养人才证明', '05-证明材料/培养人才'],
  ['荣誉证书', '05-证明材料/荣誉证书'],
] as const;
const PROOFS_PER_CATEGORY = 9;

/** The first bytes of the kind of file a name promises, so that the attachment check's signature test passes. */
function signatureOf(path: string): Buffer {
  if (path.endsWith('.pdf')) return Buffer.from('%PDF-1.7\n');
  // An ISO base media 'ftyp' box: size, type, major brand.
  return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]);
}

/** A sparse file of `size` bytes with its kind's signature, and 1 MiB of random bytes at its start, middle and end. */
function sparseFile(path: string, size: number, marked = true): void {
  execFileSync('truncate', ['-s', String(size), path]);
  const fd = openSync(path, 'r+');
  try {
    if (marked) for (const at of [0, Math.floor(size / 2), size - 1024 * 1024]) writeSync(fd, randomBytes(1024 * 1024), 0, 1024 * 1024, at);
    const head = signatureOf(path);
    writeSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 8 * 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

let work = '';
let context: BrowserContext;
let page: Page;

test.beforeEach(async ({ baseURL }) => {
  work = mkdtempSync(join(tmpdir(), 'lmcx-large-'));
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    downloadsPath: join(work, 'downloads'),
    ...(baseURL === undefined ? {} : { baseURL }),
  });
  page = context.pages()[0] ?? (await context.newPage());
});

test.afterEach(async () => {
  await context.close();
  rmSync(work, { recursive: true, force: true });
});

/** Picks `files` in a category's 添加… input and waits until the category lists `count` files. */
async function attach(category: string, files: string[], count: number): Promise<void> {
  await page.getByLabel(`添加${category}`, { exact: true }).setInputFiles(files);
  await expect(page.getByRole('region', { name: category, exact: true }).locator('.attachment-item')).toHaveCount(count, { timeout: 120_000 });
}

test('a package of more than 4 GiB builds and unzip, 7-Zip and Python’s zipfile read it with the right names and sizes', async () => {
  test.setTimeout(900_000);
  const videoSize = ATTACHMENT_RULES.video.maxBytes;
  const proofSize = ATTACHMENT_RULES['proof.investment'].maxBytes;
  const video = join(work, 'studio-tour.mp4');
  sparseFile(video, videoSize);
  const proofs = PROOF_CATEGORIES.map((_, c) =>
    Array.from({ length: PROOFS_PER_CATEGORY }, (_, i) => {
      const path = join(work, `证明${c + 1}-${i + 1}.pdf`);
      sparseFile(path, proofSize, false);
      return path;
    }),
  );
  const inputBytes = videoSize + PROOF_CATEGORIES.length * PROOFS_PER_CATEGORY * proofSize;
  expect(inputBytes).toBeGreaterThan(4 * GiB);

  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE_PATH);
  await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');
  await showView(page, 'attachments');
  await attach('工作室介绍视频', [video], 1);
  await addCaptionedPhotos(page);
  for (const [i, [category]] of PROOF_CATEGORIES.entries()) await attach(category, proofs[i] ?? [], PROOFS_PER_CATEGORY);
  for (const list of proofs) for (const path of list) rmSync(path); // the browser has its own copies now

  await showView(page, 'output');
  await page.getByLabel('视频也放入材料包').check();
  await page.getByRole('button', { name: '生成材料包' }).click();
  const link = page.getByRole('link', { name: /^下载 .*\.zip$/ });
  await expect(link).toBeVisible({ timeout: 600_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const zip = await download.path();
  expect(download.suggestedFilename()).toBe(`申报材料包-南昌经开区工会-熊建华劳模创新工作室.zip`);

  // Info-ZIP unzip: every CRC checked; the listing has the names and sizes.
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  expect(execFileSync('unzip', ['-tq', zip], { env, encoding: 'utf8' })).toContain('No errors detected');
  const listing = execFileSync('unzip', ['-Zl', zip], { env, encoding: 'utf8' });
  expect(listing).toMatch(new RegExp(`\\b${videoSize}\\b.*${ROOT}/03-视频/01-studio-tour\\.mp4`));
  // 7-Zip: every CRC checked.
  expect(execFileSync('7zz', ['t', zip], { encoding: 'utf8' })).toContain('Everything is Ok');
  // Python's zipfile: names with bit 11 are UTF-8, others read as code page 936 (it ignores 0x7075), with sizes.
  const script = [
    'import sys, json, zipfile',
    'z = zipfile.ZipFile(sys.argv[1], metadata_encoding="cp936")',
    'print(json.dumps({i.filename: i.file_size for i in z.infolist() if not i.is_dir()}, ensure_ascii=False))',
  ].join('\n');
  const sizes = JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8', env: { ...env, PYTHONIOENCODING: 'utf-8' } })) as Record<string, number>;
  const expected: Record<string, number> = { [`${ROOT}/03-视频/01-studio-tour.mp4`]: videoSize };
  for (const [c, [, folder]] of PROOF_CATEGORIES.entries()) {
    for (let i = 1; i <= PROOFS_PER_CATEGORY; i += 1) expected[`${ROOT}/${folder}/0${i}-证明${c + 1}-${i}.pdf`] = proofSize;
  }
  expect(sizes).toMatchObject(expected);
  expect(Object.keys(sizes)).toEqual(expect.arrayContaining([`${ROOT}/04-照片/01-外景.jpg`, `${ROOT}/01-申报表.pdf`, `${ROOT}/材料清单.txt`, `${ROOT}/application.json`]));
  expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(4 * GiB);

  // The video's SHA-256 in 材料清单.txt is that of the file attached.
  const list = execFileSync('unzip', ['-p', zip, `${ROOT}/材料清单.txt`], { env, encoding: 'utf8' });
  expect(list).toContain(await sha256File(video));
});

test('a draft file with a 1 GiB video is exported, imported and exported again byte for byte', async () => {
  test.setTimeout(600_000);
  const video = join(work, '介绍视频.mp4');
  sparseFile(video, GiB);
  const original = await sha256File(video);

  await page.goto('/apply/');
  await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE_PATH);
  await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('熊建华劳模创新工作室');
  await showView(page, 'attachments');
  await attach('工作室介绍视频', [video], 1);
  rmSync(video);

  await page.goto('/drafts/');
  const row = () => page.locator('.drafts-table tbody tr').filter({ hasText: '熊建华劳模创新工作室' });
  const exportRow = async (which: number) => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), row().nth(which).getByRole('button', { name: /^导出/ }).click()]);
    return download;
  };
  const entry = 'attachments/';
  const videoEntry = (zip: string) => {
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } }).split('\n');
    const name = names.find((n) => n.startsWith(entry) && n.endsWith('.mp4'));
    expect(name).toBeDefined();
    return name ?? '';
  };
  /** The SHA-256 of the video entry as unzip unpacks it, streamed. */
  const entryHash = async (zip: string) => {
    const hash = createHash('sha256');
    const unzip = spawn('unzip', ['-p', zip, videoEntry(zip)], { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'inherit'] });
    for await (const chunk of unzip.stdout) hash.update(chunk as Buffer);
    const code = await new Promise((resolve) => unzip.on('close', resolve));
    expect(code).toBe(0);
    return hash.digest('hex');
  };

  const first = await exportRow(0);
  const firstPath = await first.path();
  expect(execFileSync('unzip', ['-tq', firstPath], { encoding: 'utf8' })).toContain('No errors detected');
  expect(await entryHash(firstPath)).toBe(original);

  // The draft deleted for good, so that only the imported copy is left to export.
  await row().first().getByRole('button', { name: /^删除/ }).click();
  const bin = page.getByRole('region', { name: /回收站/ });
  await bin.getByRole('button', { name: /^永久删除/ }).click();
  await bin.getByRole('button', { name: '确定永久删除' }).click();
  await expect(page.getByRole('status')).toContainText('已永久删除');
  await expect(row()).toHaveCount(0);

  await page.getByLabel('导入草稿文件').setInputFiles(firstPath);
  await expect(page.getByRole('status')).toContainText('已导入', { timeout: 300_000 });
  await first.delete();
  await expect(row()).toHaveCount(1);

  const second = await exportRow(0);
  const secondPath = await second.path();
  expect(await entryHash(secondPath)).toBe(original);
});
