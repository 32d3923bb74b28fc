import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerClient, WorkerJobError, type WorkerLike } from '../../src/io/workerClient';

type Message = { id: number; type: 'progress'; n: number } | { id: number; type: 'done'; value: string };

/** A stand-in for a Worker: records what the page posts, answers when told, can crash or be unable to clone. */
class FakeWorker extends EventTarget implements WorkerLike {
  posted: { id: number; type?: string }[] = [];
  terminated = false;
  refuse = false;

  postMessage(message: unknown): void {
    if (this.refuse) throw new DOMException('could not be cloned', 'DataCloneError');
    this.posted.push(message as { id: number; type?: string });
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }

  crash(): void {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }

  lastId(): number {
    return this.posted.at(-1)?.id ?? -1;
  }
}

function client(silenceMs?: number, cancelTerminates = false) {
  const workers: FakeWorker[] = [];
  const c = createWorkerClient<{ type: 'job'; input: string }, Message>({
    create: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    crashMessage: '后台程序意外停止。',
    ...(silenceMs === undefined ? {} : { silenceMs }),
    cancelTerminates,
  });
  return { c, workers };
}

async function failureOf(promise: Promise<unknown>): Promise<WorkerJobError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkerJobError) return error;
    throw error;
  }
  throw new Error('expected the job to fail');
}

afterEach(() => vi.useRealTimers());

describe('the worker client', () => {
  it('matches answers to requests by id and passes progress on', async () => {
    const { c, workers } = client();
    const progress: number[] = [];
    const first = c.run({ type: 'job', input: 'a' }, { onProgress: (m) => m.type === 'progress' && progress.push(m.n) });
    const second = c.run({ type: 'job', input: 'b' });
    const worker = workers[0]!;
    expect(workers).toHaveLength(1);
    expect(worker.posted).toEqual([{ type: 'job', input: 'a', id: 1 }, { type: 'job', input: 'b', id: 2 }]);
    worker.reply({ id: 1, type: 'progress', n: 0.5 });
    worker.reply({ id: 2, type: 'done', value: 'B' });
    worker.reply({ type: 'heartbeat' });
    worker.reply({ id: 1, type: 'done', value: 'A' });
    expect(await first).toEqual({ id: 1, type: 'done', value: 'A' });
    expect(await second).toEqual({ id: 2, type: 'done', value: 'B' });
    expect(progress).toEqual([0.5]);
  });

  it('ends every running job with a Chinese message when the worker crashes, and starts a new worker for the next', async () => {
    const { c, workers } = client();
    const a = c.run({ type: 'job', input: 'a' });
    const b = c.run({ type: 'job', input: 'b' });
    workers[0]!.crash();
    for (const job of [a, b]) {
      const error = await failureOf(job);
      expect(error.reason).toBe('crashed');
      expect(error.message).toBe('后台程序意外停止。请点击“重试”；若仍失败，请关闭其他标签页或重启浏览器后再试。');
    }
    expect(workers[0]!.terminated).toBe(true);
    const retry = c.run({ type: 'job', input: 'a' });
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: workers[1]!.lastId(), type: 'done', value: 'again' });
    expect(await retry).toMatchObject({ value: 'again' });
  });

  it('treats a message the page cannot read as a crash', async () => {
    const { c, workers } = client();
    const job = c.run({ type: 'job', input: 'a' });
    workers[0]!.dispatchEvent(new MessageEvent('messageerror'));
    expect((await failureOf(job)).reason).toBe('crashed');
  });

  it('gives up a worker that falls silent while it has a job, and only then', async () => {
    vi.useFakeTimers();
    const { c, workers } = client(10_000);
    const job = c.run({ type: 'job', input: 'a' });
    const worker = workers[0]!;
    vi.advanceTimersByTime(9_000);
    worker.reply({ type: 'heartbeat' }); // alive: the watch starts again
    vi.advanceTimersByTime(9_000);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect((await failureOf(job)).reason).toBe('crashed');
    expect(worker.terminated).toBe(true);
    // With no job, silence is fine.
    const next = c.run({ type: 'job', input: 'b' });
    workers[1]!.reply({ id: workers[1]!.lastId(), type: 'done', value: 'B' });
    await next;
    vi.advanceTimersByTime(60_000);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('ends a job that cannot be sent without touching the others', async () => {
    const { c, workers } = client();
    const ok = c.run({ type: 'job', input: 'a' });
    workers[0]!.refuse = true;
    const refused = await failureOf(c.run({ type: 'job', input: 'b' }));
    expect(refused.reason).toBe('unsendable');
    expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    workers[0]!.refuse = false;
    workers[0]!.reply({ id: 1, type: 'done', value: 'A' });
    expect(await ok).toMatchObject({ value: 'A' });
    expect(workers[0]!.terminated).toBe(false);
  });

  it('cancels at once, tells the worker, and ignores its late answer', async () => {
    const { c, workers } = client();
    const controller = new AbortController();
    const job = c.run({ type: 'job', input: 'a' }, { signal: controller.signal });
    controller.abort();
    expect((await failureOf(job)).reason).toBe('cancelled');
    expect(workers[0]!.posted.at(-1)).toEqual({ id: 1, type: 'cancel' });
    workers[0]!.reply({ id: 1, type: 'done', value: 'late' });
    expect((await failureOf(c.run({ type: 'job', input: 'b' }, { signal: AbortSignal.abort() }))).reason).toBe('cancelled');
  });

  it('terminates a worker that cannot read a cancel message, only once it has no other job', async () => {
    const { c, workers } = client(undefined, true);
    const first = new AbortController();
    const second = new AbortController();
    const a = c.run({ type: 'job', input: 'a' }, { signal: first.signal });
    const b = c.run({ type: 'job', input: 'b' }, { signal: second.signal });
    first.abort();
    expect((await failureOf(a)).reason).toBe('cancelled');
    expect(workers[0]!.terminated).toBe(false);
    second.abort();
    expect((await failureOf(b)).reason).toBe('cancelled');
    expect(workers[0]!.terminated).toBe(true);
    const next = c.run({ type: 'job', input: 'c' });
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: workers[1]!.lastId(), type: 'done', value: 'C' });
    expect(await next).toMatchObject({ value: 'C' });
  });
});
