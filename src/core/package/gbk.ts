// GBK (Windows code page 936) encoding without a dependency. No browser API encodes GBK, but every engine
// decodes it (`new TextDecoder('gbk')`), so the encoder is the decoder run backwards over every two-byte code
// (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F): about 24,000 codes, built once, lazily
// (measured: ~17 ms in Node 20, ~54 ms in a Chromium worker).
//
// Engines do not decode all of those codes alike. Node (ICU) decodes them as Windows code page 936 does,
// with about 2,100 private-use characters (U+E000–U+F8FF: user-defined areas and GB18030-2000 leftovers);
// Chromium follows WHATWG's GB18030-2005/2022 index, which gives 80 of them real characters (vertical forms
// U+FE10–FE19, ḿ ǹ, ideographic description characters, CJK radicals, €). Windows 7 Explorer reads a zip's
// names with code page 936 (../shared/design/official-format.md, "Mail and archives"), where those 80 are
// private-use: it would show a box. So both groups are left out, and the table is the same everywhere
// (measured: 21,791 characters, identical in Node 20 and in a Chromium worker); a name with such a
// character is written as UTF-8 instead (see zipNames.ts).

/** Two-byte codes whose character differs between GB18030 (browsers) and code page 936 (Node, Windows). */
const NOT_CODE_PAGE_936: readonly (readonly [number, number])[] = [
  [0xa2e3, 0xa2e3], // € in GB18030; code page 936 has € as the single byte 0x80
  [0xa3a0, 0xa3a0], // U+3000 again in WHATWG's index (A1A1 is the real one)
  [0xa6d9, 0xa6df], // vertical forms U+FE10–FE16
  [0xa6ec, 0xa6ed], // vertical forms U+FE17–FE18
  [0xa6f3, 0xa6f3], // vertical form U+FE19
  [0xa8bc, 0xa8bc], // ḿ
  [0xa8bf, 0xa8bf], // ǹ
  [0xa989, 0xa995], // 〾 and the ideographic description characters U+2FF0–2FFB
  [0xfe50, 0xfea0], // CJK radicals and Extension A characters that code page 936 keeps in the private-use area
];

const REPLACEMENT = 0xfffd;

function isExcludedCode(code: number): boolean {
  return NOT_CODE_PAGE_936.some(([first, last]) => code >= first && code <= last);
}

function isPrivateUse(codePoint: number): boolean {
  return codePoint >= 0xe000 && codePoint <= 0xf8ff;
}

/**
 * A new table from each BMP code point to its two-byte GBK code (lead byte << 8 | trail byte), 0 where there
 * is none. Where two codes decode to the same character the first (lowest) code wins.
 */
export function createGbkTable(): Uint16Array {
  const decoder = new TextDecoder('gbk');
  const table = new Uint16Array(0x10000);
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const code = (lead << 8) | trail;
      if (isExcludedCode(code)) continue;
      pair[0] = lead;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const codePoint = text.codePointAt(0);
      if (text.length !== 1 || codePoint === undefined || codePoint === REPLACEMENT || isPrivateUse(codePoint)) continue;
      if (table[codePoint] === 0) table[codePoint] = code;
    }
  }
  return table;
}

let sharedTable: Uint16Array | undefined;

function gbkTable(): Uint16Array {
  sharedTable ??= createGbkTable();
  return sharedTable;
}

/**
 * The GBK bytes of `text`, or null when a character has no two-byte GBK code: characters outside the BMP
 * (𠮷 U+20BB7, emoji), characters only in GB18030's four-byte area, and those left out above.
 */
export function encodeGbk(text: string): Uint8Array | null {
  const table = gbkTable();
  const bytes = new Uint8Array(text.length * 2);
  let length = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x80) {
      bytes[length++] = codePoint;
      continue;
    }
    const code = codePoint <= 0xffff ? (table[codePoint] ?? 0) : 0;
    if (code === 0) return null;
    bytes[length++] = code >> 8;
    bytes[length++] = code & 0xff;
  }
  return bytes.slice(0, length);
}
