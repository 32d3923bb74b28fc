import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addCaptionedPhotos, media, openFixtureDraft, showView } from './helpers';
import { openZip } from '../../src/core/package/zipReader';
// The generated module itself: Playwright's loader cannot import the schema's JSON that the app's modules use.
import validateFns from '../../src/generated/validate-application.js';

const LANGUAGE_ENCODING_FLAG = 0x0800;

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, base) : [path.slice(base.length + 1)];
  });
}

test('the submission package opens on a reviewer’s machine with the fixed layout, safe names and matching SHA-256', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openFixtureDraft(page);
  await showView(page, 'attachments');
  await page.getByLabel('添加工作室介绍视频').setInputFiles(media('studio-tour.mp4'));
  await addCaptionedPhotos(page);
  const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });
  await page.getByLabel('添加技术创新证明').setInputFiles([pdf('../../a.pdf'), pdf('CON.pdf'), pdf('a<b>.pdf'), pdf(`${'很长的证明文件名'.repeat(40)}.pdf`)]);
  await expect(page.getByRole('region', { name: '技术创新证明' }).locator('.attachment-item')).toHaveCount(4);

  await showView(page, 'output');
  await page.getByRole('button', { name: '生成材料包' }).click();
  const link = page.getByRole('link', { name: /^下载 .*\.zip$/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('申报材料包-南昌经开区工会-熊建华劳模创新工作室.zip');
  // Under test-results/, which Playwright empties at the start of each run: nothing is left in /tmp.
  const zipPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(zipPath);

  // A real unzip tool reads it without complaint…
  execFileSync('unzip', ['-t', '-qq', zipPath]);
  const out = testInfo.outputPath('unzipped');
  mkdirSync(out, { recursive: true });
  execFileSync('unzip', ['-qq', zipPath, '-d', out]); // Info-ZIP reads the UTF-8 name from the 0x7075 field
  const root = '南昌经开区工会-熊建华劳模创新工作室-申报材料';
  const files = walk(join(out, root)).sort();
  // …into the layout of the notice's materials.
  expect(files).toEqual(
    expect.arrayContaining([
      '01-申报表.pdf',
      '01-申报表-A3双面打印.pdf',
      '02-申报材料.pdf',
      '03-视频/01-studio-tour.mp4',
      '04-照片/01-外景.jpg',
      '04-照片/02-内景.png',
      '材料清单.txt',
      'application.json',
    ]),
  );
  const proofs = files.filter((f) => f.startsWith('05-证明材料/技术创新/'));
  expect(proofs).toHaveLength(4);
  for (const f of proofs) {
    const name = f.split('/').pop() ?? '';
    expect(name).not.toMatch(/[<>:"|?*\\]|\.\./);
    expect(name).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\.|$)/i);
    expect(Buffer.byteLength(f)).toBeLessThanOrEqual(200);
  }
  // The video bytes are the ones attached.
  expect(readFileSync(join(out, root, '03-视频/01-studio-tour.mp4')).equals(readFileSync(media('studio-tour.mp4')))).toBe(true);

  // Every file is listed in 材料清单.txt with its true SHA-256.
  const list = readFileSync(join(out, root, '材料清单.txt'), 'utf8');
  for (const f of files.filter((name) => name !== '材料清单.txt')) {
    const sha = createHash('sha256').update(readFileSync(join(out, root, f))).digest('hex');
    expect(list, f).toContain(sha);
  }

  // application.json holds the data, valid against the schema.
  const doc = JSON.parse(readFileSync(join(out, root, 'application.json'), 'utf8')) as { formatVersion: number; generatedAt: string; data: unknown };
  expect(doc.formatVersion).toBeGreaterThan(0);
  expect(validateFns['application']?.(doc.data)).toBe(true);

  // Names are GBK without the UTF-8 flag (Windows 7 Explorer), with the UTF-8 name in the 0x7075 field.
  const { entries } = await openZip(new Blob([readFileSync(zipPath)]));
  const gbk = new TextDecoder('gbk');
  const names = entries.map((h) => ((h.flags & LANGUAGE_ENCODING_FLAG) !== 0 ? new TextDecoder().decode(h.rawName) : gbk.decode(h.rawName)));
  expect(names).toContain(`${root}/04-照片/01-外景.jpg`);
});

test('a package worker killed mid-build ends the job with a Chinese message and 重试, which builds the package', async ({ page }) => {
  test.setTimeout(120_000);
  // The first package worker is terminated right after it is asked to build: it falls silent, as one killed
  // by the browser for memory does. Later workers run normally.
  await page.addInitScript(() => {
    const Native = window.Worker;
    let killed = false;
    window.Worker = class extends Native {
      private readonly isPackage: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.isPackage = String(url).includes('package.worker');
      }
      override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
        super.postMessage(message, transfer as Transferable[]);
        if (this.isPackage && !killed && (message as { type?: string }).type === 'build') {
          killed = true;
          this.terminate();
        }
      }
    };
  });
  await openFixtureDraft(page, 'output');
  await page.getByRole('button', { name: '生成材料包' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '后台程序意外停止' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).toContainText('生成材料包时，后台程序意外停止');
  await expect(page.getByRole('progressbar', { name: '材料包生成进度' })).toHaveCount(0);
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('link', { name: /^下载 .*\.zip$/ })).toBeVisible({ timeout: 60_000 });
  await expect(alert).toHaveCount(0);
});
