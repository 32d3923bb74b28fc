// The two facts of a photo's EXIF the volume prints by: its orientation (1, 3, 6, 8 and the mirrored 2, 4, 5, 7)
// and the date it was taken (DateTimeOriginal, else DateTime). Read from a JPEG's APP1 segment without a
// library: a few dozen bytes of TIFF, and nothing else of the file is interpreted.

export interface PhotoFacts {
  /** EXIF orientation 1–8; 1 when absent. */
  orientation: number;
  /** "2021年3月5日", or null when the photo carries no date. */
  takenOn: string | null;
}

const NONE: PhotoFacts = { orientation: 1, takenOn: null };
const ORIENTATION = 0x0112;
const DATE_TIME = 0x0132;
const EXIF_IFD = 0x8769;
const DATE_TIME_ORIGINAL = 0x9003;

/** The APP1 "Exif\0\0" payload (a TIFF file) of a JPEG, or null. */
function exifSegment(bytes: Uint8Array): DataView | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (marker === 0xda || marker === 0xd9) return null; // image data: no metadata after this
    const start = at + 4;
    if (marker === 0xe1 && length >= 8 && String.fromCharCode(...bytes.subarray(start, start + 4)) === 'Exif') {
      return new DataView(bytes.buffer, bytes.byteOffset + start + 6, Math.max(0, Math.min(length - 8, bytes.length - start - 6)));
    }
    at += 2 + length;
  }
  return null;
}

function formatDate(raw: string): string | null {
  const match = /^(\d{4}):(\d{2}):(\d{2})/.exec(raw);
  if (match === null || match[1] === '0000') return null;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

export function photoFacts(bytes: Uint8Array): PhotoFacts {
  const tiff = exifSegment(bytes);
  if (tiff === null || tiff.byteLength < 8) return NONE;
  try {
    const little = tiff.getUint16(0) === 0x4949;
    const u16 = (at: number) => tiff.getUint16(at, little);
    const u32 = (at: number) => tiff.getUint32(at, little);
    const ascii = (count: number, valueAt: number) => {
      const at = count > 4 ? u32(valueAt) : valueAt;
      let text = '';
      for (let i = 0; i < count - 1 && at + i < tiff.byteLength; i += 1) text += String.fromCharCode(tiff.getUint8(at + i));
      return text;
    };
    const entries = (ifd: number) => {
      const found = new Map<number, { count: number; valueAt: number }>();
      const n = u16(ifd);
      for (let i = 0; i < n; i += 1) {
        const entry = ifd + 2 + i * 12;
        found.set(u16(entry), { count: u32(entry + 4), valueAt: entry + 8 });
      }
      return found;
    };
    const ifd0 = entries(u32(4));
    const orientationEntry = ifd0.get(ORIENTATION);
    const orientation = orientationEntry === undefined ? 1 : u16(orientationEntry.valueAt);
    let date: string | null = null;
    const exifIfd = ifd0.get(EXIF_IFD);
    if (exifIfd !== undefined) {
      const original = entries(u32(exifIfd.valueAt)).get(DATE_TIME_ORIGINAL);
      if (original !== undefined) date = formatDate(ascii(original.count, original.valueAt));
    }
    const plain = ifd0.get(DATE_TIME);
    if (date === null && plain !== undefined) date = formatDate(ascii(plain.count, plain.valueAt));
    return { orientation: orientation >= 1 && orientation <= 8 ? orientation : 1, takenOn: date };
  } catch {
    return NONE; // a truncated or odd EXIF block: the photo is still placed, upright as stored
  }
}

/** Orientations 5–8 turn the picture a quarter: its shown width is its stored height. */
export const isQuarterTurn = (orientation: number): boolean => orientation >= 5;
