// The submission package (issues 6 and 16) built in the browser: throughput for 200 MB of attachments against
// Info-ZIP's `zip -0` of the same files, the memory the browser uses while it packs a 1 GB video, a package of
// more than 4 GiB read back by unzip, 7-Zip and Python's zipfile, and the memory of a draft file's export and
// import with a 1 GiB video.
//
// Attachments are files of random bytes (nothing compresses; the checks on arrival look only at the extension and
// size, and the video's duration cannot be read from random bytes, which only adds a warning), written to a
// temporary folder and attached through the attachments view's file inputs, as an applicant picks them
// (setInputFiles with paths: Chromium reads the files from disk, nothing is copied through the protocol).
// Everything runs in a fresh persistent profile: IndexedDB keeps the Blobs on disk, as in an applicant's
// browser (an off-the-record profile would keep them in memory). All temporary files are deleted afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchProfile } from './drafts.mjs';
import { installOutputProbe, openFixture, showOutput, showView, timePdf, clickToLink, workerMessages } from './output.mjs';
import { browserPid, treeMemory, waitForIdle } from './proc.mjs';
import { median, progress, temporaryDir } from './util.mjs';

const MiB = 1024 * 1024;

function mib(bytes) {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

function gib(bytes) {
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

function seconds(msValue) {
  return `${(msValue / 1000).toFixed(1)} s`;
}

/** The first bytes a real file of that kind starts with: the site checks content as well as names. */
const SIGNATURES = {
  '.mp4': Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypmp42')]),
  '.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  '.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  '.pdf': Buffer.from('%PDF-1.7\n'),
};

function stampSignature(file) {
  const signature = SIGNATURES[path.extname(file).toLowerCase()];
  if (!signature) return;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, signature, 0, signature.length, 0);
  } finally {
    closeSync(fd);
  }
}

/** A file of `bytes` random bytes, written 8 MiB at a time (fresh random bytes for every block). */
function writeRandomFile(file, bytes) {
  const block = Buffer.alloc(Math.min(8 * MiB, bytes));
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < bytes; ) {
      const n = Math.min(block.length, bytes - written);
      randomFillSync(block, 0, n);
      writeSync(fd, block, 0, n);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
  stampSignature(file);
}

/** Category name (its heading and region), as in src/core/draft/types.ts ATTACHMENT_CATEGORIES. */
const CATEGORY = {
  video: '工作室介绍视频',
  photos: '工作室内外观布局照片',
  proofs: ['经费投入证明', '技术创新证明', '经济效益证明', '培养人才证明', '荣誉证书'],
};

/**
 * Picks `files` in the category's 添加… input and waits until its region lists `expected` items (each is stored
 * in IndexedDB before the list is read again). Resolves with the time that took.
 */
export async function attach(page, category, files, expected, timeout = 600_000) {
  const t0 = Date.now();
  await page.getByLabel(`添加${category}`, { exact: true }).setInputFiles(files);
  const items = page.getByRole('region', { name: category, exact: true }).locator('.attachment-item');
  const deadline = Date.now() + timeout;
  for (;;) {
    const count = await items.count();
    if (count === expected) return Date.now() - t0;
    // A refused file or a failed store shows an error box; the unreadable duration is only a warning box.
    const error = await page.locator('.notice-error[role=alert]').first().textContent({ timeout: 100 }).catch(() => null);
    if (error) throw new Error(`attaching to ${category}: ${error.trim()}`);
    if (Date.now() > deadline) throw new Error(`${category} lists ${count} files, not ${expected}, after ${timeout / 1000} s`);
    await sleep(100);
  }
}

/** The three PDFs made first, untimed, so that the package's time is the packing alone. */
export async function makePdfs(page) {
  for (const kind of ['form', 'formA3', 'materials']) await timePdf(page, kind);
}

/** Above 50 MB the panel offers the video apart; these measurements put it in the zip. */
async function includeVideo(page) {
  const include = page.getByLabel('视频也放入材料包');
  await include.check();
  if (!(await include.isChecked())) throw new Error('“视频也放入材料包” could not be chosen');
}

/**
 * Clicks 生成材料包 and waits for the 下载 ….zip link; split by the package worker's messages into the reading
 * pass (every file read once for its SHA-256 and CRC-32) and the zip pass (the two text files, the headers).
 */
async function timePackage(page, timeout) {
  const t = await clickToLink(page, { button: '生成材料包', selector: 'a[download$=".zip"]', section: 'package-title', timeout });
  // Heartbeats (no id) say only that the worker is alive.
  const messages = (await workerMessages(page, 'package.worker', t.clickAt)).filter((m) => m.id !== null);
  const first = messages[0];
  const zipAt = messages.find((m) => m.phase === 'zip')?.at;
  const done = messages.find((m) => m.type === 'done');
  if (!first || zipAt === undefined || !done) throw new Error('the package worker’s messages lack a phase or its end');
  // performance.now() in the page counts from timeOrigin (ms since the epoch): the phases on Node's clock.
  const origin = await page.evaluate(() => performance.timeOrigin);
  return {
    epoch: { click: origin + t.clickAt, zip: origin + zipAt, done: origin + done.at },
    total: t.frameAt - t.clickAt,
    toLink: t.linkAt - t.clickAt,
    hash: zipAt - first.at,
    zip: done.at - zipAt,
    startup: first.at - t.clickAt,
    finish: t.linkAt - done.at,
    zipBytes: done.zipBytes,
    shown: t.text,
  };
}

/** Wall time of a command run to completion (it must succeed). */
function timeCommand(command, args, cwd) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr?.toString().trim() || result.status}`);
  return elapsed;
}

/**
 * Throughput of the package for 200 MiB of attachments: one 150 MiB .mp4 and 50 × 1 MiB files (25 .jpg photos,
 * 5 .pdf proofs in each of the five proof categories), all random bytes. In a fresh profile the typical
 * application is imported, the files attached in the UI, the three PDFs made (untimed), “视频也放入材料包”
 * chosen, then 生成材料包 is timed from the click to the frame after the download link. The zip is downloaded
 * and tested with `unzip -tq`. In the same run, `zip -0 -r -q` of the same files on disk (the same bytes,
 * still in the page cache, as the browser's copies are) is timed as the reference; the ratio is browser / zip.
 */
export async function measurePackageThroughput(siteUrl, { videoMiB = 150, smallFiles = 50 } = {}) {
  const temp = temporaryDir('lmcx-bench-pkg-');
  const tmp = temp.dir;
  const profile = path.join(tmp, 'profile');
  const files = path.join(tmp, 'attachments');
  mkdirSync(files);
  try {
    const video = path.join(files, 'studio-tour.mp4');
    writeRandomFile(video, videoMiB * MiB);
    const photos = [];
    const proofs = [[], [], [], [], []];
    for (let i = 1; i <= smallFiles; i += 1) {
      const isPhoto = i <= smallFiles / 2;
      const file = path.join(files, isPhoto ? `photo-${String(i).padStart(2, '0')}.jpg` : `proof-${String(i).padStart(2, '0')}.pdf`);
      writeRandomFile(file, MiB);
      if (isPhoto) photos.push(file);
      else proofs[i % 5].push(file);
    }
    const inputBytes = videoMiB * MiB + smallFiles * MiB;

    const s = await launchProfile(profile);
    let result;
    let attachMs = 0;
    let pdfBytes = 0;
    try {
      await s.context.addInitScript(installOutputProbe);
      await openFixture(s.page, siteUrl);
      await showView(s.page, 'attachments', '附件材料');
      attachMs += await attach(s.page, CATEGORY.video, [video], 1);
      attachMs += await attach(s.page, CATEGORY.photos, photos, photos.length);
      for (const [i, name] of CATEGORY.proofs.entries()) attachMs += await attach(s.page, name, proofs[i], proofs[i].length);
      progress(`  attached ${smallFiles + 1} files (${mib(inputBytes)}) in ${seconds(attachMs)}`);
      await showOutput(s.page);
      await makePdfs(s.page);
      await includeVideo(s.page);
      const root = browserPid(profile);
      if (root !== null) await waitForIdle(root);
      result = await timePackage(s.page, 600_000);
      if (s.errors.length) throw new Error(`page error: ${s.errors[0]}`);
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('a[download$=".zip"]').click()]);
      const zipPath = path.join(tmp, 'package.zip');
      await download.saveAs(zipPath);
      const zipSize = statSync(zipPath).size;
      if (zipSize !== result.zipBytes) throw new Error(`the downloaded zip has ${zipSize} bytes, the worker made ${result.zipBytes}`);
      execFileSync('unzip', ['-tq', zipPath], { stdio: 'ignore' });
      const listing = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/'));
      pdfBytes = result.zipBytes - inputBytes; // PDFs, 材料清单.txt, application.json and the zip's own headers
      result.entries = listing.length;
      rmSync(zipPath);
    } finally {
      await s.context.close();
    }

    // The reference, with the browser closed: Info-ZIP storing the same files.
    const zipMs = [];
    for (let i = 0; i < 3; i += 1) {
      zipMs.push(timeCommand('zip', ['-0', '-r', '-q', path.join(tmp, 'reference.zip'), 'attachments'], tmp));
      rmSync(path.join(tmp, 'reference.zip'));
    }
    const shaMs = timeCommand('sha256sum', ['-b', ...[video, ...photos, ...proofs.flat()].map((f) => path.relative(tmp, f))], tmp);
    const zipRef = median(zipMs);
    const ratio = result.total / zipRef;
    progress(`  package ${seconds(result.total)} (hash ${seconds(result.hash)}, zip ${seconds(result.zip)}); zip -0 ${seconds(zipRef)}; ratio ${ratio.toFixed(1)}`);
    const rate = (bytes, msValue) => `${(bytes / MiB / (msValue / 1000)).toFixed(0)} MiB/s`;
    return [
      {
        figure: `材料包生成吞吐（${mib(inputBytes)} 附件）`,
        value:
          `浏览器 ${seconds(result.total)}（${rate(inputBytes, result.total)}）· zip -0 ${seconds(zipRef)}（${rate(inputBytes, zipRef)}）· 比值 ${ratio.toFixed(1)}；` +
          `其中读取与 CRC-32/SHA-256 ${seconds(result.hash)} · 写压缩包 ${seconds(result.zip)}`,
        how:
          `附件为随机字节：${videoMiB} MiB .mp4 视频 1 个、1 MiB .jpg 照片 ${photos.length} 张、1 MiB .pdf 证明 ${proofs.flat().length} 份（5 类各 ${proofs[0].length}），` +
          `新持久化配置目录中经附件页文件输入框添加（存入 IndexedDB 共 ${seconds(attachMs)}），先生成三份 PDF（不计时），选“视频也放入材料包”，等浏览器空闲后点击“生成材料包”，` +
          `计到“下载 ….zip”链接出现后的下一帧；分段取自 package worker 的进度消息（hash → zip → done）。` +
          `材料包 ${mib(result.zipBytes)}、${result.entries} 个文件（含 PDF、清单等约 ${mib(pdfBytes)}），下载后 unzip -tq 通过。` +
          `参照：同一批文件在磁盘上（页缓存中）用 zip -0 -r -q 打包，浏览器关闭后跑 3 次取中位（各次 ${zipMs.map((t) => t.toFixed(0)).join(' / ')} ms）；` +
          `sha256sum 同一批文件 ${seconds(shaMs)}。材料包与 zip -0 都只读一遍；材料包同一遍还算 SHA-256（WebAssembly，hash-wasm）写入材料清单.txt`,
      },
    ];
  } finally {
    temp.remove();
  }
}

/** Rejects after `ms` unless `promise` settles first. */
function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Heap of the page's dedicated workers over the Chrome DevTools Protocol: the page's CDP session auto-attaches
 * to its workers (Target.setAutoAttach, not flattened), and Runtime.getHeapUsage is sent to a worker's session
 * through Target.sendMessageToTarget. usedSize is the worker's JavaScript heap; backingStorageSize is the memory
 * of its ArrayBuffers, which live outside that heap (the file being packed is one).
 */
export async function workerHeaps(cdp) {
  const sessions = new Map();
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.set(e.sessionId, e.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (e) => sessions.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    const resolve = message.id === undefined ? undefined : waiting.get(message.id);
    if (resolve) {
      waiting.delete(message.id);
      resolve(message);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    /** { used, backing } of the first worker whose URL contains `match`, or null (none yet, or no answer within 1 s). */
    async heap(match) {
      const entry = [...sessions].find(([, url]) => url.includes(match));
      if (!entry) return null;
      const id = nextId++;
      const answer = new Promise((resolve) => waiting.set(id, resolve));
      try {
        await cdp.send('Target.sendMessageToTarget', { sessionId: entry[0], message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
        const m = await withTimeout(answer, 1000);
        return m.result ? { used: m.result.usedSize, backing: m.result.backingStorageSize ?? 0 } : null;
      } catch {
        waiting.delete(id);
        return null;
      }
    },
  };
}

/**
 * Samples memory every `everyMs` until stopped: the sum of RSS and of PSS over the browser's process tree
 * (bench/proc.mjs), the largest process, the page's JSHeapUsedSize (CDP Performance.getMetrics) and the
 * heap and ArrayBuffers of the worker named `worker` (the package worker by default). Each sample carries the phase set when it was taken.
 */
export function startSampler({ root, cdp, workers, everyMs = 200, worker: workerName = 'package.worker' }) {
  const samples = [];
  let phase = 'start';
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = Date.now();
      const mem = treeMemory(root);
      const [metrics, worker] = await Promise.all([
        withTimeout(cdp.send('Performance.getMetrics'), 1000).catch(() => null),
        workers.heap(workerName),
      ]);
      const pageHeap = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
      samples.push({ t: t0, phase, rss: mem.rss, pss: mem.pss, byType: mem.byType, largest: mem.largest, processes: mem.processes, pageHeap, worker });
      await sleep(Math.max(0, everyMs - (Date.now() - t0)));
    }
  })();
  return {
    setPhase: (p) => {
      phase = p;
    },
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

export function peaks(samples) {
  const max = (f) => samples.reduce((m, s) => (f(s) !== null && f(s) !== undefined && f(s) > m ? f(s) : m), 0);
  const largest = samples.reduce((best, s) => (s.largest.rss > (best?.rss ?? 0) ? s.largest : best), null);
  const types = [...new Set(samples.flatMap((s) => Object.keys(s.byType)))];
  const byType = Object.fromEntries(types.map((t) => [t, { rss: max((s) => s.byType[t]?.rss), pss: max((s) => s.byType[t]?.pss) }]));
  return {
    byType,
    count: samples.length,
    rss: max((s) => s.rss),
    pss: max((s) => s.pss),
    pageHeap: max((s) => s.pageHeap),
    workerUsed: max((s) => s.worker?.used),
    workerBacking: max((s) => s.worker?.backing),
    workerTotal: max((s) => (s.worker ? s.worker.used + s.worker.backing : null)),
    workerSamples: samples.filter((s) => s.worker).length,
    largest,
  };
}

/**
 * Peak memory while the package is built with a 1 GiB video (random bytes) in it. In a fresh profile the typical
 * application is imported, the video attached (stored in IndexedDB), the three PDFs made, “视频也放入材料包”
 * chosen, and 生成材料包 clicked; memory is sampled every 200 ms (startSampler) from before the attach until
 * 3 s after the build ends, by phase. Reports whether the build finished (the download link appeared), how long
 * it took, and the peaks; a crash of the tab or an error of the worker is reported as the finding it is.
 */
export async function measurePackageMemory(siteUrl, { videoMiB = 1024 } = {}) {
  const temp = temporaryDir('lmcx-bench-mem-');
  const tmp = temp.dir;
  const profile = path.join(tmp, 'profile');
  try {
    const video = path.join(tmp, 'studio-tour-1g.mp4');
    writeRandomFile(video, videoMiB * MiB);
    const s = await launchProfile(profile);
    let sampler = null;
    let samples = [];
    let crashed = false;
    let outcome;
    let attachMs = 0;
    try {
      s.page.on('crash', () => {
        crashed = true;
      });
      await s.context.addInitScript(installOutputProbe);
      await openFixture(s.page, siteUrl);
      const root = browserPid(profile);
      if (root === null) throw new Error(`no browser process with --user-data-dir=${profile}`);
      const cdp = await s.context.newCDPSession(s.page);
      await cdp.send('Performance.enable');
      const workers = await workerHeaps(cdp);
      sampler = startSampler({ root, cdp, workers });
      await showView(s.page, 'attachments', '附件材料');
      sampler.setPhase('attach');
      attachMs = await attach(s.page, CATEGORY.video, [video], 1);
      progress(`  attached ${mib(videoMiB * MiB)} in ${seconds(attachMs)}`);
      sampler.setPhase('pdf');
      await showOutput(s.page);
      await makePdfs(s.page);
      await includeVideo(s.page);
      await waitForIdle(root);
      sampler.setPhase('before');
      await sleep(1000);
      sampler.setPhase('build');
      try {
        const r = await timePackage(s.page, 1_200_000);
        outcome = { finished: true, ...r };
      } catch (error) {
        outcome = { finished: false, error: crashed ? '标签页崩溃' : String(error?.message ?? error).split('\n')[0] };
      }
      sampler.setPhase('after');
      await sleep(3000);
    } finally {
      samples = sampler ? await sampler.stop() : [];
      await s.context.close().catch(() => undefined);
    }
    if (process.env.BENCH_DEBUG) {
      // One line a second: phase, total PSS, browser PSS, renderer PSS, worker heap + ArrayBuffers (MiB).
      const t0 = samples[0]?.t ?? 0;
      for (const x of samples.filter((_, i) => i % 5 === 0)) {
        progress(
          `  ${((x.t - t0) / 1000).toFixed(1).padStart(6)} s ${x.phase.padEnd(7)} PSS ${mib(x.pss).padStart(11)} browser ${mib(x.byType.browser?.pss ?? 0).padStart(11)} ` +
            `renderer ${mib(x.byType.renderer?.pss ?? 0).padStart(11)} worker ${x.worker ? `${mib(x.worker.used)} + ${mib(x.worker.backing)}` : '—'}`,
        );
      }
    }
    const phase = (p) => samples.filter((x) => x.phase === p);
    const before = phase('before');
    const base = { rss: median(before.map((x) => x.rss)), pss: median(before.map((x) => x.pss)), pageHeap: median(before.map((x) => x.pageHeap ?? 0)) };
    const build = peaks(phase('build'));
    // The build's samples split at the worker's first 'zip' message: the reading pass streams each file, the zip
    // pass writes headers around the stored Blobs.
    const hashPass = outcome.finished ? peaks(phase('build').filter((x) => x.t < outcome.epoch.zip)) : null;
    const zipPass = outcome.finished ? peaks(phase('build').filter((x) => x.t >= outcome.epoch.zip && x.t <= outcome.epoch.done)) : null;
    const attachPeak = peaks(phase('attach'));
    const after = phase('after');
    const afterLast = after[after.length - 1];
    progress(
      `  1 GiB build: ${outcome.finished ? `finished in ${seconds(outcome.total)}` : `did not finish: ${outcome.error}`}; ` +
        `peak RSS ${gib(build.rss)} (PSS ${gib(build.pss)}, before ${gib(base.rss)}), page heap ${mib(build.pageHeap)}, worker ${mib(build.workerUsed)} + ArrayBuffers ${mib(build.workerBacking)}`,
    );
    const result = outcome.finished
      ? `完成，用时 ${seconds(outcome.total)}（读取与校验值 ${seconds(outcome.hash)} · 写压缩包 ${seconds(outcome.zip)}），材料包 ${gib(outcome.zipBytes)}`
      : `未完成：${outcome.error}`;
    return [
      {
        figure: `材料包峰值内存（${videoMiB >= 1024 ? `${videoMiB / 1024} GiB` : `${videoMiB} MiB`} 视频放入材料包）`,
        value:
          `${result}；峰值增加（浏览器进程树 PSS，较构建前）${gib(build.pss - base.pss)}（目标 ≤ 0.5 GiB）；生成期间峰值：合计 RSS ${gib(build.rss)}（构建前 ${gib(base.rss)}）· PSS ${gib(build.pss)}（构建前 ${gib(base.pss)}）；` +
          `页面 JS 堆 ${mib(build.pageHeap)}；材料包 worker JS 堆 ${mib(build.workerUsed)} + ArrayBuffer ${mib(build.workerBacking)}`,
        how:
          `生成期间各类进程峰值（RSS/PSS 之和）：${Object.entries(build.byType).sort((a, b) => b[1].pss - a[1].pss).map(([t, v]) => `${t} ${gib(v.rss)}/${gib(v.pss)}`).join('，')}；` +
          `最大单个进程 ${build.largest ? `${build.largest.type} ${gib(build.largest.rss)}` : '—'}；` +
          (hashPass && zipPass
            ? `分段峰值：读取与校验值阶段合计 PSS ${gib(hashPass.pss)}、worker ArrayBuffer ${mib(hashPass.workerBacking)}；写压缩包阶段合计 PSS ${gib(zipPass.pss)}、worker ArrayBuffer ${mib(zipPass.workerBacking)}、browser 进程 PSS ${gib(zipPass.byType.browser?.pss ?? 0)}；`
            : '') +
          `构建前：${before.length ? Object.entries(before[before.length - 1].byType).sort((a, b) => b[1].pss - a[1].pss).slice(0, 3).map(([t, v]) => `${t} ${gib(v.rss)}/${gib(v.pss)}`).join('，') : '—'}；` +
          `结束 3 s 后：${afterLast ? Object.entries(afterLast.byType).sort((a, b) => b[1].pss - a[1].pss).slice(0, 3).map(([t, v]) => `${t} ${gib(v.rss)}/${gib(v.pss)}`).join('，') : '—'}。` +
          `每 200 ms 采样（构建期间 ${build.count} 次，其中 worker 堆 ${build.workerSamples} 次有回应）：/proc 中该浏览器进程树（--user-data-dir 所指浏览器进程及其全部子进程，最多 ${Math.max(0, ...samples.map((x) => x.processes))} 个）VmRSS 之和与 smaps_rollup Pss 之和` +
          `（RSS 之和重复计入共享内存，PSS 按共享方数分摊）；CDP Performance.getMetrics 的 JSHeapUsedSize（页面主线程）；` +
          `package worker 经 Target.setAutoAttach + Runtime.getHeapUsage（usedSize 与 backingStorageSize，后者为堆外的 ArrayBuffer）。` +
          `随机字节 ${videoMiB} MiB .mp4 经附件页文件输入框添加（存入 IndexedDB ${seconds(attachMs)}，其间合计 RSS 峰值 ${gib(attachPeak.rss)}、页面 JS 堆峰值 ${mib(attachPeak.pageHeap)}），` +
          `先生成三份 PDF，选“视频也放入材料包”后点击“生成材料包”，等到下载链接出现（上限 20 分钟）；结束 3 s 后合计 RSS ${afterLast ? gib(afterLast.rss) : '—'}、PSS ${afterLast ? gib(afterLast.pss) : '—'}。` +
          `新持久化配置目录（IndexedDB 与 Blob 落盘），用后删除视频文件与配置目录`,
      },
    ];
  } finally {
    temp.remove();
  }
}

/** A sparse file of `bytes` (`truncate -s`): no disk, reads as zeros. */
function sparseFile(file, bytes) {
  execFileSync('truncate', ['-s', String(bytes), file]);
  stampSignature(file);
}

/**
 * A package of more than 4 GiB: a 2 GiB video (the size limit) and 45 proofs of 50 MiB (9 in each of the five
 * proof categories), sparse files attached through the file inputs in a fresh profile; 生成材料包 timed to the
 * link; the download tested by `unzip -tq`, `7zz t` and Python's zipfile (entries and sizes). The browser's copies
 * (IndexedDB, the download) take ~9 GiB of disk for a while; everything is deleted afterwards.
 */
export async function measureLargePackage(siteUrl, { videoBytes = 2 * 1024 ** 3, proofs = 45, proofBytes = 50 * MiB } = {}) {
  const temp = temporaryDir('lmcx-bench-large-');
  const tmp = temp.dir;
  const profile = path.join(tmp, 'profile');
  const files = path.join(tmp, 'attachments');
  mkdirSync(files);
  try {
    const video = path.join(files, 'studio-tour.mp4');
    sparseFile(video, videoBytes);
    const lists = [[], [], [], [], []];
    for (let i = 0; i < proofs; i += 1) {
      const file = path.join(files, `proof-${String(i + 1).padStart(2, '0')}.pdf`);
      sparseFile(file, proofBytes);
      lists[i % 5].push(file);
    }
    const inputBytes = videoBytes + proofs * proofBytes;
    const s = await launchProfile(profile);
    let result;
    let checks;
    try {
      await s.context.addInitScript(installOutputProbe);
      await openFixture(s.page, siteUrl);
      await showView(s.page, 'attachments', '附件材料');
      await attach(s.page, CATEGORY.video, [video], 1);
      for (const [i, name] of CATEGORY.proofs.entries()) await attach(s.page, name, lists[i], lists[i].length);
      rmSync(files, { recursive: true, force: true });
      await showOutput(s.page);
      await makePdfs(s.page);
      await includeVideo(s.page);
      result = await timePackage(s.page, 1_800_000);
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('a[download$=".zip"]').click()]);
      const zipPath = await download.path();
      const t0 = Date.now();
      const unzip = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
      const unzipMs = Date.now() - t0;
      const t1 = Date.now();
      const sevenZip = spawnSync('7zz', ['t', zipPath], { encoding: 'utf8' });
      const sevenMs = Date.now() - t1;
      const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], metadata_encoding="cp936"); i = [x for x in z.infolist() if not x.is_dir()]; print(len(i), sum(x.file_size for x in i), max(x.header_offset for x in i))';
      const python = spawnSync('python3', ['-c', script, zipPath], { encoding: 'utf8' });
      const [entries, total, lastOffset] = python.stdout.trim().split(' ').map(Number);
      checks = {
        unzip: unzip.status === 0 && /No errors detected/.test(unzip.stdout) ? `通过（${seconds(unzipMs)}）` : `失败：${(unzip.stdout + unzip.stderr).trim().split('\n').pop()}`,
        sevenZip: sevenZip.status === 0 && /Everything is Ok/.test(sevenZip.stdout) ? `通过（${seconds(sevenMs)}）` : `失败：${(sevenZip.stdout + sevenZip.stderr).trim().split('\n').pop()}`,
        python: python.status === 0 ? `${entries} 个文件共 ${gib(total)}，最后一个本地文件头在 ${gib(lastOffset)} 处` : `失败：${python.stderr.trim().split('\n').pop()}`,
      };
      await download.delete();
    } finally {
      await s.context.close();
    }
    progress(`  >4 GiB package ${gib(result.zipBytes)} in ${seconds(result.total)}; unzip ${checks.unzip}; 7zz ${checks.sevenZip}; zipfile ${checks.python}`);
    return [
      {
        figure: `超过 4 GiB 的材料包（${gib(inputBytes)} 附件）`,
        value: `生成 ${seconds(result.total)}，材料包 ${gib(result.zipBytes)}；unzip -tq ${checks.unzip} · 7zz t ${checks.sevenZip} · Python zipfile：${checks.python}`,
        how:
          `稀疏文件（truncate -s）：视频 1 个 ${gib(videoBytes)}（大小上限）、证明 ${proofs} 份各 ${mib(proofBytes)}（5 类各 ${proofs / 5}），新持久化配置目录中经附件页文件输入框添加，` +
          `先生成三份 PDF，选“视频也放入材料包”，点击“生成材料包”计到下载链接出现；下载后依次 unzip -tq、7zz t（校验每个 CRC）与 Python zipfile（metadata_encoding=cp936）读目录。用后删除全部临时文件`,
      },
    ];
  } finally {
    temp.remove();
  }
}

/**
 * Memory of a draft file's export and import with a 1 GiB video (random bytes at its start, middle and end, the
 * rest a sparse hole): in a fresh profile the video is attached, then on /drafts/ the draft is exported (the
 * download awaited) and the file imported back (until 已导入), the browser's process tree sampled every 200 ms.
 */
export async function measureDraftFileMemory(siteUrl, { videoBytes = 1024 ** 3 } = {}) {
  const temp = temporaryDir('lmcx-bench-draft-');
  const tmp = temp.dir;
  const profile = path.join(tmp, 'profile');
  try {
    const video = path.join(tmp, 'studio-tour.mp4');
    sparseFile(video, videoBytes);
    const fd = openSync(video, 'r+');
    try {
      const block = Buffer.alloc(MiB);
      for (const at of [0, Math.floor(videoBytes / 2), videoBytes - MiB]) {
        randomFillSync(block);
        writeSync(fd, block, 0, MiB, at);
      }
      writeSync(fd, SIGNATURES['.mp4'], 0, SIGNATURES['.mp4'].length, 0);
    } finally {
      closeSync(fd);
    }
    const s = await launchProfile(profile);
    let sampler = null;
    let samples = [];
    const times = {};
    try {
      await openFixture(s.page, siteUrl);
      await showView(s.page, 'attachments', '附件材料');
      await attach(s.page, CATEGORY.video, [video], 1);
      rmSync(video);
      await s.page.goto(new URL('drafts/', siteUrl).href);
      const row = s.page.locator('.drafts-table tbody tr').first();
      await row.waitFor({ timeout: 30_000 });
      const root = browserPid(profile);
      if (root === null) throw new Error(`no browser process with --user-data-dir=${profile}`);
      const cdp = await s.context.newCDPSession(s.page);
      await cdp.send('Performance.enable');
      const workers = await workerHeaps(cdp);
      await waitForIdle(root);
      sampler = startSampler({ root, cdp, workers });
      sampler.setPhase('before');
      await sleep(1000);
      sampler.setPhase('export');
      let t0 = Date.now();
      const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 600_000 }), row.getByRole('button', { name: /^导出/ }).click()]);
      const file = await download.path();
      times.export = Date.now() - t0;
      times.bytes = statSync(file).size;
      sampler.setPhase('between');
      await sleep(1000);
      sampler.setPhase('import');
      t0 = Date.now();
      await s.page.getByLabel('导入草稿文件').setInputFiles(file);
      await s.page.getByRole('status').filter({ hasText: '已导入' }).waitFor({ timeout: 600_000 });
      times.import = Date.now() - t0;
      sampler.setPhase('after');
      await sleep(2000);
      await download.delete();
    } finally {
      samples = sampler ? await sampler.stop() : [];
      await s.context.close().catch(() => undefined);
    }
    const phase = (p) => samples.filter((x) => x.phase === p);
    const base = median(phase('before').map((x) => x.pss));
    const exported = peaks(phase('export'));
    const imported = peaks(phase('import'));
    progress(`  draft file ${gib(times.bytes)}: export ${seconds(times.export)} +${gib(exported.pss - base)} PSS, import ${seconds(times.import)} +${gib(imported.pss - base)} PSS`);
    return [
      {
        figure: `草稿文件导出 + 导入峰值内存（${gib(videoBytes)} 视频）`,
        value:
          `导出 ${seconds(times.export)}，峰值增加 ${gib(exported.pss - base)}；导入 ${seconds(times.import)}，峰值增加 ${gib(imported.pss - base)}（浏览器进程树 PSS，较操作前 ${gib(base)}；目标 ≤ 0.5 GiB）；` +
          `草稿文件 ${gib(times.bytes)}；worker ArrayBuffer 峰值 导出 ${mib(exported.workerBacking)} · 导入 ${mib(imported.workerBacking)}`,
        how:
          `新持久化配置目录；视频为 ${gib(videoBytes)} 稀疏文件（首、中、尾各 1 MiB 随机字节），经附件页添加；在 /drafts/ 点“导出”等到下载完成，再经“导入草稿文件”导入该文件直到“已导入”；` +
          `每 200 ms 采样浏览器进程树 PSS 与 package worker 的堆（见上一行）。用后删除全部临时文件`,
      },
    ];
  } finally {
    temp.remove();
  }
}
