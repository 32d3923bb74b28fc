// Real inputs for the volume's tests and bench: PDFs made with pdf-lib (text a reader can find), and a JPEG given
// an EXIF block (orientation, date taken) the way a phone camera writes one.
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/** A PDF of `pages` A4 pages, each saying "<label> page n of N" in Helvetica. */
export async function proofPdf(label: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${label} page ${n} of ${pages}`, { x: 72, y: 760, size: 18, font });
    page.drawRectangle({ x: 72, y: 100, width: 451, height: 600, color: rgb(0.9, 0.94, 1), borderColor: rgb(0.2, 0.3, 0.6), borderWidth: 2 });
  }
  return doc.save();
}

/** `jpeg` with an APP1 Exif segment (big-endian TIFF) carrying Orientation and DateTimeOriginal, after SOI. */
export function withExif(jpeg: Uint8Array, orientation: number, dateTimeOriginal: string): Uint8Array {
  const date = new TextEncoder().encode(`${dateTimeOriginal}\0`); // "YYYY:MM:DD HH:MM:SS" + NUL = 20 bytes
  // TIFF header (8) + IFD0 with 2 entries (2 + 24 + 4) + Exif IFD with 1 entry (2 + 12 + 4) + the date.
  const ifd0 = 8;
  const exifIfd = ifd0 + 2 + 2 * 12 + 4;
  const dateAt = exifIfd + 2 + 12 + 4;
  const tiff = new DataView(new ArrayBuffer(dateAt + date.length));
  tiff.setUint16(0, 0x4d4d);
  tiff.setUint16(2, 42);
  tiff.setUint32(4, ifd0);
  tiff.setUint16(ifd0, 2);
  const entry = (at: number, tag: number, type: number, count: number, value: number, short = false) => {
    tiff.setUint16(at, tag);
    tiff.setUint16(at + 2, type);
    tiff.setUint32(at + 4, count);
    if (short) tiff.setUint16(at + 8, value);
    else tiff.setUint32(at + 8, value);
  };
  entry(ifd0 + 2, 0x0112, 3, 1, orientation, true);
  entry(ifd0 + 14, 0x8769, 4, 1, exifIfd);
  tiff.setUint16(exifIfd, 1);
  entry(exifIfd + 2, 0x9003, 2, date.length, dateAt);
  new Uint8Array(tiff.buffer).set(date, dateAt);
  const payload = new Uint8Array([...new TextEncoder().encode('Exif'), 0, 0, ...new Uint8Array(tiff.buffer)]);
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...payload, ...jpeg.subarray(2)]);
}
