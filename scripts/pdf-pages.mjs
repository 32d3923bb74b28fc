// `npm run pdf-pages`: page images of every PDF the site makes, for a person to look at (issue 5: "Page images
// (pdftoppm) of both PDFs are produced by a script so a person can look").
//
// Builds dist/ if it is missing (`npm run pdf-pages -- --build` rebuilds it anyway), serves it with
// scripts/serve.mjs on port 4431 (PDF_PAGES_PORT overrides), and in Chromium imports the typical fixture on
// /apply/, generates 申报表, its A3 booklet and 申报材料 in the output view and downloads them, then 申报表 and
// 申报材料 of the long application (tests/fixtures/long-application.json, saved as long-*.pdf), and the bound volume
// 00-申报材料汇编.pdf of the typical application with the two test photos attached; copies the two PDFs
// made at build time (dist/downloads/notice.pdf, blank-form.pdf); then renders every page of each PDF at 60 dpi
// with poppler's pdftoppm. Everything goes to docs/pdf-pages/ (not committed; emptied of earlier PDFs and PNGs
// first) and the list of files is printed. Needs pdftoppm and pdfinfo (apt-get install -y poppler-utils).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { CONTEXT_OPTIONS, launchBrowser } from '../bench/browser.mjs';
import { PDFS, openFixture, showOutput } from '../bench/output.mjs';
import { startServer } from '../bench/server.mjs';

const PORT = Number(process.env.PDF_PAGES_PORT || 4431);
const OUT_DIR = 'dist';
const BASE = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');
const TARGET = 'docs/pdf-pages';
const BUILT = ['downloads/notice.pdf', 'downloads/blank-form.pdf'];
const LONG_FIXTURE = new URL('../tests/fixtures/long-application.json', import.meta.url).pathname;
const LONG_STUDIO = JSON.parse(readFileSync(LONG_FIXTURE, 'utf8')).cover.studioName;

process.chdir(new URL('..', import.meta.url).pathname);

function say(message) {
  process.stderr.write(`[pdf-pages] ${message}\n`);
}

function need(tool) {
  const probe = spawnSync(tool, ['-v'], { stdio: 'ignore' });
  if (probe.error) throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
}

function buildIfNeeded() {
  if (!process.argv.includes('--build') && existsSync(`${OUT_DIR}/index.html`)) {
    say(`using the existing ${OUT_DIR}/ (built ${statSync(`${OUT_DIR}/index.html`).mtime.toISOString()}); --build rebuilds it`);
    return;
  }
  say(`building ${OUT_DIR}/ with npm run build`);
  const result = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

/** The three PDFs of the typical application, generated in the output view and saved into TARGET. */
async function generatePdfs(siteUrl) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ...CONTEXT_OPTIONS, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openFixture(page, siteUrl);
    await showOutput(page);
    const saved = [];
    for (const { button, file } of Object.values(PDFS)) {
      say(`generating ${file}`);
      await page.getByRole('button', { name: button, exact: true }).click();
      const link = page.getByRole('link', { name: `下载 ${file}`, exact: true });
      await link.waitFor({ state: 'visible', timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const target = path.join(TARGET, file);
      await download.saveAs(target);
      saved.push(target);
    }
    // The bound volume (issue 19), with the two test photos so that a photo page shows.
    await page.evaluate(() => {
      window.location.hash = 'attachments';
    });
    const media = (name) => new URL(`../tests/fixtures/media/${name}`, import.meta.url).pathname;
    await page.getByLabel('添加工作室内外观布局照片', { exact: true }).setInputFiles([media('outside.jpg'), media('inside.png')]);
    await page.getByRole('region', { name: '工作室内外观布局照片', exact: true }).locator('.attachment-item').nth(1).waitFor({ timeout: 30_000 });
    await showOutput(page);
    say('generating 00-申报材料汇编.pdf');
    await page.getByRole('button', { name: '生成申报材料汇编', exact: true }).click();
    const volumeLink = page.getByRole('link', { name: '下载 00-申报材料汇编.pdf', exact: true });
    await volumeLink.waitFor({ state: 'visible', timeout: 120_000 });
    const [volume] = await Promise.all([page.waitForEvent('download'), volumeLink.click()]);
    await volume.saveAs(path.join(TARGET, '00-申报材料汇编.pdf'));
    saved.push(path.join(TARGET, '00-申报材料汇编.pdf'));
    // The long application (tests/fixtures/long-application.json): long names that wrap, a large team, long texts.
    // (in a fresh context of its own, as a second applicant would)
    const longContext = await browser.newContext({ ...CONTEXT_OPTIONS, acceptDownloads: true });
    const longPage = await longContext.newPage();
    longPage.on('pageerror', (e) => errors.push(e.message));
    await longPage.goto(new URL('apply/', siteUrl).href);
    await longPage.getByLabel('导入草稿文件').setInputFiles(LONG_FIXTURE);
    await longPage.waitForFunction((name) => [...document.querySelectorAll('input, textarea')].some((i) => i.value === name), LONG_STUDIO, { timeout: 30_000 });
    await showOutput(longPage);
    for (const kind of ['form', 'materials']) {
      const { button, file } = PDFS[kind];
      say(`generating the long application's ${file}`);
      await longPage.getByRole('button', { name: button, exact: true }).click();
      const link = longPage.getByRole('link', { name: `下载 ${file}`, exact: true });
      await link.waitFor({ state: 'visible', timeout: 60_000 });
      const [download] = await Promise.all([longPage.waitForEvent('download'), link.click()]);
      const target = path.join(TARGET, `long-${file}`);
      await download.saveAs(target);
      saved.push(target);
    }
    if (errors.length) throw new Error(`page error: ${errors[0]}`);
    return saved;
  } finally {
    await browser.close();
  }
}

function pageCount(pdf) {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout ?? '')?.[1] ?? 0);
}

async function main() {
  need('pdftoppm');
  need('pdfinfo');
  buildIfNeeded();
  for (const file of BUILT) {
    if (!existsSync(path.join(OUT_DIR, file))) throw new Error(`${OUT_DIR}/${file} is missing: rebuild with --build`);
  }
  mkdirSync(TARGET, { recursive: true });
  for (const name of readdirSync(TARGET)) {
    if (/\.(pdf|png)$/i.test(name)) rmSync(path.join(TARGET, name));
  }

  say(`starting scripts/serve.mjs on port ${PORT}`);
  const server = await startServer({ port: PORT, outDir: OUT_DIR, base: BASE });
  const stopOnSignal = (signal) => {
    say(`${signal}: stopping the server`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let pdfs;
  try {
    pdfs = await generatePdfs(server.url);
  } finally {
    await server.stop();
  }
  for (const file of BUILT) {
    const target = path.join(TARGET, path.basename(file));
    copyFileSync(path.join(OUT_DIR, file), target);
    pdfs.push(target);
  }

  for (const pdf of pdfs) {
    say(`rendering ${pdf}`);
    const prefix = pdf.replace(/\.pdf$/i, '');
    const result = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, prefix], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`pdftoppm ${pdf} failed: ${result.stderr?.toString().trim()}`);
  }

  const lines = [];
  for (const pdf of pdfs) {
    const base = path.basename(pdf, '.pdf');
    const pngs = readdirSync(TARGET)
      .filter((n) => n.startsWith(`${base}-`) && /-\d+\.png$/.test(n) && n.slice(base.length + 1).match(/^\d+\.png$/))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)[1]) - Number(/(\d+)\.png$/.exec(b)[1]));
    lines.push(`${pdf}  (${pageCount(pdf)} pages, ${(statSync(pdf).size / 1024).toFixed(1)} KiB)`);
    for (const png of pngs) lines.push(`  ${path.join(TARGET, png)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
