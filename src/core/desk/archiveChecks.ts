// What makes a zip unsafe to open further, decided from its central directory alone, before any entry is read:
// names that would escape the folder they are unpacked into (zip-slip), names twice over, encrypted entries, too
// many entries, and bombs (declared sizes far beyond anything a package holds, or a compression ratio no real
// file reaches). Each finding names the entry, in Chinese, for the reviewer.
import { formatBytes } from '../bytes';
import type { ZipEntryInfo } from '../package/zipReader';

/** A package has a few hundred files at most (30 photos, 50 proofs per kind …). */
export const MAX_ENTRIES = 2000;
/** The notice's video is at most 2 GB and a package is mailed: 8 GB of content is no package. */
export const MAX_TOTAL_BYTES = 8 * 1024 ** 3;
/** DEFLATE reaches about 1:1030 at best; text reaches 1:10, a bomb 1:1000. */
export const MAX_RATIO = 200;
/** Below this, a high ratio harms nobody (a short text of spaces). */
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

const LISTED = 5;

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map((name) => `“${name}”`).join('、');
  return names.length > LISTED ? `${shown}等${names.length}个` : shown;
}

/** A name that would land outside the folder it is unpacked into, on Windows or elsewhere. */
export function isUnsafeName(name: string): boolean {
  const parts = name.split(/[/\\]/);
  return (
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[A-Za-z]:/.test(name) ||
    parts.includes('..') ||
    // NUL and other control characters cut a name short or hide part of it.
    /[\u0000-\u001f]/.test(name)
  );
}

export function checkArchive(items: readonly ZipEntryInfo[]): string[] {
  const findings: string[] = [];
  if (items.length > MAX_ENTRIES) findings.push(`压缩包内有 ${items.length} 个条目，远多于任何申报材料包（上限 ${MAX_ENTRIES} 个），可能是恶意文件。`);
  const unsafe = items.filter((item) => isUnsafeName(item.name)).map((item) => item.name);
  if (unsafe.length > 0) findings.push(`文件名${listNames(unsafe)}会解压到压缩包以外的位置（路径穿越），这是危险的压缩包。`);

  // Windows compares names without case: two names that differ only in case overwrite each other there.
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const item of items) {
    const key = item.name.replace(/\/$/, '').toLowerCase();
    if (seen.has(key)) duplicates.push(item.name);
    else seen.set(key, item.name);
  }
  if (duplicates.length > 0) findings.push(`文件名${listNames(duplicates)}在压缩包中出现了不止一次，解压时会互相覆盖，无法确定哪一个是申报材料。`);

  const encrypted = items.filter((item) => item.encrypted).map((item) => item.name);
  if (encrypted.length > 0) findings.push(`文件${listNames(encrypted)}已加密，无法核对内容。请申报单位发送未加密的材料包。`);

  const total = items.reduce((sum, item) => sum + item.size, 0);
  if (total > MAX_TOTAL_BYTES) findings.push(`压缩包声称解压后有 ${formatBytes(total)}，超过 ${formatBytes(MAX_TOTAL_BYTES)}，可能是“压缩炸弹”。`);
  const bombs = items
    .filter((item) => item.size > RATIO_FLOOR_BYTES && item.size > MAX_RATIO * Math.max(1, item.compressedSize))
    .map((item) => item.name);
  if (bombs.length > 0) findings.push(`文件${listNames(bombs)}的压缩比异常（解压后超过压缩前的 ${MAX_RATIO} 倍），可能是“压缩炸弹”，未解压。`);
  return findings;
}
