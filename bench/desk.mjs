// The review desk (issue 15): open and verify many submission packages in the browser, against `sha256sum` over
// the same files, and the memory the browser adds while it does.
//
// The packages are made by the project's own package builder (src/core/package/createPackage.ts, bundled for Node
// with esbuild on the fly) from the typical application under a different studio name each, with random media:
// a video, two photos, one proof per starred item and the three PDFs (random bytes between a PDF header and end
// marker). They are written to a temporary folder, picked on /desk/ all at once (setInputFiles with paths: Chromium
// reads them from disk), and timed from the pick until every row of the 汇总 table is there and no progress bar is
// left. Memory is sampled every 200 ms over the browser's whole process tree (PSS), less what it used before.
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { launchProfile } from './drafts.mjs';
import { browserPid, treeMemory, waitForIdle } from './proc.mjs';
import { progress, temporaryDir } from './util.mjs';

const MiB = 1024 * 1024;

/** createPackage, bundled from the TypeScript source into a module Node can import. */
async function packageBuilder(dir) {
  const out = path.join(dir, 'create-package.mjs');
  await build({
    stdin: { contents: "export { createPackage } from './src/core/package/createPackage.ts';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  return (await import(out)).createPackage;
}

function random(bytes) {
  const buffer = Buffer.alloc(bytes);
  for (let at = 0; at < bytes; at += 65536) randomFillSync(buffer, at, Math.min(65536, bytes - at));
  return buffer;
}

/** Random bytes that the desk takes for a PDF: a header, a page tree with a count, the end marker. */
function pdfLike(bytes, pages) {
  const head = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Pages /Count ${pages} >> endobj\nstream\n`);
  const tail = Buffer.from('\nendstream\n%%EOF\n');
  return Buffer.concat([head, random(bytes - head.length - tail.length), tail]);
}

const NOW = '2021-07-12T01:30:00.000Z';

function attachment(category, name, buffer, type, order, caption) {
  const data = new Blob([buffer], { type });
  return { meta: { id: `${category}-${order}`, draftId: 'bench', category, name, type, size: data.size, order, addedAt: NOW, ...(caption ? { caption } : {}) }, data };
}

/** `count` packages of about `packageMiB` MiB each; resolves with their paths. */
async function makePackages(dir, count, packageMiB) {
  const createPackage = await packageBuilder(dir);
  const fixture = JSON.parse(readFileSync('tests/fixtures/typical-application.json', 'utf8'));
  const paths = [];
  for (let i = 0; i < count; i += 1) {
    const app = structuredClone(fixture);
    app.cover.studioName = `测试${String(i + 1).padStart(2, '0')}号劳模创新工作室`;
    app.cover.unitName = `测试单位${i + 1}`;
    const proofs = ['proof.investment', 'proof.innovations', 'proof.economicBenefit', 'proof.talents', 'proof.honors'];
    const fixed = 2 * 2 * MiB + proofs.length * MiB + 3 * 0.3 * MiB;
    const attachments = [
      attachment('video', 'tour.mp4', random(Math.round(packageMiB * MiB - fixed)), 'video/mp4', 0),
      attachment('photos', 'a.jpg', random(2 * MiB), 'image/jpeg', 0, '外景'),
      attachment('photos', 'b.jpg', random(2 * MiB), 'image/jpeg', 1, '内景'),
      ...proofs.map((category) => attachment(category, 'proof.pdf', pdfLike(MiB, 2), 'application/pdf', 0)),
    ];
    const pdf = (pages) => new Blob([pdfLike(Math.round(0.3 * MiB), pages)], { type: 'application/pdf' });
    const built = await createPackage(app, { pdfs: { form: pdf(6), formA3: pdf(3), materials: pdf(8) }, attachments }, { now: NOW });
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-${built.zipName}`);
    writeFileSync(file, Buffer.from(await built.zip.arrayBuffer()));
    paths.push(file);
  }
  return paths;
}

function timeCommand(command, args, cwd) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr?.toString().trim() || result.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export async function measureDeskVerify(siteUrl, { count = Number(process.env.DESK_BENCH_COUNT || 50), packageMiB = Number(process.env.DESK_BENCH_MIB || 50) } = {}) {
  const tmp = temporaryDir('lmcx-bench-desk-');
  try {
    progress(`  making ${count} packages of ${packageMiB} MiB with createPackage`);
    const paths = await makePackages(tmp.dir, count, packageMiB);
    const names = paths.map((p) => path.basename(p));
    const totalBytes = paths.reduce((sum, p) => sum + statSync(p).size, 0);
    // Both read from the page cache: the files were just written; sha256sum reads them once more first.
    timeCommand('sha256sum', ['-b', ...names], tmp.dir);
    const shaMs = Math.min(timeCommand('sha256sum', ['-b', ...names], tmp.dir), timeCommand('sha256sum', ['-b', ...names], tmp.dir));

    const profile = path.join(tmp.dir, 'profile');
    const { context, page, errors } = await launchProfile(profile);
    try {
      await page.goto(new URL('desk/', siteUrl).href);
      await page.getByLabel('选择材料包（可多选）').waitFor();
      const root = browserPid(profile);
      if (root !== null) await waitForIdle(root);
      const before = root === null ? null : treeMemory(root).pss;
      let peak = before ?? 0;
      const t0 = Date.now();
      await page.getByLabel('选择材料包（可多选）').setInputFiles(paths);
      const rows = page.locator('.desk-table tbody tr');
      const deadline = Date.now() + 30 * 60_000;
      for (;;) {
        if (root !== null) peak = Math.max(peak, treeMemory(root).pss);
        const done = (await rows.count()) === count && (await page.locator('.progress').count()) === 0;
        if (done) break;
        if (Date.now() > deadline) throw new Error(`${await rows.count()} of ${count} rows after 30 minutes`);
        if (errors.length > 0) throw new Error(`page error: ${errors[0]}`);
        await sleep(200);
      }
      const deskMs = Date.now() - t0;
      const verdicts = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict')));
      const passed = verdicts.filter((v) => v === 'passed').length;
      if (passed !== count) throw new Error(`${passed} of ${count} packages passed: ${[...new Set(verdicts)].join(', ')}`);
      const added = before === null ? null : peak - before;
      const gb = (totalBytes / 1024 ** 3).toFixed(2);
      return [
        {
          figure: `审核台核验 ${count} 个材料包（每个 ${packageMiB} MiB，共 ${gb} GiB）`,
          value: `${seconds(deskMs)}，sha256sum ${seconds(shaMs)}，比值 ${(deskMs / shaMs).toFixed(2)}（目标 ≤ 2）`,
          how: '一次选中全部材料包 → 汇总表列出全部且无进度条；sha256sum -b 同一批文件（页面缓存中），取两次较快者',
        },
        {
          figure: `审核台核验时浏览器增加的内存（${count} 个材料包）`,
          value: added === null ? '无法测量（找不到浏览器进程）' : `${(added / MiB).toFixed(0)} MiB（目标 ≤ 512 MiB）`,
          how: '整个浏览器进程树 PSS 峰值减去选文件前，每 200 ms 采样',
        },
      ];
    } finally {
      await context.close();
    }
  } finally {
    tmp.remove();
  }
}
