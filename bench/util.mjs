// Small helpers shared by the benchmark: sizes, statistics, formatting of table cells.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';

/** Size after gzip -9, the best a static host can serve; budgets are stated against it. */
export function gzipSize(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

export function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function ms(value) {
  return `${value.toFixed(1)} ms`;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; NaN for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The first line of an error, without terminal colours, short enough for a table cell. */
export function reason(error) {
  const text = String(error?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '');
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? 'unknown error';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** One Markdown table cell: pipes escaped, line breaks turned into <br>. */
function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Rows are { figure, value, how }; the header is the one the project asked for. */
export function markdownTable(rows) {
  const lines = ['| 指标 | 数值 | 说明 |', '| --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.how)} |`);
  return lines.join('\n');
}

export function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

const temporary = new Set();

/**
 * A new directory under the system's temporary folder, removed by `remove()` or, if the run is cut short
 * (Ctrl-C ends the bench with process.exit), when the process exits: the package measurements put gigabytes there.
 */
export function temporaryDir(prefix) {
  if (temporary.size === 0 && !temporaryDir.hooked) {
    temporaryDir.hooked = true;
    process.on('exit', () => {
      for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.add(dir);
  return {
    dir,
    remove() {
      rmSync(dir, { recursive: true, force: true });
      temporary.delete(dir);
    },
  };
}
