// Whether a PDF looks whole and how many pages it has, without a PDF library: the header, the end marker and
// the page tree's /Count (jsPDF and most office tools write the page tree as plain objects). A PDF whose page
// tree sits in a compressed object stream shows no count; that is said, not guessed.

export interface PdfInfo {
  /** Starts with %PDF- and ends with %%EOF. */
  whole: boolean;
  pages: number | null;
}

const SCAN_LIMIT = 64 * 1024 * 1024;

export async function pdfInfo(blob: Blob): Promise<PdfInfo> {
  const head = await blob.slice(0, 1024).text();
  const tail = await blob.slice(Math.max(0, blob.size - 2048)).text();
  const whole = head.startsWith('%PDF-') && tail.includes('%%EOF');
  if (!whole || blob.size > SCAN_LIMIT) return { whole, pages: null };
  // latin1 keeps every byte one character, so binary streams cannot break the patterns' positions.
  const text = new TextDecoder('latin1').decode(await blob.arrayBuffer());
  let root = 0;
  for (const match of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    root = Math.max(root, Number(match[1] ?? match[2]));
  }
  if (root > 0) return { whole, pages: root };
  const leaves = [...text.matchAll(/\/Type\s*\/Page(?![A-Za-z])/g)].length;
  return { whole, pages: leaves > 0 ? leaves : null };
}
