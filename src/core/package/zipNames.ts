// How each entry's name is written into the package, so that it reads as the intended Chinese in the
// archivers people in China use (../shared/design/official-format.md, "Mail and archives"):
//
//   GBK name, bit 11 clear, plus a 0x7075 field holding the UTF-8 name — for every name GBK can encode:
//     - Windows 7 Explorer ignores bit 11 and reads names in the system's code page, GBK (936) on Chinese
//       Windows: it reads the GBK name. Windows 10/11 Explorer reads a name without bit 11 the same way.
//     - 7-Zip, Bandizip and WinRAR read the 0x7075 field, so they show the right name on any system, even one
//       whose code page is not GBK. Checked here with 7-Zip 26 and Info-ZIP unzip 6.0 (Debian) on Linux,
//       which both read it (tests/unit/package-zip.test.ts).
//     - macOS Archive Utility reads bit 11; for a name without it, it guesses the encoding (GBK is usually
//       recognised on a Chinese-language Mac). Whether it reads 0x7075 is not verified here.
//   UTF-8 name with bit 11 set (and the same 0x7075 field, now redundant) — for a name GBK cannot encode
//   (𠮷, emoji, see gbk.ts): Windows 10/11 Explorer, 7-Zip, Bandizip, WinRAR and macOS read it; Windows 7
//   Explorer shows it garbled, as it would any name outside GBK.
//   The tests read the result as Explorer on Chinese Windows does (bit 11, else code page 936) with Python's
//   zipfile, which ignores 0x7075: every name comes out as intended, the GBK ones and the UTF-8 one alike.
//
// Per entry, not per archive: one name outside GBK does not push every other name to UTF-8, which Windows 7
// Explorer could not read.
//
// What jszip 3.10 does (node_modules/jszip/lib/generate/ZipFileWorker.js, generateZipParts), per entry:
//   - `useCustomEncoding = encodeFileName !== utf8encode`: one decision for the whole archive. Without an
//     `encodeFileName` option, a non-ASCII name is written as UTF-8 with bit 11 set; with one, the bytes the
//     option returns are written and bit 11 is NEVER set.
//   - Whenever the name is not ASCII it adds an Info-ZIP Unicode Path Extra Field (APPNOTE 4.6.9): header ID
//     0x7075, version 1, the CRC-32 of the header's name bytes (whatever `encodeFileName` returned), the
//     UTF-8 name. The same header bytes go into the local file header (4.3.7) and the central directory
//     header (4.3.12).
// So `encodeFileName` returning GBK gives exactly the GBK entries above. For the UTF-8 entries it returns
// the UTF-8 bytes and jszip leaves bit 11 clear; setLanguageEncodingFlag() then sets that one bit in both
// headers of those entries, after the zip is built, without touching anything else.
import { readCentralDirectory, LOCAL_FILE_HEADER_SIGNATURE, LOCAL_HEADER_LENGTH, ZipFormatError } from './centralDirectory';
import { encodeGbk } from './gbk';

/** APPNOTE 4.4.4, general purpose bit flag, bit 11: Language encoding flag (EFS), name and comment are UTF-8. */
export const LANGUAGE_ENCODING_FLAG = 0x0800;
/** APPNOTE 4.6.9 Info-ZIP Unicode Path Extra Field. */
export const UNICODE_PATH_EXTRA_FIELD = 0x7075;

export interface EncodedEntryName {
  bytes: Uint8Array;
  /** True when `bytes` are UTF-8 and the entry needs bit 11. */
  utf8: boolean;
}

/** GBK when every character has a GBK code, else UTF-8. */
export function encodeEntryName(name: string): EncodedEntryName {
  const gbk = encodeGbk(name);
  return gbk === null ? { bytes: new TextEncoder().encode(name), utf8: true } : { bytes: gbk, utf8: false };
}

/** jszip's `encodeFileName` takes and returns a "binary string": one character per byte. */
function binaryString(bytes: Uint8Array): string {
  let result = '';
  for (const byte of bytes) result += String.fromCharCode(byte);
  return result;
}

export interface NameEncoder {
  /** For jszip's `generateInternalStream({ encodeFileName })`; also called with comments (always empty here). */
  encodeFileName: (name: string) => string;
  /** The names written as UTF-8 so far, for setLanguageEncodingFlag(). */
  utf8Names: ReadonlySet<string>;
}

export function createNameEncoder(): NameEncoder {
  const utf8Names = new Set<string>();
  return {
    encodeFileName(name) {
      const encoded = encodeEntryName(name);
      if (encoded.utf8) utf8Names.add(name);
      return binaryString(encoded.bytes);
    },
    utf8Names,
  };
}

function withFlag(flags: number): Uint8Array<ArrayBuffer> {
  const value = flags | LANGUAGE_ENCODING_FLAG;
  return Uint8Array.of(value & 0xff, value >> 8);
}

/**
 * Sets bit 11 in the local file header (4.3.7, flag at offset 6) and the central directory header (4.3.12,
 * flag at offset 8) of every entry whose name is in `utf8Names` and written as UTF-8. Nothing moves: the
 * result is made of slices of `zip` (no copy of the entries' data) and the two-byte patches.
 */
export async function setLanguageEncodingFlag(zip: Blob, utf8Names: ReadonlySet<string>): Promise<Blob> {
  if (utf8Names.size === 0) return zip;
  const { end, bytes, headers } = await readCentralDirectory(zip);
  const directory = bytes.slice();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const patches: { offset: number; bytes: Uint8Array<ArrayBuffer> }[] = [];
  for (const header of headers) {
    let name: string;
    try {
      name = utf8.decode(header.name);
    } catch {
      continue; // not UTF-8: a GBK name
    }
    if (!utf8Names.has(name) || (header.flags & LANGUAGE_ENCODING_FLAG) !== 0) continue;
    directory.set(withFlag(header.flags), header.offset + 8);
    const local = new Uint8Array(await zip.slice(header.localHeaderOffset, header.localHeaderOffset + LOCAL_HEADER_LENGTH).arrayBuffer());
    const localView = new DataView(local.buffer);
    if (local.length < LOCAL_HEADER_LENGTH || localView.getUint32(0, true) !== LOCAL_FILE_HEADER_SIGNATURE) {
      throw new ZipFormatError(`No local file header at ${header.localHeaderOffset}`);
    }
    patches.push({ offset: header.localHeaderOffset + 6, bytes: withFlag(localView.getUint16(6, true)) });
  }
  if (patches.length === 0) return zip;
  patches.sort((a, b) => a.offset - b.offset);
  const parts: BlobPart[] = [];
  let from = 0;
  for (const patch of patches) {
    parts.push(zip.slice(from, patch.offset), patch.bytes);
    from = patch.offset + patch.bytes.length;
  }
  parts.push(zip.slice(from, end.directoryOffset), directory, zip.slice(end.directoryOffset + end.directorySize));
  return new Blob(parts, { type: zip.type });
}
