// The page's side of src/workers/desk.worker.ts: one worker, created on first use, and one promise per job.
import type { NoticeContext } from '../core/application/types';
import type { SummaryPdfInput } from '../core/desk/summaryPdf';
import type { DeskReport } from '../core/desk/types';

export type DeskRequest =
  | { type: 'verify'; id: number; reportId: string; file: File; ctx: NoticeContext; now: string }
  | { type: 'pdf'; id: number; input: SummaryPdfInput; fontBase: string }
  | { type: 'cancel'; id: number };

export type DeskResponse =
  | { id: number; type: 'progress'; fraction: number; path: string | null }
  | { id: number; type: 'report'; report: DeskReport }
  | { id: number; type: 'pdf'; pdf: Blob; pages: number }
  | { id: number; type: 'error'; message: string; cancelled: boolean };

type Job = { resolve: (message: DeskResponse) => void; onProgress?: (fraction: number, path: string | null) => void };

let worker: Worker | null = null;
let nextId = 1;
const jobs = new Map<number, Job>();

function deskWorker(): Worker {
  if (worker !== null) return worker;
  const created = new Worker(new URL('../workers/desk.worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<DeskResponse>) => {
    const message = event.data;
    const job = jobs.get(message.id);
    if (job === undefined) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.fraction, message.path);
      return;
    }
    jobs.delete(message.id);
    job.resolve(message);
  };
  created.onerror = () => {
    // The worker itself failed (out of memory, a script that did not load): every job still waiting says so.
    for (const [id, job] of jobs) job.resolve({ id, type: 'error', message: '审核台的后台程序出错，请刷新页面后重试。', cancelled: false });
    jobs.clear();
    worker = null;
  };
  worker = created;
  return created;
}

type Work = Extract<DeskRequest, { type: 'verify' | 'pdf' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function start(request: WithoutId<Work>, onProgress?: Job['onProgress']): { result: Promise<DeskResponse>; cancel: () => void } {
  const id = nextId++;
  const w = deskWorker();
  const result = new Promise<DeskResponse>((resolve) => jobs.set(id, { resolve, ...(onProgress === undefined ? {} : { onProgress }) }));
  w.postMessage({ ...request, id });
  return { result, cancel: () => w.postMessage({ type: 'cancel', id } satisfies DeskRequest) };
}

export function verifyInWorker(file: File, reportId: string, ctx: NoticeContext, onProgress: (fraction: number, path: string | null) => void) {
  return start({ type: 'verify', reportId, file, ctx, now: new Date().toISOString() }, onProgress);
}

export function summaryPdfInWorker(input: SummaryPdfInput, fontBase: string) {
  return start({ type: 'pdf', input, fontBase });
}
