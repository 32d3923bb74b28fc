import { useRef, useState } from 'react';
import type { PdfJob, PdfKind } from '../../core/pdf/makePdf';
import { PDF_NAMES } from '../../core/package/layout';
import { characterLabel } from '../../core/pdf/fonts/coverage';
import { UNEXPECTED_PDF_FAILURE } from '../../core/pdf/failure';
import { generatePdf, type PdfResult } from '../../io/pdfClient';
import type { ChosenFont } from './chosenFont';
import { useObjectUrls } from '../hooks/useObjectUrls';

type Kind = Exclude<PdfKind, 'blankForm' | 'notice'>;

const LABELS: Record<Kind, string> = {
  form: '申报表PDF（A4）',
  formA3: '申报表A3双面打印版',
  materials: '申报材料PDF',
};

interface Made {
  url: string;
  blob: Blob;
  pages: number;
  ms: number;
  fontBytes: number;
}

interface Props {
  job: Omit<PdfJob, 'kind'>;
  font: ChosenFont | null;
  fontBase: string;
  /** Called with every finished PDF so the package can include it. */
  onMade: (kind: Kind, blob: Blob) => void;
}

/** The worker's message when it is Chinese; otherwise (an engine failure such as a stack overflow) one that is. */
// The worker sends a UserError's own message, or the generic one for anything unexpected (a stack overflow on
// a million characters, out of memory): for a PDF the likely cause can be named.
function chineseFailure(what: string, message: string): string {
  if (message !== UNEXPECTED_PDF_FAILURE) return message;
  return `${what}没有生成：内容过长或过于复杂，超出了浏览器的处理能力。填写的内容没有任何改动；请精简过长的文字（如把大段材料分段、删去重复内容）后重试，或换用电脑上的 Chrome、Edge 浏览器。`;
}

/** Generate, preview and download the three PDFs; generation runs in a worker with visible progress. */
export function PdfPanel({ job, font, fontBase, onMade }: Props) {
  const [busy, setBusy] = useState<{ kind: Kind; text: string; fraction: number } | null>(null);
  const [made, setMade] = useState<Partial<Record<Kind, Made>>>({});
  const [preview, setPreview] = useState<Kind | null>(null);
  const [problem, setProblem] = useState<(PdfResult & { forKind: Kind }) | null>(null);
  const [pending, setPending] = useState<Kind | null>(null);

  const objectUrl = useObjectUrls();

  // Each run has a number; 取消 moves on to the next, so a cancelled run's progress and result are ignored, and
  // stops the worker.
  const runId = useRef(0);
  const stop = useRef<AbortController | null>(null);
  const [cancelled, setCancelled] = useState(false);

  async function run(kind: Kind, omitUnprintable = false) {
    const mine = ++runId.current;
    setBusy({ kind, text: '正在准备……', fraction: 0 });
    setProblem(null);
    setPending(kind);
    setCancelled(false);
    const controller = new AbortController();
    stop.current = controller;
    const result = await generatePdf({ ...job, kind, omitUnprintable }, {
      signal: controller.signal,
      fontBase,
      userFont: font ? font.bytes.slice(0) : null,
      onProgress: (text, fraction) => {
        if (runId.current === mine) setBusy({ kind, text, fraction });
      },
    });
    if (runId.current !== mine || result.kind === 'cancelled') return;
    setBusy(null);
    if (result.kind === 'error') {
      setProblem({ ...result, message: chineseFailure(LABELS[kind], result.message), forKind: kind });
      return;
    }
    if (result.kind !== 'done') {
      setProblem({ ...result, forKind: kind });
      return;
    }
    const url = objectUrl(result.blob, made[kind]?.url);
    setMade((m) => ({ ...m, [kind]: { url, blob: result.blob, pages: result.pages, ms: result.ms, fontBytes: result.fontBytes } }));
    // The preview opens on request only: the browser's PDF viewer costs a noticeable moment of CPU each time.
    setPreview(null);
    onMade(kind, result.blob);
  }

  return (
    <section className="output-block" aria-labelledby="pdf-title">
      <h3 id="pdf-title">生成PDF</h3>
      {job.incomplete === true && (
        <p className="notice-box notice-warning" role="note">
          “检查申报内容”中还有须修改的项目，现在生成的PDF每页都带有“未完成 · 仅供核对”水印，只供核对；改完后重新生成即为正式版本。
        </p>
      )}
      <p className="output-actions">
        {(Object.keys(LABELS) as Kind[]).map((kind) => (
          <button key={kind} type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void run(kind)}>
            生成{LABELS[kind]}
          </button>
        ))}
      </p>
      {busy && (
        <div role="status" className="progress">
          <span>{LABELS[busy.kind]}：{busy.text}</span>
          <progress max={1} value={busy.fraction} aria-label={`${LABELS[busy.kind]}生成进度`} />
          <button
            type="button"
            className="btn"
            onClick={() => {
              runId.current += 1;
              stop.current?.abort();
              setBusy(null);
              setCancelled(true);
            }}
          >
            取消生成
          </button>
        </div>
      )}
      {cancelled && <p className="notice-box notice-warning" role="status">已取消生成。填写的内容没有任何改动，可以随时重新生成。</p>}
      {problem?.kind === 'unprintable' && (
        <div className="notice-box notice-error" role="alert">
          <h4>以下字符无法打印到PDF中，PDF未生成</h4>
          <ul>
            {problem.chars.map((c) => (
              <li key={c.char}>
                {characterLabel(c.char)}，见于：{c.fields.map((f) => `「${f.label}」`).join('、')}
              </li>
            ))}
          </ul>
          <p>表情符号、不可见字符等没有字体可以打印。请在上述栏目中删去或改写这些字符；也可以略去它们直接生成（PDF中不出现这些字符，草稿不变）。</p>
          {pending && (
            <p>
              <button type="button" className="btn" disabled={busy !== null} onClick={() => void run(pending, true)}>
                略去这些字符，生成{LABELS[pending]}
              </button>
            </p>
          )}
        </div>
      )}
      {problem?.kind === 'error' && (
        <div className="notice-box notice-error" role="alert">
          <p>{problem.message}</p>
          {problem.retry && <p><button type="button" className="btn" disabled={busy !== null} onClick={() => void run(problem.forKind)}>重试</button></p>}
        </div>
      )}
      {(Object.keys(LABELS) as Kind[]).map((kind) => {
        const m = made[kind];
        if (!m) return null;
        return (
          <div key={kind} className="made-file">
            <p>
              <strong>{LABELS[kind]}</strong>：{m.pages}页，{Math.round(m.blob.size / 1024)} KB，用时 {(m.ms / 1000).toFixed(1)} 秒。{' '}
              <a className="btn" href={m.url} download={PDF_NAMES[kind]}>下载 {PDF_NAMES[kind]}</a>{' '}
              <button type="button" className="btn" onClick={() => setPreview(kind)} aria-pressed={preview === kind}>预览</button>
            </p>
            {kind === 'formA3' && (
              <p className="field-help">打印提示：用A3纸、横向、双面打印，选择“短边翻转”；按顺序叠好后对折，在折线处装订成册（填表说明12，一式两份）。</p>
            )}
          </div>
        );
      })}
      {preview && made[preview] && (
        <iframe className="pdf-preview" title={`${LABELS[preview]}预览`} src={made[preview]?.url} />
      )}
    </section>
  );
}
