/// <reference lib="webworker" />
// Writes the Word editions off the page's main thread, from the same descriptions as the PDFs.
import '../compat/polyfills';
import { wordSpec } from '../core/word/documents';
import { packWord } from '../core/word/document';
import type { WordRequest, WordResponse } from '../io/wordClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WordRequest>) => {
  const { id, job } = event.data;
  const post = (message: WordResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  const started = performance.now();
  try {
    post({ id, type: 'progress', text: '正在整理表格内容……', fraction: 0.2 });
    const spec = wordSpec(job);
    post({ id, type: 'progress', text: '正在写入Word文件……', fraction: 0.6 });
    const { buffer } = await packWord(spec);
    post({ id, type: 'done', bytes: buffer, ms: performance.now() - started }, [buffer]);
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? `生成Word文件时出错：${error.message}` : '生成Word文件时发生意外错误。' });
  }
};
