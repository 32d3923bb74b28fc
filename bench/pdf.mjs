// The official PDFs (issue 5) made in the browser from the typical application: time from the click to the
// download link, first time and again, the files' sizes and pages, and the font data fetched.
//
// Each group runs in its own fresh persistent profile (bench/drafts.mjs launchProfile on a temporary directory):
// a new applicant's browser, with empty HTTP cache, Cache API and IndexedDB kept on disk as a real profile
// keeps them. The server is local, so "fetched" costs almost no transfer time: the cold figures are mostly
// fetching from disk, checking and compiling, not the network.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { launchProfile } from './drafts.mjs';
import { FONT_CHUNK, PDFS, installOutputProbe, openDraft, openFixture, recordResponses, showOutput, timePdf } from './output.mjs';
import { browserPid, waitForIdle } from './proc.mjs';
import { kib, median, ms, progress, temporaryDir } from './util.mjs';

/** Issue 5's goals, reported (never asserted); 2 MB and 300 KB read strictly as 2,000,000 and 300,000 bytes. */
/** Issue 18: cached PDF ≤ 300 ms median, first ≤ 1.5 s, fonts of all roles for 申报表 + 申报材料 ≤ 2.5 MB. */
const GOALS = { warmMs: 300, coldMs: 1500, sizeBytes: 300_000, fontBytes: 2_500_000 };

function freshDir() {
  return temporaryDir('lmcx-bench-pdf-');
}

/** A fresh (or reopened) profile showing the typical application's output view, with the probe and the font recorder. */
async function openOutputIn(dir, siteUrl, draftId = null) {
  const session = await launchProfile(dir);
  await session.context.addInitScript(installOutputProbe);
  const fonts = recordResponses(session.page, FONT_CHUNK);
  const scripts = recordResponses(session.page, /\/_astro\/[^/]+\.js$/);
  try {
    const id = draftId === null ? await openFixture(session.page, siteUrl) : (await openDraft(session.page, siteUrl, draftId), draftId);
    await showOutput(session.page);
    session.draftId = id;
    await session.page.waitForLoadState('networkidle'); // the view's own font manifest request settles first
  } catch (error) {
    await session.context.close();
    throw error;
  }
  const root = browserPid(dir);
  // Before each timed click: the browser's processes idle, e.g. the PDF viewer done rendering the previous
  // preview (it takes about half a second of CPU after each PDF, which a click at once would compete with).
  const idle = () => (root === null ? Promise.resolve(0) : waitForIdle(root));
  return { ...session, fonts, scripts, idle };
}

/** “目标 ≤ …，达到/未达到”: the issue's goal beside the figure. */
function goal(value, limit, shown) {
  return `目标 ≤ ${shown}，${value <= limit ? '达到' : '未达到'}`;
}

/** Medians of the phases of several timePdf results, as one line. */
function phases(results) {
  const m = (key) => median(results.map((r) => r[key])).toFixed(0);
  return `启动 ${m('startup')} · 字体 ${m('fonts')} · 排版与绘制 ${m('make')} · 收尾 ${m('finish')} · 到下一帧 ${median(results.map((r) => r.total - r.toLink)).toFixed(0)} ms（各段中位）`;
}

const PHASES_HOW =
  '分段取自 PDF worker 发回页面的消息（页面脚本前包装 Worker 构造函数记录到达时间）：启动 = 点击 → worker 第一条消息（React 状态、任务发给 worker；首次还含 worker 脚本下载与编译）；' +
  '字体 = → “正在排版……”（清单与字体分块：网络、Cache API 或 worker 内存）；排版与绘制 = → done（makePdf：按字形度量排版并用 jsPDF 绘制、嵌入字体）；收尾 = → 下载链接进入 DOM（字节成 Blob、object URL、React 渲染）';

/**
 * 申报表, first generation: `runs` fresh profiles each open /apply/, import the typical fixture, show #output
 * and click 生成申报表PDF（A4） once; timed from the click's dispatch to the frame after the new 下载 01-申报表.pdf
 * link appears. The PDF worker, jsPDF and the font chunks are all fetched from the local server during that
 * click (the output view itself only fetches the font manifest beforehand). Median of the runs.
 */
export async function measurePdfCold(siteUrl, { runs = 3 } = {}) {
  const results = [];
  for (let i = 0; i < runs; i += 1) {
    const tmp = freshDir();
    const dir = tmp.dir;
    try {
      const s = await openOutputIn(dir, siteUrl);
      try {
        await s.idle();
        const fontMark = s.fonts.mark();
        const scriptMark = s.scripts.mark();
        const r = await timePdf(s.page, 'form');
        const fetched = await s.fonts.since(fontMark);
        const scripts = await s.scripts.since(scriptMark);
        if (s.errors.length) throw new Error(`page error: ${s.errors[0]}`);
        results.push({ ...r, fontFetched: fetched.bytes, fontFiles: fetched.files, scriptBytes: scripts.bytes, scriptFiles: scripts.files });
        progress(`  cold ${i + 1}: ${ms(r.total)} (worker ${ms(r.workerMs)}, fonts fetched ${kib(fetched.bytes)} in ${fetched.files} files, scripts ${kib(scripts.bytes)})`);
      } finally {
        await s.context.close();
      }
    } finally {
      tmp.remove();
    }
  }
  const totals = results.map((r) => r.total);
  const last = results[results.length - 1];
  return [
    {
      figure: 'PDF 申报表首次生成（新配置目录，字体从本机服务器下载）',
      value: `中位 ${ms(median(totals))}（${runs} 次；${goal(median(totals), GOALS.coldMs, '1.5 s')}）；${phases(results)}`,
      how:
        `各次 ${totals.map((t) => t.toFixed(0)).join(' / ')} ms；worker 自报用时中位 ${ms(median(results.map((r) => r.workerMs)))}。` +
        `每次新的持久化配置目录（HTTP 缓存、Cache API 皆空），/apply/ 导入 tests/fixtures/typical-application.json，#output 等网络空闲后点击“生成申报表PDF（A4）”，` +
        `从点击事件分发到新的“下载 01-申报表.pdf”链接出现后的下一帧（rAF → setTimeout 0）。此次点击期间下载字体分块 ${last.fontFiles} 个 ${kib(last.fontFetched)}、` +
        `脚本 ${last.scriptFiles} 个 ${kib(last.scriptBytes)}（worker 及 jsPDF 等）。${PHASES_HOW}`,
    },
  ];
}

/** `runs` generations of one kind in the same page, each after the previous link and an idle browser. */
async function repeat(s, kind, runs) {
  const results = [];
  for (let i = 0; i < runs; i += 1) {
    await s.idle();
    results.push(await timePdf(s.page, kind));
  }
  progress(`  ${PDFS[kind].label} ×${runs}: ${results.map((r) => r.total.toFixed(0)).join(' / ')} ms, ${kib(results[0].bytes)}, ${results[0].pages} pages`);
  return results;
}

/** Downloads the PDF behind the current link of `kind` and reads its page count and first page size with pdfinfo. */
async function checkDownload(page, kind, dir) {
  const { file } = PDFS[kind];
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `下载 ${file}`, exact: true }).click()]);
  const saved = path.join(dir, file);
  await download.saveAs(saved);
  const info = execFileSync('pdfinfo', [saved], { encoding: 'utf8' });
  return {
    bytes: statSync(saved).size,
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '?',
  };
}

/**
 * The three PDFs generated again and again in one page, fonts already loaded: one fresh profile opens the
 * output view and makes each PDF once untimed (fonts fetched, the worker's code compiled), then `runs` timed
 * generations of 申报表, of the A3 booklet and of 申报材料 in turn. Median and maximum; the size and pages
 * from the worker's result, checked against the downloaded file with pdfinfo.
 */
export async function measurePdfWarm(siteUrl, { runs = 5 } = {}) {
  const tmp = freshDir();
  const dir = tmp.dir;
  try {
    const s = await openOutputIn(dir, siteUrl);
    try {
      for (const kind of ['form', 'formA3', 'materials']) {
        await s.idle();
        await timePdf(s.page, kind);
      }
      const mark = s.fonts.mark();
      const results = {};
      for (const kind of ['form', 'formA3', 'materials']) results[kind] = await repeat(s, kind, runs);
      const refetched = await s.fonts.since(mark);
      const files = {};
      for (const kind of ['form', 'formA3', 'materials']) files[kind] = await checkDownload(s.page, kind, dir);
      if (s.errors.length) throw new Error(`page error: ${s.errors[0]}`);
      for (const kind of Object.keys(files)) {
        const r = results[kind][runs - 1];
        if (files[kind].bytes !== r.bytes || files[kind].pages !== r.pages) {
          throw new Error(`${PDFS[kind].file}: downloaded ${files[kind].bytes} bytes, ${files[kind].pages} pages; the worker said ${r.bytes} bytes, ${r.pages} pages`);
        }
      }
      const stat = (kind) => {
        const totals = results[kind].map((r) => r.total);
        return { median: median(totals), max: Math.max(...totals), list: totals.map((t) => t.toFixed(0)).join(' / ') };
      };
      const form = stat('form');
      const size = (kind) => `${kib(files[kind].bytes)}（${files[kind].bytes.toLocaleString('en-US')} 字节），${files[kind].pages} 页`;
      const common = `同一页面先各生成一次不计（字体已下载、代码已编译），再依次各计 ${runs} 次；每次从点击到新下载链接出现后的下一帧，` +
        '点击前等浏览器进程树空闲（上一份 PDF 的页内预览由 PDF 查看器渲染约需 0.5 CPU 秒，连续点击会与之争用 CPU）。' +
        `这 ${runs * 3} 次共下载字体 ${refetched.bytes} 字节（${refetched.files} 个文件）`;
      return [
        {
          figure: 'PDF 申报表再次生成（同一页面，字体已缓存）',
          value: `中位 ${ms(form.median)} · 最大 ${ms(form.max)}（${runs} 次；${goal(form.median, GOALS.warmMs, '300 ms')}）；${phases(results.form)}`,
          how: `各次 ${form.list} ms；worker 自报用时中位 ${ms(median(results.form.map((r) => r.workerMs)))}。${common}。${PHASES_HOW}`,
        },
        {
          figure: 'PDF 申报表体积与页数（典型申报数据）',
          value: `${size('form')}（${goal(files.form.bytes, GOALS.sizeBytes, '300 KB（300,000 字节）')}）`,
          how: `下载的 01-申报表.pdf，pdfinfo：${files.form.pages} 页，页面 ${files.form.size}；与 worker 报告的字节数、页数一致。页面显示“${results.form[runs - 1].shown.split('。')[0]}”`,
        },
        {
          figure: 'PDF A3双面打印版（申报表拼版）',
          value: `${size('formA3')}；再次生成中位 ${ms(stat('formA3').median)} · 最大 ${ms(stat('formA3').max)}（${runs} 次）`,
          how: `各次 ${stat('formA3').list} ms；${phases(results.formA3)}。pdfinfo：页面 ${files.formA3.size}。${common}`,
        },
        {
          figure: 'PDF 申报材料',
          value: `${size('materials')}；再次生成中位 ${ms(stat('materials').median)} · 最大 ${ms(stat('materials').max)}（${runs} 次）`,
          how: `各次 ${stat('materials').list} ms；${phases(results.materials)}。pdfinfo：页面 ${files.materials.size}。${common}`,
        },
      ];
    } finally {
      await s.context.close();
    }
  } finally {
    tmp.remove();
  }
}

/**
 * Font data fetched for the typical application: in a fresh profile, the bodies of every response for
 * /fonts/noto-serif-sc/*.ttf (the PDF worker's requests are reported on the page) while 申报表 and then 申报材料
 * are generated; then what a second 申报表 in the same page fetches (the worker keeps the chunks in memory);
 * then the browser is closed and started again on the same profile and 申报表 generated once more: the chunks
 * must come from the Cache API ('lmcx-fonts-v1') on disk, so 0 bytes again (the manifest is revalidated).
 */
export async function measureFontBytes(siteUrl) {
  const tmp = freshDir();
  const dir = tmp.dir;
  try {
    let first;
    let second;
    let again;
    let formUsed;
    const s = await openOutputIn(dir, siteUrl);
    try {
      let mark = s.fonts.mark();
      formUsed = (await timePdf(s.page, 'form')).fontBytesUsed;
      const afterForm = await s.fonts.since(mark);
      mark = s.fonts.mark();
      await timePdf(s.page, 'materials');
      const afterMaterials = await s.fonts.since(mark);
      first = { form: afterForm, materials: afterMaterials, bytes: afterForm.bytes + afterMaterials.bytes, files: afterForm.files + afterMaterials.files };
      mark = s.fonts.mark();
      await timePdf(s.page, 'form');
      second = await s.fonts.since(mark);
      if (s.errors.length) throw new Error(`page error: ${s.errors[0]}`);
    } finally {
      await s.context.close();
    }
    const r = await openOutputIn(dir, siteUrl, s.draftId);
    try {
      const manifests = recordResponses(r.page, /\/fonts\/noto-serif-sc\/manifest\.json$/);
      const mark = r.fonts.mark();
      const manifestMark = manifests.mark();
      await r.idle();
      const timed = await timePdf(r.page, 'form');
      const fetched = await r.fonts.since(mark);
      const manifest = await manifests.since(manifestMark);
      if (r.errors.length) throw new Error(`page error: ${r.errors[0]}`);
      again = { ...fetched, ms: timed.total, fonts: timed.fonts, manifest };
    } finally {
      await r.context.close();
    }
    progress(`  fonts: 申报表 ${first.form.bytes} + 申报材料 ${first.materials.bytes} bytes; second PDF ${second.bytes}; after a restart ${again.bytes}`);
    const all = [...first.form.list, ...first.materials.list];
    const largest = Math.max(...all.map((f) => f.bytes));
    // Role chunks are named hei000-…, kai000-…, title000-…; the main serif's (正文 and rare characters) c000-….
    const ROLE_NAMES = { hei: '黑体', kai: '楷体', title: '小标宋', main: '正文' };
    const byRole = { main: 0, hei: 0, kai: 0, title: 0 };
    for (const f of all) byRole[/\/(hei|kai|title)\d{3}-[^/]*$/.exec(f.url)?.[1] ?? 'main'] += f.bytes;
    const roles = Object.entries(byRole).map(([role, bytes]) => `${ROLE_NAMES[role]} ${kib(bytes)}`).join('，');
    return [
      {
        figure: '字体下载量（典型申报数据的申报表 + 申报材料，全部字体角色）',
        value:
          `${kib(first.bytes)}（${first.bytes.toLocaleString('en-US')} 字节，${first.files} 个分块：${roles}；${goal(first.bytes, GOALS.fontBytes, '2.5 MB（2,500,000 字节）')}）；` +
          `同一页面再生成申报表：${second.bytes} 字节；重启浏览器后再生成：${again.bytes} 字节`,
        how:
          `新的持久化配置目录；累计 /fonts/noto-serif-sc/*.ttf 响应体（含 PDF worker 的请求）：申报表 ${first.form.files} 块 ${kib(first.form.bytes)}，` +
          `其后申报材料另需 ${first.materials.files} 块 ${kib(first.materials.bytes)}（最大一块 ${kib(largest)}；worker 报告申报表用到的分块共 ${kib(formUsed)}）。` +
          `同一页面再次生成申报表时下载 ${second.files} 个分块。关闭浏览器、在同一配置目录重新启动后再生成申报表：下载分块 ${again.files} 个（取自 Cache API 'lmcx-fonts-v1'），` +
          `字体清单请求 ${again.manifest.files} 次；此次用时 ${ms(again.ms)}，其中字体段 ${ms(again.fonts)}`,
      },
    ];
  } finally {
    tmp.remove();
  }
}
