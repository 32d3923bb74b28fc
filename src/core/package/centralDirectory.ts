// Reading the records at the end of a zip (PKWARE APPNOTE.TXT 6.3.10), enough to find and change one field of
// each entry without reading the entries' data: the end of central directory record (4.3.16) says where the
// central directory is; each central directory header (4.3.12) names an entry and says where its local file
// header (4.3.7) is. Only what jszip writes is expected: one disk, no Zip64 (4.3.14), no encryption.

/** 4.3.16 end of central directory signature 0x06054b50 */
export const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
/** 4.3.12 central file header signature 0x02014b50 */
export const CENTRAL_DIRECTORY_HEADER_SIGNATURE = 0x02014b50;
/** 4.3.7 local file header signature 0x04034b50 */
export const LOCAL_FILE_HEADER_SIGNATURE = 0x04034b50;

/** 4.3.16: 22 bytes, then the .ZIP file comment (at most 65,535 bytes). */
const END_RECORD_LENGTH = 22;
/** 4.3.12: 46 bytes, then file name, extra field and file comment. */
const CENTRAL_HEADER_LENGTH = 46;
/** 4.3.7: 30 bytes, then file name and extra field. */
export const LOCAL_HEADER_LENGTH = 30;

export interface EndOfCentralDirectory {
  /** Offset of the record itself. */
  offset: number;
  entries: number;
  /** 4.4.23 size of the central directory */
  directorySize: number;
  /** 4.4.24 offset of start of central directory */
  directoryOffset: number;
}

export interface CentralDirectoryHeader {
  /** Offset of this header within the central directory bytes. */
  offset: number;
  /** 4.4.4 general purpose bit flag */
  flags: number;
  /** 4.4.5 compression method: 0 stored, 8 deflated */
  method: number;
  /** 4.4.6 last mod file time and date, MS-DOS format */
  dosTime: number;
  dosDate: number;
  /** 4.4.17 the name's bytes, in whatever encoding the flags and extra fields say */
  name: Uint8Array;
  /** 4.4.28 extra field */
  extra: Uint8Array;
  /** 4.4.16 relative offset of local header */
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

async function bytesAt(zip: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await zip.slice(start, end).arrayBuffer());
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** 4.3.16, searched backwards from the end of the file past a comment of up to 65,535 bytes. */
export async function readEndOfCentralDirectory(zip: Blob): Promise<EndOfCentralDirectory> {
  const tailStart = Math.max(0, zip.size - END_RECORD_LENGTH - 0xffff);
  const tail = await bytesAt(zip, tailStart, zip.size);
  const data = view(tail);
  for (let at = tail.length - END_RECORD_LENGTH; at >= 0; at -= 1) {
    if (data.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY_SIGNATURE) continue;
    if (at + END_RECORD_LENGTH + data.getUint16(at + 20, true) !== tail.length) continue;
    const entries = data.getUint16(at + 10, true);
    const directorySize = data.getUint32(at + 12, true);
    const directoryOffset = data.getUint32(at + 16, true);
    // 4.4.1.4: 0xFFFF / 0xFFFFFFFF mean the real value is in a Zip64 record, which jszip never writes.
    if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new ZipFormatError('Zip64 archives are not supported');
    }
    return { offset: tailStart + at, entries, directorySize, directoryOffset };
  }
  throw new ZipFormatError('No end of central directory record');
}

/** The central directory's bytes and its headers, in order. */
export async function readCentralDirectory(zip: Blob): Promise<{ end: EndOfCentralDirectory; bytes: Uint8Array; headers: CentralDirectoryHeader[] }> {
  const end = await readEndOfCentralDirectory(zip);
  if (end.directoryOffset + end.directorySize > end.offset) throw new ZipFormatError('Central directory overlaps its end record');
  const bytes = await bytesAt(zip, end.directoryOffset, end.directoryOffset + end.directorySize);
  const data = view(bytes);
  const headers: CentralDirectoryHeader[] = [];
  let at = 0;
  for (let i = 0; i < end.entries; i += 1) {
    if (at + CENTRAL_HEADER_LENGTH > bytes.length || data.getUint32(at, true) !== CENTRAL_DIRECTORY_HEADER_SIGNATURE) {
      throw new ZipFormatError(`No central directory header for entry ${i + 1}`);
    }
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const nameStart = at + CENTRAL_HEADER_LENGTH;
    headers.push({
      offset: at,
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      dosTime: data.getUint16(at + 12, true),
      dosDate: data.getUint16(at + 14, true),
      name: bytes.subarray(nameStart, nameStart + nameLength),
      extra: bytes.subarray(nameStart + nameLength, nameStart + nameLength + extraLength),
      localHeaderOffset: data.getUint32(at + 42, true),
    });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return { end, bytes, headers };
}

/** 4.5.1: the extra field is a sequence of (header ID, data size, data); the data of `id`, if present. */
export function extraFieldData(extra: Uint8Array, id: number): Uint8Array | undefined {
  const data = view(extra);
  let at = 0;
  while (at + 4 <= extra.length) {
    const fieldId = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (fieldId === id) return extra.subarray(at + 4, at + 4 + size);
    at += 4 + size;
  }
  return undefined;
}
