// After `astro build`: a service worker (Workbox) that precaches the whole site, so that after one visit the
// notice, the form, the drafts, the PDFs, the Word files and the package all work without a network. Font chunks are cached as
// they are first used (the PDF code also keeps them in the Cache API); only the manifest is precached.
import process from 'node:process';
import { generateSW } from 'workbox-build';

const outDir = process.argv[2] ?? 'dist';
const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

const { count, size, warnings } = await generateSW({
  globDirectory: outDir,
  globPatterns: ['**/*.{html,js,css,svg,pdf,docx,json,txt}'],
  // The font chunks (14.5 MB in all) are fetched only when needed; everything else is precached.
  globIgnores: ['fonts/**/*.ttf'],
  swDest: `${outDir}/sw.js`,
  modifyURLPrefix: { '': base },
  directoryIndex: 'index.html',
  // /apply/?d=<draft id> is the same page whatever the draft.
  ignoreURLParametersMatching: [/^d$/],
  navigateFallback: null,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  cleanupOutdatedCaches: true,
  // A new version waits until the page agrees (the update notice's button), so a form being filled is never
  // swapped under the applicant.
  skipWaiting: false,
  clientsClaim: true,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  runtimeCaching: [
    {
      urlPattern: ({ url }) => url.pathname.includes('/fonts/') && url.pathname.endsWith('.ttf'),
      handler: 'CacheFirst',
      options: { cacheName: 'lmcx-font-chunks', expiration: { maxEntries: 200 } },
    },
  ],
  mode: 'production',
});
for (const w of warnings) console.warn(`build-sw: ${w}`);
console.log(`build-sw: ${outDir}/sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KiB (base ${base})`);
