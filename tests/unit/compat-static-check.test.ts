import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { checkDist } from '../compat/static-check.mjs';
const HEAD = '<meta name="renderer" content="webkit"><meta name="force-rendering" content="webkit">';

/** A tiny built site: one page and the given files under _astro/; returns what the check finds, one line each. */
function check(files: Record<string, string>, html = `<!doctype html><html><head>${HEAD}</head><body></body></html>`) {
  const dist = mkdtempSync(join(tmpdir(), 'lmcx-static-'));
  mkdirSync(join(dist, '_astro'));
  writeFileSync(join(dist, 'index.html'), html);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, '_astro', name), text);
  const problems = checkDist(dist, { requireUses: false });
  return { code: problems.length === 0 ? 0 : 1, out: problems.join('\n') };
}

describe('the static compat check over dist/', () => {
  it('passes code within the targets, and guarded or harmless uses', () => {
    const { code, out } = check({
      'ok.js': [
        'export const a = x?.y ?? 1; class K { #p = 1; static s = 2; m() { return this.#p; } }',
        'export function id() { if (crypto.randomUUID) return crypto.randomUUID(); return "x"; }',
        'export const picker = () => typeof window.showSaveFilePicker === "function" && window.showSaveFilePicker();',
        'export const s = "a-b".replaceAll("-", "");',
      ].join('\n'),
      'ok.css': '.a { display: grid; gap: 1rem; } .b { height: 100vh; height: 100dvh; } @supports selector(:has(a)) { .c:has(textarea) { color: red; } }',
    });
    expect(out).toBe('');
    expect(code).toBe(0);
  });

  it.each([
    ['a class static block', 'class A { static { init(); } }', 'class static block'],
    ['a private brand check', 'class A { #x; static is(o) { return #x in o; } }', 'private field brand check'],
    ['top-level await', 'await load();', 'top-level await'],
    ['a look-behind literal', 'export const r = /(?<!副)教授/;', 'RegExp look-behind'],
    ['a look-behind pattern string', 'export const r = new RegExp("(?<=a)b");', 'RegExp look-behind'],
    ['findLast', 'export const l = [1, 2].findLast((x) => x > 1);', 'findLast without polyfill or guard'],
    ['Object.groupBy', 'export const g = Object.groupBy([], (x) => x);', 'groupBy without polyfill or guard'],
    ['crypto.subtle outside a secure context', 'export const d = (b) => crypto.subtle.digest("SHA-256", b);', 'plain http'],
    ['an unguarded randomUUID', 'export const id = () => crypto.randomUUID();', 'randomUUID without polyfill or guard'],
    ['syntax newer than ES2022', 'export const o = { a: 1 }; using r = open();', 'does not parse as ES2022'],
  ])('fails on %s', (_what, js, message) => {
    const { code, out } = check({ 'bad.js': js });
    expect(code).toBe(1);
    expect(out).toContain(message);
  });

  it.each([
    [':has()', '.group > div:has(textarea) { grid-column: 1 / -1; }', 'uses :has('],
    ['nesting', '.a { color: red; & .b { color: blue; } }', 'nested rule'],
    ['@layer', '@layer base { .a { color: red; } }', '@layer'],
    ['dvh without fallback', '.a { height: 100dvh; }', 'without a fallback'],
    ['inset', '.a { inset: 0; }', 'inset'],
  ])('fails on CSS with %s', (_what, css, message) => {
    const { code, out } = check({ 'bad.css': css });
    expect(code).toBe(1);
    expect(out).toContain(message);
  });

  it('fails on a page without the renderer meta, and an application page without the watchdog', () => {
    const { code, out } = check({ 'App.js': 'export default 1;' }, '<html><head></head><body><astro-island component-url="/_astro/App.js"></astro-island></body></html>');
    expect(code).toBe(1);
    expect(out).toContain('lacks <meta name="renderer" content="webkit">');
    expect(out).toContain('lacks the <noscript>, #boot-failed or the boot watchdog');
    expect(out).toContain('does not load compat/load-polyfills.js before its islands');
    expect(out).toContain('compat/polyfills.js is missing');
  });
});
