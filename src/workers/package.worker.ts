/// <reference lib="webworker" />
// Builds the submission package off the main thread: hashes every file, writes 材料清单.txt and the zip.
import '../compat/polyfills';
import { createPackage } from '../core/package/createPackage';
import { asPackageError } from '../core/package/errors';
import type { PackageRequest, PackageResponse } from '../io/packageClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();

scope.onmessage = async (event: MessageEvent<PackageRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const { id } = request;
  const controller = new AbortController();
  running.set(id, controller);
  const post = (message: PackageResponse) => scope.postMessage(message);
  try {
    const made = await createPackage(
      request.app,
      { pdfs: request.pdfs, attachments: request.attachments },
      {
        now: request.now,
        video: request.video,
        signal: controller.signal,
        onProgress: (p) => post({ id, type: 'progress', phase: p.phase, fraction: p.fraction, path: p.path }),
      },
    );
    post({ id, type: 'done', zip: made.zip, zipName: made.zipName, separate: made.separate.map((s) => ({ name: s.name, data: s.data, size: s.data.size })) });
  } catch (error) {
    const problem = asPackageError(error);
    post({ id, type: 'error', message: problem.message, cancelled: problem.code === 'cancelled' });
  } finally {
    running.delete(id);
  }
};
