// The Word editions (issue 14) made in the browser from the typical application: time from the click to the
// download link, the first time (the Word worker and the docx library fetched and compiled) and again, and the
// files' sizes. One fresh persistent profile, as for the PDFs.
import { statSync } from 'node:fs';
import { launchProfile } from './drafts.mjs';
import { clickToLink, openFixture, showOutput } from './output.mjs';
import { kib, median, ms, temporaryDir } from './util.mjs';

const WORDS = {
  form: { button: '生成申报表（Word）', file: '01-申报表.docx' },
  materials: { button: '生成申报材料（Word）', file: '02-申报材料.docx' },
};

async function timeWord(page, kind) {
  const { button, file } = WORDS[kind];
  const t = await clickToLink(page, { button, selector: `a[download="${file}"]`, section: 'word-title' });
  // The page's CSP keeps fetch() off blob: URLs, so the size is read from the download itself.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[download="${file}"]`).click()]);
  const bytes = statSync(await download.path()).size;
  return { total: t.frameAt - t.clickAt, bytes };
}

/**
 * 申报表（Word） then 申报材料（Word）: each once in a fresh page (the first click loads the worker), then `runs`
 * more times each. Median and maximum of the repeats; sizes of the downloaded files.
 */
export async function measureWord(siteUrl, { runs = 5 } = {}) {
  const tmp = temporaryDir('lmcx-bench-word-');
  const session = await launchProfile(tmp.dir);
  try {
    await openFixture(session.page, siteUrl);
    await showOutput(session.page);
    const first = await timeWord(session.page, 'form');
    const firstMaterials = await timeWord(session.page, 'materials');
    const again = { form: [], materials: [] };
    for (let i = 0; i < runs; i += 1) for (const kind of ['form', 'materials']) again[kind].push(await timeWord(session.page, kind));
    if (session.errors.length) throw new Error(`page error: ${session.errors[0]}`);
    const line = (kind) => {
      const totals = again[kind].map((r) => r.total);
      return `再次生成中位 ${ms(median(totals))} · 最大 ${ms(Math.max(...totals))}（${runs} 次）`;
    };
    const how = (first) => `同一新配置目录的页面，从点击到新下载链接出现后的下一帧；${first}。体积为下载所得文件`;
    return [
      {
        figure: 'Word 申报表（01-申报表.docx，典型申报数据）',
        value: `${kib(first.bytes)}（${first.bytes.toLocaleString('en-US')} 字节，目标 ≤ 100 KB，${first.bytes <= 100 * 1024 ? '达到' : '未达到'}）；首次 ${ms(first.total)}；${line('form')}`,
        how: how('首次含 Word worker 与 docx 库的下载和编译'),
      },
      {
        figure: 'Word 申报材料（02-申报材料.docx）',
        value: `${kib(firstMaterials.bytes)}（${firstMaterials.bytes.toLocaleString('en-US')} 字节）；首次 ${ms(firstMaterials.total)}；${line('materials')}`,
        how: how('首次时 worker 已由申报表载入'),
      },
    ];
  } finally {
    await session.context.close();
    tmp.remove();
  }
}
