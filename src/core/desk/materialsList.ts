// Reading 材料清单.txt back: the files the package says it holds, with their sizes and SHA-256, as
// src/core/package/manifest.ts writes them ("1. path", "   大小：… 字节（…）", "   SHA-256：…"), in two lists:
// the files in the zip and those sent beside it (超大附件). The facts at the top are not needed: application.json
// carries the data.
import type { ListedFile } from '../package/manifest';

export interface ReadMaterialsList {
  files: ListedFile[];
  separate: ListedFile[];
  /** Lines that look like a file entry but could not be read (edited by hand, cut short). */
  unreadable: string[];
}

const ITEM = /^\d+\.\s(.+)$/;
const SIZE = /^\s+大小：([\d,]+)\s*字节/;
const SHA = /^\s+SHA-256：([0-9a-fA-F]{64})\s*$/;
/** The heading before the files sent beside the package. */
const SEPARATE_HEADING = /^另行发送的文件/;

export function readMaterialsList(text: string): ReadMaterialsList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result: ReadMaterialsList = { files: [], separate: [], unreadable: [] };
  let target = result.files;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (SEPARATE_HEADING.test(line)) {
      target = result.separate;
      continue;
    }
    const item = ITEM.exec(line);
    if (item === null) continue;
    const size = SIZE.exec(lines[i + 1] ?? '');
    const sha = SHA.exec(lines[i + 2] ?? '');
    const path = (item[1] ?? '').trim();
    if (size === null || sha === null) {
      result.unreadable.push(path);
      continue;
    }
    target.push({ path, size: Number((size[1] ?? '').replaceAll(',', '')), sha256: (sha[1] ?? '').toLowerCase() });
    i += 2;
  }
  return result;
}
