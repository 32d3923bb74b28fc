import type { WordJob } from '../core/word/documents';
import { DOCX_TYPE } from '../core/word/names';

// The messages between the page and src/workers/word.worker.ts.
export interface WordRequest {
  id: number;
  job: WordJob;
}

export type WordResponse =
  | { id: number; type: 'progress'; text: string; fraction: number }
  | { id: number; type: 'done'; bytes: ArrayBuffer; ms: number }
  | { id: number; type: 'error'; message: string };

export type WordResult = { kind: 'done'; blob: Blob; ms: number } | { kind: 'error'; message: string };

let worker: Worker | null = null;
let nextId = 1;

function wordWorker(): Worker {
  // Created when a Word file is first asked for: the docx library never loads with the form.
  worker ??= new Worker(new URL('../workers/word.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Asks the Word worker for one .docx; progress comes as Chinese text and a fraction. */
export function generateWord(job: WordJob, onProgress: (text: string, fraction: number) => void): Promise<WordResult> {
  const id = nextId++;
  const w = wordWorker();
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<WordResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') {
        onProgress(message.text, message.fraction);
        return;
      }
      w.removeEventListener('message', onMessage);
      resolve(message.type === 'done' ? { kind: 'done', blob: new Blob([message.bytes], { type: DOCX_TYPE }), ms: message.ms } : { kind: 'error', message: message.message });
    };
    w.addEventListener('message', onMessage);
    w.onerror = () => {
      w.removeEventListener('message', onMessage);
      resolve({ kind: 'error', message: '生成Word文件的后台程序出错，请刷新页面后重试。' });
    };
    w.postMessage({ id, job } satisfies WordRequest);
  });
}
