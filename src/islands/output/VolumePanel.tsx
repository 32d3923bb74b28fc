import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../core/bytes';
import type { DraftAttachment } from '../../core/draft/types';
import { PDF_NAMES } from '../../core/package/layout';
import { characterLabel } from '../../core/pdf/fonts/coverage';
import type { PdfJob } from '../../core/pdf/makePdf';
import type { TocEntry, VolumeFailure } from '../../core/volume/pages';
import { startVolume } from '../../io/volumeClient';
import type { ChosenFont } from './chosenFont';

interface Props {
  job: Omit<PdfJob, 'kind'>;
  font: ChosenFont | null;
  fontBase: string;
  attachments: DraftAttachment[];
  /** Called with the finished volume, so that the package can include it. */
  onMade: (blob: Blob) => void;
}

interface Made {
  url: string;
  size: number;
  pages: number;
  ms: number;
  failures: VolumeFailure[];
  toc: TocEntry[];
}

/** 申报材料汇编: everything the notice asks to bind, as one PDF, made in a worker with progress and 取消. */
export function VolumePanel({ job, font, fontBase, attachments, onMade }: Props) {
  const [busy, setBusy] = useState<{ text: string; fraction: number } | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const [problem, setProblem] = useState<{ message: string; retry: boolean } | null>(null);
  const [unprintable, setUnprintable] = useState<{ char: string; fields: { label: string }[] }[]>([]);
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => {
    if (made) URL.revokeObjectURL(made.url);
  }, [made]);

  async function run(omitUnprintable = false) {
    setProblem(null);
    setUnprintable([]);
    setBusy({ text: '正在准备……', fraction: 0 });
    const started = await startVolume({ job: { ...job, omitUnprintable }, userFont: font?.bytes ?? null, fontBase, attachments }, (text, fraction) => setBusy({ text, fraction }));
    cancelRef.current = started.cancel;
    const result = await started.result;
    cancelRef.current = null;
    setBusy(null);
    if (result.kind === 'unprintable') {
      setUnprintable(result.chars);
      return;
    }
    if (result.kind === 'error') {
      setProblem(result.cancelled ? { message: '已取消生成申报材料汇编。填写的内容和附件没有任何改动，可以随时重新生成。', retry: false } : { message: result.message, retry: result.retry });
      return;
    }
    setMade({ url: URL.createObjectURL(result.blob), size: result.blob.size, pages: result.pages, ms: result.ms, failures: result.failures, toc: result.toc });
    onMade(result.blob);
  }

  return (
    <section className="output-block" aria-labelledby="volume-title">
      <h3 id="volume-title">申报材料汇编（装订成册）</h3>
      <p className="field-help">
        按通知“汇总装订成册”的要求，把封面、目录、申报表、申报材料、工作室照片、证明材料、其他补充材料和视频说明合成一个PDF，页码连续，各部分从单页开始，可直接双面打印装订，也可作为电子版报送。
      </p>
      <p className="output-actions">
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void run()}>生成申报材料汇编</button>
        {busy && cancelRef.current && <button type="button" className="btn" onClick={() => cancelRef.current?.()}>取消</button>}
      </p>
      {busy && (
        <div role="status" className="progress">
          <span>申报材料汇编：{busy.text}</span>
          <progress max={1} value={busy.fraction} aria-label="申报材料汇编生成进度" />
        </div>
      )}
      {unprintable.length > 0 && (
        <div className="notice-box notice-error" role="alert">
          <h4>以下字符无法打印到PDF中，汇编未生成</h4>
          <ul>
            {unprintable.map((c) => (
              <li key={c.char}>
                {characterLabel(c.char)}，见于：{c.fields.map((f) => `「${f.label}」`).join('、')}
              </li>
            ))}
          </ul>
          <p>请在上述栏目中删去或改写这些字符；也可以略去它们直接生成（汇编中不出现这些字符，草稿不变）。</p>
          <p><button type="button" className="btn" disabled={busy !== null} onClick={() => void run(true)}>略去这些字符，生成申报材料汇编</button></p>
        </div>
      )}
      {problem && (
        <div className="notice-box notice-error" role="alert">
          <p>{problem.message}</p>
          {problem.retry && <p><button type="button" className="btn" disabled={busy !== null} onClick={() => void run()}>重试</button></p>}
        </div>
      )}
      {made && (
        <div className="made-file">
          <p>
            <strong>申报材料汇编</strong>：{made.pages}页，{formatBytes(made.size)}，用时 {(made.ms / 1000).toFixed(1)} 秒。{' '}
            <a className="btn" href={made.url} download={PDF_NAMES.volume}>下载 {PDF_NAMES.volume}</a>
          </p>
          {made.failures.length > 0 && (
            <div className="notice-box notice-warning" role="status">
              <p>以下 {made.failures.length} 个文件未能并入汇编，汇编中在其位置放了一页说明；请检查这些文件（如去掉密码、重新导出为PDF）后重新添加并生成：</p>
              <ul>
                {made.failures.map((f) => (
                  <li key={`${f.part}/${f.name}`}>{f.part}：“{f.name}”——{f.reason}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
