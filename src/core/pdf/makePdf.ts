// From an application to PDF bytes: choose the document, lay it out with the real fonts' metrics, draw it.
// No IO: fonts are passed in (fetched by the worker in the browser, read from disk at build time).
import { buildDocument, type PdfJob } from './documentTexts';
import { imposeBooklet } from './documents/booklet';
import { A3_LANDSCAPE, A4 } from './documents/template';
import { withWatermark } from './documents/watermark';
import { runsByFont, type FontResolver, type FontRole } from './fonts';
import { PdfWriter, type PdfFont } from './render/renderPdf';

export { documentTexts, type PdfJob, type PdfKind } from './documentTexts';

export interface PdfFonts {
  fonts: PdfFont[];
  resolver: FontResolver;
  /** The user's 仿宋, when chosen: used for the 仿宋 text it covers. */
  fangsong?: string;
}

export interface MadePdf {
  bytes: ArrayBuffer;
  pages: number;
}

export function makePdf(job: PdfJob, fonts: PdfFonts): MadePdf {
  const first = job.kind === 'formA3' ? A3_LANDSCAPE : A4;
  const options = job.omitUnprintable === true ? { replacement: '' } : {};
  const split = (text: string, role: FontRole) => runsByFont(text, fonts.resolver, { ...options, role });
  const writer = new PdfWriter(fonts.fonts, split, first, fonts.resolver.decode);
  const doc = buildDocument(job, writer.measurer);
  const marked = job.incomplete === true && job.kind !== 'blankForm' && job.kind !== 'notice' ? withWatermark(doc.pages, writer.measurer) : doc.pages;
  const pages = job.kind === 'formA3' ? imposeBooklet(marked) : marked;
  const title = job.kind === 'formA3' ? `${doc.title}（A3双面打印）` : doc.title;
  return { bytes: writer.render({ pages, title, subject: doc.subject, author: doc.author }), pages: pages.length };
}
