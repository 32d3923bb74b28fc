// Zip64 (APPNOTE 4.3.14, 4.3.15, 4.5.3) where a value does not fit, and only there. The big entry is a sparse
// file (`truncate -s`) opened as a file-backed Blob: nothing of it is in memory, and the zip is written out as
// a sparse file too (runs of zeros are skipped, not written), so the test costs no disk.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openZip } from '../../src/core/package/zipReader';
import { writeZip } from '../../src/core/package/zipWriter';

const GiB = 1024 ** 3;
const BIG = 4 * GiB + 1000;
const NOW = new Date(Date.UTC(2021, 6, 12, 1, 30));
const work = mkdtempSync(join(tmpdir(), 'package-zip64-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes `blob` to `path`, leaving holes where 8 MiB slices are all zeros (the sparse input stays sparse). */
async function writeSparse(blob: Blob, path: string): Promise<void> {
  const SLICE = 8 * 1024 * 1024;
  const zeros = Buffer.alloc(SLICE);
  const fd = openSync(path, 'w');
  try {
    for (let at = 0; at < blob.size; at += SLICE) {
      const chunk = Buffer.from(await blob.slice(at, at + SLICE).arrayBuffer());
      if (chunk.length === SLICE && chunk.equals(zeros)) continue;
      writeSync(fd, chunk, 0, chunk.length, at);
    }
  } finally {
    closeSync(fd);
  }
  spawnSync('truncate', ['-s', String(blob.size), path]);
}

/** CRC-32 of `size` zero bytes. */
function zerosCrc(size: number): number {
  const block = Buffer.alloc(64 * 1024 * 1024);
  let crc = 0;
  for (let left = size; left > 0; left -= block.length) crc = crc32(block.subarray(0, Math.min(left, block.length)), crc);
  return crc;
}

async function tail(blob: Blob, bytes: number): Promise<DataView> {
  return new DataView(await blob.slice(blob.size - bytes).arrayBuffer());
}

describe('Zip64', () => {
  it('gives an entry of 4 GiB or more Zip64 sizes and moves the later offsets and the end records to Zip64', { timeout: 120_000 }, async () => {
    const input = join(work, 'video.mp4');
    spawnSync('truncate', ['-s', String(BIG), input]);
    const big = await openAsBlob(input);
    const small = new Blob(['材料清单']);
    const zip = await writeZip(
      [
        { path: '申报材料/' },
        { path: '申报材料/03-视频/01-工作室介绍.mp4', data: big, crc32: zerosCrc(BIG) },
        { path: '申报材料/材料清单.txt', data: small, crc32: crc32(Buffer.from('材料清单')) },
      ],
      NOW,
    );
    // 4.3.16 end record → 4.3.15 locator right before it → 4.3.14 Zip64 end record.
    const end = await tail(zip, 22 + 20);
    expect(end.getUint32(20, true)).toBe(0x06054b50);
    expect(end.getUint32(20 + 16, true)).toBe(0xffffffff); // the central directory is beyond 4 GiB
    expect(end.getUint32(0, true)).toBe(0x07064b50);
    const recordAt = Number(end.getBigUint64(8, true));
    const record = new DataView(await zip.slice(recordAt, recordAt + 56).arrayBuffer());
    expect(record.getUint32(0, true)).toBe(0x06064b50);
    expect(Number(record.getBigUint64(32, true))).toBe(3);

    // zip.js (the reader) finds the sizes in the Zip64 fields.
    const archive = await openZip(zip);
    expect(archive.entries.map(({ name, size, zip64 }) => [name, size, zip64])).toEqual([
      ['申报材料/', 0, false],
      ['申报材料/03-视频/01-工作室介绍.mp4', BIG, true],
      ['申报材料/材料清单.txt', small.size, true],
    ]);
    expect(await archive.text(archive.entries[2]!, 100)).toBe('材料清单');

    const path = join(work, 'big.zip');
    await writeSparse(zip, path);
    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' };
    // Info-ZIP lists it; 7-Zip checks every CRC (the 4 GiB of zeros too); Python's zipfile reads names and sizes.
    const unzip = spawnSync('unzip', ['-Zl', path], { env, encoding: 'utf8' });
    expect(unzip.status, unzip.stderr).toBe(0);
    expect(unzip.stdout).toMatch(new RegExp(`\\b${BIG}\\b.*申报材料/03-视频/01-工作室介绍\\.mp4`));
    const sevenZip = spawnSync('7zz', ['t', path], { encoding: 'utf8' });
    expect(sevenZip.stdout + sevenZip.stderr).toContain('Everything is Ok');
    const script = 'import sys, zipfile; print([(i.filename, i.file_size) for i in zipfile.ZipFile(sys.argv[1], metadata_encoding="cp936").infolist()])';
    const python = spawnSync('python3', ['-c', script, path], { env, encoding: 'utf8' });
    expect(python.stdout.trim()).toBe(`[('申报材料/', 0), ('申报材料/03-视频/01-工作室介绍.mp4', ${BIG}), ('申报材料/材料清单.txt', ${small.size})]`);
    rmSync(path);
  });

  it('writes no Zip64 record for a zip just under the limits', async () => {
    const zip = await writeZip([{ path: 'a.bin', data: new Blob([new Uint8Array(10)]), crc32: crc32(Buffer.alloc(10)) }], NOW);
    const end = await tail(zip, 22 + 20);
    expect(end.getUint32(0, true)).not.toBe(0x07064b50);
    expect((await openZip(zip)).entries[0]?.zip64).toBe(false);
  });
});
