// After a visit to the workspace, the font chunks a first PDF needs are fetched once per page, when the page is
// idle: the chunk of common characters, and the chunks of the draft's own characters (rare ones in names, say),
// so that a first PDF made offline works. Nothing is said about it: it only has to work.
import { planFonts } from '../../core/pdf/fonts/coverage';
import type { DocumentText } from '../../core/pdf/fonts';
import { bundledFontBase, FONT_CACHE_NAME, loadFontChunks, loadManifest } from './bundled';

async function notCached(base: string, files: readonly string[]): Promise<string[]> {
  const folder = new URL(base.replace(/\/?$/, '/'), location.href);
  // The Cache API exists only in secure contexts: over plain http there is no cache to fill.
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(FONT_CACHE_NAME);
  const missing: string[] = [];
  for (const file of files) if ((await cache.match(new URL(file, folder).href)) === undefined) missing.push(file);
  return missing;
}

async function prefetch(texts: () => Promise<readonly DocumentText[]>): Promise<void> {
  const base = bundledFontBase();
  const manifest = await loadManifest(base, { manifest: 'cache-first' });
  const common = manifest.chunks.find((c) => c.tier === 'common') ?? manifest.chunks[0];
  const wanted = new Set(planFonts(await texts(), manifest).chunks);
  if (common) wanted.add(common.file);
  const missing = await notCached(base, [...wanted]);
  // Verified and put into the Cache API by the loader, exactly as a PDF would load them.
  if (missing.length > 0) await loadFontChunks(base, missing);
}

let started = false;

/**
 * Schedules the prefetch once per page; failures are silent (the PDF fetches what it needs itself). `texts` is
 * asked for only then, so the code that finds them loads after the page is usable, not with it.
 */
export function prefetchFontChunks(texts: () => Promise<readonly DocumentText[]>): void {
  if (started || typeof window === 'undefined' || !('caches' in window)) return;
  started = true;
  const run = () => void prefetch(texts).catch(() => undefined);
  // Not at once: a page left right away (an import opens another draft) would fetch for nothing.
  setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(run, { timeout: 10_000 }) : run()), 5000);
}
