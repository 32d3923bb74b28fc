/// <reference lib="webworker" />
// The review desk's work off the page's main thread: verifying packages (reading and hashing hundreds of MB)
// and typesetting the 汇总表 PDF.
import '../compat/polyfills';
import { summaryPdf, summaryPdfTexts } from '../core/desk/summaryPdf';
import { verifyFile } from '../core/desk/verify';
import validateFns from '../generated/validate-application.js';
import { loadBundledFonts } from '../io/fonts';
import type { DeskRequest, DeskResponse } from '../io/deskClient';
import { serveJobs } from './jobLoop';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const schemaValidate = validateFns['application'];
type Job = Exclude<DeskRequest, { type: 'cancel' }>;

async function answer(request: Job, signal: AbortSignal): Promise<DeskResponse> {
  const { id } = request;
  if (request.type === 'verify') {
    if (schemaValidate === undefined) throw new Error('validator missing');
    let last = -1;
    const report = await verifyFile(request.file, request.file.name, {
      ctx: request.ctx,
      schemaValidate,
      id: request.reportId,
      now: request.now,
      signal,
      onProgress: ({ fraction, path }) => {
        if (fraction - last < 0.01 && fraction < 1) return;
        last = fraction;
        scope.postMessage({ id, type: 'progress', fraction, path } satisfies DeskResponse);
      },
    });
    return { id, type: 'report', report };
  }
  const fonts = await loadBundledFonts(request.fontBase, summaryPdfTexts(request.input));
  const made = summaryPdf(request.input, { fonts: [...fonts.chunks].map(([name, bytes]) => ({ name, bytes })), resolver: fonts.resolver });
  return { id, type: 'pdf', pdf: new Blob([made.bytes], { type: 'application/pdf' }), pages: made.pages };
}

serveJobs<Job, DeskResponse>(scope, answer, ({ id }, error, signal) => ({ id, type: 'error', cancelled: signal.aborted, message: error instanceof Error ? error.message : String(error) }));
