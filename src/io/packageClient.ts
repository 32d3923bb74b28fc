import type { Application } from '../core/application/types';
import type { DraftAttachment } from '../core/draft/types';

// The messages between the page and src/workers/package.worker.ts.
export type PackageRequest =
  | {
      type: 'build';
      id: number;
      app: Application;
      pdfs: { form?: Blob; formA3?: Blob; materials?: Blob };
      attachments: DraftAttachment[];
      video: 'include' | 'separate';
      now: string;
    }
  | { type: 'cancel'; id: number };

export type PackageResponse =
  | { id: number; type: 'progress'; phase: 'hash' | 'zip'; fraction: number; path: string | null }
  | { id: number; type: 'done'; zip: Blob; zipName: string; separate: { name: string; data: Blob; size: number }[] }
  | { id: number; type: 'error'; message: string; cancelled: boolean };


export type PackageResult =
  | { kind: 'done'; zip: Blob; zipName: string; separate: { name: string; data: Blob; size: number }[] }
  | { kind: 'error'; message: string; cancelled: boolean };

let worker: Worker | null = null;
let nextId = 1;

function packageWorker(): Worker {
  // Created on first use: jszip and the hashing code never load with the form.
  worker ??= new Worker(new URL('../workers/package.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

export interface PackageJob {
  request: Omit<Extract<PackageRequest, { type: 'build' }>, 'type' | 'id'>;
  onProgress: (phase: 'hash' | 'zip', fraction: number, path: string | null) => void;
}

/** Starts a build; `cancel()` stops it (the promise then resolves with a cancelled error). */
export function buildPackageInWorker(job: PackageJob): { result: Promise<PackageResult>; cancel: () => void } {
  const id = nextId++;
  const w = packageWorker();
  const result = new Promise<PackageResult>((resolve) => {
    const onMessage = (event: MessageEvent<PackageResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') {
        job.onProgress(message.phase, message.fraction, message.path);
        return;
      }
      w.removeEventListener('message', onMessage);
      resolve(message.type === 'done' ? { kind: 'done', zip: message.zip, zipName: message.zipName, separate: message.separate } : { kind: 'error', message: message.message, cancelled: message.cancelled });
    };
    w.addEventListener('message', onMessage);
    w.onerror = () => resolve({ kind: 'error', message: '生成材料包的后台程序出错，请刷新页面后重试。', cancelled: false });
  });
  const request: PackageRequest = { type: 'build', id, ...job.request };
  w.postMessage(request);
  return { result, cancel: () => w.postMessage({ type: 'cancel', id } satisfies PackageRequest) };
}
