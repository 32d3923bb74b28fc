import type { DraftAttachment } from '../core/draft/types';
import type { VolumeFailure, VolumeJob, TocEntry } from '../core/volume/pages';
import { videoDuration } from './media';
import { createWorkerClient, WorkerJobError } from './workerClient';

// The messages between the page and src/workers/volume.worker.ts, which binds the 申报材料汇编.
export interface VolumeRequest {
  job: VolumeJob & { omitUnprintable?: boolean };
  /** Photos, proofs, other files and the video, in the user's order (the worker sorts them into parts). */
  attachments: DraftAttachment[];
  /** The video's length, read by the page (a worker has no <video>). */
  videoSeconds: number | null;
  fontBase: string;
  userFont: ArrayBuffer | null;
}

export type VolumeResponse =
  | { id: number; type: 'progress'; text: string; fraction: number }
  | { id: number; type: 'done'; bytes: ArrayBuffer; pages: number; ms: number; failures: VolumeFailure[]; toc: TocEntry[] }
  | { id: number; type: 'unprintable'; chars: { char: string; fields: { label: string }[] }[] }
  | { id: number; type: 'error'; message: string };

export type VolumeResult =
  | { kind: 'done'; blob: Blob; pages: number; ms: number; failures: VolumeFailure[]; toc: TocEntry[] }
  | { kind: 'unprintable'; chars: { char: string; fields: { label: string }[] }[] }
  | { kind: 'error'; message: string; retry: boolean; cancelled: boolean };

// Created on first use: pdf-lib, the PDF engine and the fonts never load with the form. The worker reads files
// and merges in awaited steps, and reports progress between them; a long silence means it is gone.
const client = createWorkerClient<VolumeRequest, VolumeResponse>({
  create: () => new Worker(new URL('../workers/volume.worker.ts', import.meta.url), { type: 'module' }),
  crashMessage: '生成申报材料汇编的后台程序意外停止（可能是内存不足，或浏览器结束了它）。',
  silenceMs: 180_000,
});

const UNEXPECTED = '生成申报材料汇编时发生意外错误，请重试。';

/** Reads the video's length on the page, then binds the volume in the worker (see generateVolume). */
export async function startVolume(
  input: Pick<VolumeRequest, 'job' | 'attachments' | 'fontBase'> & { userFont: ArrayBuffer | null },
  onProgress: (text: string, fraction: number) => void,
): Promise<{ result: Promise<VolumeResult>; cancel: () => void }> {
  const video = input.attachments.find((a) => a.meta.category === 'video');
  const videoSeconds = video === undefined ? null : await videoDuration(video.data);
  return generateVolume({ job: input.job, attachments: input.attachments, videoSeconds, fontBase: input.fontBase, userFont: input.userFont?.slice(0) ?? null }, onProgress);
}

/** Binds the volume in the worker; `cancel()` stops it (the promise then resolves with a cancelled error). */
function generateVolume(request: VolumeRequest, onProgress: (text: string, fraction: number) => void): { result: Promise<VolumeResult>; cancel: () => void } {
  const controller = new AbortController();
  const result = client
    .run(request, {
      signal: controller.signal,
      onProgress: (m) => {
        if (m.type === 'progress') onProgress(m.text, m.fraction);
      },
    })
    .then(
      (message): VolumeResult => {
        if (message.type === 'done') return { kind: 'done', blob: new Blob([message.bytes], { type: 'application/pdf' }), pages: message.pages, ms: message.ms, failures: message.failures, toc: message.toc };
        if (message.type === 'unprintable') return { kind: 'unprintable', chars: message.chars };
        if (message.type === 'error') return { kind: 'error', message: message.message, retry: false, cancelled: false };
        return { kind: 'error', message: UNEXPECTED, retry: true, cancelled: false };
      },
      (error: unknown): VolumeResult => {
        if (error instanceof WorkerJobError) return { kind: 'error', message: error.message, retry: error.reason !== 'cancelled', cancelled: error.reason === 'cancelled' };
        return { kind: 'error', message: UNEXPECTED, retry: true, cancelled: false };
      },
    );
  return { result, cancel: () => controller.abort() };
}
