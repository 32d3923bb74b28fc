import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttachmentCategory, AttachmentMeta } from '../../src/core/draft/types';
import { buildPackage } from '../../src/core/package/buildPackage';
import { createPackage, type CreatedPackage } from '../../src/core/package/createPackage';
import { PackageError } from '../../src/core/package/errors';
import { encodeGbk } from '../../src/core/package/gbk';
import { packageLayout, type PackageAttachment } from '../../src/core/package/layout';
import { typicalApplication } from './fixture';

// 01:30 on 12 July 2021 in China, still 11 July in UTC.
const NOW = '2021-07-11T17:30:00Z';
const ROOT = '南昌经开区工会-熊建华劳模创新工作室-申报材料';

// ---- Reading a zip's raw bytes, written from PKWARE APPNOTE.TXT and independent of src/core/package ----

interface RawHeader {
  /** 4.4.4 general purpose bit flag */
  flags: number;
  /** 4.4.5 */
  method: number;
  /** 4.4.6 */
  dosTime: number;
  dosDate: number;
  /** 4.4.7 */
  crc: number;
  compressedSize: number;
  name: Uint8Array;
  extra: Uint8Array;
}

interface RawEntry {
  central: RawHeader;
  local: RawHeader;
}

/** 4.3.16 end of central directory record → 4.3.12 central directory headers → 4.3.7 local file headers. */
function rawEntries(zip: Uint8Array): RawEntry[] {
  const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22; // no .ZIP file comment
  expect(data.getUint32(end, true)).toBe(0x06054b50);
  const count = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(data.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const central: RawHeader = {
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      dosTime: data.getUint16(at + 12, true),
      dosDate: data.getUint16(at + 14, true),
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      name: zip.subarray(at + 46, at + 46 + nameLength),
      extra: zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
    };
    const offset = data.getUint32(at + 42, true);
    expect(data.getUint32(offset, true)).toBe(0x04034b50);
    const localNameLength = data.getUint16(offset + 26, true);
    const localExtraLength = data.getUint16(offset + 28, true);
    const local: RawHeader = {
      flags: data.getUint16(offset + 6, true),
      method: data.getUint16(offset + 8, true),
      dosTime: data.getUint16(offset + 10, true),
      dosDate: data.getUint16(offset + 12, true),
      crc: data.getUint32(offset + 14, true),
      compressedSize: data.getUint32(offset + 18, true),
      name: zip.subarray(offset + 30, offset + 30 + localNameLength),
      extra: zip.subarray(offset + 30 + localNameLength, offset + 30 + localNameLength + localExtraLength),
    };
    entries.push({ central, local });
    at += 46 + nameLength + extraLength + data.getUint16(at + 32, true);
  }
  return entries;
}

/** 4.5.1: the header IDs of an extra field, in order. */
function extraIds(extra: Uint8Array): number[] {
  const data = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const ids: number[] = [];
  for (let at = 0; at + 4 <= extra.length; at += 4 + data.getUint16(at + 2, true)) ids.push(data.getUint16(at, true));
  return ids;
}

/** 4.6.9 Info-ZIP Unicode Path Extra Field: ID 0x7075, version, CRC-32 of the header's name, UTF-8 name. */
function unicodePath(extra: Uint8Array): { version: number; nameCrc: number; name: string } | undefined {
  const data = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; at += 4 + data.getUint16(at + 2, true)) {
    if (data.getUint16(at, true) !== 0x7075) continue;
    const size = data.getUint16(at + 2, true);
    return {
      version: data.getUint8(at + 4),
      nameCrc: data.getUint32(at + 5, true),
      name: new TextDecoder('utf-8', { fatal: true }).decode(extra.subarray(at + 9, at + 4 + size)),
    };
  }
  return undefined;
}

const gbk = (bytes: Uint8Array) => new TextDecoder('gbk').decode(bytes);
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every entry of `zip` unpacked by zip.js (another implementation, which checks each CRC-32), in order. */
async function unzipped(zip: Blob): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new BlobReader(zip), { useWebWorkers: false });
  const files = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) {
    files.set(entry.filename, entry.directory ? new Uint8Array(0) : await entry.getData(new Uint8ArrayWriter(), { checkSignature: true }));
  }
  await reader.close();
  return files;
}

// ---- A typical application's files ----

/** Bytes that differ per file and that no text decoding passes through unchanged. */
function content(seed: number, length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + seed * 13 + 0xff) % 256);
}

let seed = 0;
function attachment(category: AttachmentCategory, name: string, type: string, order: number, caption?: string): PackageAttachment {
  const bytes = content((seed += 1), 1000 + seed * 37);
  const meta: AttachmentMeta = { id: `att-${seed}`, draftId: 'd', category, name, type, size: bytes.length, order, addedAt: NOW };
  if (caption !== undefined) meta.caption = caption;
  return { meta, data: new Blob([bytes], { type }) };
}

function typicalFiles(): { pdfs: { form: Blob; formA3: Blob; materials: Blob }; attachments: PackageAttachment[] } {
  return {
    pdfs: { form: new Blob([content(101, 5000)]), formA3: new Blob([content(102, 6000)]), materials: new Blob([content(103, 7000)]) },
    attachments: [
      attachment('video', 'VID_20210701.mp4', 'video/mp4', 0, '工作室介绍'),
      attachment('photos', 'IMG_0001.JPG', 'image/jpeg', 0, '外景'),
      attachment('photos', 'IMG_0002.jpg', 'image/jpeg', 1, '内景'),
      attachment('proof.investment', '经费投入明细.pdf', 'application/pdf', 0),
      attachment('proof.innovations', '专利证书.jpg', 'image/jpeg', 0),
      attachment('proof.economicBenefit', '经济效益证明.pdf', 'application/pdf', 0),
      attachment('proof.talents', '晋升文件.pdf', 'application/pdf', 0),
      attachment('proof.honors', '省劳模证书.png', 'image/png', 0),
      attachment('other', '合理化建议汇总.txt', 'text/plain', 0),
    ],
  };
}

const EXPECTED_FILES = [
  '01-申报表.pdf',
  '01-申报表-A3双面打印.pdf',
  '02-申报材料.pdf',
  '03-视频/01-工作室介绍.mp4',
  '04-照片/01-外景.jpg',
  '04-照片/02-内景.jpg',
  '05-证明材料/经费投入/01-经费投入明细.pdf',
  '05-证明材料/技术创新/01-专利证书.jpg',
  '05-证明材料/经济效益/01-经济效益证明.pdf',
  '05-证明材料/培养人才/01-晋升文件.pdf',
  '05-证明材料/荣誉证书/01-省劳模证书.png',
  '06-其他材料/01-合理化建议汇总.txt',
  '材料清单.txt',
  'application.json',
].map((path) => `${ROOT}/${path}`);

const EXPECTED_FOLDERS = ['', '/03-视频', '/04-照片', '/05-证明材料', '/05-证明材料/经费投入', '/05-证明材料/技术创新', '/05-证明材料/经济效益', '/05-证明材料/培养人才', '/05-证明材料/荣誉证书', '/06-其他材料'].map(
  (path) => `${ROOT}${path}/`,
);

async function typicalPackage(): Promise<{ built: CreatedPackage; bytes: Uint8Array }> {
  const built = await createPackage(typicalApplication(), typicalFiles(), { now: NOW });
  return { built, bytes: new Uint8Array(await built.zip.arrayBuffer()) };
}

async function inputBytes(path: string, built: CreatedPackage): Promise<Uint8Array> {
  const entry = built.layout.entries.find((e) => e.path === path);
  if (entry === undefined) throw new Error(`no entry ${path}`);
  return new Uint8Array(await entry.data.arrayBuffer());
}

describe('the package zip, read from its raw bytes', () => {
  it('writes every name GBK can encode as GBK, with bit 11 clear and a 0x7075 field holding the UTF-8 name', async () => {
    const { bytes } = await typicalPackage();
    const entries = rawEntries(bytes);
    expect(entries.map(({ central }) => gbk(central.name)).sort()).toEqual([...EXPECTED_FILES, ...EXPECTED_FOLDERS].sort());
    for (const { central, local } of entries) {
      const intended = gbk(central.name);
      // Both headers: same name bytes, bit 11 (language encoding flag) clear.
      expect(local.name).toEqual(central.name);
      expect(central.flags & 0x0800, intended).toBe(0);
      expect(local.flags & 0x0800, intended).toBe(0);
      expect(central.name).toEqual(encodeGbk(intended));
      // A name that is not ASCII carries the Unicode Path field in both headers, tied to the name by its CRC.
      for (const extra of [central.extra, local.extra]) {
        expect(unicodePath(extra), intended).toEqual({ version: 1, nameCrc: crc32(central.name), name: intended });
      }
    }
  });

  it('falls back to UTF-8 with bit 11 set in both headers for a name GBK cannot encode (𠮷)', async () => {
    const files = typicalFiles();
    files.attachments.push(attachment('photos', 'IMG_0003.jpg', 'image/jpeg', 2, '𠮷'));
    const built = await createPackage(typicalApplication(), files, { now: NOW });
    const entries = rawEntries(new Uint8Array(await built.zip.arrayBuffer()));
    const rare = `${ROOT}/04-照片/03-𠮷.jpg`;
    for (const { central, local } of entries) {
      const isRare = (central.flags & 0x0800) !== 0;
      const name = isRare ? utf8(central.name) : gbk(central.name);
      expect(isRare, name).toBe(name === rare);
      expect(local.flags).toBe(central.flags);
      expect(local.name).toEqual(central.name);
      expect(unicodePath(central.extra)?.name).toBe(name);
      expect(unicodePath(central.extra)?.nameCrc).toBe(crc32(central.name));
    }
    expect(entries.filter(({ central }) => (central.flags & 0x0800) !== 0)).toHaveLength(1);
  });

  it('writes every name as UTF-8 with bit 11 when the studio’s own name is outside GBK', async () => {
    const application = typicalApplication();
    application.cover.studioName = '𠮷建华劳模创新工作室';
    const built = await createPackage(application, typicalFiles(), { now: NOW });
    const entries = rawEntries(new Uint8Array(await built.zip.arrayBuffer()));
    expect(entries.every(({ central, local }) => (central.flags & 0x0800) !== 0 && (local.flags & 0x0800) !== 0)).toBe(true);
    expect(utf8(entries[0]?.central.name ?? new Uint8Array())).toBe('南昌经开区工会-𠮷建华劳模创新工作室-申报材料/');
  });

  it('writes every entry’s DOS date and time as the build time in China', async () => {
    const { bytes } = await typicalPackage();
    // 4.4.6, MS-DOS format: date = (year − 1980) << 9 | month << 5 | day; time = hour << 11 | minute << 5 | second / 2.
    const dosDate = ((2021 - 1980) << 9) | (7 << 5) | 12;
    const dosTime = (1 << 11) | (30 << 5) | 0;
    for (const { central, local } of rawEntries(bytes)) {
      expect([central.dosDate, central.dosTime, local.dosDate, local.dosTime]).toEqual([dosDate, dosTime, dosDate, dosTime]);
    }
  });

  it('stores every entry, with the CRC and sizes in the local header, no data descriptor and no Zip64 record', async () => {
    const { bytes } = await typicalPackage();
    const entries = rawEntries(bytes);
    expect(entries).toHaveLength(EXPECTED_FILES.length + EXPECTED_FOLDERS.length);
    for (const { central, local } of entries) {
      expect([central.method, local.method], gbk(central.name)).toEqual([0, 0]);
      expect(central.flags & 0x0008).toBe(0);
      expect([local.crc, local.compressedSize]).toEqual([central.crc, central.compressedSize]);
      expect(extraIds(central.extra)).not.toContain(0x0001);
    }
    // 4.3.15: no Zip64 end of central directory locator before the end record.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(bytes.length - 22 - 20, true)).not.toBe(0x07064b50);
  });
});

describe('the package, unpacked', () => {
  it('unzips with zip.js into exactly the intended layout, every file with its own bytes', async () => {
    const { built } = await typicalPackage();
    const zip = await unzipped(built.zip);
    const names = [...zip.keys()];
    expect(names.filter((n) => n.endsWith('/')).sort()).toEqual([...EXPECTED_FOLDERS].sort());
    expect(names.filter((n) => !n.endsWith('/'))).toEqual(EXPECTED_FILES);
    for (const path of EXPECTED_FILES.slice(0, -2)) {
      expect(zip.get(path), path).toEqual(await inputBytes(path, built));
    }
    expect(built.zipName).toBe('申报材料包-南昌经开区工会-熊建华劳模创新工作室.zip');
  });

  it('lists every file in 材料清单.txt with a SHA-256 that matches its unpacked bytes', async () => {
    const { built } = await typicalPackage();
    const zip = await unzipped(built.zip);
    const list = zip.get(`${ROOT}/材料清单.txt`) ?? new Uint8Array();
    expect(Array.from(list.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(list);
    const listed = [...text.matchAll(/^\d+\. (.+)\r\n {3}大小：([\d,]+) 字节.*\r\n {3}SHA-256：([0-9a-f]{64})$/gmu)].map((m) => ({ path: m[1] ?? '', size: Number((m[2] ?? '').replaceAll(',', '')), hash: m[3] ?? '' }));
    expect(listed.map(({ path }) => `${ROOT}/${path}`)).toEqual(EXPECTED_FILES.filter((path) => !path.endsWith('材料清单.txt')));
    for (const { path, size, hash } of listed) {
      const unpacked = zip.get(`${ROOT}/${path}`) ?? new Uint8Array();
      expect(unpacked.length, path).toBe(size);
      expect(sha256(unpacked), path).toBe(hash);
    }
    expect(text).toContain('工作室名称：熊建华劳模创新工作室');
    expect(text).toContain('生成时间：2021年7月12日 01:30（北京时间）');
  });

  it('leaves the video out and lists it apart, with its SHA-256, when it is sent on its own', async () => {
    const files = typicalFiles();
    const built = await createPackage(typicalApplication(), files, { now: NOW, video: 'separate' });
    const zip = await unzipped(built.zip);
    expect([...zip.keys()].some((name) => name.includes('03-视频'))).toBe(false);
    const video = files.attachments[0]?.data ?? new Blob();
    expect(built.separate.map(({ name, sha256: hash }) => [name, hash])).toEqual([
      ['南昌经开区工会-熊建华劳模创新工作室-工作室介绍视频.mp4', sha256(new Uint8Array(await video.arrayBuffer()))],
    ]);
    const text = new TextDecoder().decode(zip.get(`${ROOT}/材料清单.txt`));
    expect(text).toContain('另行发送的文件（超大附件，不在压缩包内）：\r\n\r\n1. 南昌经开区工会-熊建华劳模创新工作室-工作室介绍视频.mp4');
  });
});

describe('the package in real archivers (each runs only where it is installed)', () => {
  const has = (command: string, ...args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).error === undefined;
  const sevenZip = ['7zz', '7z'].find((command) => has(command, 'i'));
  const work = mkdtempSync(join(tmpdir(), 'package-zip-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  async function writeTypical(name: string): Promise<{ path: string; built: CreatedPackage }> {
    const { built, bytes } = await typicalPackage();
    const path = join(work, name);
    writeFileSync(path, bytes);
    return { path, built };
  }

  /** Every file under `dir`, as "/"-separated paths, with the SHA-256 of its bytes. */
  function tree(dir: string, prefix = ''): Map<string, string> {
    const found = new Map<string, string>();
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) for (const [path, hash] of tree(full, `${prefix}${name}/`)) found.set(path, hash);
      else found.set(`${prefix}${name}`, sha256(readFileSync(full)));
    }
    return found;
  }

  async function expectIntendedTree(dir: string, built: CreatedPackage): Promise<void> {
    const unpacked = tree(dir);
    expect([...unpacked.keys()].sort()).toEqual([...EXPECTED_FILES].sort());
    for (const entry of built.layout.entries) expect(unpacked.get(entry.path), entry.path).toBe(sha256(new Uint8Array(await entry.data.arrayBuffer())));
  }

  it.skipIf(!has('unzip', '-v'))('Info-ZIP unzip tests it, lists the intended names and unpacks the intended tree', async () => {
    const { path, built } = await writeTypical('unzip.zip');
    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
    const test = spawnSync('unzip', ['-t', path], { env, encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    const listed = spawnSync('unzip', ['-Z1', path], { env, encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listed.sort()).toEqual([...EXPECTED_FILES, ...EXPECTED_FOLDERS].sort());
    const out = join(work, 'unzip-out');
    expect(spawnSync('unzip', ['-q', path, '-d', out], { env }).status).toBe(0);
    await expectIntendedTree(out, built);
  });

  it.skipIf(sevenZip === undefined)('7-Zip lists the intended names and unpacks the intended tree', async () => {
    const command = sevenZip ?? '7zz';
    const { path, built } = await writeTypical('7z.zip');
    const listing = spawnSync(command, ['l', '-slt', '-ba', path], { encoding: 'utf8' }).stdout;
    const listed = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1] ?? '');
    expect(listed.sort()).toEqual([...EXPECTED_FILES, ...EXPECTED_FOLDERS.map((f) => f.slice(0, -1))].sort());
    const out = join(work, '7z-out');
    expect(spawnSync(command, ['x', '-y', `-o${out}`, path], { stdio: 'ignore' }).status).toBe(0);
    await expectIntendedTree(out, built);
  });

  it.skipIf(!has('python3', '-c', 'import sys; sys.exit(sys.version_info < (3, 11))'))(
    'a reader that knows only bit 11 and code page 936, like Explorer on Chinese Windows, reads the intended names',
    async () => {
      const files = typicalFiles();
      files.attachments.push(attachment('photos', 'IMG_0003.jpg', 'image/jpeg', 2, '𠮷'));
      const built = await createPackage(typicalApplication(), files, { now: NOW });
      const path = join(work, 'cp936.zip');
      writeFileSync(path, new Uint8Array(await built.zip.arrayBuffer()));
      // Python's zipfile ignores 0x7075: names with bit 11 are UTF-8, the others are decoded as metadata_encoding.
      const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1], metadata_encoding="cp936").namelist()))';
      const result = spawnSync('python3', ['-c', script, path], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n')).toContain(`${ROOT}/04-照片/01-外景.jpg`);
      expect(result.stdout.trim().split('\n')).toContain(`${ROOT}/04-照片/03-𠮷.jpg`);
      expect(result.stdout.trim().split('\n').sort()).toEqual([...EXPECTED_FILES, ...EXPECTED_FOLDERS, `${ROOT}/04-照片/03-𠮷.jpg`].sort());
    },
  );
});

describe('building, cancelled and refused', () => {
  it('rejects with a PackageError whose code is cancelled when the signal aborts mid-build', async () => {
    const controller = new AbortController();
    const layout = packageLayout({ studioName: '熊建华劳模创新工作室', recommender: '南昌经开区工会', ...typicalFiles() });
    const building = buildPackage(layout, { now: NOW, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(building).rejects.toBeInstanceOf(PackageError);
    await expect(building).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('rejects at once when the signal has already aborted, and while hashing', async () => {
    const aborted = AbortSignal.abort();
    const layout = packageLayout({ studioName: 'x', recommender: 'y', ...typicalFiles() });
    await expect(buildPackage(layout, { now: NOW, signal: aborted })).rejects.toMatchObject({ name: 'PackageError', code: 'cancelled' });
    const controller = new AbortController();
    const creating = createPackage(typicalApplication(), typicalFiles(), {
      now: NOW,
      signal: controller.signal,
      onProgress: ({ phase }) => {
        if (phase === 'hash') controller.abort();
      },
    });
    await expect(creating).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('reports progress from 0 to 1 and reads one file at a time, in the package’s order', async () => {
    const log: string[] = [];
    class LoggedBlob extends Blob {
      constructor(
        parts: BlobPart[],
        readonly label: string,
      ) {
        super(parts);
      }
      override slice(start = 0, end = this.size): Blob {
        if (start === 0) log.push(`read ${this.label}`);
        if (end >= this.size) log.push(`done ${this.label}`);
        return super.slice(start, end);
      }
    }
    const entries = ['a', 'b', 'c', 'd'].map((label, i) => ({ path: `根/${label}.bin`, data: new LoggedBlob([new Uint8Array(9_000_000 + i).fill(i)], label) }));
    const fractions: number[] = [];
    await buildPackage({ folders: ['根'], entries }, { now: NOW, onProgress: (fraction) => fractions.push(fraction) });
    expect(log).toEqual(['read a', 'done a', 'read b', 'done b', 'read c', 'done c', 'read d', 'done d']);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.at(-1)).toBe(1);
  });
});
