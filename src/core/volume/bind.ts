// Binding the volume from its parts, with pdf-lib: each photo and proof is read and embedded (a PDF proof's pages
// as form XObjects, vector content kept; an image as it is, JPEG bytes untouched), the volume's own pages are laid
// out by the PDF engine (pages.ts) and drawn by jsPDF, then copied into the volume with the pictures and the
// proofs' pages drawn into their slots. No IO: the fonts come in, the bytes go out (the worker, the tests).
import { degrees, PDFDocument, type PDFEmbeddedPage, type PDFImage, type PDFPage } from 'pdf-lib';
import type { DraftAttachment } from '../draft/types';
import { digestBlob } from '../package/digest';
import { A4 } from '../pdf/documents/template';
import { runsByFont, type DocumentText, type FontResolver } from '../pdf/fonts';
import { fixedWidthMeasurer } from '../pdf/layout';
import { documentTexts } from '../pdf/makePdf';
import { PdfWriter, type PdfFont } from '../pdf/render/renderPdf';
import { photoFacts } from './exif';
import { PROOF_CATEGORIES, volumeDocument, type ProofCategory, type TocEntry, type VolumeContent, type VolumeFailure, type VolumeItem, type VolumeJob, type VolumeSlot } from './pages';
import { sniffKind, type MergeFailure } from './sources';

export type Drawable = { kind: 'image'; image: PDFImage } | { kind: 'pdf'; pages: PDFEmbeddedPage[] };

/** One attachment read and embedded into `out`, or the reason it cannot be. */
async function embed(out: PDFDocument, attachment: DraftAttachment, ref: number, drawables: Map<number, Drawable>): Promise<VolumeItem> {
  const { meta } = attachment;
  const base = { ref, name: meta.name, caption: meta.caption?.trim() ?? '' };
  const failed = (reason: MergeFailure): VolumeItem => ({ ...base, kind: 'failed', reason });
  const bytes = new Uint8Array(await attachment.data.arrayBuffer());
  const kind = sniffKind(bytes.subarray(0, 8));
  const namedPdf = /\.pdf$/i.test(meta.name) || meta.type === 'application/pdf';
  if (kind === 'pdf') {
    try {
      // Loaded with encryption ignored, then asked: pdf-lib's EncryptedPDFError is an ES5 subclass of Error that
      // `instanceof` cannot recognise, and an encrypted file's pages would only be scrambled bytes.
      const source = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
      if (source.isEncrypted) return failed('encrypted');
      if (source.getPageCount() === 0) return failed('damaged');
      const pages = await out.embedPages(source.getPages());
      drawables.set(ref, { kind: 'pdf', pages });
      return { ...base, kind: 'pdf', pages: pages.map((p) => ({ width: p.width, height: p.height })) };
    } catch {
      return failed('damaged');
    }
  }
  if (kind === 'jpeg' || kind === 'png') {
    try {
      const image = kind === 'jpeg' ? await out.embedJpg(bytes) : await out.embedPng(bytes);
      drawables.set(ref, { kind: 'image', image });
      const facts = kind === 'jpeg' ? photoFacts(bytes) : { orientation: 1, takenOn: null };
      return { ...base, kind: 'image', width: image.width, height: image.height, ...facts };
    } catch {
      return failed('image-damaged');
    }
  }
  if (namedPdf) return failed('not-pdf');
  return failed(/^image\//.test(meta.type) || /\.(jpe?g|png)$/i.test(meta.name) ? 'image-damaged' : 'unsupported');
}

/** An image in its slot, turned as its EXIF orientation says (pdf-lib rotates about the image's corner). */
function drawImage(page: PDFPage, image: PDFImage, slot: VolumeSlot) {
  const { box } = slot;
  const x = box.x;
  const y = page.getHeight() - box.y - box.h;
  // Mirrored orientations (2, 4, 5, 7; rare in cameras) are drawn as the nearest rotation.
  const turn = ({ 1: 0, 2: 0, 3: 180, 4: 180, 5: -90, 6: -90, 7: 90, 8: 90 } as Record<number, number>)[slot.orientation ?? 1] ?? 0;
  if (turn === 0) page.drawImage(image, { x, y, width: box.w, height: box.h });
  else if (turn === 180) page.drawImage(image, { x: x + box.w, y: y + box.h, width: box.w, height: box.h, rotate: degrees(180) });
  else if (turn === -90) page.drawImage(image, { x, y: y + box.h, width: box.h, height: box.w, rotate: degrees(-90) });
  else page.drawImage(image, { x: x + box.w, y, width: box.h, height: box.w, rotate: degrees(90) });
}

export interface VolumeParts {
  out: PDFDocument;
  content: VolumeContent;
  drawables: Map<number, Drawable>;
}

/** Reads every attachment into a new volume; `progress` is called before each file (it may throw to stop). */
export async function readParts(attachments: readonly DraftAttachment[], videoSeconds: number | null, progress: (text: string, fraction: number) => void): Promise<VolumeParts> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const drawables = new Map<number, Drawable>();
  const sorted = [...attachments].sort((a, b) => a.meta.order - b.meta.order);
  const readable = sorted.filter((a) => a.meta.category !== 'video');
  const content: { photos: VolumeItem[]; proofs: Partial<Record<ProofCategory, VolumeItem[]>>; others: VolumeItem[]; video: VolumeContent['video'] } = { photos: [], proofs: {}, others: [], video: null };
  for (const [ref, attachment] of readable.entries()) {
    progress(`正在读取附件：${attachment.meta.name}`, readable.length === 0 ? 1 : ref / readable.length);
    const item = await embed(out, attachment, ref, drawables);
    const category = attachment.meta.category;
    if (category === 'photos') content.photos.push(item);
    else if (category === 'other') content.others.push(item);
    else if ((PROOF_CATEGORIES as readonly string[]).includes(category)) (content.proofs[category as ProofCategory] ??= []).push(item);
  }
  const video = sorted.find((a) => a.meta.category === 'video');
  if (video !== undefined) {
    progress('正在计算视频的校验值……', 1);
    const digest = await digestBlob(video.data);
    content.video = { name: video.meta.name, seconds: videoSeconds, size: video.data.size, sha256: digest.sha256 };
  }
  return { out, content, drawables };
}

/** Every text the volume prints, for planning its fonts: the form's fields, and its own titles, captions, names. */
export function volumeTexts(job: VolumeJob, content: VolumeContent): DocumentText[] {
  const printed = volumeDocument(job, content, fixedWidthMeasurer()).pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])));
  return [...documentTexts({ ...job, kind: 'form' }), { path: '', label: '汇编的标题、照片说明和文件名', text: printed.join('\n') }];
}

export interface BoundVolume {
  bytes: Uint8Array;
  pages: number;
  failures: VolumeFailure[];
  toc: TocEntry[];
}

export async function bindVolume(
  parts: VolumeParts,
  job: VolumeJob & { omitUnprintable?: boolean },
  fonts: { fonts: PdfFont[]; resolver: FontResolver },
  progress: (text: string, fraction: number) => void,
  now: Date,
): Promise<BoundVolume> {
  const { out, content, drawables } = parts;
  const options = job.omitUnprintable === true ? { replacement: '' } : {};
  const writer = new PdfWriter(fonts.fonts, (text) => runsByFont(text, fonts.resolver, options), A4, fonts.resolver.decode);
  const doc = volumeDocument(job, content, writer.measurer);
  const drawn = writer.render({ pages: doc.pages, title: doc.title, subject: doc.subject, author: doc.author });

  progress('正在合并证明材料……', 0.5);
  const frame = await PDFDocument.load(drawn, { updateMetadata: false });
  const pages = await out.copyPages(frame, frame.getPageIndices());
  for (const page of pages) out.addPage(page);
  for (const slot of doc.slots) {
    const page = pages[slot.page];
    const drawable = drawables.get(slot.ref);
    if (page === undefined || drawable === undefined) continue;
    if (drawable.kind === 'image') drawImage(page, drawable.image, slot);
    else {
      const embedded = drawable.pages[slot.sourcePage ?? 0];
      if (embedded !== undefined) page.drawPage(embedded, { x: slot.box.x, y: page.getHeight() - slot.box.y - slot.box.h, width: slot.box.w, height: slot.box.h });
    }
  }
  out.setTitle(doc.title);
  out.setSubject(doc.subject);
  out.setAuthor(doc.author);
  out.setCreator('南昌市劳模创新工作室申报网站');
  out.setProducer('pdf-lib 1.17.1');
  out.setLanguage('zh-CN');
  out.setCreationDate(now);
  out.setModificationDate(now);
  progress('正在写入PDF文件……', 0.9);
  // Plain objects (no object streams): every reader, and the review desk's page count, can read the page tree.
  const bytes = await out.save({ useObjectStreams: false });
  return { bytes, pages: out.getPageCount(), failures: doc.failures, toc: doc.toc };
}
