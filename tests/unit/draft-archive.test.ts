import { BlobReader, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreApplication } from '../../src/core/application/importJson';
import { buildDraftArchive, readDraftFile } from '../../src/core/draft/archive';
import { draftArchiveName } from '../../src/core/draft/archiveName';
import { newDraft } from '../../src/core/draft/restore';
import { applicationJson } from '../../src/core/package/manifest';
import { DraftError, type AttachmentMeta, type Draft, type DraftAttachment } from '../../src/core/draft/types';
import { typicalApplication } from './fixture';

// 01:30 on 12 July in China, still 11 July in UTC.
const NOW = '2021-07-11T17:30:00Z';
const CREATED = '2021-07-01T02:00:00.000Z';
const NAME = '草稿备份-熊建华劳模创新工作室-20210712.zip';
const fixtureText = readFileSync(new URL('../fixtures/typical-application.json', import.meta.url), 'utf8');

function draft(): Draft {
  return { ...newDraft(typicalApplication(), CREATED, 'draft-1'), updatedAt: NOW };
}

function meta(id: string, category: AttachmentMeta['category'], name: string, type: string, size: number, order: number): AttachmentMeta {
  return { id, draftId: 'draft-1', category, name, type, size, order, addedAt: CREATED };
}

/** Every byte value, so no text decoding could pass it through unchanged; 0xff 0xfe is never UTF-8. */
const binary = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7 + 0xff) % 256);
const text = new TextEncoder().encode('合理化建议汇总\n'.repeat(200));

function attachments(): DraftAttachment[] {
  return [
    { meta: { ...meta('att-1', 'photos', '外景 照片.jpg', 'image/jpeg', binary.length, 0), caption: '外景' }, data: new Blob([binary]) },
    { meta: meta('att-2', 'other', '建议汇总.txt', 'text/plain', text.length, 0), data: new Blob([text]) },
    { meta: meta('att-3', 'proof.honors', '证书.pdf', 'application/pdf', 0, 1), data: new Blob([]) },
  ];
}

function counter(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<DraftError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DraftError) return error;
    throw error;
  }
  throw new Error('expected a DraftError');
}

/** A zip's entries by name, unpacked by zip.js (which checks each CRC-32). */
type Entries = Map<string, Uint8Array>;

async function entriesOf(zip: Blob): Promise<Entries> {
  const reader = new ZipReader(new BlobReader(zip), { useWebWorkers: false });
  const files: Entries = new Map();
  for (const entry of await reader.getEntries()) if (!entry.directory) files.set(entry.filename, await entry.getData(new Uint8ArrayWriter(), { checkSignature: true }));
  await reader.close();
  return files;
}

async function builtZip(): Promise<Entries> {
  return entriesOf(await buildDraftArchive(draft(), attachments(), NOW));
}

/** The entries zipped again by zip.js, deflated, as other tools (and jszip before) write them. */
async function rezipped(files: Entries): Promise<Blob> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, level: 6 });
  for (const [name, bytes] of files) await writer.add(name, new Uint8ArrayReader(bytes));
  return new Blob([await writer.close()]);
}

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function manifestOf(zip: Entries): Record<string, unknown> {
  return JSON.parse(decode(zip.get('manifest.json'))) as Record<string, unknown>;
}

/** Local file headers in order (APPNOTE 4.3.7): name (UTF-8 with bit 11, else GBK), compression method, DOS time and date. */
function localHeaders(zip: Uint8Array): { name: string; method: number; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const headers = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const encoding = (view.getUint16(at + 6, true) & 0x0800) !== 0 ? 'utf-8' : 'gbk';
    const name = new TextDecoder(encoding).decode(zip.subarray(at + 30, at + 30 + nameLength));
    headers.push({ name, method: view.getUint16(at + 8, true), time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true) });
    at += 30 + nameLength + extraLength + view.getUint32(at + 18, true);
  }
  return headers;
}

describe('buildDraftArchive', () => {
  it('lays out the manifest, the application and each attachment under its id, every entry stored', async () => {
    const headers = localHeaders(await bytesOf(await buildDraftArchive(draft(), attachments(), NOW)));
    expect(headers.map(({ name, method }) => [name, method])).toEqual([
      ['manifest.json', 0],
      ['application.json', 0],
      ['attachments/att-1/外景 照片.jpg', 0],
      ['attachments/att-2/建议汇总.txt', 0],
      ['attachments/att-3/证书.pdf', 0],
    ]);
  });

  it('dates the entries by the clock in China, as unzip tools on Chinese Windows read them', async () => {
    const [first] = localHeaders(await bytesOf(await buildDraftArchive(draft(), [], NOW)));
    // 2021-07-12 01:30:00: DOS time is h<<11 | m<<5 | s/2, DOS date (y-1980)<<9 | m<<5 | d.
    expect(first).toMatchObject({ time: (1 << 11) | (30 << 5), date: (41 << 9) | (7 << 5) | 12 });
  });

  it('writes a manifest that describes the draft and checksums every attachment', async () => {
    const manifest = manifestOf(await builtZip());
    expect(manifest).toEqual({
      format: 'nanchang-lmcx-draft',
      formatVersion: 1,
      exportedAt: NOW,
      draft: { id: 'draft-1', title: '熊建华劳模创新工作室', formatVersion: 1, createdAt: CREATED, updatedAt: NOW },
      attachments: [
        expect.objectContaining({ id: 'att-1', caption: '外景', path: 'attachments/att-1/外景 照片.jpg', size: 1024 }),
        expect.objectContaining({ id: 'att-2', path: 'attachments/att-2/建议汇总.txt' }),
        // SHA-256 of nothing, a value anyone can check.
        expect.objectContaining({ sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }),
      ],
    });
    expect(manifest['attachments']).toEqual([
      expect.not.objectContaining({ draftId: expect.anything() }),
      expect.not.objectContaining({ caption: expect.anything() }),
      expect.anything(),
    ]);
  });

  it('leaves a recycle bin date out of the file', async () => {
    const manifest = manifestOf(await entriesOf(await buildDraftArchive({ ...draft(), deletedAt: NOW }, [], NOW)));
    expect(manifest['draft']).not.toHaveProperty('deletedAt');
  });

  it('writes an application.json that the plain importer reads', async () => {
    const json = decode((await builtZip()).get('application.json'));
    expect(restoreApplication(JSON.parse(json))).toEqual({ ok: true, data: typicalApplication(), dropped: [] });
  });

  it('keeps attachment names that Windows would refuse out of the paths', async () => {
    const odd = { meta: meta('att-9', 'other', 'CON.txt', 'text/plain', 1, 0), data: new Blob(['x']) };
    const strange = { meta: meta('att-8', 'other', 'a:b*?.', 'text/plain', 1, 1), data: new Blob(['y']) };
    const zip = await entriesOf(await buildDraftArchive(draft(), [odd, strange], NOW));
    expect([...zip.keys()]).toEqual(['manifest.json', 'application.json', 'attachments/att-9/_CON.txt', 'attachments/att-8/ab']);
  });
});

describe('draftArchiveName', () => {
  it('names the file after the studio and the date in China', () => {
    expect(draftArchiveName(draft(), NOW)).toBe(NAME);
  });

  it('removes the characters Windows refuses', () => {
    const named = draft();
    named.data.cover.studioName = ' 熊建华/劳模:创新*工作室? ';
    expect(draftArchiveName(named, NOW)).toBe('草稿备份-熊建华劳模创新工作室-20210712.zip');
  });

  it('uses the title when the studio has no name yet', () => {
    const unnamed = { ...newDraft(typicalApplication(), NOW, 'd'), title: '给老张的草稿' };
    unnamed.data.cover = {};
    expect(draftArchiveName(unnamed, NOW)).toBe('草稿备份-给老张的草稿-20210712.zip');
  });
});

describe('readDraftFile', () => {
  it('gives back the same data and byte-identical attachments under new ids', async () => {
    const file = await buildDraftArchive(draft(), attachments(), NOW);
    const read = await readDraftFile(file, NAME, { now: '2022-01-01T00:00:00Z', newId: counter() });
    expect(read.draft).toEqual({ ...draft(), id: 'new-1' });
    expect(read.attachments.map((a) => a.meta)).toEqual(
      attachments().map((a, i) => ({ ...a.meta, id: `new-${i + 2}`, draftId: 'new-1' })),
    );
    for (const [i, original] of attachments().entries()) {
      const copy = read.attachments[i];
      expect(copy?.data.type).toBe(original.meta.type);
      expect(await bytesOf(copy!.data)).toEqual(await bytesOf(original.data));
    }
  });

  it('gives a new id on every import, so an import never replaces a draft', async () => {
    const file = await buildDraftArchive(draft(), [], NOW);
    const first = await readDraftFile(file, NAME);
    const second = await readDraftFile(file, NAME);
    expect(new Set([draft().id, first.draft.id, second.draft.id]).size).toBe(3);
  });

  it('refuses an archive whose attachment was changed, naming the attachment', async () => {
    const zip = await builtZip();
    const path = 'attachments/att-1/外景 照片.jpg';
    const bytes = zip.get(path)!;
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    const error = await refusal(readDraftFile(await rezipped(zip), NAME));
    expect(error.code).toBe('damaged');
    expect(error.message).toBe(
      `文件“${NAME}”已损坏或不完整（附件“外景 照片.jpg”的内容与记录不符），无法导入。请重新导出或重新复制该文件后再导入。`,
    );
  });

  it('refuses an archive with an attachment missing', async () => {
    const zip = await builtZip();
    zip.delete('attachments/att-2/建议汇总.txt');
    const error = await refusal(readDraftFile(await rezipped(zip), NAME));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('缺少附件“建议汇总.txt”');
  });

  it('refuses an archive without application.json', async () => {
    const zip = await builtZip();
    zip.delete('application.json');
    expect((await refusal(readDraftFile(await rezipped(zip), NAME))).code).toBe('damaged');
  });

  it('refuses a zip that is not a draft, with or without a manifest', async () => {
    const zip = await builtZip();
    zip.set('manifest.json', encode(JSON.stringify({ ...manifestOf(zip), format: 'other' })));
    const error = await refusal(readDraftFile(await rezipped(zip), 'photos.zip'));
    expect(error.code).toBe('not-a-draft');
    expect(error.message).toBe(
      '文件“photos.zip”不是申报草稿，无法导入。请选择从本网站导出的草稿文件（.zip）或申报数据文件（.json）。',
    );
    const plain = new Map([['外景.jpg', binary]]);
    expect((await refusal(readDraftFile(await rezipped(plain), 'photos.zip'))).code).toBe('not-a-draft');
  });

  it('refuses an archive of a newer format before reading the rest', async () => {
    const zip = await builtZip();
    zip.delete('application.json');
    zip.set('manifest.json', encode(JSON.stringify({ ...manifestOf(zip), formatVersion: 2 })));
    const error = await refusal(readDraftFile(await rezipped(zip), NAME));
    expect(error.code).toBe('newer-version');
    expect(error.message).toBe(
      `文件“${NAME}”由更新版本的申报网站生成（格式版本 2），当前页面无法读取。请刷新页面使用最新版本后再导入。`,
    );
  });

  it('refuses forbidden keys in the manifest and in application.json', async () => {
    const inManifest = await builtZip();
    const manifestText = decode(inManifest.get('manifest.json'));
    inManifest.set('manifest.json', encode(manifestText.replace('"exportedAt"', '"__proto__": {"polluted": true}, "exportedAt"')));
    expect((await refusal(readDraftFile(await rezipped(inManifest), NAME))).code).toBe('forbidden-key');

    const inApplication = await builtZip();
    inApplication.set('application.json', encode('{"cover": {"constructor": {"prototype": {}}}}'));
    const error = await refusal(readDraftFile(await rezipped(inApplication), NAME));
    expect(error.code).toBe('forbidden-key');
    expect(error.message).toBe(`文件“${NAME}”中有不允许的字段名“constructor”，已拒绝导入。请使用本网站导出的原始文件。`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses random bytes as not a draft', async () => {
    let seed = 20210712;
    const noise = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect((await refusal(readDraftFile(new Blob([noise]), 'noise.bin'))).code).toBe('not-a-draft');
  });

  it('refuses a truncated archive as damaged', async () => {
    const file = await buildDraftArchive(draft(), attachments(), NOW);
    const error = await refusal(readDraftFile(file.slice(0, file.size - 100), NAME));
    expect(error.code).toBe('damaged');
    expect(error.message).toBe(`文件“${NAME}”已损坏或不完整（压缩包无法打开），无法导入。请重新导出或重新复制该文件后再导入。`);
  });

  it('refuses a file over the limit and says the limit', async () => {
    const file = await buildDraftArchive(draft(), attachments(), NOW);
    const error = await refusal(readDraftFile(file, NAME, { maxBytes: 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(new RegExp(`^文件“${NAME}”太大（\\d+ KB），超过了 1 KB 的上限，无法导入。`));
  });

  it('imports a plain application.json as a new draft titled after the studio', async () => {
    const read = await readDraftFile(new Blob([`\uFEFF${fixtureText}`]), '申报数据.json', { now: NOW, newId: counter() });
    expect(read).toEqual({
      draft: { id: 'new-1', title: '熊建华劳模创新工作室', formatVersion: 1, createdAt: NOW, updatedAt: NOW, data: typicalApplication() },
      attachments: [],
      dropped: [],
      fromPackage: false,
    });
  });

  it('imports a file from a later version, leaving out the fields it does not know and naming them', async () => {
    const later = { ...JSON.parse(fixtureText), reviewNotes: '已核实', cover: { ...JSON.parse(fixtureText).cover, fax: '0791-1234567' } };
    const read = await readDraftFile(new Blob([JSON.stringify(later)]), '新版.json', { now: NOW, newId: counter() });
    expect(read.draft.data).toEqual(typicalApplication());
    expect(read.dropped).toEqual(['“reviewNotes”', '「封面」中的“fax”']);
  });

  it('refuses a package application.json of a newer format version, saying so', async () => {
    const envelope = { format: 'nanchang-lmcx-application', formatVersion: 9, generatedAt: NOW, data: JSON.parse(fixtureText) };
    await expect(readDraftFile(new Blob([JSON.stringify(envelope)]), 'application.json', { now: NOW, newId: counter() })).rejects.toThrow('由更新版本的申报网站生成（格式版本 9）');
  });

  it('imports a stored draft record as a new draft out of the recycle bin', async () => {
    const record = JSON.stringify({ ...draft(), deletedAt: NOW });
    const read = await readDraftFile(new Blob([record]), 'draft.json', { newId: counter() });
    expect(read.draft).toEqual({ ...draft(), id: 'new-1' });
  });

  it('refuses JSON that breaks off as damaged and an empty file as not a draft', async () => {
    expect((await refusal(readDraftFile(new Blob(['{"cover": {']), 'a.json'))).code).toBe('damaged');
    expect((await refusal(readDraftFile(new Blob([]), 'a.json'))).code).toBe('not-a-draft');
    expect((await refusal(readDraftFile(new Blob(['[1, 2]']), 'a.json'))).code).toBe('not-a-draft');
  });

  it('refuses a JSON file over the importer limit of 1 MB', async () => {
    const big = new Blob([`{"remarks": "${'a'.repeat(1024 * 1024)}"}`]);
    expect((await refusal(readDraftFile(big, 'a.json'))).message).toContain('超过了 1 MB 的上限');
  });
});

describe('the application.json of a submission package', () => {
  it('imports as a new draft with the same data', async () => {
    const data = typicalApplication();
    const text = applicationJson(data, '2021-07-12T08:00:00.000Z');
    const { draft } = await readDraftFile(new Blob([text]), 'application.json', { now: '2021-07-12T08:00:00.000Z' });
    expect(draft.data).toEqual(data);
    expect(draft.title).toBe('熊建华劳模创新工作室');
  });
});

describe('reading draft files through Blob slices', () => {
  const MB = 1024 * 1024;

  it('imports a draft file written by jszip before (deflated text), byte for byte', async () => {
    const file = new Blob([readFileSync(new URL('../fixtures/draft-file-jszip-2021.zip', import.meta.url))]);
    const read = await readDraftFile(file, NAME, { newId: counter() });
    // The file predates the 填表联系人 group: it comes in empty.
    expect(read.draft.data).toEqual({ ...typicalApplication(), contact: {} });
    expect(read.attachments.map((a) => [a.meta.name, a.meta.size])).toEqual([
      ['外景 照片.jpg', 1024],
      ['建议汇总.txt', text.length],
    ]);
    expect(await bytesOf(read.attachments[0]!.data)).toEqual(binary);
    expect(await bytesOf(read.attachments[1]!.data)).toEqual(text);
  });

  it('refuses a stored attachment whose bytes no longer match its CRC-32, naming the entry', async () => {
    const zip = await bytesOf(await buildDraftArchive(draft(), attachments(), NOW));
    const at = findBytes(zip, binary.subarray(0, 64));
    zip[at + 100] = (zip[at + 100] ?? 0) ^ 0x01;
    const error = await refusal(readDraftFile(new Blob([zip]), NAME));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('（“attachments/att-1/外景 照片.jpg”的校验值不符）');
  });

  it('refuses two entries of the same name', async () => {
    const { writeZip } = await import('../../src/core/package/zipWriter');
    const twice = await writeZip(
      [
        { path: 'manifest.json', data: new Blob(['{}']), crc32: 0 },
        { path: 'manifest.json', data: new Blob(['{}']), crc32: 0 },
      ],
      new Date(),
    );
    const error = await refusal(readDraftFile(twice, NAME));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('压缩包中有两个同名的“manifest.json”');
  });

  it('refuses an entry that says it is larger than any attachment of its category, before reading it', async () => {
    const zip = await builtZip();
    const photo = new Uint8Array(31 * MB);
    zip.set('attachments/att-1/外景 照片.jpg', photo);
    const manifest = manifestOf(zip) as { attachments: { size: number }[] };
    manifest.attachments[0]!.size = photo.length;
    zip.set('manifest.json', encode(JSON.stringify(manifest)));
    const error = await refusal(readDraftFile(await rezipped(zip), NAME));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      `文件“${NAME}”中的“attachments/att-1/外景 照片.jpg”过大（31 MB，超过 30 MB 的上限），无法导入。请使用本网站导出的原始文件。`,
    );
  });

  it('stops inflating an entry that hides its real size (a zip bomb) at the size it declares, and calls it too large', async () => {
    const zip = await builtZip();
    const path = 'attachments/att-1/外景 照片.jpg';
    zip.set(path, new Uint8Array(40 * MB)); // deflates to ~40 KB
    const bomb = await bytesOf(await rezipped(zip));
    // The central directory header (APPNOTE 4.3.12) now claims 1,024 bytes uncompressed, as the manifest does.
    const view = new DataView(bomb.buffer);
    const name = new TextEncoder().encode(path);
    let patched = 0;
    for (let at = 0; at + 46 < bomb.length; at += 1) {
      if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
      if (!bomb.subarray(at + 46, at + 46 + name.length).every((b, i) => b === name[i])) continue;
      view.setUint32(at + 24, binary.length, true);
      patched += 1;
    }
    expect(patched).toBe(1);
    const error = await refusal(readDraftFile(new Blob([bomb]), NAME));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('“attachments/att-1/外景 照片.jpg”过大（解压后超过记录的 1 KB）');
  });

  it('round-trips a large video byte for byte, the imported one a slice of the file', async () => {
    const video = new Uint8Array(9 * MB + 5);
    for (let i = 0; i < video.length; i += 1) video[i] = (i * 31) & 0xff;
    const withVideo: DraftAttachment[] = [...attachments(), { meta: meta('att-v', 'video', '介绍.mp4', 'video/mp4', video.length, 0), data: new Blob([video]) }];
    const file = await buildDraftArchive(draft(), withVideo, NOW);
    const read = await readDraftFile(file, NAME, { newId: counter() });
    const copy = read.attachments.find((a) => a.meta.category === 'video');
    expect(copy?.data.size).toBe(video.length);
    // Compared as Buffers: toEqual walks 9 MB element by element.
    expect(Buffer.from(await bytesOf(copy!.data)).equals(video)).toBe(true);
  });
});

/** Where `needle` first occurs in `haystack`. */
function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
