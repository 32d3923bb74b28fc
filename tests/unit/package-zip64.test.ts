// Zip64 (APPNOTE 4.3.14, 4.3.15, 4.5.3) where a value does not fit, and only there. Node 20's Blobs cannot
// hold 4 GiB (their sizes wrap at 32 bits), so the big entry is a stand-in that has only a size, and the zip's
// parts (zipParts, what writeZip makes its Blob of) are written into a sparse file: header bytes where they
// go, a hole of zeros for the entry's data. The real tools then read a real 4 GiB entry without costing disk.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openZip } from '../../src/core/package/zipReader';
import { writeZip, zipParts } from '../../src/core/package/zipWriter';

const GiB = 1024 ** 3;
const BIG = 4 * GiB + 1000;
const NOW = new Date(Date.UTC(2021, 6, 12, 1, 30));
const work = mkdtempSync(join(tmpdir(), 'package-zip64-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file's data standing in for its Blob: its bytes, or zeros when it has none. */
interface Data {
  size: number;
  bytes?: Uint8Array;
}

/** Writes the parts into `path`: bytes where there are some, holes for the zeros. Returns the file's size. */
function writeSparse(parts: (Uint8Array | Data)[], path: string): number {
  const fd = openSync(path, 'w');
  let at = 0;
  try {
    for (const part of parts) {
      const bytes = part instanceof Uint8Array ? part : part.bytes;
      if (bytes !== undefined) writeSync(fd, bytes, 0, bytes.length, at);
      at += part instanceof Uint8Array ? part.length : part.size;
    }
  } finally {
    closeSync(fd);
  }
  spawnSync('truncate', ['-s', String(at), path]);
  return at;
}

function readAt(path: string, position: number, length: number): DataView {
  const bytes = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, length, position);
  } finally {
    closeSync(fd);
  }
  return new DataView(bytes.buffer, bytes.byteOffset, length);
}

/** CRC-32 of BIG zero bytes, computed once with zlib.crc32 (64 MiB at a time). */
const BIG_ZEROS_CRC = 1069311930;

describe('Zip64', () => {
  it('gives an entry of 4 GiB or more Zip64 sizes and moves the later offsets and the end records to Zip64', { timeout: 60_000 }, async () => {
    const text = Buffer.from('材料清单');
    const parts = await zipParts<Data>(
      [
        { path: '申报材料/' },
        { path: '申报材料/03-视频/01-工作室介绍.mp4', data: { size: BIG }, crc32: BIG_ZEROS_CRC },
        { path: '申报材料/材料清单.txt', data: { size: text.length, bytes: text }, crc32: crc32(text) },
      ],
      NOW,
    );
    const path = join(work, 'big.zip');
    const size = writeSparse(parts, path);

    // 4.3.16 end record → 4.3.15 locator right before it → 4.3.14 Zip64 end record.
    const end = readAt(path, size - 42, 42);
    expect(end.getUint32(20, true)).toBe(0x06054b50);
    expect(end.getUint32(20 + 16, true)).toBe(0xffffffff); // the central directory starts beyond 4 GiB
    expect(end.getUint32(0, true)).toBe(0x07064b50);
    const record = readAt(path, Number(end.getBigUint64(8, true)), 56);
    expect(record.getUint32(0, true)).toBe(0x06064b50);
    expect(Number(record.getBigUint64(32, true))).toBe(3);

    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' };
    // Info-ZIP and 7-Zip list the sizes; Python's zipfile reads names, sizes and the small file beyond 4 GiB.
    // (Testing every CRC of 4 GiB takes a minute on a busy machine: the browser test runs `unzip -t` and
    // `7zz t` on a 4.2 GiB package.)
    const listing = spawnSync('unzip', ['-Zl', path], { env, encoding: 'utf8' });
    expect(listing.stdout).toMatch(new RegExp(`\\b${BIG}\\b.*申报材料/03-视频/01-工作室介绍\\.mp4`));
    const script = [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1], metadata_encoding="cp936")',
      'print([(i.filename, i.file_size) for i in z.infolist()], z.read("申报材料/材料清单.txt").decode())',
    ].join('\n');
    const python = spawnSync('python3', ['-c', script, path], { env, encoding: 'utf8' });
    expect(python.stdout.trim()).toBe(`[('申报材料/', 0), ('申报材料/03-视频/01-工作室介绍.mp4', ${BIG}), ('申报材料/材料清单.txt', ${text.length})] 材料清单`);
    const sevenZip = spawnSync('7zz', ['l', '-slt', path], { encoding: 'utf8' });
    expect(sevenZip.status, sevenZip.stderr).toBe(0);
    expect(sevenZip.stdout).toMatch(new RegExp(`Path = 申报材料/03-视频/01-工作室介绍\\.mp4\\n(?:.*\\n)*?Size = ${BIG}\\n`));
    rmSync(path);
  });

  it('writes no Zip64 record for a zip just under the limits', async () => {
    const zip = await writeZip([{ path: 'a.bin', data: new Blob([new Uint8Array(10)]), crc32: crc32(Buffer.alloc(10)) }], NOW);
    const end = new DataView(await zip.slice(zip.size - 42).arrayBuffer());
    expect(end.getUint32(20, true)).toBe(0x06054b50);
    expect(end.getUint32(0, true)).not.toBe(0x07064b50);
    expect((await openZip(zip)).entries[0]?.zip64).toBe(false);
  });
});
