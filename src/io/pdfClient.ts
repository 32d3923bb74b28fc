import type { PdfJob } from '../core/pdf/makePdf';

// The messages between the page and src/workers/pdf.worker.ts.
export interface PdfRequest {
  id: number;
  job: PdfJob;
  fontBase: string;
  /** Bytes of the user's own 仿宋 (picked on the page), or null for the bundled font only. */
  userFont: ArrayBuffer | null;
}

export type PdfResponse =
  | { id: number; type: 'progress'; text: string; fraction: number }
  | { id: number; type: 'done'; bytes: ArrayBuffer; pages: number; fontBytes: number; ms: number }
  | { id: number; type: 'unprintable'; chars: { char: string; fields: { label: string }[] }[] }
  | { id: number; type: 'error'; message: string };


export type PdfResult =
  | { kind: 'done'; blob: Blob; pages: number; fontBytes: number; ms: number }
  | { kind: 'unprintable'; chars: { char: string; fields: { label: string }[] }[] }
  | { kind: 'error'; message: string };

let worker: Worker | null = null;
let nextId = 1;

function pdfWorker(): Worker {
  // Created on first use: the PDF code, jsPDF and fonts never load with the form.
  worker ??= new Worker(new URL('../workers/pdf.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Asks the PDF worker for one document; progress comes as Chinese text and a fraction. */
export function generatePdf(
  job: PdfJob,
  options: { fontBase: string; userFont: ArrayBuffer | null; onProgress: (text: string, fraction: number) => void },
): Promise<PdfResult> {
  const id = nextId++;
  const w = pdfWorker();
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<PdfResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') {
        options.onProgress(message.text, message.fraction);
        return;
      }
      w.removeEventListener('message', onMessage);
      if (message.type === 'done') {
        resolve({ kind: 'done', blob: new Blob([message.bytes], { type: 'application/pdf' }), pages: message.pages, fontBytes: message.fontBytes, ms: message.ms });
      } else if (message.type === 'unprintable') resolve({ kind: 'unprintable', chars: message.chars });
      else resolve({ kind: 'error', message: message.message });
    };
    w.addEventListener('message', onMessage);
    w.onerror = () => resolve({ kind: 'error', message: '生成PDF的后台程序出错，请刷新页面后重试。' });
    const request: PdfRequest = { id, job, fontBase: options.fontBase, userFont: options.userFont };
    w.postMessage(request);
  });
}
