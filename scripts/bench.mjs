// `npm run bench`: figures to watch (never pass/fail) for the built site, printed as one Markdown table
// on stdout and written with the machine's description to docs/benchmarks.md.
//
// Builds dist/ if it is missing (`npm run bench -- --build` rebuilds it anyway), serves a copy of it with
// scripts/serve.mjs on port 4430 (BENCH_PORT overrides), measures, and always stops the server.
// A failed measurement shows "失败: reason" in its row; the exit code is non-zero only if the site
// could not be built or served.
//
// The PDF and package rows (bench/pdf.mjs, bench/package.mjs) also need pdfinfo (poppler-utils), zip, unzip, 7zz,
// python3 and sha256sum, and about 10 GB free in the temporary folder for a while (the browser's copies of the
// >4 GiB package's sparse inputs in IndexedDB, and its download).
import { chromiumPath } from './chromium.mjs';
import { spawnSync, execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import { launchBrowser, measureApplyScripts, measureTimeToInteractive, measureTyping } from '../bench/browser.mjs';
import { measureDeskVerify } from '../bench/desk.mjs';
import { measureAutosave, measureDraftsPage } from '../bench/drafts.mjs';
import { measureDraftFileMemory, measureLargePackage, measurePackageMemory, measurePackageThroughput } from '../bench/package.mjs';
import { measureFontBytes, measurePdfCold, measurePdfWarm } from '../bench/pdf.mjs';
import { startServer } from '../bench/server.mjs';
import { markdownTable, progress, reason, temporaryDir } from '../bench/util.mjs';
import { measureVolume } from '../bench/volume.mjs';
import { measurePageWeight } from '../bench/weight.mjs';
import { measureUnusedPrecache } from '../bench/precache.mjs';
import { measureWord } from '../bench/word.mjs';

const PORT = Number(process.env.BENCH_PORT || 4430);
const OUT_DIR = 'dist';
const BASE = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');
const REPORT = 'docs/benchmarks.md';
// `--only=c,h` measures only those groups (the letters of the progress lines) and prints the table without
// rewriting docs/benchmarks.md, which always holds one whole run.
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (group) => !ONLY || ONLY.includes(group);

process.chdir(new URL('..', import.meta.url).pathname);

let server;
/** The copy of dist/ that is served (see main). */
let servedDir = OUT_DIR;

/**
 * Starts the server again if it has stopped since the last measurement (it has been seen to go away while other
 * work ran on the machine), saying why, so that one lost server does not fail every later row.
 */
async function ensureServer() {
  const gone = server?.exited();
  if (!gone) return;
  const how = gone.error ? gone.error.message : `exit ${gone.code ?? gone.signal}`;
  progress(`the server stopped (${how}); its last output:\n${server.output().trim().split('\n').slice(-10).join('\n')}`);
  progress(`restarting scripts/serve.mjs on port ${PORT}`);
  server = await startServer({ port: PORT, outDir: servedDir, base: BASE });
}

/** Runs one measurement; a failure becomes a row saying so instead of ending the run. */
async function row(figure, how, measure, group) {
  if (!wanted(group)) return [];
  try {
    await ensureServer();
    return await measure();
  } catch (error) {
    progress(`  failed: ${reason(error)}`);
    return [{ figure, value: `失败: ${reason(error)}`, how }];
  }
}

function buildIfNeeded() {
  const force = process.argv.includes('--build');
  if (!force && existsSync(`${OUT_DIR}/index.html`)) {
    progress(`using the existing ${OUT_DIR}/ (built ${statSync(`${OUT_DIR}/index.html`).mtime.toISOString()}); --build rebuilds it`);
    return;
  }
  progress(`building ${OUT_DIR}/ with npm run build`);
  // The build's own output goes to stderr so that stdout holds only the table.
  const result = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

function gitDescription() {
  try {
    const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execSync('git status --porcelain', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit}（工作区有未提交的改动）` : commit;
  } catch {
    return '未知';
  }
}

async function main() {
  try {
    buildIfNeeded();
  } catch (error) {
    progress(reason(error));
    return 1;
  }

  // What is measured is a copy of dist/ taken now: other work on the machine (npm test) rebuilds dist/, and a
  // rebuild during the run would change the site between rows or take files away from the server.
  const builtAt = statSync(`${OUT_DIR}/index.html`).mtime.toISOString();
  const commit = gitDescription();
  const snapshot = temporaryDir('lmcx-bench-dist-');
  cpSync(OUT_DIR, snapshot.dir, { recursive: true });
  servedDir = snapshot.dir;
  progress(`starting scripts/serve.mjs on port ${PORT} (serving a copy of ${OUT_DIR}/ in ${servedDir})`);
  try {
    server = await startServer({ port: PORT, outDir: servedDir, base: BASE });
  } catch (error) {
    progress(`the server could not start: ${error.message}`);
    return 1;
  }
  const stopOnSignal = (signal) => {
    progress(`${signal}: stopping the server`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const rows = [];
  const loadBefore = os.loadavg();
  let chromiumVersion = '不可用';
  try {
    progress(`serving ${server.url}`);
    progress('a. notice pages: HTML + CSS weight');
    rows.push(...(await row('通知页 `/` 体积（HTML + CSS）', 'fetch + gzip -9', () => measurePageWeight(server.url, '', '通知页'), 'a')));
    rows.push(...(await row('附件1 `/attachment/1/` 体积（HTML + CSS）', 'fetch + gzip -9', () => measurePageWeight(server.url, 'attachment/1/', '附件1'), 'a')));

    let browser;
    let launchError;
    try {
      progress('launching Chromium');
      browser = await launchBrowser();
      chromiumVersion = browser.version();
    } catch (error) {
      launchError = new Error(`Chromium could not start: ${reason(error)}`);
      progress(launchError.message);
    }
    const inBrowser = (fn) => (browser ? fn() : Promise.reject(launchError));
    try {
      progress('b. JavaScript loaded by /apply/');
      rows.push(...(await row('`/apply/` 首屏 JavaScript（无用户操作）', 'Chromium 中记录 script 响应', () => inBrowser(() => measureApplyScripts(browser, server.url)), 'b')));
      progress('b. precached code that no page runs');
      rows.push(...(await row('首次访问预缓存中从不运行的代码（jsPDF 可选模块）', 'sw.js 预缓存列表', () => measureUnusedPrecache(server.url), 'b')));
      progress('c. typing into a long 申报材料 field');
      rows.push(...(await row('长申报材料逐字输入，本机', '8,000 字后逐字输入 100 字', () => inBrowser(() => measureTyping(browser, server.url, { cpuRate: 1 })), 'c')));
      progress('c. the same with CPU throttling ×4');
      rows.push(...(await row('长申报材料逐字输入，CPU 降速 ×4（慢速办公电脑）', '8,000 字后逐字输入 100 字，CDP CPU ×4', () => inBrowser(() => measureTyping(browser, server.url, { cpuRate: 4 })), 'c')));
      progress('c. typing into a cell of the 30-row team table with CPU throttling ×4');
      rows.push(...(await row('团队成员表（30 行）单元格逐字输入，CPU 降速 ×4（慢速办公电脑）', '第 30 行“分工”逐字输入 100 字，CDP CPU ×4', () => inBrowser(() => measureTyping(browser, server.url, { cpuRate: 4, target: 'table' })), 'c')));
      progress('d. time to interactive of /apply/');
      rows.push(...(await row('`/apply/` 可交互时间（导航开始 → 表单标题可见）', '3 次中位数', () => inBrowser(() => measureTimeToInteractive(browser, server.url)), 'd')));
      progress('d. the same with CPU throttling ×4');
      rows.push(...(await row('`/apply/` 可交互时间（导航开始 → 表单标题可见），CPU 降速 ×4（慢速办公电脑）', '3 次中位数，CDP CPU ×4', () => inBrowser(() => measureTimeToInteractive(browser, server.url, { cpuRate: 4 })), 'd')));
      // The drafts measurements launch their own persistent profiles (IndexedDB on disk), see bench/drafts.mjs.
      progress('e. autosave of the typical fixture');
      rows.push(...(await row('自动保存耗时（典型申报数据，只计写入 IndexedDB）', '30 次中位数与 p95', () => inBrowser(() => measureAutosave(server.url)), 'e')));
      progress('f. /drafts/ with 100 drafts');
      rows.push(...(await row('草稿页 `/drafts/` 渲染时间（100 份草稿），本机', '3 次中位数', () => inBrowser(() => measureDraftsPage(server.url, { cpuRate: 1 })), 'f')));
      progress('f. the same with CPU throttling ×4');
      rows.push(...(await row('草稿页 `/drafts/` 渲染时间（100 份草稿），CPU 降速 ×4（慢速办公电脑）', '3 次中位数，CDP CPU ×4', () => inBrowser(() => measureDraftsPage(server.url, { cpuRate: 4 })), 'f')));
      // The PDFs and the package (issues 5 and 6) also run in their own fresh persistent profiles: bench/pdf.mjs, bench/package.mjs.
      progress('g. PDF 申报表, first generation in fresh profiles');
      rows.push(...(await row('PDF 申报表首次生成（新配置目录，字体从本机服务器下载）', '3 次中位数', () => inBrowser(() => measurePdfCold(server.url)), 'g')));
      progress('g. the three PDFs generated again in one page');
      rows.push(...(await row('PDF 再次生成（申报表、A3双面打印版、申报材料）', '各 5 次中位数与最大', () => inBrowser(() => measurePdfWarm(server.url)), 'g')));
      progress('g. font data fetched for the PDFs');
      rows.push(...(await row('字体下载量（典型申报数据的申报表 + 申报材料，全部字体角色）', '/fonts/noto-serif-sc/*.ttf 响应体之和', () => inBrowser(() => measureFontBytes(server.url)), 'g')));
      progress('h. package throughput, 200 MiB of attachments, against zip -0');
      rows.push(...(await row('材料包生成吞吐（200 MiB 附件）', '浏览器 / zip -0', () => inBrowser(() => measurePackageThroughput(server.url)), 'h')));
      progress('h. peak memory of the package with a 1 GiB video');
      rows.push(...(await row('材料包峰值内存（1 GiB 视频放入材料包）', '每 200 ms 采样', () => inBrowser(() => measurePackageMemory(server.url)), 'h')));
      progress('h. a package of more than 4 GiB, read back by unzip, 7zz and zipfile');
      rows.push(...(await row('超过 4 GiB 的材料包', 'unzip -tq、7zz t、Python zipfile', () => inBrowser(() => measureLargePackage(server.url)), 'h')));
      progress('h. peak memory of a draft file export and import with a 1 GiB video');
      rows.push(...(await row('草稿文件导出 + 导入峰值内存（1 GiB 视频）', '每 200 ms 采样', () => inBrowser(() => measureDraftFileMemory(server.url)), 'h')));
      progress('i. Word editions of 申报表 and 申报材料');
      rows.push(...(await row('Word 申报表与申报材料生成', '首次与 5 次中位数', () => inBrowser(() => measureWord(server.url)), 'i')));
      progress('v. the bound volume: 6 photos of 3 MB and 20 proofs');
      rows.push(...(await row('申报材料汇编', '典型申报 + 6 张照片 + 20 份证明材料', () => inBrowser(() => measureVolume(server.url)), 'v')));
      // The review desk (bench/desk.mjs): 2.5 GB of packages in a temporary folder for a while.
      progress('q. the review desk verifying 50 packages of 50 MiB, against sha256sum');
      rows.push(...(await row('审核台核验 50 个材料包', '浏览器 / sha256sum', () => inBrowser(() => measureDeskVerify(server.url)), 'q')));
    } finally {
      await browser?.close();
    }
  } finally {
    progress('stopping the server');
    await server.stop();
    snapshot.remove();
  }

  const table = markdownTable(rows);
  process.stdout.write(`${table}\n`);

  if (ONLY) {
    progress(`--only=${ONLY.join(',')}: ${REPORT} left as it was`);
    return 0;
  }
  const memGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  const report = [
    '# 性能基准（`npm run bench`）',
    '',
    '由 `scripts/bench.mjs` 生成，每次运行覆盖本文件。数值只供观察趋势，不是通过/失败的判据。',
    '',
    `- 日期：${new Date().toISOString()}`,
    `- 提交：${commit}；dist/ 构建于 ${builtAt}（开始时复制一份来测，运行中重建 dist/ 不影响结果）`,
    `- Node：${process.version}`,
    `- Chromium：${chromiumVersion}（${chromiumPath()}）`,
    `- 机器：nproc ${os.availableParallelism()}，内存 ${memGiB} GiB，${os.platform()} ${os.arch()}`,
    // Other work on the machine (tests run beside the bench) slows the timings: the load average says how much.
    `- 负载（/proc/loadavg 1 分钟平均）：开始时 ${loadBefore[0].toFixed(2)}，结束时 ${os.loadavg()[0].toFixed(2)}`,
    '',
    table,
    '',
  ].join('\n');
  mkdirSync('docs', { recursive: true });
  writeFileSync(REPORT, report);
  progress(`wrote ${REPORT}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    progress(`unexpected error: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
