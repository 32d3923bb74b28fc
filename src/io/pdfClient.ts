import type { PdfJob } from '../core/pdf/makePdf';
import { createWorkerClient, WorkerJobError } from './workerClient';

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
  | { kind: 'error'; message: string; retry: boolean }
  | { kind: 'cancelled' };

// Created on first use: the PDF code, jsPDF and fonts never load with the form. The PDF worker sends no
// heartbeat and lays a document out in one synchronous stretch, so only a long silence means it is gone.
const client = createWorkerClient<Omit<PdfRequest, 'id'>, PdfResponse>({
  create: () => new Worker(new URL('../workers/pdf.worker.ts', import.meta.url), { type: 'module' }),
  crashMessage: '生成PDF的后台程序意外停止（可能是内存不足，或浏览器结束了它）。',
  silenceMs: 180_000,
  // Layout runs in one synchronous stretch: 取消 must stop it, not wait for it.
  cancelTerminates: true,
});

/** Asks the PDF worker for one document; progress comes as Chinese text and a fraction. */
export async function generatePdf(
  job: PdfJob,
  options: { fontBase: string; userFont: ArrayBuffer | null; onProgress: (text: string, fraction: number) => void; signal?: AbortSignal },
): Promise<PdfResult> {
  try {
    const message = await client.run(
      { job, fontBase: options.fontBase, userFont: options.userFont },
      {
        onProgress: (m) => {
          if (m.type === 'progress') options.onProgress(m.text, m.fraction);
        },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
    );
    if (message.type === 'done') return { kind: 'done', blob: new Blob([message.bytes], { type: 'application/pdf' }), pages: message.pages, fontBytes: message.fontBytes, ms: message.ms };
    if (message.type === 'unprintable') return { kind: 'unprintable', chars: message.chars };
    if (message.type === 'error') return { kind: 'error', message: message.message, retry: false };
    return { kind: 'error', message: '生成PDF时发生意外错误，请重试。', retry: true };
  } catch (error) {
    if (error instanceof WorkerJobError && error.reason === 'cancelled') return { kind: 'cancelled' };
    return { kind: 'error', message: error instanceof WorkerJobError ? error.message : '生成PDF时发生意外错误，请重试。', retry: true };
  }
}
