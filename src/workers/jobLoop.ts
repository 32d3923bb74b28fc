/// <reference lib="webworker" />
// The message loop of the job workers (package, desk): each request carries an id and gets one answer; a
// `cancel` with that id aborts it through its AbortSignal; a job that throws is answered by `failure`.

type Job = { id: number; type: string };

export function serveJobs<Request extends Job, Response>(
  scope: DedicatedWorkerGlobalScope,
  answer: (request: Request, signal: AbortSignal) => Promise<Response>,
  failure: (request: Request, error: unknown, signal: AbortSignal) => Response,
): void {
  const running = new Map<number, AbortController>();
  scope.onmessage = async (event: MessageEvent<Request | { type: 'cancel'; id: number }>) => {
    const request = event.data;
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const job = request as Request;
    const controller = new AbortController();
    running.set(job.id, controller);
    try {
      scope.postMessage(await answer(job, controller.signal));
    } catch (error) {
      scope.postMessage(failure(job, error, controller.signal));
    } finally {
      running.delete(job.id);
    }
  };
}
