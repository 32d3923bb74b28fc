import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The notice as issued (a copy of shared/source/notice-hong-gong-ban-2021-31.txt), split at its attachments.
const source = readFileSync(fileURLToPath(new URL('../fixtures/notice-hong-gong-ban-2021-31.txt', import.meta.url)), 'utf8');

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line.length > 0);
}

const all = source.split('\n');
const start1 = all.findIndex((l) => l.trim() === '附件1');
const start2 = all.findIndex((l) => l.trim() === '附件2');

export const noticeLines = lines(all.slice(0, start1).join('\n'));
export const attachment1Lines = lines(all.slice(start1, start2).join('\n'));
export const attachment2Lines = lines(all.slice(start2).join('\n'));
export const allLines = [...noticeLines, ...attachment1Lines, ...attachment2Lines];
