// A zip of stored (uncompressed) entries, written from PKWARE's APPNOTE.TXT 6.3.10, used by both the
// submission package and the draft file. Videos, photos and PDFs are compressed already: DEFLATE would cost
// time and gain nothing, and the text files are a few KB.
//
// Every entry's CRC-32 and size are known before the zip is written (digest.ts reads each file once for its
// CRC-32 and SHA-256), so they go straight into the local file header: no data descriptor (4.3.9, bit 3).
// That matters: Info-ZIP unzip 6.0 as Debian and Ubuntu ship it refuses an entry that has a data descriptor,
// a name that is not UTF-8 (our GBK names) and a 0x7075 field ("invalid zip file with overlapped components").
//
// The zip is a Blob made of small header buffers and the original Blobs: no file is ever copied into memory.
// Browsers keep a Blob's data outside the JavaScript heap (Chromium on disk beyond its memory quota), and a
// Blob made of Blobs only refers to them.
//
// Zip64 (4.3.14, 4.3.15, 4.5.3) only where a value does not fit: an entry of 4 GiB or more, a local header
// beyond 4 GiB, more than 65,534 entries or a central directory beyond 4 GiB. An ordinary package has no
// Zip64 record at all, so old tools (Windows 7 Explorer among them) read it as before.
import { crc32OfBytes } from './digest';
import { encodeEntryName, LANGUAGE_ENCODING_FLAG, UNICODE_PATH_EXTRA_FIELD } from './zipNames';

/** 4.3.7 local file header signature */
const LOCAL_FILE_HEADER = 0x04034b50;
/** 4.3.12 central file header signature */
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
/** 4.3.14 zip64 end of central directory record signature */
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
/** 4.3.15 zip64 end of central directory locator signature */
const ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR = 0x07064b50;
/** 4.3.16 end of central directory signature */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 4.5.2 Zip64 extended information extra field */
const ZIP64_EXTRA_FIELD = 0x0001;

/** 4.4.3: 2.0 (folders, the lowest most tools write) and 4.5 (Zip64). */
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
/** 4.4.2: upper byte 0, MS-DOS (attributes are DOS attributes); lower byte, the spec version 2.0. */
const VERSION_MADE_BY = 20;
/** MS-DOS directory attribute, in the external file attributes (4.4.15). */
const DOS_DIRECTORY = 0x10;
/** A 32-bit field holding this means "see the Zip64 extra field" (4.4.1.4); 16-bit fields likewise 0xFFFF. */
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;

export interface ZipFile<Data extends { size: number } = Blob> {
  /** "/"-separated; a folder ends with "/" and has no data. */
  path: string;
  data?: Data;
  /** The CRC-32 of `data` (0 for a folder). */
  crc32?: number;
}

/** 4.4.6 MS-DOS date and time of a wall clock given by `date`'s UTC fields (see draft/chinaTime.ts). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Little-endian fields appended one after another. */
class Fields {
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly view: DataView;
  private at = 0;

  constructor(length: number) {
    this.bytes = new Uint8Array(length);
    this.view = new DataView(this.bytes.buffer);
  }

  u16(value: number): this {
    this.view.setUint16(this.at, value, true);
    this.at += 2;
    return this;
  }

  u32(value: number): this {
    this.view.setUint32(this.at, value >>> 0, true);
    this.at += 4;
    return this;
  }

  u64(value: number): this {
    this.view.setBigUint64(this.at, BigInt(value), true);
    this.at += 8;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  done(): Uint8Array<ArrayBuffer> {
    if (this.at !== this.bytes.length) throw new Error(`zip record of ${this.bytes.length} bytes filled to ${this.at}`);
    return this.bytes;
  }
}

/** 4.5.2: the 64-bit values whose 32-bit fields hold 0xFFFFFFFF, in the spec's order. */
function zip64Field(values: number[]): Uint8Array {
  if (values.length === 0) return new Uint8Array(0);
  const field = new Fields(4 + 8 * values.length).u16(ZIP64_EXTRA_FIELD).u16(8 * values.length);
  for (const value of values) field.u64(value);
  return field.done();
}

/** 4.6.9: version 1, the CRC-32 of the header's name bytes, the UTF-8 name. Only for names that are not ASCII. */
async function unicodePathField(path: string, nameBytes: Uint8Array): Promise<Uint8Array> {
  const utf8 = new TextEncoder().encode(path);
  if (utf8.every((byte) => byte < 0x80)) return new Uint8Array(0);
  return new Fields(4 + 5 + utf8.length).u16(UNICODE_PATH_EXTRA_FIELD).u16(5 + utf8.length).raw(Uint8Array.of(1)).u32(await crc32OfBytes(nameBytes)).raw(utf8).done();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

/**
 * The zip of `files`, in their order, every one stored and dated `modified` (a wall clock in UTC fields).
 * The result refers to the files' Blobs; nothing of them is read here.
 */
export async function writeZip(files: readonly ZipFile[], modified: Date): Promise<Blob> {
  return new Blob(await zipParts(files, modified), { type: 'application/zip' });
}

/** The zip as its parts, in order: header bytes and each file's own data. */
export async function zipParts<Data extends { size: number }>(files: readonly ZipFile<Data>[], modified: Date): Promise<(Uint8Array<ArrayBuffer> | Data)[]> {
  const { time, date } = dosDateTime(modified);
  const parts: (Uint8Array<ArrayBuffer> | Data)[] = [];
  const central: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (const file of files) {
    const directory = file.path.endsWith('/');
    if (directory && file.data !== undefined && file.data.size > 0) throw new Error(`folder ${file.path} with data`);
    const size = file.data?.size ?? 0;
    const crc = file.crc32 ?? 0;
    const name = encodeEntryName(file.path);
    const flags = name.utf8 ? LANGUAGE_ENCODING_FLAG : 0;
    const unicodePath = await unicodePathField(file.path, name.bytes);

    // 4.5.3: the local header's Zip64 field holds both sizes, whenever either does not fit.
    const bigSize = size >= MAX_32;
    const localExtra = concat([bigSize ? zip64Field([size, size]) : new Uint8Array(0), unicodePath]);
    const local = new Fields(30 + name.bytes.length + localExtra.length)
      .u32(LOCAL_FILE_HEADER)
      .u16(bigSize ? VERSION_ZIP64 : VERSION_DEFAULT)
      .u16(flags)
      .u16(0) // 4.4.5 compression method: stored
      .u16(time)
      .u16(date)
      .u32(crc)
      .u32(bigSize ? MAX_32 : size)
      .u32(bigSize ? MAX_32 : size)
      .u16(name.bytes.length)
      .u16(localExtra.length)
      .raw(name.bytes)
      .raw(localExtra)
      .done();

    // 4.5.3: the central header's Zip64 field holds only the values whose own fields hold 0xFFFFFFFF.
    const bigOffset = offset >= MAX_32;
    const centralExtra = concat([zip64Field([...(bigSize ? [size, size] : []), ...(bigOffset ? [offset] : [])]), unicodePath]);
    central.push(
      new Fields(46 + name.bytes.length + centralExtra.length)
        .u32(CENTRAL_DIRECTORY_HEADER)
        .u16(VERSION_MADE_BY)
        .u16(bigSize || bigOffset ? VERSION_ZIP64 : VERSION_DEFAULT)
        .u16(flags)
        .u16(0)
        .u16(time)
        .u16(date)
        .u32(crc)
        .u32(bigSize ? MAX_32 : size)
        .u32(bigSize ? MAX_32 : size)
        .u16(name.bytes.length)
        .u16(centralExtra.length)
        .u16(0) // file comment length
        .u16(0) // disk number start
        .u16(0) // internal file attributes
        .u32(directory ? DOS_DIRECTORY : 0)
        .u32(bigOffset ? MAX_32 : offset)
        .raw(name.bytes)
        .raw(centralExtra)
        .done(),
    );
    parts.push(local);
    if (file.data !== undefined && size > 0) parts.push(file.data);
    offset += local.length + size;
  }

  const directoryOffset = offset;
  const directorySize = central.reduce((sum, header) => sum + header.length, 0);
  parts.push(...central);
  const count = files.length;
  const zip64 = count >= MAX_16 || directorySize >= MAX_32 || directoryOffset >= MAX_32;
  if (zip64) {
    const recordOffset = directoryOffset + directorySize;
    parts.push(
      new Fields(56)
        .u32(ZIP64_END_OF_CENTRAL_DIRECTORY)
        .u64(44) // size of the rest of this record
        .u16(VERSION_MADE_BY)
        .u16(VERSION_ZIP64)
        .u32(0) // number of this disk
        .u32(0) // disk with the start of the central directory
        .u64(count)
        .u64(count)
        .u64(directorySize)
        .u64(directoryOffset)
        .done(),
      new Fields(20).u32(ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR).u32(0).u64(recordOffset).u32(1).done(),
    );
  }
  parts.push(
    new Fields(22)
      .u32(END_OF_CENTRAL_DIRECTORY)
      .u16(0)
      .u16(0)
      .u16(Math.min(count, MAX_16))
      .u16(Math.min(count, MAX_16))
      .u32(Math.min(directorySize, MAX_32))
      .u32(Math.min(directoryOffset, MAX_32))
      .u16(0) // .ZIP file comment length
      .done(),
  );
  return parts;
}

/**
 * The size writeZip's result will have, for the running total shown while files are added: the headers
 * (4.3.7, 4.3.12) with the longest name encoding (UTF-8) and a 0x7075 field, Zip64 fields where needed,
 * and the end records.
 */
export function zipSize(files: readonly { path: string; size: number }[]): number {
  let total = 22 + 56 + 20;
  for (const { path, size } of files) {
    const nameBytes = new TextEncoder().encode(path).length;
    const unicode = 9 + nameBytes;
    total += 30 + nameBytes + unicode + (size >= MAX_32 ? 20 : 0) + size + 46 + nameBytes + unicode + 28;
  }
  return total;
}
