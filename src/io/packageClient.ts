import type { Application } from '../core/application/types';
import type { DraftFileContents } from '../core/draft/archive';
import { DraftError, type Draft, type DraftAttachment, type DraftErrorCode } from '../core/draft/types';
import { createWorkerClient, WorkerJobError } from './workerClient';

// The messages between the page and src/workers/package.worker.ts, which builds the submission package and
// writes and reads draft files (all of it zip work, and the WebAssembly hashers run there, under no CSP).
export type PackageRequest =
  | {
      type: 'build';
      app: Application;
      pdfs: { volume?: Blob; form?: Blob; formA3?: Blob; materials?: Blob };
      /** The Word editions, when the applicant asks for them in the package. */
      words?: { form?: Blob; materials?: Blob };
      attachments: DraftAttachment[];
      video: 'include' | 'separate';
      now: string;
    }
  | { type: 'draft-export'; draft: Draft; attachments: DraftAttachment[]; now: string }
  | { type: 'draft-import'; file: Blob; name: string };

export type PackageResponse =
  | { id: number; type: 'progress'; phase: 'hash' | 'zip'; fraction: number; path: string | null }
  | { id: number; type: 'done'; zip: Blob; zipName: string; separate: { name: string; data: Blob; size: number }[] }
  | { id: number; type: 'draft-file'; file: Blob }
  | { id: number; type: 'draft-contents'; contents: DraftFileContents }
  | { id: number; type: 'error'; message: string; cancelled: boolean; draftCode?: DraftErrorCode };

export type PackageResult =
  | { kind: 'done'; zip: Blob; zipName: string; separate: { name: string; data: Blob; size: number }[] }
  | { kind: 'error'; message: string; cancelled: boolean; retry: boolean };

/** Heartbeats come every 2 s (package.worker.ts); ten missed ones mean the worker is gone. */
export const PACKAGE_WORKER_SILENCE_MS = 20_000;

// Created on first use: the zip and hashing code never load with the form.
const client = createWorkerClient<PackageRequest, PackageResponse>({
  create: () => new Worker(new URL('../workers/package.worker.ts', import.meta.url), { type: 'module' }),
  crashMessage: '后台程序意外停止（可能是内存不足，或浏览器结束了它）。',
  silenceMs: PACKAGE_WORKER_SILENCE_MS,
});

export interface PackageJob {
  request: Omit<Extract<PackageRequest, { type: 'build' }>, 'type'>;
  onProgress: (phase: 'hash' | 'zip', fraction: number, path: string | null) => void;
}

/** Starts a build; `cancel()` stops it (the promise then resolves with a cancelled error). */
export function buildPackageInWorker(job: PackageJob): { result: Promise<PackageResult>; cancel: () => void } {
  const controller = new AbortController();
  const result = client
    .run(
      { type: 'build', ...job.request },
      {
        signal: controller.signal,
        onProgress: (message) => {
          if (message.type === 'progress') job.onProgress(message.phase, message.fraction, message.path);
        },
      },
    )
    .then(
      (message): PackageResult => {
        if (message.type === 'done') return { kind: 'done', zip: message.zip, zipName: message.zipName, separate: message.separate };
        if (message.type === 'error') return { kind: 'error', message: message.message, cancelled: message.cancelled, retry: !message.cancelled };
        return { kind: 'error', message: '后台程序的回答无法识别，请刷新页面后重试。', cancelled: false, retry: true };
      },
      (error: unknown): PackageResult => {
        const failure = error instanceof WorkerJobError ? error : new WorkerJobError('crashed', '生成材料包时发生意外错误。', { cause: error });
        return { kind: 'error', message: `生成材料包时，${failure.message}`, cancelled: failure.reason === 'cancelled', retry: failure.reason !== 'cancelled' };
      },
    );
  return { result, cancel: () => controller.abort() };
}

/** The worker's answer as a value, or the error it reports (a DraftError keeps its code), thrown. */
async function draftJob(request: PackageRequest, what: string): Promise<PackageResponse> {
  let message: PackageResponse;
  try {
    message = await client.run(request);
  } catch (error) {
    throw error instanceof WorkerJobError ? new Error(`${what}时，${error.message}`, { cause: error }) : error;
  }
  if (message.type === 'error') throw message.draftCode === undefined ? new Error(message.message) : new DraftError(message.draftCode, message.message);
  return message;
}

/** The draft file of one draft (archive.ts), built in the worker. */
export async function exportDraftInWorker(draft: Draft, attachments: DraftAttachment[], now: string): Promise<Blob> {
  const message = await draftJob({ type: 'draft-export', draft, attachments, now }, '导出草稿文件');
  if (message.type !== 'draft-file') throw new Error('导出草稿文件失败：后台程序的回答无法识别，请刷新页面后重试。');
  return message.file;
}

/** A draft file or application.json read in the worker; throws the DraftError that says what is wrong. */
export async function importDraftInWorker(file: Blob, name: string): Promise<DraftFileContents> {
  const message = await draftJob({ type: 'draft-import', file, name }, '导入草稿文件');
  if (message.type !== 'draft-contents') throw new Error('导入草稿文件失败：后台程序的回答无法识别，请刷新页面后重试。');
  return message.contents;
}
