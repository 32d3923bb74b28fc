// Bundles src/compat/polyfills.ts into public/compat/polyfills.js, a classic script for the supported browsers,
// which public/compat/load-polyfills.js loads on the application's pages only where a feature is missing.
// (The workers import src/compat/polyfills.ts themselves.) Output is not committed: it is in .gitignore.
import { build } from 'esbuild';
import { esbuildTargets } from './targets.mjs';

const root = new URL('..', import.meta.url).pathname;
await build({
  absWorkingDir: root,
  entryPoints: ['src/compat/polyfills.ts'],
  outfile: 'public/compat/polyfills.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: esbuildTargets(),
  legalComments: 'eof',
  logLevel: 'warning',
});
