// Weight of the static notice pages, measured over HTTP without a browser.
import { gzipSize, kib } from './util.mjs';

async function fetchBody(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

function attribute(tag, name) {
  const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * Bytes a reader downloads to read a notice page: its HTML plus every stylesheet it links, raw and
 * gzip -9, and the number of <script> elements. The notice pages are meant to work with no JavaScript
 * at all (README: "no JS on the notice pages"), so the script count should stay 0, and their weight
 * is what a district union's slow office line has to fetch before the notice is readable.
 */
export async function measurePageWeight(siteUrl, path, label) {
  const pageUrl = new URL(path, siteUrl);
  const html = await fetchBody(pageUrl);
  const text = html.toString('utf8');
  const stylesheets = [...text.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet'))
    .map((tag) => attribute(tag, 'href'))
    .filter(Boolean)
    .map((href) => new URL(href, pageUrl));
  const files = [{ name: 'HTML', raw: html.length, gzip: gzipSize(html) }];
  for (const url of stylesheets) {
    const body = await fetchBody(url);
    files.push({ name: url.pathname.split('/').pop(), raw: body.length, gzip: gzipSize(body) });
  }
  const raw = files.reduce((sum, f) => sum + f.raw, 0);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const scripts = (text.match(/<script\b/gi) ?? []).length;
  return [
    {
      figure: `${label} \`${pageUrl.pathname}\` 体积（HTML + CSS）`,
      value: `${kib(gzip)} gzip · ${kib(raw)} 原始 · <script> ${scripts} 个`,
      how:
        `${files.map((f) => `${f.name} ${kib(f.gzip)}/${kib(f.raw)}`).join('，')}（gzip/原始）。` +
        `fetch 取 HTML 与其 <link rel=stylesheet>，node:zlib 级别 9 压缩；<script> 按 HTML 中的元素计数（应为 0）`,
    },
  ];
}
