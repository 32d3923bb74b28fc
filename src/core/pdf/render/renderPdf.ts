// The only code that touches jsPDF: registers fonts, measures text for the layout, and draws page data.
// It runs in a Web Worker in the browser and in Node at build time.
import { jsPDF } from 'jspdf';
import { fontRole, type FontRole } from '../fonts/roles';
import type { PageData, PageItem, Rgb, TextMeasurer } from '../layout/types';

export interface PdfFont {
  /** Name the resolver uses for it. */
  name: string;
  bytes: ArrayBuffer;
  /** Typeface, for the PDF's font name (`ABCDEF+NotoSerifSC`); the key when absent. */
  face?: string;
}

/** The real code point behind a code jsPDF was given for a font (a rare chunk's private-use stand-in), or null. */
export type CodeDecoder = (font: string, code: number) => number | null;

/** Subset fonts are named `ABCDEF+Face` (PDF 32000 9.6.4): six capitals derived from the font's key. */
export function subsetFontName(key: string, face: string): string {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + (i + 1) * 7919;
  }
  return `${tag}+${face.replace(/[^A-Za-z0-9-]/g, '')}`;
}

// jsPDF writes a font's ToUnicode map from the UTF-16 units it was given (4 hex digits each). For a rare chunk
// these are private-use stand-ins, so while such a font is written its ToUnicode stream is rewritten with the real
// code points (UTF-16BE, surrogate pairs beyond the BMP): the text extracts as 𠮷, not U+E000. The handler runs
// before jsPDF's own (a new document subscribes API.events from the last one back), which then writes through the
// wrapped putStream.
const decoders = new Map<string, (code: number) => number | null>();
interface PutFontArgs {
  font: { fontName: string };
  putStream: (options: { data: string; [key: string]: unknown }) => void;
}
(jsPDF.API.events as [string, (args: PutFontArgs) => void][]).push([
  'putFont',
  (args) => {
    const decode = decoders.get(args.font.fontName);
    if (decode === undefined) return;
    const put = args.putStream;
    args.putStream = (options) => put(typeof options.data === 'string' && options.data.startsWith('/CIDInit') ? { ...options, data: rewriteToUnicode(options.data, decode) } : options);
  },
]);

/** The ToUnicode CMap with each `<glyph><code>` entry whose code decodes to a real code point rewritten. */
export function rewriteToUnicode(cmap: string, decode: (code: number) => number | null): string {
  return cmap.replace(/<([0-9a-f]{4})><([0-9a-f]{4})>/gi, (whole, glyph: string, code: string) => {
    const real = decode(parseInt(code, 16));
    if (real === null) return whole;
    const units = String.fromCodePoint(real);
    let hex = '';
    for (let i = 0; i < units.length; i++) hex += units.charCodeAt(i).toString(16).padStart(4, '0');
    return `<${glyph}><${hex}>`;
  });
}

/** Splits text into runs, each printed with one registered font (chunks of the role's face, the serif, or 仿宋). */
export type RunSplitter = (text: string, role: FontRole) => { font: string; text: string }[];

export interface PdfDocumentInput {
  pages: PageData[];
  title: string;
  subject: string;
  /** The applicant's unit on its own PDFs; 南昌市总工会 on the notice and the blank form. */
  author: string;
}

// The font loader keeps each chunk's bytes for the worker's life: its base64 (a sixth of a PDF's time for 2 MB of
// fonts) is made once, not for every PDF.
const base64s = new WeakMap<ArrayBuffer, string>();

function base64(bytes: ArrayBuffer): string {
  const known = base64s.get(bytes);
  if (known !== undefined) return known;
  const view = new Uint8Array(bytes);
  let binary = '';
  // In slices: String.fromCharCode with a whole font as arguments would overflow the stack.
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  const encoded = btoa(binary);
  base64s.set(bytes, encoded);
  return encoded;
}

const BLACK: Rgb = [0, 0, 0];
const to255 = (c: Rgb): [number, number, number] => [Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255)];

export class PdfWriter {
  private readonly doc: jsPDF;
  private readonly split: RunSplitter;
  /** Resolver key -> the font's name in jsPDF and in the PDF. */
  private readonly names = new Map<string, string>();
  private first = true;
  readonly measurer: TextMeasurer;

  constructor(fonts: PdfFont[], split: RunSplitter, firstPage: { width: number; height: number }, decode?: CodeDecoder) {
    // putOnlyUsedFonts: no unused standard-14 fonts in the page resources.
    this.doc = new jsPDF({ unit: 'pt', format: [firstPage.width, firstPage.height], orientation: firstPage.width > firstPage.height ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
    for (const font of fonts) {
      const name = subsetFontName(font.name, font.face ?? font.name);
      const file = `${name}.ttf`;
      this.names.set(font.name, name);
      this.doc.addFileToVFS(file, base64(font.bytes));
      this.doc.addFont(file, name, 'normal', 'Identity-H');
      if (decode !== undefined) decoders.set(name, (code) => decode(font.name, code));
    }
    this.split = split;
    this.measurer = {
      width: (text, size, style) =>
        this.split(text, fontRole(style, size)).reduce((sum, run) => {
          this.setFont(run.font);
          return sum + this.doc.getStringUnitWidth(run.text) * size;
        }, 0),
    };
  }

  private setFont(key: string): void {
    this.doc.setFont(this.names.get(key) ?? key, 'normal');
  }

  private drawText(item: Extract<PageItem, { kind: 'text' }>): void {
    const { doc } = this;
    doc.setFontSize(item.size);
    doc.setTextColor(...to255(item.color ?? BLACK));
    let x = item.x;
    let y = item.y;
    const angle = item.angle ?? 0;
    const cos = Math.cos((angle * Math.PI) / 180);
    const sin = Math.sin((angle * Math.PI) / 180);
    // charSpace is added after every character, so a run's advance is its width plus charSpace per character.
    for (const run of this.split(item.text, fontRole(item.style, item.size))) {
      this.setFont(run.font);
      doc.text(run.text, x, y, {
        baseline: 'alphabetic',
        charSpace: item.charSpace,
        ...(angle === 0 ? {} : { angle }),
      });
      const advance = doc.getStringUnitWidth(run.text) * item.size + item.charSpace * [...run.text].length;
      x += advance * cos;
      y -= advance * sin;
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
    this.doc.setProperties({ title: input.title, subject: input.subject, author: input.author, creator: '南昌市劳模创新工作室申报网站' });
    this.doc.setDisplayMode('fullwidth', 'continuous');
    for (const page of input.pages) this.drawPage(page);
    return this.doc.output('arraybuffer');
  }
}
