import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addCaptionedPhotos, expectNoAxeViolations, foreignRequests, media, openFixtureDraft, recordRequests, showView } from './helpers';
import { otherApplication, samplePackage } from '../unit/desk-fixture';

const dir = mkdtempSync(join(tmpdir(), 'lmcx-desk-'));
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >> endobj\n% ${name}\n%%EOF\n`) });

/** The complete package, made on /apply/ as an applicant makes it: the fixture, the video, photos, one proof per * item. */
async function packageFromTheSite(page: Page): Promise<string> {
  await openFixtureDraft(page);
  await showView(page, 'attachments');
  await page.getByLabel('添加工作室介绍视频').setInputFiles(media('studio-tour.mp4'));
  await addCaptionedPhotos(page);
  for (const kind of ['经费投入证明', '技术创新证明', '经济效益证明', '培养人才证明', '荣誉证书']) {
    await page.getByLabel(`添加${kind}`, { exact: true }).setInputFiles([pdf(`${kind}.pdf`)]);
    await expect(page.getByRole('region', { name: kind, exact: true }).locator('.attachment-item')).toHaveCount(1);
  }
  await showView(page, 'output');
  await page.getByRole('button', { name: '生成材料包' }).click();
  const link = page.getByRole('link', { name: /^下载 .*\.zip$/ });
  await expect(link).toBeVisible({ timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Re-zips `zip` with one entry's bytes changed, as someone who unpacked, edited and packed again would. */
function alterEntry(zip: string, suffix: string, out: string): void {
  execFileSync('python3', ['-c', `
import sys, zipfile
src, suffix, dst = sys.argv[1:4]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w', zipfile.ZIP_STORED) as b:
    for info in a.infolist():
        data = a.read(info)
        if (info.filename if info.flag_bits & 0x800 else info.filename.encode('cp437').decode('gbk')).endswith(suffix):
            data = data.replace(b'investment', b'INVESTMENT')
        # Names without the UTF-8 flag are the package's GBK (Python reads them as CP437).
        name = info.filename if info.flag_bits & 0x800 else info.filename.encode('cp437').decode('gbk')
        b.writestr(name, data)
`, zip, suffix, out]);
}

function hostileZip(out: string): void {
  execFileSync('python3', ['-W', 'ignore', '-c', `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('../../Windows/evil.bat', 'echo pwned')
    z.writestr('某单位-申报材料/材料清单.txt', 'x')
    z.writestr('某单位-申报材料/材料清单.txt', 'y')
    z.writestr('某单位-申报材料/03-视频/炸弹.mp4', b'\\0' * (64 * 1024 * 1024))
`, out]);
}

/** Cells of one sheet of an .xlsx, read with python3's zipfile and its XML parser. */
function xlsxSheet(path: string, sheet: number): (string | number)[][] {
  const json = execFileSync('python3', ['-c', `
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet%s.xml' % sys.argv[2])).iter('{%s}row' % ns['m']):
    cells = {}
    for c in row.findall('m:c', ns):
        letters = re.match('[A-Z]+', c.get('r')).group(0)
        col = 0
        for ch in letters: col = col * 26 + ord(ch) - 64
        t = c.get('t')
        if t == 's': value = shared[int(c.find('m:v', ns).text)]
        elif t == 'inlineStr': value = ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))
        elif c.find('m:v', ns) is not None: value = float(c.find('m:v', ns).text)
        else: value = ''
        cells[col - 1] = value
    rows.append([cells.get(i, '') for i in range(max(cells) + 1)] if cells else [])
print(json.dumps(rows, ensure_ascii=False))
`, path, String(sheet)], { encoding: 'utf8' });
  return JSON.parse(json) as (string | number)[][];
}

test('the desk opens four packages together, gives each its verdict and figures, and exports the 汇总表', async ({ page }) => {
  test.setTimeout(240_000);
  const requests = recordRequests(page);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('CSP violation')) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation ${e.violatedDirective} ${e.blockedURI}`));
  });

  const complete = await packageFromTheSite(page);
  const noVideo = await samplePackage({ video: false, app: otherApplication('乙劳模创新工作室', '乙单位') });
  const noVideoPath = join(dir, noVideo.zipName);
  writeFileSync(noVideoPath, Buffer.from(await noVideo.zip.arrayBuffer()));
  const third = await samplePackage({ app: otherApplication('丙劳模创新工作室', '丙单位') });
  const thirdPath = join(dir, `original-${third.zipName}`);
  writeFileSync(thirdPath, Buffer.from(await third.zip.arrayBuffer()));
  const alteredPath = join(dir, third.zipName);
  alterEntry(thirdPath, '05-证明材料/经费投入/01-经费.pdf', alteredPath);
  const hostilePath = join(dir, '可疑-申报材料.zip');
  hostileZip(hostilePath);

  await page.goto('/desk/');
  await expect(page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '审核台' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('还没有打开材料包。')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('选择材料包（可多选）').setInputFiles([complete, noVideoPath, alteredPath, hostilePath]);
  const rows = page.locator('.desk-table tbody tr');
  await expect(rows).toHaveCount(4, { timeout: 60_000 });
  await expect(page.locator('.progress')).toHaveCount(0, { timeout: 60_000 });

  const row = (name: string) => rows.filter({ hasText: name });
  await expect(row('熊建华劳模创新工作室')).toHaveAttribute('data-verdict', 'passed');
  await expect(row('熊建华劳模创新工作室')).toContainText('46.65');
  await expect(row('熊建华劳模创新工作室')).toContainText('377');
  await expect(row('熊建华劳模创新工作室').locator('td').nth(2)).toHaveText('9');
  await expect(row('乙劳模创新工作室')).toHaveAttribute('data-verdict', 'incomplete');
  await expect(row('丙劳模创新工作室')).toHaveAttribute('data-verdict', 'failed');
  await expect(row('可疑-申报材料.zip')).toHaveAttribute('data-verdict', 'refused');

  const reports = page.locator('.desk-report');
  await expect(reports.filter({ hasText: '乙劳模创新工作室' })).toContainText('缺少工作室介绍视频');
  await expect(reports.filter({ hasText: '丙劳模创新工作室' })).toContainText('“05-证明材料/经费投入/01-经费.pdf”的 SHA-256 与材料清单不符');
  const hostile = reports.filter({ hasText: '可疑-申报材料.zip' });
  await expect(hostile).toContainText('“../../Windows/evil.bat”会解压到压缩包以外的位置');
  await expect(hostile).toContainText('出现了不止一次');
  await expect(hostile).toContainText('压缩比异常');
  await expectNoAxeViolations(page);

  // Sorting by 近三年经费投入 and filtering by words work from the keyboard.
  await page.getByRole('button', { name: '近三年经费投入（万元）' }).press('Enter');
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  await page.getByLabel('筛选（名称、单位、领衔人等）').fill('乙');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('筛选（名称、单位、领衔人等）').fill('');

  // .xlsx: the studio names and the totals as numbers.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^劳模创新工作室申报汇总表-\d{8}\.xlsx$/);
  const xlsxPath = join(dir, 'summary.xlsx');
  await xlsx.saveAs(xlsxPath);
  const sheet = xlsxSheet(xlsxPath, 1);
  expect(sheet).toHaveLength(5);
  const header = sheet[0] ?? [];
  const at = (name: string) => header.indexOf(name);
  const xiong = sheet.find((r) => r[0] === '熊建华劳模创新工作室') ?? [];
  expect(xiong[at('近三年经费投入（万元）')]).toBe(46.65);
  expect(xiong[at('近三年经济效益（万元）')]).toBe(377);
  expect(xiong[at('核验结论')]).toBe('通过');
  expect(sheet.map((r) => r[0])).toEqual(expect.arrayContaining(['工作室名称', '熊建华劳模创新工作室', '乙劳模创新工作室', '丙劳模创新工作室', '']));

  // CSV: UTF-8 with a byte order mark.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
  const csvBytes = readFileSync(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = new TextDecoder('utf-8', { fatal: true }).decode(csvBytes);
  expect(csvText).toContain('熊建华劳模创新工作室');
  expect(csvText.trim().split('\r\n')).toHaveLength(5);

  // The 汇总表 PDF: A3 landscape, one row per candidate.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: '生成汇总表PDF（A3横向）' }).click()]);
  const pdfPath = join(dir, 'summary.pdf');
  await pdfDownload.saveAs(pdfPath);
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+1190\.55 x 841\.89/);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const name of ['熊建华劳模创新工作室', '乙劳模创新工作室', '丙劳模创新工作室', '（无法读取）']) {
    expect(text.split(name).length - 1, name).toBe(1);
  }

  // One candidate in detail, with its photos and playable video; then two side by side.
  await page.setViewportSize({ width: 1366, height: 641 });
  await row('熊建华劳模创新工作室').getByRole('button', { name: /^详情/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '熊建华劳模创新工作室' })).toBeFocused();
  await expect(page.locator('.desk-photos img')).toHaveCount(2);
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: '对照通知“推荐申报条件”自查' })).toBeVisible();
  await expect(page.locator('.desk-detail a[href^="#"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('desk-detail-1366.png') });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('desk-detail-390.png') });
  await page.setViewportSize({ width: 1366, height: 641 });
  await page.getByRole('button', { name: '返回汇总' }).click();
  await row('熊建华劳模创新工作室').getByRole('checkbox').check();
  await row('乙劳模创新工作室').getByRole('checkbox').check();
  // By keyboard: the button, then the view's heading has the focus and 返回汇总 is the next stop.
  await page.getByRole('button', { name: /^对比选中的两个/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '两个候选对象对比' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '返回汇总' })).toBeFocused();
  const compare = page.locator('.desk-compare');
  await expect(compare.locator('thead th')).toHaveText(['项目', '熊建华劳模创新工作室', '乙劳模创新工作室']);
  // Both applications as the review page renders them, section by section: the cover's 工作室名称 of each, and
  // the six 申报条件 of each.
  const cover = page.getByRole('region', { name: '封面', exact: true }).locator('.desk-side__cell');
  await expect(cover).toHaveCount(2);
  await expect(cover.nth(0)).toContainText('熊建华劳模创新工作室');
  await expect(cover.nth(1)).toContainText('乙劳模创新工作室');
  await expect(cover.nth(1)).not.toContainText('熊建华');
  await expect(page.getByRole('region', { name: '对照通知“推荐申报条件”自查', exact: true }).locator('.conditions li')).toHaveCount(12);
  await expect(page.getByRole('region', { name: '近三年情况', exact: true }).locator('.desk-side__cell').nth(0)).toContainText('46.65万元');
  await expect(page.locator('.desk-detail a[href^="#"]')).toHaveCount(0);
  const boxes = async () => Promise.all([0, 1].map(async (i) => (await cover.nth(i).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }));
  const [left, right] = await boxes();
  expect(right?.x ?? 0, 'side by side at 1366 wide').toBeGreaterThan((left?.x ?? 0) + (left?.width ?? 0) - 1);
  expect(right?.y).toBe(left?.y);
  const coverRegion = page.getByRole('region', { name: '封面', exact: true });
  await coverRegion.evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: test.info().outputPath('desk-compare-1366.png') });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const [top, below] = await boxes();
  expect(below?.y ?? 0, 'one under the other on a phone').toBeGreaterThanOrEqual((top?.y ?? 0) + (top?.height ?? 0));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await coverRegion.evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: test.info().outputPath('desk-compare-390.png') });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '返回汇总' }).click();

  // A verified package becomes a draft of this browser, attachments included.
  await reports.filter({ hasText: '乙劳模创新工作室' }).getByRole('button', { name: /^转为草稿/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已把“乙劳模创新工作室”转为本浏览器中的申报草稿' })).toContainText('含 7 个附件');
  await page.getByRole('link', { name: '打开这份草稿' }).click();
  await expect(page.getByLabel('工作室名称', { exact: true })).toHaveValue('乙劳模创新工作室');
  await showView(page, 'attachments');
  await expect(page.getByRole('region', { name: '工作室内外观布局照片' }).locator('.attachment-item')).toHaveCount(2);

  expect(violations).toEqual([]);
  expect(foreignRequests(requests, new URL(page.url()).origin)).toEqual([]);
});

test('after one visit the desk works offline: it opens, verifies a package and exports the spreadsheet', async ({ page, context }) => {
  test.setTimeout(120_000);
  const built = await samplePackage();
  const path = join(dir, `offline-${built.zipName}`);
  writeFileSync(path, Buffer.from(await built.zip.arrayBuffer()));
  await page.goto('/desk/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await page.getByLabel('选择材料包（可多选）').setInputFiles(path);
  await expect(page.locator('.desk-table tbody tr')).toHaveAttribute('data-verdict', 'passed', { timeout: 30_000 });
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click()]);
  const xlsxPath = join(dir, 'offline.xlsx');
  await xlsx.saveAs(xlsxPath);
  expect(xlsxSheet(xlsxPath, 1)[1]?.[0]).toBe('熊建华劳模创新工作室');

  // Files dropped on the zone are opened like picked ones; what is neither .zip nor .json is skipped, and said.
  const json = readFileSync('tests/fixtures/typical-application.json', 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'application.json', { type: 'application/json' }));
    data.items.add(new File(['x'], '说明.txt', { type: 'text/plain' }));
    return data;
  }, json);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('status').filter({ hasText: '已跳过 1 个不是 .zip 或 .json 的文件' })).toBeVisible();
  await expect(page.locator('.desk-table tbody tr')).toHaveCount(2, { timeout: 30_000 });
  await context.setOffline(false);
});
