import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../core/bytes';
import type { DraftAttachment } from '../../core/draft/types';
import { MAIL_ATTACHMENT_LIMIT_BYTES, PDF_NAMES, WORD_NAMES } from '../../core/package/layout';
import type { PdfJob } from '../../core/pdf/makePdf';
import { buildPackageInWorker, type PackageResult } from '../../io/packageClient';
import { generatePdf } from '../../io/pdfClient';
import { startVolume } from '../../io/volumeClient';
import { generateWord } from '../../io/wordClient';
import type { ChosenFont } from './chosenFont';

type PdfKind = 'form' | 'formA3' | 'materials';
type Problem = { message: string; retry: boolean };
const CANCELLED: Problem = { message: '已取消生成材料包。', retry: false };

/** Why a PDF or the volume made for the package did not come: characters no font prints, or the step's own message. */
function stepFailure(result: { kind: 'unprintable'; chars: readonly { char: string }[] } | { kind: 'error'; message: string; retry: boolean }): Problem {
  return result.kind === 'unprintable'
    ? { message: `有无法打印的字符（${result.chars.map((c) => c.char).join('、')}），请先按上面的提示修改。`, retry: false }
    : { message: result.message, retry: result.retry };
}

const PDF_LABELS: Record<PdfKind, string> = { form: '申报表PDF', formA3: 'A3双面打印版', materials: '申报材料PDF' };

interface Props {
  job: Omit<PdfJob, 'kind'>;
  font: ChosenFont | null;
  fontBase: string;
  pdfs: Partial<Record<PdfKind, Blob>>;
  onPdf: (kind: PdfKind, blob: Blob) => void;
  /** The bound volume, when already made in the output view. */
  volume: Blob | undefined;
  onVolume: (blob: Blob) => void;
  attachments: DraftAttachment[];
}

type Built = Extract<PackageResult, { kind: 'done' }> & { zipUrl: string; separateUrls: string[] };

/** The one zip to e-mail: PDFs, video, photos, proofs, 材料清单.txt and application.json, built in a worker. */
export function PackagePanel({ job, font, fontBase, pdfs, onPdf, volume: madeVolume, onVolume, attachments }: Props) {
  // Off by default: the notice asks for the PDFs; the Word editions and the volume are extras (issues 14, 19).
  const [withWord, setWithWord] = useState(false);
  const [withVolume, setWithVolume] = useState(false);
  const attachmentBytes = attachments.reduce((n, a) => n + a.meta.size, 0);
  const pdfBytes = Object.values(pdfs).reduce((n, b) => n + (b?.size ?? 0), 0);
  const videoBytes = attachments.filter((a) => a.meta.category === 'video').reduce((n, a) => n + a.meta.size, 0);
  const total = attachmentBytes + pdfBytes + (withVolume ? (madeVolume?.size ?? 0) : 0);
  const tooBig = total > MAIL_ATTACHMENT_LIMIT_BYTES;
  const [video, setVideo] = useState<'include' | 'separate'>('include');
  const [progress, setProgress] = useState<{ text: string; fraction: number } | null>(null);
  const [built, setBuilt] = useState<Built | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);

  useEffect(() => setVideo(tooBig && videoBytes > 0 ? 'separate' : 'include'), [tooBig, videoBytes]);
  useEffect(() => () => {
    if (built) [built.zipUrl, ...built.separateUrls].forEach((u) => URL.revokeObjectURL(u));
  }, [built]);

  async function build() {
    setProblem(null);
    setBuilt(null);
    const ready: Partial<Record<PdfKind, Blob>> = { ...pdfs };
    for (const kind of ['form', 'formA3', 'materials'] as PdfKind[]) {
      if (ready[kind]) continue;
      setProgress({ text: `正在生成${PDF_LABELS[kind]}……`, fraction: 0 });
      const controller = new AbortController();
      cancelRef.current = () => controller.abort();
      const result = await generatePdf(
        { ...job, kind },
        { fontBase, userFont: font ? font.bytes.slice(0) : null, signal: controller.signal, onProgress: (_t, f) => setProgress({ text: `正在生成${PDF_LABELS[kind]}……`, fraction: f }) },
      );
      cancelRef.current = null;
      if (result.kind !== 'done') {
        setProgress(null);
        setProblem(result.kind === 'cancelled' ? CANCELLED : stepFailure(result));
        return;
      }
      ready[kind] = result.blob;
      onPdf(kind, result.blob);
    }
    const words: { form?: Blob; materials?: Blob } = {};
    if (withWord) {
      for (const kind of ['form', 'materials'] as const) {
        setProgress({ text: `正在生成${WORD_NAMES[kind]}……`, fraction: 0 });
        const result = await generateWord({ ...job, kind }, (_t, f) => setProgress({ text: `正在生成${WORD_NAMES[kind]}……`, fraction: f }));
        if (result.kind !== 'done') {
          setProgress(null);
          setProblem({ message: result.message, retry: true });
          return;
        }
        words[kind] = result.blob;
      }
    }
    let volume = withVolume ? madeVolume : undefined;
    if (withVolume && volume === undefined) {
      setProgress({ text: `正在生成${PDF_NAMES.volume}……`, fraction: 0 });
      const started = await startVolume({ job, attachments, fontBase, userFont: font?.bytes ?? null }, (text, f) => setProgress({ text: `申报材料汇编：${text}`, fraction: f }));
      cancelRef.current = started.cancel;
      const result = await started.result;
      cancelRef.current = null;
      if (result.kind !== 'done') {
        setProgress(null);
        setProblem(result.kind === 'error' && result.cancelled ? CANCELLED : stepFailure(result));
        return;
      }
      volume = result.blob;
      onVolume(result.blob);
    }
    const run = buildPackageInWorker({
      request: { app: job.app, pdfs: { ...ready, ...(volume === undefined ? {} : { volume }) }, ...(withWord ? { words } : {}), attachments, video, now: new Date().toISOString() },
      onProgress: (phase, fraction, path) => setProgress({ text: `${phase === 'hash' ? '正在读取并计算校验值' : '正在写入压缩包'}${path ? `：${path.split('/').pop() ?? ''}` : ''}`, fraction }),
    });
    cancelRef.current = run.cancel;
    const result = await run.result;
    cancelRef.current = null;
    setProgress(null);
    if (result.kind === 'error') {
      setProblem(result.cancelled ? CANCELLED : { message: result.message, retry: result.retry });
      return;
    }
    setBuilt({ ...result, zipUrl: URL.createObjectURL(result.zip), separateUrls: result.separate.map((s) => URL.createObjectURL(s.data)) });
  }

  const share = built && typeof navigator.canShare === 'function'
    ? (() => {
        const file = new File([built.zip], built.zipName, { type: 'application/zip' });
        return navigator.canShare({ files: [file] }) ? file : null;
      })()
    : null;

  return (
    <section className="output-block" aria-labelledby="package-title">
      <h3 id="package-title">材料包（zip）</h3>
      <p>
        附件 {attachments.length} 个共 {formatBytes(attachmentBytes)}，已生成的PDF {formatBytes(pdfBytes)}，材料包约 <strong>{formatBytes(total)}</strong>。
      </p>
      {tooBig && (
        <div className="notice-box notice-warning">
          <p>材料包超过 50 MB，163、QQ 等邮箱的普通附件发不出去，需要用“超大附件”发送（有效期有限，请提醒对方及时下载）。</p>
          {videoBytes > 0 && (
            <fieldset className="choice">
              <legend>视频怎么发送</legend>
              <label><input type="radio" name="video" checked={video === 'separate'} onChange={() => setVideo('separate')} /> 材料包不含视频，视频单独作为超大附件发送（推荐）</label>
              <label><input type="radio" name="video" checked={video === 'include'} onChange={() => setVideo('include')} /> 视频也放入材料包</label>
            </fieldset>
          )}
        </div>
      )}
      <fieldset className="choice">
        <legend>材料包中另外加入（可选）</legend>
        <label><input type="checkbox" checked={withWord} onChange={(e) => setWithWord(e.target.checked)} /> Word版（{WORD_NAMES.form}、{WORD_NAMES.materials}），便于对方修改；正式材料以PDF为准</label>
        <label><input type="checkbox" checked={withVolume} onChange={(e) => setWithVolume(e.target.checked)} /> 申报材料汇编（{PDF_NAMES.volume}），全部材料合成一册的PDF</label>
      </fieldset>
      <p className="output-actions">
        <button type="button" className="btn btn-primary" disabled={progress !== null} onClick={() => void build()}>生成材料包</button>
        {progress && cancelRef.current && <button type="button" className="btn" onClick={() => cancelRef.current?.()}>取消</button>}
      </p>
      {progress && (
        <div role="status" className="progress">
          <span>{progress.text}</span>
          <progress max={1} value={progress.fraction} aria-label="材料包生成进度" />
        </div>
      )}
      {problem && (
        <div className="notice-box notice-error" role="alert">
          <p>{problem.message}</p>
          {problem.retry && <p><button type="button" className="btn" disabled={progress !== null} onClick={() => void build()}>重试</button></p>}
        </div>
      )}
      {built && (
        <div className="made-file" role="status">
          <p>
            材料包已生成：{formatBytes(built.zip.size)}。{' '}
            <a className="btn btn-primary" href={built.zipUrl} download={built.zipName}>下载 {built.zipName}</a>
            {share && <> <button type="button" className="btn" onClick={() => void navigator.share({ files: [share], title: built.zipName })}>分享</button></>}
          </p>
          {built.separate.map((s, i) => (
            <p key={s.name}>
              单独发送：<a className="btn" href={built.separateUrls[i]} download={s.name}>下载 {s.name}</a>（{formatBytes(s.size)}）
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
