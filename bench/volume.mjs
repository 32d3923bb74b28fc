// The bound volume (issue 19) for the typical application with 6 photos of 3 MB and 20 proofs (10 PDFs of 1–5
// pages, 10 images): time from the click on 生成申报材料汇编 to its download link, after the other PDFs exist
// (fonts cached), the memory it adds to the browser, and its size against the sum of its parts.
//
// The inputs are real files, since the volume opens every one: PDFs made with pdf-lib, and JPEGs that are the
// test photo padded to size with APP15 segments of random bytes (decoders skip them; the JPEG is embedded as it is,
// so its size counts in full), PNGs the test pattern.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { launchProfile } from './drafts.mjs';
import { clickToLink, installOutputProbe, openFixture, PDFS, showOutput, showView } from './output.mjs';
import { attach, makePdfs, peaks, startSampler, workerHeaps } from './package.mjs';
import { browserPid, waitForIdle } from './proc.mjs';
import { ms, progress, temporaryDir } from './util.mjs';

const MEDIA = new URL('../tests/fixtures/media/', import.meta.url).pathname;
const MiB = 1024 * 1024;
const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
const PROOFS = ['经费投入证明', '技术创新证明', '经济效益证明', '培养人才证明', '荣誉证书'];

/** The test JPEG with APP15 segments of random bytes after SOI, `bytes` long in all (± one segment). */
function paddedJpeg(bytes) {
  const jpeg = readFileSync(path.join(MEDIA, 'outside.jpg'));
  const parts = [jpeg.subarray(0, 2)];
  for (let size = jpeg.length; size < bytes; ) {
    const n = Math.min(65_533, bytes - size);
    parts.push(Buffer.from([0xff, 0xef, (n + 2) >> 8, (n + 2) & 0xff]), randomBytes(n));
    size += n + 4;
  }
  parts.push(jpeg.subarray(2));
  return Buffer.concat(parts);
}

async function proofPdf(label, pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${label} page ${n} of ${pages}`, { x: 72, y: 760, size: 18, font });
    for (let line = 0; line < 40; line += 1) page.drawText(`Line ${line + 1}: amounts, dates and signatures of the proof`, { x: 72, y: 720 - line * 15, size: 10, font, color: rgb(0.2, 0.2, 0.2) });
  }
  return Buffer.from(await doc.save());
}

/** Resolves with the size of the file behind a download link (the page's CSP keeps fetch() off blob: URLs). */
async function downloadSize(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
  return statSync(await download.path()).size;
}

export async function measureVolume(siteUrl) {
  const temp = temporaryDir('lmcx-bench-volume-');
  const profile = path.join(temp.dir, 'profile');
  try {
    const photos = Array.from({ length: 6 }, (_, i) => {
      const file = path.join(temp.dir, `photo-${i + 1}.jpg`);
      writeFileSync(file, paddedJpeg(3 * 1000 * 1000));
      return file;
    });
    const proofs = [];
    for (let i = 0; i < 10; i += 1) {
      const file = path.join(temp.dir, `proof-${i + 1}.pdf`);
      writeFileSync(file, await proofPdf(`Proof ${i + 1}`, (i % 5) + 1));
      proofs.push(file);
    }
    for (let i = 0; i < 10; i += 1) {
      const file = path.join(temp.dir, i % 2 === 0 ? `scan-${i + 1}.jpg` : `scan-${i + 1}.png`);
      writeFileSync(file, i % 2 === 0 ? paddedJpeg(500 * 1000) : readFileSync(path.join(MEDIA, 'inside.png')));
      proofs.push(file);
    }
    const s = await launchProfile(profile);
    let samples = [];
    let sampler = null;
    let result;
    try {
      await s.context.addInitScript(installOutputProbe);
      await openFixture(s.page, siteUrl);
      const root = browserPid(profile);
      if (root === null) throw new Error(`no browser process with --user-data-dir=${profile}`);
      const cdp = await s.context.newCDPSession(s.page);
      await cdp.send('Performance.enable');
      sampler = startSampler({ root, cdp, workers: await workerHeaps(cdp), worker: 'volume.worker' });
      await showView(s.page, 'attachments', '附件材料');
      await attach(s.page, '工作室内外观布局照片', photos, photos.length);
      // Two PDFs and two images per starred item.
      for (const [i, category] of PROOFS.entries()) await attach(s.page, category, [proofs[2 * i], proofs[2 * i + 1], proofs[10 + 2 * i], proofs[11 + 2 * i]], 4);
      await showOutput(s.page);
      await makePdfs(s.page);
      const formBytes = await downloadSize(s.page, `a[download="${PDFS.form.file}"]`);
      const materialsBytes = await downloadSize(s.page, `a[download="${PDFS.materials.file}"]`);
      await waitForIdle(root);
      sampler.setPhase('before');
      await sleep(1000);
      sampler.setPhase('build');
      const t = await clickToLink(s.page, { button: '生成申报材料汇编', selector: 'a[download="00-申报材料汇编.pdf"]', section: 'volume-title', timeout: 300_000 });
      sampler.setPhase('after');
      const volumeBytes = await downloadSize(s.page, 'a[download="00-申报材料汇编.pdf"]');
      if (s.errors.length) throw new Error(`page error: ${s.errors[0]}`);
      const attached = [...photos, ...proofs].reduce((sum, f) => sum + statSync(f).size, 0);
      result = { total: t.frameAt - t.clickAt, shown: t.text, formBytes, materialsBytes, attached, volumeBytes };
    } finally {
      samples = sampler ? await sampler.stop() : [];
      await s.context.close().catch(() => undefined);
    }
    const phase = (p) => samples.filter((x) => x.phase === p);
    const before = phase('before');
    const base = before.length ? Math.min(...before.map((x) => x.pss)) : 0;
    const build = peaks(phase('build'));
    const parts = result.formBytes + result.materialsBytes + result.attached;
    const ratio = result.volumeBytes / parts - 1;
    progress(`  volume: ${ms(result.total)}, +${mib(build.pss - base)} PSS, ${mib(result.volumeBytes)} vs parts ${mib(parts)}`);
    const pages = /(\d+)页/.exec(result.shown)?.[1] ?? '?';
    return [
      {
        figure: '申报材料汇编生成（典型申报 + 6 张 3 MB 照片 + 20 份证明材料）',
        value: `${ms(result.total)}（目标 ≤ 10 s，${result.total <= 10_000 ? '达到' : '未达到'}），${pages} 页`,
        how: '新持久化配置目录；先生成三份PDF（字体已缓存），再从点击“生成申报材料汇编”到下载链接出现后的下一帧；证明材料为 pdf-lib 生成的 10 份 1–5 页PDF和 10 张图片（JPG/PNG）',
      },
      {
        figure: '申报材料汇编峰值内存增加',
        value: `${mib(build.pss - base)}（目标 ≤ 0.5 GiB，${build.pss - base <= 512 * MiB ? '达到' : '未达到'}）；volume worker JS 堆 ${mib(build.workerUsed)} + ArrayBuffer ${mib(build.workerBacking)}`,
        how: `浏览器进程树 PSS 之和，生成期间峰值减生成前最小值，每 200 ms 采样（${build.count} 次）`,
      },
      {
        figure: '申报材料汇编体积与各部分之和',
        value: `${mib(result.volumeBytes)}，各部分之和 ${mib(parts)}（申报表PDF ${mib(result.formBytes)} + 申报材料PDF ${mib(result.materialsBytes)} + 附件 ${mib(result.attached)}），相差 ${(ratio * 100).toFixed(1)} %（目标 10 % 以内，${Math.abs(ratio) <= 0.1 ? '达到' : '未达到'}）`,
        how: '下载所得文件的大小；照片与JPG证明按原字节嵌入，PNG由 pdf-lib 解码后重新压缩',
      },
    ];
  } finally {
    temp.remove();
  }
}
