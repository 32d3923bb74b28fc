// `npm run bench`: figures to watch (never pass/fail) for the built site, printed as one Markdown table
// on stdout and written with the machine's description to docs/benchmarks.md.
//
// Builds dist/ if it is missing (`npm run bench -- --build` rebuilds it anyway), serves it with
// scripts/serve.mjs on port 4430 (BENCH_PORT overrides), measures, and always stops the server.
// A failed measurement shows "失败: reason" in its row; the exit code is non-zero only if the site
// could not be built or served.
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import { launchBrowser, measureApplyScripts, measureTimeToInteractive, measureTyping } from '../bench/browser.mjs';
import { measureAutosave, measureDraftsPage } from '../bench/drafts.mjs';
import { startServer } from '../bench/server.mjs';
import { markdownTable, progress, reason } from '../bench/util.mjs';
import { measurePageWeight } from '../bench/weight.mjs';

const PORT = Number(process.env.BENCH_PORT || 4430);
const OUT_DIR = 'dist';
const BASE = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');
const REPORT = 'docs/benchmarks.md';

process.chdir(new URL('..', import.meta.url).pathname);

/** Runs one measurement; a failure becomes a row saying so instead of ending the run. */
async function row(figure, how, measure) {
  try {
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

  progress(`starting scripts/serve.mjs on port ${PORT}`);
  let server;
  try {
    server = await startServer({ port: PORT, outDir: OUT_DIR, base: BASE });
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
  let chromiumVersion = '不可用';
  try {
    progress(`serving ${server.url}`);
    progress('a. notice pages: HTML + CSS weight');
    rows.push(...(await row('通知页 `/` 体积（HTML + CSS）', 'fetch + gzip -9', () => measurePageWeight(server.url, '', '通知页'))));
    rows.push(...(await row('附件1 `/attachment/1/` 体积（HTML + CSS）', 'fetch + gzip -9', () => measurePageWeight(server.url, 'attachment/1/', '附件1'))));

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
      rows.push(...(await row('`/apply/` 首屏 JavaScript（无用户操作）', 'Chromium 中记录 script 响应', () => inBrowser(() => measureApplyScripts(browser, server.url)))));
      progress('c. typing into a long 申报材料 field');
      rows.push(...(await row('长申报材料逐字输入，本机', '8,000 字后逐字输入 100 字', () => inBrowser(() => measureTyping(browser, server.url, { cpuRate: 1 })))));
      progress('c. the same with CPU throttling ×4');
      rows.push(...(await row('长申报材料逐字输入，CPU 降速 ×4（慢速办公电脑）', '8,000 字后逐字输入 100 字，CDP CPU ×4', () => inBrowser(() => measureTyping(browser, server.url, { cpuRate: 4 })))));
      progress('d. time to interactive of /apply/');
      rows.push(...(await row('`/apply/` 可交互时间（导航开始 → 表单标题可见）', '3 次中位数', () => inBrowser(() => measureTimeToInteractive(browser, server.url)))));
      // The drafts measurements launch their own persistent profiles (IndexedDB on disk), see bench/drafts.mjs.
      progress('e. autosave of the typical fixture');
      rows.push(...(await row('自动保存耗时（典型申报数据，只计写入 IndexedDB）', '30 次中位数与 p95', () => inBrowser(() => measureAutosave(server.url)))));
      progress('f. /drafts/ with 100 drafts');
      rows.push(...(await row('草稿页 `/drafts/` 渲染时间（100 份草稿），本机', '3 次中位数', () => inBrowser(() => measureDraftsPage(server.url, { cpuRate: 1 })))));
      progress('f. the same with CPU throttling ×4');
      rows.push(...(await row('草稿页 `/drafts/` 渲染时间（100 份草稿），CPU 降速 ×4（慢速办公电脑）', '3 次中位数，CDP CPU ×4', () => inBrowser(() => measureDraftsPage(server.url, { cpuRate: 4 })))));
    } finally {
      await browser?.close();
    }
  } finally {
    progress('stopping the server');
    await server.stop();
  }

  const table = markdownTable(rows);
  process.stdout.write(`${table}\n`);

  const memGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  const report = [
    '# 性能基准（`npm run bench`）',
    '',
    '由 `scripts/bench.mjs` 生成，每次运行覆盖本文件。数值只供观察趋势，不是通过/失败的判据。',
    '',
    `- 日期：${new Date().toISOString()}`,
    `- 提交：${gitDescription()}；dist/ 构建于 ${existsSync(`${OUT_DIR}/index.html`) ? statSync(`${OUT_DIR}/index.html`).mtime.toISOString() : '未知'}`,
    `- Node：${process.version}`,
    `- Chromium：${chromiumVersion}（${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}）`,
    `- 机器：nproc ${os.availableParallelism()}，内存 ${memGiB} GiB，${os.platform()} ${os.arch()}`,
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
