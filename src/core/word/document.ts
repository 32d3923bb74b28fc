// A Word document from sections of content: A4, the PDF's margins, the body style 仿宋 (East Asian slot named, so
// WPS and Word on Windows pick 仿宋 without any change), page numbers "— 1 —" in the footer as GB/T 9704 places them
// (四号, odd pages right, even pages left, one character in).
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { A4, MM, PT } from '../pdf/documents/template';
import type { Margins } from '../pdf/layout/types';
import { BODY_SIZE, BODY_STYLE, fontFor } from './fonts';
import { runStyle } from './blocks';
import { halfPoints, twips } from './units';

export interface WordSection {
  children: FileChild[];
  margins: Margins;
  /** Number this section's pages, starting at 1. */
  pageNumbers: boolean;
}

export interface WordDocumentSpec {
  title: string;
  subject: string;
  sections: WordSection[];
}

const NUMBER_SIZE = PT.四号;

function numberFooter(side: 'right' | 'left'): Footer {
  const run = runStyle('song', NUMBER_SIZE);
  const indent = twips(NUMBER_SIZE);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: indent } : { left: indent },
        run,
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** An empty footer, so that an unnumbered section after a numbered one does not inherit its numbers. */
function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ children: [] })] });
}

function section(s: WordSection): ISectionOptions {
  // The number's baseline sits 7 mm below the text block, as in the PDF; Word places the footer's bottom edge.
  const footer = Math.max(0, s.margins.bottom - 7 * MM - NUMBER_SIZE * 1.3);
  return {
    properties: {
      page: {
        size: { width: twips(A4.width), height: twips(A4.height) },
        margin: {
          top: twips(s.margins.top),
          right: twips(s.margins.right),
          bottom: twips(s.margins.bottom),
          left: twips(s.margins.left),
          header: twips(10 * MM),
          footer: twips(footer),
        },
        ...(s.pageNumbers ? { pageNumbers: { start: 1 } } : {}),
      },
    },
    footers: s.pageNumbers ? { default: numberFooter('right'), even: numberFooter('left') } : { default: emptyFooter(), even: emptyFooter() },
    children: s.children,
  };
}

export function wordDocument(spec: WordDocumentSpec): Document {
  const body = fontFor(BODY_STYLE, BODY_SIZE);
  const font = { eastAsia: body, ascii: body, hAnsi: body, cs: body };
  return new Document({
    title: spec.title,
    subject: spec.subject,
    creator: '南昌市总工会',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font, size: halfPoints(BODY_SIZE) } },
      },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font, size: halfPoints(BODY_SIZE) } }],
    },
    sections: spec.sections.map(section),
  });
}

/**
 * Punctuation never hangs into the margin: LibreOffice drops a hanging comma from the printed page, and the
 * PDF never hangs one either. docx writes w:overflowPunct only when it is on, so the off switch is added here, in
 * its place in CT_PPrBase (after keepNext and pageBreakBefore, before spacing).
 */
function noHangingPunctuation(xml: string): string {
  return xml.replace(/(<w:pPr>(?:<w:keepNext\/>|<w:pageBreakBefore\/>)*)(?=<w:spacing )/g, '$1<w:overflowPunct w:val="0"/>');
}

/** The .docx bytes (a zip of WordprocessingML), in Node and in the browser alike. */
export async function packWord(spec: WordDocumentSpec): Promise<Uint8Array<ArrayBuffer>> {
  const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(wordDocument(spec))));
  const document = files['word/document.xml'];
  if (document === undefined) throw new Error('docx: word/document.xml is missing');
  files['word/document.xml'] = strToU8(noHangingPunctuation(strFromU8(document)));
  const zipped = zipSync(files, { level: 6 });
  return new Uint8Array(zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer);
}
