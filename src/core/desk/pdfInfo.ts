// Whether a PDF looks whole and how many pages it has, without a PDF library: the header, the end marker and
// the page tree's /Count (jsPDF and most office tools write the page tree as plain objects). A PDF whose page
// tree sits in a compressed object stream shows no count; that is said, not guessed.
//
// The bytes are searched as bytes and only the few hundred around each "/Count" or "/Page" are decoded: decoding
// a whole PDF to a string costs more than hashing it (most of a PDF is compressed streams).

export interface PdfInfo {
  /** Starts with %PDF- and ends with %%EOF. */
  whole: boolean;
  pages: number | null;
}

const SCAN_LIMIT = 64 * 1024 * 1024;
/** A page tree node's dictionary is far shorter than this on either side of its /Count. */
const WINDOW = 512;

const latin1 = new TextDecoder('latin1');
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const COUNT = ascii('/Count');
const PAGE = ascii('/Page');

/** Every offset where `needle` starts in `bytes`. */
function* offsets(bytes: Uint8Array, needle: Uint8Array): Generator<number> {
  const first = needle[0];
  for (let at = bytes.indexOf(first ?? 0); at !== -1; at = bytes.indexOf(first ?? 0, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle[i]) i += 1;
    if (i === needle.length) yield at;
  }
}

const around = (bytes: Uint8Array, at: number) => latin1.decode(bytes.subarray(Math.max(0, at - WINDOW), at + WINDOW));

export async function pdfInfo(blob: Blob): Promise<PdfInfo> {
  const head = await blob.slice(0, 1024).text();
  const tail = await blob.slice(Math.max(0, blob.size - 2048)).text();
  const whole = head.startsWith('%PDF-') && tail.includes('%%EOF');
  if (!whole || blob.size > SCAN_LIMIT) return { whole, pages: null };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // The root of the page tree counts every page; the largest /Count of a /Pages node is the root's.
  let root = 0;
  for (const at of offsets(bytes, COUNT)) {
    for (const match of around(bytes, at).matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
      root = Math.max(root, Number(match[1] ?? match[2]));
    }
  }
  if (root > 0) return { whole, pages: root };
  // No page tree with a count: the page objects themselves ("/Type /Page", not /Pages).
  let leaves = 0;
  for (const at of offsets(bytes, PAGE)) {
    const next = bytes[at + PAGE.length] ?? 0;
    const isLetter = (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a);
    if (!isLetter && /\/Type\s*$/.test(latin1.decode(bytes.subarray(Math.max(0, at - 64), at)))) leaves += 1;
  }
  return { whole, pages: leaves > 0 ? leaves : null };
}
