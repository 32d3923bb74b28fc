// The one zip reader, for draft files and for the review desk's packages: through Blob slices, the central
// directory first (zip.js reads the end records, Zip64, the entries' names with their 0x7075 field or UTF-8
// flag), then only the entries asked for. A draft file with a 2 GB video opens without the video being read,
// and its bytes come back as a slice of the zip.
//
//   - Stored entries (what zipWriter.ts writes) are slices of the zip itself: nothing copied. `read` checks
//     their CRC-32, and computes their SHA-256, in one streaming pass (digest.ts).
//   - Deflated entries (draft files written by jszip before, archives made by other tools) are inflated by
//     zip.js, which checks the CRC-32, never past the caller's limit nor past the size the entry declares:
//     a zip bomb or a lying header stops there.
//   - Refused, each with a Chinese phrase that names the entry: duplicate names (unless the caller lists them to
//     judge them itself, as the desk does), declared sizes over the limit, sizes that do not match, a CRC-32
//     that does not match, data beyond the end of the file, encrypted entries, unknown compression methods.
//
// Names: the UTF-8 flag, else a valid 0x7075 field (zip.js checks its CRC), else valid UTF-8 (macOS, Java),
// else GBK, as Chinese Windows writes them. zip.js runs here without Web Workers (`useWebWorkers: false`): it
// would start blob: workers, which the pages' CSP refuses, and this code runs in a worker already.
import { UserError } from '../errors';
import { BlobReader, configure, ERR_INVALID_CRC32, ERR_INVALID_UNCOMPRESSED_SIZE, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js/lib/zip-native.js';
import { formatBytes } from '../bytes';
import { digestBlob } from './digest';

configure({ useWebWorkers: false });

/** 4.3.7 local file header signature */
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export type ZipReadProblem = 'damaged' | 'too-large';

/** Why a zip or one of its entries was not read; `message` is a Chinese phrase (no final 。) naming the entry. */
export class ZipReadError extends UserError<ZipReadProblem> {
  override readonly name = 'ZipReadError';
}

export interface ZipEntryInfo {
  /** The name as its archiver meant it, "/"-separated, never rewritten (checks look at it as it is). */
  name: string;
  rawName: Uint8Array;
  /** 4.4.4 general purpose bit flag */
  flags: number;
  /** 4.4.5: 0 stored, 8 deflated */
  method: number;
  crc32: number;
  /** Declared sizes from the central directory. */
  size: number;
  compressedSize: number;
  directory: boolean;
  encrypted: boolean;
  zip64: boolean;
}

export interface ReadOptions {
  /** The entry is refused as 过大 when it says it is, or inflates to, more than this. */
  maxBytes: number;
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, total: number) => void;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  /** The first entry of that name. */
  get(name: string): ZipEntryInfo | undefined;
  /** The entry's bytes, checked against its CRC-32, with their SHA-256. */
  read(entry: ZipEntryInfo, options: ReadOptions): Promise<{ data: Blob; sha256: string }>;
  /** The entry's bytes unhashed: a stored entry is a slice of the zip, a deflated one is inflated into memory. */
  blob(entry: ZipEntryInfo, options: ReadOptions & { type?: string }): Promise<Blob>;
  /** A deflated entry's bytes, chunk by chunk as they inflate, held nowhere (to hash a big entry). */
  inflate(entry: ZipEntryInfo, onChunk: (chunk: Uint8Array) => void, options: ReadOptions): Promise<void>;
  /** The entry as UTF-8 text, a byte order mark dropped. */
  text(entry: ZipEntryInfo, maxBytes: number): Promise<string>;
}

export interface OpenOptions {
  /** More entries than this is not an archive we made (nor a reasonable one): refused as damaged. */
  maxEntries?: number;
  /** 'list': entries of the same name are all listed, for a caller that judges them itself (the desk). */
  duplicateNames?: 'refuse' | 'list';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

/** Names without the UTF-8 flag and with no valid 0x7075 field: valid UTF-8 is UTF-8, the rest GBK. */
function decodeText(value: Uint8Array, encoding: string): string | undefined {
  if (encoding.toLowerCase() === 'utf-8') return undefined;
  try {
    return utf8.decode(value);
  } catch {
    return gbk.decode(value);
  }
}

function quoted(name: string): string {
  return `“${name}”`;
}

async function localDataStart(zip: Blob, entry: Entry): Promise<number> {
  const header = new DataView(await zip.slice(entry.offset, entry.offset + 30).arrayBuffer());
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_FILE_HEADER) {
    throw new ZipReadError('damaged', `${quoted(entry.filename)}的文件头缺失`);
  }
  return entry.offset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
}

function info(entry: Entry): ZipEntryInfo {
  return {
    name: entry.filename,
    rawName: entry.rawFilename,
    flags: entry.rawBitFlag ?? 0,
    method: entry.compressionMethod,
    crc32: (entry.crc32 ?? 0) >>> 0,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    directory: entry.directory,
    encrypted: entry.encrypted,
    zip64: entry.zip64,
  };
}

function asReadError(error: unknown, entry: Entry, signal?: AbortSignal): unknown {
  if (error instanceof ZipReadError || signal?.aborted === true) return error;
  // A stream aborted by our own sink surfaces as zip.js's error with ours as the cause.
  if (error instanceof Error && error.cause instanceof ZipReadError) return error.cause;
  const name = entry.filename;
  // zip.js's messages are its English constants. ERR_INVALID_UNCOMPRESSED_SIZE: it stopped inflating where the
  // output passed the size the entry declares (within the caller's limit, checked before): a zip bomb's way.
  const text = error instanceof Error ? error.message : '';
  if (text === ERR_INVALID_UNCOMPRESSED_SIZE) {
    return new ZipReadError('too-large', `${quoted(name)}过大（解压后超过记录的 ${formatBytes(entry.uncompressedSize)}）`, { cause: error });
  }
  if (text === ERR_INVALID_CRC32) return new ZipReadError('damaged', `${quoted(name)}的校验值不符`, { cause: error });
  return new ZipReadError('damaged', `${quoted(name)}无法解压`, { cause: error });
}

export async function openZip(zip: Blob, { maxEntries = 10_000, duplicateNames = 'refuse' }: OpenOptions = {}): Promise<ZipArchive> {
  const reader = new ZipReader(new BlobReader(zip), {
    useWebWorkers: false,
    // The callers' checks are in Chinese and per entry: zip.js must list every name, even unsafe ones.
    filenameValidation: 'tolerant',
    strictness: 'balanced',
  });
  let entries: Entry[];
  try {
    entries = await reader.getEntries({ decodeText });
  } catch (error) {
    throw new ZipReadError('damaged', '压缩包无法打开', { cause: error });
  }
  if (entries.length > maxEntries) throw new ZipReadError('damaged', `压缩包中的文件多达 ${entries.length} 个`);
  const infos: ZipEntryInfo[] = [];
  const byName = new Map<string, ZipEntryInfo>();
  const original = new Map<ZipEntryInfo, Entry>();
  for (const entry of entries) {
    if (byName.has(entry.filename) && duplicateNames === 'refuse') throw new ZipReadError('damaged', `压缩包中有两个同名的${quoted(entry.filename)}`);
    const item = info(entry);
    infos.push(item);
    if (!byName.has(entry.filename)) byName.set(entry.filename, item);
    original.set(item, entry);
  }

  /** The entry, if it can be read at all: a file, not encrypted, stored or deflated, within the limit. */
  function readable(item: ZipEntryInfo, maxBytes: number): Entry {
    const entry = original.get(item);
    if (entry === undefined || entry.directory) throw new Error(`not a file entry of this zip: ${item.name}`);
    const name = entry.filename;
    if (entry.encrypted) throw new ZipReadError('damaged', `${quoted(name)}已加密`);
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) throw new ZipReadError('damaged', `${quoted(name)}的压缩方式无法识别`);
    if (entry.uncompressedSize > maxBytes) {
      throw new ZipReadError('too-large', `${quoted(name)}过大（${formatBytes(entry.uncompressedSize)}，超过 ${formatBytes(maxBytes)} 的上限）`);
    }
    return entry;
  }

  async function storedSlice(entry: Entry, type = ''): Promise<Blob> {
    const name = entry.filename;
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipReadError('damaged', `${quoted(name)}的大小与记录不符`);
    const start = await localDataStart(zip, entry);
    if (start + entry.compressedSize > zip.size) throw new ZipReadError('damaged', `${quoted(name)}不完整`);
    return zip.slice(start, start + entry.compressedSize, type);
  }

  /**
   * Inflates into `onChunk`. The declared size is within `maxBytes` (readable() checked it), so output past the
   * declared size is refused as 过大 at once: a zip bomb that hides its size stops there, not at the limit.
   */
  async function inflateEntry(entry: Entry, onChunk: (chunk: Uint8Array) => void, { signal, onProgress }: ReadOptions): Promise<void> {
    const name = entry.filename;
    let total = 0;
    const writable = new WritableStream<Uint8Array>({
      write(chunk) {
        total += chunk.length;
        if (total > entry.uncompressedSize) throw new ZipReadError('too-large', `${quoted(name)}过大（解压后超过记录的 ${formatBytes(entry.uncompressedSize)}）`);
        onChunk(chunk);
      },
    });
    await (entry as FileEntry).getData(writable, {
      checkSignature: true,
      useWebWorkers: false,
      ...(signal === undefined ? {} : { signal }),
      ...(onProgress === undefined ? {} : { onprogress: async (done: number, all: number) => onProgress(done, all) }),
    });
    if (total !== entry.uncompressedSize) throw new ZipReadError('damaged', `${quoted(name)}的大小与记录不符`);
  }

  async function inflated(entry: Entry, options: ReadOptions & { type?: string }): Promise<Blob> {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    await inflateEntry(entry, (chunk) => chunks.push(new Uint8Array(chunk)), options);
    return new Blob(chunks, { type: options.type ?? '' });
  }

  async function read(item: ZipEntryInfo, options: ReadOptions): Promise<{ data: Blob; sha256: string }> {
    const entry = readable(item, options.maxBytes);
    const { signal, onProgress } = options;
    try {
      if (entry.compressionMethod === STORED) {
        const data = await storedSlice(entry);
        const digest = await digestBlob(data, { ...(signal === undefined ? {} : { signal }), ...(onProgress === undefined ? {} : { onProgress }) });
        if (digest.crc32 !== item.crc32) throw new ZipReadError('damaged', `${quoted(entry.filename)}的校验值不符`);
        return { data, sha256: digest.sha256 };
      }
      const data = await inflated(entry, options);
      return { data, sha256: (await digestBlob(data)).sha256 };
    } catch (error) {
      throw asReadError(error, entry, signal);
    }
  }

  async function blob(item: ZipEntryInfo, options: ReadOptions & { type?: string }): Promise<Blob> {
    const entry = readable(item, options.maxBytes);
    try {
      return entry.compressionMethod === STORED ? await storedSlice(entry, options.type) : await inflated(entry, options);
    } catch (error) {
      throw asReadError(error, entry, options.signal);
    }
  }

  async function inflate(item: ZipEntryInfo, onChunk: (chunk: Uint8Array) => void, options: ReadOptions): Promise<void> {
    const entry = readable(item, options.maxBytes);
    if (entry.compressionMethod !== DEFLATED) throw new Error(`not a deflated entry: ${item.name}`);
    try {
      await inflateEntry(entry, onChunk, options);
    } catch (error) {
      throw asReadError(error, entry, options.signal);
    }
  }

  /** Decoded from one buffer of the declared size: a large text is held once as bytes, then once as text. */
  async function text(item: ZipEntryInfo, maxBytes: number): Promise<string> {
    const entry = readable(item, maxBytes);
    if (entry.compressionMethod === STORED) return new TextDecoder().decode(await (await blob(item, { maxBytes })).arrayBuffer());
    const bytes = new Uint8Array(entry.uncompressedSize);
    let at = 0;
    try {
      await inflateEntry(entry, (chunk) => {
        bytes.set(chunk, at);
        at += chunk.length;
      }, { maxBytes });
    } catch (error) {
      throw asReadError(error, entry);
    }
    return new TextDecoder().decode(bytes);
  }

  return {
    entries: infos,
    get: (name) => byName.get(name),
    read,
    blob,
    inflate,
    text,
  };
}
