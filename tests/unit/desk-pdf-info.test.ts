import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pdfInfo } from '../../src/core/desk/pdfInfo';

const pdf = (...parts: (string | Uint8Array)[]) => new Blob(parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : new Uint8Array(p))));

describe('pdfInfo', () => {
  it('reads the root page count among compressed streams, before or after /Type', async () => {
    const noise = randomBytes(3 * 1024 * 1024);
    expect(await pdfInfo(pdf('%PDF-1.7\n', noise, '\n2 0 obj\n<< /Kids [3 0 R] /Count 2 /Type /Pages /Parent 1 0 R >>\n', noise, '\n1 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 12 >>\nendobj\n%%EOF\n'))).toEqual({ whole: true, pages: 12 });
  });

  it('counts the page objects when no page tree has a count', async () => {
    expect(await pdfInfo(pdf('%PDF-1.4\n<< /Type /Page /Parent 1 0 R >>\n<< /Type/Page >>\n<< /Type /Pages >>\n<< /PageLabels >>\n%%EOF'))).toEqual({ whole: true, pages: 2 });
  });

  it('says a truncated PDF is not whole, and a PDF without a page tree has no count', async () => {
    expect(await pdfInfo(pdf('%PDF-1.4\n<< /Type /Pages /Count 3 >>\n'))).toEqual({ whole: false, pages: null });
    expect(await pdfInfo(pdf('%PDF-1.4\n', randomBytes(4096).map((b) => (b === 0x2f ? 0 : b)), '\n%%EOF'))).toEqual({ whole: true, pages: null });
  });
});
