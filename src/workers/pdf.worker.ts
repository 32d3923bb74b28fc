/// <reference lib="webworker" />
// Generates PDFs off the page's main thread: loads the fonts the document needs, lays it out, draws it.
import '../compat/polyfills';
import { describeError, UserError } from '../core/errors';
import { chunkFace, prepareUserFont } from '../core/pdf/fonts';
import { UNEXPECTED_PDF_FAILURE } from '../core/pdf/failure';
import { fontTexts } from '../core/pdf/documentTexts';
import { makePdf } from '../core/pdf/makePdf';
import { loadBundledFonts } from '../io/fonts';
import type { PdfRequest, PdfResponse } from '../io/pdfClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<PdfRequest>) => {
  const { id, job, fontBase, userFont } = event.data;
  const post = (message: PdfResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  const started = performance.now();
  try {
    const user = userFont ? prepareUserFont(userFont) : null;
    if (user && !user.ok) throw new UserError(user.code, user.message);
    const extra = user?.ok ? [user.font] : [];
    post({ id, type: 'progress', text: '正在载入字体……', fraction: 0.05 });
    let fetched = 0;
    const fonts = await loadBundledFonts(fontBase, fontTexts(job), {
      extraFonts: extra,
      onProgress: (p) => {
        fetched = p.loadedBytes;
        post({ id, type: 'progress', text: '正在载入字体……', fraction: 0.05 + 0.45 * (p.totalBytes > 0 ? p.loadedBytes / p.totalBytes : 1) });
      },
    });
    if (fonts.plan.unprintable.length > 0 && job.omitUnprintable !== true) {
      post({ id, type: 'unprintable', chars: fonts.plan.unprintable.map((u) => ({ char: u.char, fields: u.fields.map((f) => ({ label: f.label })) })) });
      return;
    }
    post({ id, type: 'progress', text: '正在排版……', fraction: 0.6 });
    const pdfFonts = [
      ...[...fonts.chunks].map(([name, bytes]) => ({ name, bytes, face: chunkFace(fonts.manifest, name) })),
      ...extra.map((f) => ({ name: f.name, bytes: f.bytes })),
    ];
    const made = makePdf(job, { fonts: pdfFonts, resolver: fonts.resolver });
    post({ id, type: 'done', bytes: made.bytes, pages: made.pages, fontBytes: fetched, ms: performance.now() - started }, [made.bytes]);
  } catch (error) {
    // A library's own (English) error never reaches the user as the message.
    post({ id, type: 'error', message: describeError(error, UNEXPECTED_PDF_FAILURE).message });
  }
};
