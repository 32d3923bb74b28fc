// The supported browsers, from the browserslist entry of package.json (one place), in the forms the tools take.
import browserslist from 'browserslist';

const ESBUILD_NAMES = { chrome: 'chrome', firefox: 'firefox', safari: 'safari', ios_saf: 'ios' };

/** The oldest version of each supported browser, e.g. { chrome: 86, firefox: 115, safari: 15.4, ios_saf: 15.4 }. */
export function oldestVersions() {
  const oldest = {};
  for (const entry of browserslist(undefined, { path: new URL('..', import.meta.url).pathname })) {
    const [name, range] = entry.split(' ');
    const version = Number.parseFloat(range.split('-')[0]);
    if (!(name in ESBUILD_NAMES)) throw new Error(`browserslist names ${entry}, which scripts/targets.mjs does not map`);
    if (!(name in oldest) || version < oldest[name]) oldest[name] = version;
  }
  return oldest;
}

/** esbuild's target list, e.g. ['chrome86', 'firefox115', 'safari15.4', 'ios15.4']. */
export function esbuildTargets() {
  return Object.entries(oldestVersions()).map(([name, version]) => `${ESBUILD_NAMES[name]}${version}`);
}
