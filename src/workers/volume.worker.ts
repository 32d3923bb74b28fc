/// <reference lib="webworker" />
// Binds the 申报材料汇编 off the page's main thread (src/core/volume/bind.ts): reads the attachments, loads the
// fonts the volume prints with, lays it out and merges. Speaks src/io/workerClient.ts's protocol.
import '../compat/polyfills';
import { describeError, UserError } from '../core/errors';
import { chunkFace, prepareUserFont } from '../core/pdf/fonts';
import { bindVolume, readParts, volumeTexts } from '../core/volume/bind';
import { loadBundledFonts } from '../io/fonts';
import type { VolumeRequest, VolumeResponse } from '../io/volumeClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
type Incoming = (VolumeRequest & { type?: undefined; id: number }) | { id: number; type: 'cancel' };
const cancelled = new Set<number>();

class Cancelled extends Error {}

async function bind(id: number, request: VolumeRequest): Promise<VolumeResponse> {
  const started = performance.now();
  const post = (text: string, fraction: number) => {
    if (cancelled.has(id)) throw new Cancelled();
    scope.postMessage({ id, type: 'progress', text, fraction } satisfies VolumeResponse);
  };
  const { job } = request;
  const user = request.userFont ? prepareUserFont(request.userFont) : null;
  if (user && !user.ok) throw new UserError(user.code, user.message);
  const extra = user?.ok ? [user.font] : [];
  const parts = await readParts(request.attachments, request.videoSeconds, (text, f) => post(text, 0.05 + 0.4 * f));
  post('正在载入字体……', 0.45);
  const fonts = await loadBundledFonts(request.fontBase, volumeTexts(job, parts.content), { extraFonts: extra });
  if (fonts.plan.unprintable.length > 0 && job.omitUnprintable !== true) {
    return { id, type: 'unprintable', chars: fonts.plan.unprintable.map((u) => ({ char: u.char, fields: u.fields.map((f) => ({ label: f.label })) })) };
  }
  post('正在排版……', 0.55);
  const pdfFonts = [...[...fonts.chunks].map(([name, bytes]) => ({ name, bytes, face: chunkFace(fonts.manifest, name) })), ...extra.map((f) => ({ name: f.name, bytes: f.bytes }))];
  const made = await bindVolume(parts, job, { fonts: pdfFonts, resolver: fonts.resolver }, (text, f) => post(text, 0.55 + 0.45 * f), new Date());
  const bytes = made.bytes.buffer.slice(made.bytes.byteOffset, made.bytes.byteOffset + made.bytes.byteLength) as ArrayBuffer;
  return { id, type: 'done', bytes, pages: made.pages, ms: performance.now() - started, failures: made.failures, toc: made.toc };
}

scope.onmessage = async (event: MessageEvent<Incoming>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  const { id } = request;
  try {
    const answer = await bind(id, request);
    scope.postMessage(answer, answer.type === 'done' ? [answer.bytes] : []);
  } catch (error) {
    if (!(error instanceof Cancelled)) scope.postMessage({ id, type: 'error', message: describeError(error, '生成申报材料汇编时发生意外错误，请重试。').message } satisfies VolumeResponse);
  } finally {
    cancelled.delete(id);
  }
};
