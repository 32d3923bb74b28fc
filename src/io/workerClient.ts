// One client for the page's Web Workers (PDF, package): requests by id, progress, cancelling, and a clear end
// to every job whatever happens to the worker. Nothing hangs:
//   - an uncaught error in the worker (its `error` event) or a message it cannot read ends every job it was
//     running with `crashed`, and the worker is thrown away: the next request starts a new one;
//   - a worker that falls silent (killed for memory, or stuck) for longer than `silenceMs` while it has a
//     job is treated the same way; the package worker sends a heartbeat every few seconds to say it is alive;
//   - a request that cannot be sent (postMessage throws) ends that job only, with `unsendable`;
//   - cancelling ends the job at once with `cancelled` and tells the worker to stop, or, for a worker that works
//     in one synchronous stretch and would read the message only when done, terminates it (`cancelTerminates`).
//
// The protocol: the page posts `{ id, ...request }` and `{ id, type: 'cancel' }`; the worker answers with
// `{ id, type: 'progress', ... }` (any number) and then one message of any other type (the job's result).
// Messages without an id (heartbeats) only say that the worker is alive.
import { UserError } from '../core/errors';

export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type WorkerFailure = 'crashed' | 'unsendable' | 'cancelled';

/** A job that ended without a result; `message` is Chinese, for the user. */
export class WorkerJobError extends UserError<WorkerFailure> {
  override readonly name = 'WorkerJobError';

  get reason(): WorkerFailure {
    return this.code;
  }
}

export interface WorkerClientOptions {
  create: () => WorkerLike;
  /** What the user reads when the worker crashed or fell silent, e.g. 生成材料包的后台程序意外停止. */
  crashMessage: string;
  /** A worker silent this long while it has a job is given up for dead; no limit when absent. */
  silenceMs?: number;
  /** The worker cannot read a cancel message while it works: cancelling its only job terminates it. */
  cancelTerminates?: boolean;
}

export interface RunOptions<Message> {
  onProgress?: (message: Message) => void;
  signal?: AbortSignal;
  transfer?: Transferable[];
}

interface Pending<Message> {
  resolve: (message: Message) => void;
  reject: (error: WorkerJobError) => void;
  onProgress?: (message: Message) => void;
}

export interface WorkerClient<Request extends object, Message extends { type: string }> {
  /** Resolves with the job's last message; rejects with a WorkerJobError. */
  run(request: Request, options?: RunOptions<Message>): Promise<Message>;
  /** Ends every job and the worker (a page that goes away). */
  dispose(): void;
}

export const RETRY_ADVICE = '请点击“重试”；若仍失败，请关闭其他标签页或重启浏览器后再试。';
const UNSENDABLE = '无法把文件交给后台程序（浏览器拒绝传递），请刷新页面后重试。';
const CANCELLED = '已取消。';

export function createWorkerClient<Request extends object, Message extends { type: string }>(options: WorkerClientOptions): WorkerClient<Request, Message> {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending<Message>>();
  let silenceTimer: ReturnType<typeof setTimeout> | null = null;

  const stopWatch = () => {
    if (silenceTimer !== null) clearTimeout(silenceTimer);
    silenceTimer = null;
  };
  const watch = () => {
    stopWatch();
    if (options.silenceMs === undefined || pending.size === 0) return;
    silenceTimer = setTimeout(() => fail(worker, new Error('the worker fell silent')), options.silenceMs);
  };

  /** Every job of `failed` ends as crashed; that worker is never used again. */
  function fail(failed: WorkerLike | null, cause: unknown) {
    if (failed === null || failed !== worker) return;
    worker = null;
    stopWatch();
    failed.terminate();
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.reject(new WorkerJobError('crashed', `${options.crashMessage}${RETRY_ADVICE}`, { cause }));
  }

  function current(): WorkerLike {
    if (worker !== null) return worker;
    const created = options.create();
    worker = created;
    created.addEventListener('message', (event) => {
      if (created !== worker) return;
      watch();
      const message = (event as MessageEvent<unknown>).data;
      if (typeof message !== 'object' || message === null || !('id' in message)) return;
      const job = pending.get((message as { id: number }).id);
      if (job === undefined) return; // cancelled, or a stray heartbeat
      const typed = message as Message;
      if (typed.type === 'progress') {
        job.onProgress?.(typed);
        return;
      }
      pending.delete((message as { id: number }).id);
      watch();
      job.resolve(typed);
    });
    created.addEventListener('error', (event) => {
      event.preventDefault(); // handled here: no second report in the console
      fail(created, event);
    });
    created.addEventListener('messageerror', (event) => fail(created, event));
    return created;
  }

  return {
    run(request, { onProgress, signal, transfer = [] } = {}) {
      return new Promise<Message>((resolve, reject) => {
        if (signal?.aborted === true) {
          reject(new WorkerJobError('cancelled', CANCELLED, { cause: signal.reason }));
          return;
        }
        const id = nextId++;
        const target = current();
        const onAbort = () => {
          if (!pending.delete(id)) return;
          if (options.cancelTerminates === true && pending.size === 0 && target === worker) {
            // Its memory and CPU are freed now; the next request starts a fresh worker.
            worker = null;
            target.terminate();
          } else {
            try {
              target.postMessage({ id, type: 'cancel' });
            } catch {
              // the worker is gone: nothing to stop
            }
          }
          watch();
          reject(new WorkerJobError('cancelled', CANCELLED, { cause: signal?.reason }));
        };
        const done = () => signal?.removeEventListener('abort', onAbort);
        pending.set(id, {
          resolve: (message) => {
            done();
            resolve(message);
          },
          reject: (error) => {
            done();
            reject(error);
          },
          ...(onProgress === undefined ? {} : { onProgress }),
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          target.postMessage({ ...request, id }, transfer);
        } catch (error) {
          pending.delete(id);
          done();
          reject(new WorkerJobError('unsendable', UNSENDABLE, { cause: error }));
          return;
        }
        watch();
      });
    },
    dispose() {
      fail(worker, new Error('disposed'));
    },
  };
}
