// What a first visit precaches (the service worker, scripts/build-sw.mjs) that no page ever runs: jsPDF's optional
// modules (html2canvas and DOMPurify for doc.html(), canvg for SVG images), which our PDF renderer never calls.
// Read over HTTP from the served site: the precache list in sw.js, then each listed script's body.
import { kib } from './util.mjs';

/** Text only these libraries carry (their licence banners, canvg's own field names), whatever the chunk's name. */
const NEVER_RUN = [
  { name: 'html2canvas', pattern: /html2canvas \d+\.\d+\.\d+/ },
  { name: 'DOMPurify', pattern: /@license DOMPurify/ },
  { name: 'canvg', pattern: /canvg\.forkString|canvg\.parser\.load/ },
];

async function fetchText(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

export async function measureUnusedPrecache(siteUrl) {
  const sw = await fetchText(new URL('sw.js', siteUrl).href);
  const urls = [...sw.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]);
  if (urls.length === 0) throw new Error('sw.js lists no precached URL');
  const found = [];
  let total = 0;
  for (const url of urls.filter((u) => u.endsWith('.js'))) {
    const body = await fetchText(new URL(url, siteUrl).href);
    const bytes = Buffer.byteLength(body);
    total += bytes;
    const hits = NEVER_RUN.filter((lib) => lib.pattern.test(body)).map((lib) => lib.name);
    // A chunk of our own code that merely names a library (jsPDF's import() of it) is not the library.
    if (hits.length > 0 && !/\bjsPDF\b/.test(body)) found.push({ file: url.split('/').pop(), bytes, hits });
  }
  const unused = found.reduce((s, f) => s + f.bytes, 0);
  return [
    {
      figure: '首次访问预缓存中从不运行的代码（jsPDF 可选模块）',
      value: `（目标 0）${kib(unused)}，${found.length} 个文件${found.length ? `：${found.map((f) => `${f.file}（${f.hits.join('、')}，${kib(f.bytes)}）`).join('；')}` : ''}`,
      how: `sw.js 预缓存 ${urls.length} 项，其中脚本共 ${kib(total)}；逐个读取脚本，按 html2canvas、DOMPurify 的许可证横幅与 canvg 的特有字段识别（含 jsPDF 本身的块除外）`,
    },
  ];
}
