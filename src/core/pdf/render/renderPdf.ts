// The only code that touches jsPDF: registers fonts, measures text for the layout, and draws page data.
// It runs in a Web Worker in the browser and in Node at build time.
import { jsPDF } from 'jspdf';
import type { FontStyle, PageData, PageItem, Rgb, TextMeasurer } from '../layout/types';

export interface PdfFont {
  /** Name the resolver uses for it. */
  name: string;
  bytes: ArrayBuffer;
}

/** Splits text into runs, each printed with one registered font (chunks of the bundled font, or 仿宋). */
export type RunSplitter = (text: string, style: FontStyle) => { font: string; text: string }[];

export interface PdfDocumentInput {
  pages: PageData[];
  title: string;
  subject: string;
}

function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  // In slices: String.fromCharCode with a whole font as arguments would overflow the stack.
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

const BLACK: Rgb = [0, 0, 0];
const to255 = (c: Rgb): [number, number, number] => [Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255)];

/** 黑体 headings: the bundled serif drawn with a thin stroke, so headings stand out as the standard asks. */
const FAUX_BOLD: Partial<Record<FontStyle, number>> = { hei: 0.35 };

export class PdfWriter {
  private readonly doc: jsPDF;
  private readonly split: RunSplitter;
  private first = true;
  readonly measurer: TextMeasurer;

  constructor(fonts: PdfFont[], split: RunSplitter, firstPage: { width: number; height: number }) {
    this.doc = new jsPDF({ unit: 'pt', format: [firstPage.width, firstPage.height], orientation: firstPage.width > firstPage.height ? 'landscape' : 'portrait', compress: true });
    for (const font of fonts) {
      const file = `${font.name}.ttf`;
      this.doc.addFileToVFS(file, base64(font.bytes));
      this.doc.addFont(file, font.name, 'normal', 'Identity-H');
    }
    this.split = split;
    this.measurer = {
      width: (text, size, style) =>
        this.split(text, style).reduce((sum, run) => {
          this.doc.setFont(run.font, 'normal');
          return sum + this.doc.getStringUnitWidth(run.text) * size;
        }, 0),
    };
  }

  private drawText(item: Extract<PageItem, { kind: 'text' }>): void {
    const { doc } = this;
    doc.setFontSize(item.size);
    doc.setTextColor(...to255(item.color ?? BLACK));
    const stroke = FAUX_BOLD[item.style];
    if (stroke !== undefined) {
      doc.setLineWidth(stroke);
      doc.setDrawColor(...to255(item.color ?? BLACK));
    }
    let x = item.x;
    // charSpace is added after every character, so a run's advance is its width plus charSpace per character.
    for (const run of this.split(item.text, item.style)) {
      doc.setFont(run.font, 'normal');
      doc.text(run.text, x, item.y, {
        baseline: 'alphabetic',
        charSpace: item.charSpace,
        ...(stroke === undefined ? {} : { renderingMode: 'fillThenStroke' as const }),
      });
      x += doc.getStringUnitWidth(run.text) * item.size + item.charSpace * [...run.text].length;
    }
  }

  private drawPage(page: PageData): void {
    const { doc } = this;
    if (!this.first) doc.addPage([page.width, page.height], page.width > page.height ? 'landscape' : 'portrait');
    this.first = false;
    for (const item of page.items) {
      if (item.kind === 'text') this.drawText(item);
      else if (item.kind === 'line') {
        doc.setLineWidth(item.width);
        doc.setDrawColor(...to255(item.color ?? BLACK));
        doc.line(item.x1, item.y1, item.x2, item.y2);
      } else {
        doc.setLineWidth(item.lineWidth);
        if (item.fill) doc.setFillColor(...to255(item.fill));
        doc.setDrawColor(...to255(item.color ?? BLACK));
        doc.rect(item.x, item.y, item.w, item.h, item.fill ? (item.lineWidth > 0 ? 'FD' : 'F') : 'S');
      }
    }
  }

  /** Draws the document and returns the PDF bytes. */
  render(input: PdfDocumentInput): ArrayBuffer {
    this.doc.setProperties({ title: input.title, subject: input.subject, author: '南昌市总工会', creator: '南昌市劳模创新工作室申报网站' });
    this.doc.setDisplayMode('fullwidth', 'continuous');
    for (const page of input.pages) this.drawPage(page);
    return this.doc.output('arraybuffer');
  }
}
