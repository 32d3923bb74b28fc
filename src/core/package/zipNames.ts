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
// zipWriter.ts writes the bytes chosen here into the local file header (4.3.7) and the central directory
// header (4.3.12), with bit 11 when they are UTF-8, and the 0x7075 field whenever the name is not ASCII.
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
