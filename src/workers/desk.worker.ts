/// <reference lib="webworker" />
// The review desk's work off the page's main thread: verifying packages (reading and hashing hundreds of MB)
// and typesetting the 汇总表 PDF.
import '../compat/polyfills';
import { summaryPdf, summaryPdfTexts } from '../core/desk/summaryPdf';
import { verifyFile } from '../core/desk/verify';
import validateFns from '../generated/validate-application.js';
import { loadBundledFonts } from '../io/fonts';
import type { DeskRequest, DeskResponse } from '../io/deskClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const schemaValidate = validateFns['application'];
const running = new Map<number, AbortController>();

function post(message: DeskResponse): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<DeskRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const { id } = request;
  try {
    if (request.type === 'verify') {
      if (schemaValidate === undefined) throw new Error('validator missing');
      let last = -1;
      const report = await verifyFile(request.file, request.file.name, {
        ctx: request.ctx,
        schemaValidate,
        id: request.reportId,
        now: request.now,
        signal: controller.signal,
        onProgress: ({ fraction, path }) => {
          if (fraction - last < 0.01 && fraction < 1) return;
          last = fraction;
          post({ id, type: 'progress', fraction, path });
        },
      });
      post({ id, type: 'report', report });
    } else {
      const fonts = await loadBundledFonts(request.fontBase, summaryPdfTexts(request.input));
      const made = summaryPdf(request.input, { fonts: [...fonts.chunks].map(([name, bytes]) => ({ name, bytes })), resolver: fonts.resolver });
      post({ id, type: 'pdf', pdf: new Blob([made.bytes], { type: 'application/pdf' }), pages: made.pages });
    }
  } catch (error) {
    post({ id, type: 'error', cancelled: controller.signal.aborted, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
};
