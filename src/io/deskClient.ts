// The page's side of src/workers/desk.worker.ts: a few workers, each created on first use, one promise per job.
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

/**
 * Packages are verified in parallel, one per worker: hashing is CPU work, and an office PC has two cores or more.
 * Each worker holds at most one entry (64 MiB) at a time.
 */
export const DESK_WORKERS = Math.min(4, Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2));

const workers: (Worker | null)[] = [];
const busy: number[] = [];
let nextId = 1;
const jobs = new Map<number, Job & { slot: number }>();

function deskWorker(slot: number): Worker {
  const existing = workers[slot];
  if (existing) return existing;
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
    busy[job.slot] = (busy[job.slot] ?? 1) - 1;
    job.resolve(message);
  };
  created.onerror = () => {
    // The worker itself failed (out of memory, a script that did not load): every job it had says so.
    for (const [id, job] of jobs) {
      if (job.slot !== slot) continue;
      jobs.delete(id);
      job.resolve({ id, type: 'error', message: '审核台的后台程序出错，请刷新页面后重试。', cancelled: false });
    }
    busy[slot] = 0;
    workers[slot] = null;
  };
  workers[slot] = created;
  return created;
}

type Work = Extract<DeskRequest, { type: 'verify' | 'pdf' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function start(request: WithoutId<Work>, onProgress?: Job['onProgress']): { result: Promise<DeskResponse>; cancel: () => void } {
  const id = nextId++;
  // The least busy worker (the PDF goes to the first, whose fonts may be loaded already).
  let slot = 0;
  if (request.type === 'verify') {
    for (let i = 1; i < DESK_WORKERS; i += 1) if ((busy[i] ?? 0) < (busy[slot] ?? 0)) slot = i;
  }
  busy[slot] = (busy[slot] ?? 0) + 1;
  const w = deskWorker(slot);
  const result = new Promise<DeskResponse>((resolve) => jobs.set(id, { resolve, slot, ...(onProgress === undefined ? {} : { onProgress }) }));
  w.postMessage({ ...request, id });
  return { result, cancel: () => w.postMessage({ type: 'cancel', id } satisfies DeskRequest) };
}

export function verifyInWorker(file: File, reportId: string, ctx: NoticeContext, onProgress: (fraction: number, path: string | null) => void) {
  return start({ type: 'verify', reportId, file, ctx, now: new Date().toISOString() }, onProgress);
}

export function summaryPdfInWorker(input: SummaryPdfInput, fontBase: string) {
  return start({ type: 'pdf', input, fontBase });
}
