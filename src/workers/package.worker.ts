/// <reference lib="webworker" />
// Zip work off the main thread: builds the submission package (hashes every file, writes 材料清单.txt and the
// zip) and writes and reads draft files. Speaks src/io/workerClient.ts's protocol.
import '../compat/polyfills';
import { buildDraftArchive, readDraftFile } from '../core/draft/archive';
import { DraftError } from '../core/draft/types';
import { createPackage } from '../core/package/createPackage';
import { asPackageError } from '../core/package/errors';
import type { PackageRequest, PackageResponse } from '../io/packageClient';
import { serveJobs } from './jobLoop';

const scope = self as unknown as DedicatedWorkerGlobalScope;
type Incoming = (PackageRequest | { type: 'cancel' }) & { id: number };

// "Still alive", for the client's watch (PACKAGE_WORKER_SILENCE_MS): the work awaits every slice it reads, so
// this timer runs however long a job takes.
setInterval(() => scope.postMessage({ type: 'heartbeat' }), 2000);

async function answer(request: Exclude<Incoming, { type: 'cancel' }>, signal: AbortSignal): Promise<PackageResponse> {
  const { id } = request;
  if (request.type === 'build') {
    const made = await createPackage(
      request.app,
      { pdfs: request.pdfs, ...(request.words === undefined ? {} : { words: request.words }), attachments: request.attachments },
      {
        now: request.now,
        video: request.video,
        signal,
        onProgress: (p) => scope.postMessage({ id, type: 'progress', phase: p.phase, fraction: p.fraction, path: p.path } satisfies PackageResponse),
      },
    );
    return { id, type: 'done', zip: made.zip, zipName: made.zipName, separate: made.separate.map((s) => ({ name: s.name, data: s.data, size: s.data.size })) };
  }
  if (request.type === 'draft-export') return { id, type: 'draft-file', file: await buildDraftArchive(request.draft, request.attachments, request.now, { signal }) };
  return { id, type: 'draft-contents', contents: await readDraftFile(request.file, request.name, { signal }) };
}

/** The error message for a job that threw: a DraftError keeps its code, a package failure says what to do. */
function failure(request: Exclude<Incoming, { type: 'cancel' }>, error: unknown, signal: AbortSignal): PackageResponse {
  const { id } = request;
  if (error instanceof DraftError) return { id, type: 'error', message: error.message, cancelled: false, draftCode: error.code };
  if (request.type !== 'build') {
    return { id, type: 'error', message: '处理草稿文件时出错：读取文件失败。请重试；若仍失败，请检查文件是否仍可打开。', cancelled: signal.aborted };
  }
  const problem = asPackageError(error, signal);
  return { id, type: 'error', message: problem.message, cancelled: problem.code === 'cancelled' };
}

serveJobs<Exclude<Incoming, { type: 'cancel' }>, PackageResponse>(scope, answer, failure);
