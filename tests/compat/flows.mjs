// What each engine must do against the built site. Files made in the browser are read back with real tools
// (pdftotext, unzip), as in the Playwright suite.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickText, linkedFile, newPage, pageErrors, pickFile, startedDownload, typeInto, visibleText, waitFor, waitForValue } from './page.mjs';

const FIXTURE = new URL('../fixtures/typical-application.json', import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const STUDIO = '工作室名称';
const IMPORT = '导入草稿文件';
const noSpace = (s) => s.replace(/\s+/g, '');

async function waitSaved(page) {
  await waitFor(page, '“已保存（…）”', () => /已保存（/.test((document.querySelector('.save-status') || {}).textContent || ''));
}

async function openWorkspace(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await waitFor(page, 'the workspace with its draft bar', (label) => window.__compat.byLabel(label) !== null, IMPORT);
}

function draftId(page) {
  return new URL(page.url()).searchParams.get('d');
}

/**
 * The core flow: the typical application imported as a draft, an edit that survives a reload, the 申报表 PDF,
 * the package, and a draft file exported and imported again.
 */
export async function coreFlow({ browser, engine, origin, tmp }) {
  const page = await newPage(browser);
  await openWorkspace(page, `${origin}/apply/`);
  // The polyfills are fetched only by the engines that lack what they fill.
  const polyfilled = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/compat\/polyfills\.js$/.test(r.name)));
  assert.equal(polyfilled, engine.needsPolyfills, `polyfills.js ${polyfilled ? 'loaded' : 'not loaded'} in ${engine.name}`);
  await pickFile(page, IMPORT, FIXTURE, { navigates: true });
  await waitForValue(page, STUDIO, fixture.cover.studioName);
  const imported = draftId(page);
  assert.ok(imported, `no draft id in ${page.url()}`);

  // The long texts of a group take its whole row without :has() (Chromium < 105, Firefox < 121).
  await page.evaluate(() => {
    window.location.hash = 'performance';
  });
  await waitFor(page, '「经济效益说明」', (label) => window.__compat.byLabel(label) !== null, '经济效益说明');
  const share = await page.evaluate((label) => {
    const note = window.__compat.byLabel(label);
    return note.getBoundingClientRect().width / note.closest('.group-fields').getBoundingClientRect().width;
  }, '经济效益说明');
  assert.ok(share > 0.9, `「经济效益说明」 takes ${(share * 100).toFixed(0)} % of its group's width, not the whole row`);
  await page.evaluate(() => {
    window.location.hash = 'cover';
  });

  const typed = '熊建华数控劳模创新工作室';
  await typeInto(page, STUDIO, typed, { replace: true });
  await waitForValue(page, STUDIO, typed);
  await waitSaved(page);
  await page.reload({ waitUntil: 'load' });
  await waitForValue(page, STUDIO, typed);

  await page.evaluate(() => {
    window.location.hash = 'output';
  });
  await clickText(page, '生成申报表PDF（A4）');
  const pdf = await linkedFile(page, /^下载 01-申报表\.pdf$/);
  const pdfPath = join(tmp, pdf.name);
  writeFileSync(pdfPath, pdf.bytes);
  const text = noSpace(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
  assert.ok(text.includes(typed), `the 申报表 PDF lacks the edited name ${typed}`);
  assert.ok(text.includes(noSpace(fixture.cover.unitName)), 'the 申报表 PDF lacks the fixture’s 申报单位');

  await clickText(page, '生成材料包');
  const zip = await linkedFile(page, /^下载 .*\.zip$/);
  assert.equal(zip.name, `申报材料包-${fixture.cover.recommender}-${typed}.zip`);
  const zipPath = join(tmp, 'package.zip');
  writeFileSync(zipPath, zip.bytes);
  execFileSync('unzip', ['-t', '-qq', zipPath]);
  const entries = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).split('\n');
  // The zip is 申报材料包-….zip; its one folder keeps the name the reviewers' lists use.
  const root = `${fixture.cover.recommender}-${typed}-申报材料`;
  for (const name of ['01-申报表.pdf', '02-申报材料.pdf', '材料清单.txt', 'application.json']) {
    assert.ok(entries.includes(`${root}/${name}`), `the package lacks ${root}/${name}; it holds ${entries.join(', ')}`);
  }
  const packaged = JSON.parse(execFileSync('unzip', ['-p', zipPath, `${root}/application.json`], { encoding: 'utf8' }));
  assert.equal((packaged.data ?? packaged).cover.studioName, typed);

  await clickText(page, '导出草稿文件');
  const exported = await startedDownload(page, 0);
  assert.match(exported.name, /\.zip$/);
  const exportedPath = join(tmp, exported.name);
  writeFileSync(exportedPath, exported.bytes);
  execFileSync('unzip', ['-t', '-qq', exportedPath]);
  await pickFile(page, IMPORT, exportedPath, { navigates: true });
  await waitForValue(page, STUDIO, typed);
  assert.notEqual(draftId(page), imported, 'importing a draft file must make a new draft');

  assert.deepEqual(await pageErrors(page), []);
  await page.close();
}

/**
 * Outside a secure context (plain http under a host name that is not localhost): a new draft is created, edited,
 * saved and back after a reload; the calm sentence says offline use is not available; a draft file exports.
 */
export async function plainHttpFlow({ browser, plainOrigin, tmp }) {
  const page = await newPage(browser);
  await page.goto(`${plainOrigin}/drafts/`, { waitUntil: 'load' });
  assert.equal(await page.evaluate(() => window.isSecureContext), false, `${plainOrigin} should not be a secure context`);
  assert.equal(await page.evaluate(() => typeof crypto.randomUUID), 'undefined');
  await clickText(page, '＋ 新建草稿');
  await waitFor(page, 'the new draft in /apply/', (label) => /[?&]d=/.test(window.location.search) && window.__compat.byLabel(label) !== null, STUDIO);
  const id = draftId(page);
  const typed = '明文连接劳模创新工作室';
  await typeInto(page, STUDIO, typed, { replace: true });
  await waitSaved(page);
  await page.reload({ waitUntil: 'load' });
  await waitForValue(page, STUDIO, typed);
  assert.equal(draftId(page), id);
  assert.ok(noSpace(await visibleText(page)).includes('浏览器因此不提供离线使用'), 'the plain-http sentence is missing on /apply/');

  await clickText(page, '导出草稿文件');
  const exported = await startedDownload(page, 0);
  const path = join(tmp, 'plain-http-draft.zip');
  writeFileSync(path, exported.bytes);
  const manifest = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' });
  assert.ok(manifest.includes('application.json'), `the draft file lacks application.json: ${manifest}`);

  await page.goto(`${plainOrigin}/drafts/`, { waitUntil: 'load' });
  await waitFor(page, 'the draft in the list', (t) => document.body.innerText.includes(t), typed);
  assert.ok(noSpace(await visibleText(page)).includes('浏览器因此不提供离线使用'), 'the plain-http sentence is missing on /drafts/');
  assert.deepEqual(await pageErrors(page), []);
  await page.close();
  return { id, typed };
}

/**
 * The application's main script blocked: within 10 s the Chinese message with the links to the notice and the
 * blank forms; the draft saved before is still there once the script loads again.
 */
export async function watchdogFlow({ browser, plainOrigin, saved }) {
  const page = await newPage(browser);
  await page.setRequestInterception(true);
  let blocked = [];
  page.on('request', (request) => {
    if (/\/_astro\/ApplyApp\.[^/]+\.js$/.test(request.url()) && blocked !== null) {
      blocked.push(request.url());
      void request.abort();
    } else void request.continue();
  });
  const started = Date.now();
  await page.goto(`${plainOrigin}/apply/?d=${saved.id}`, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const box = document.getElementById('boot-failed');
    return box !== null && !box.hidden && box.offsetHeight > 0;
  }, { timeout: 10_000, polling: 200 });
  const seconds = (Date.now() - started) / 1000;
  assert.ok(blocked.length > 0, 'no ApplyApp script was blocked');
  const box = await page.evaluate(() => {
    const el = document.getElementById('boot-failed');
    return { text: el.innerText, links: Array.from(el.querySelectorAll('a'), (a) => new URL(a.href).pathname) };
  });
  assert.match(box.text, /在线申报工具未能在本浏览器中启动/);
  assert.match(box.text, /极速模式/);
  for (const path of ['/', '/attachment/1/', '/attachment/2/', '/downloads/blank-form.pdf']) {
    assert.ok(box.links.includes(path), `the message lacks a link to ${path}: ${box.links.join(', ')}`);
  }
  blocked = null; // the script loads again: the draft typed before is all there
  await page.reload({ waitUntil: 'load' });
  await waitForValue(page, STUDIO, saved.typed);
  assert.equal(await page.evaluate(() => document.getElementById('boot-failed').hidden), true);
  await page.close();
  return seconds;
}
