import { useState } from 'react';
import type { NoticeInput } from '../../core/pdf/documents/notice';
import type { PdfJob } from '../../core/pdf/makePdf';
import { generatePdf } from '../../io/pdfClient';
import type { ChosenFont } from './chosenFont';
import { useObjectUrls } from '../hooks/useObjectUrls';

type Kind = 'blankForm' | 'notice';

const LABELS: Record<Kind, string> = { blankForm: '空白申报表PDF', notice: '通知PDF（含附件）' };
const NAMES: Record<Kind, string> = { blankForm: '附件1-申报表（空白，仿宋）.pdf', notice: '洪工办〔2021〕31号通知（仿宋）.pdf' };

interface Props {
  job: Omit<PdfJob, 'kind'>;
  font: ChosenFont;
  fontBase: string;
}

/** The notice's wording, made at build time beside notice.pdf; fetched from the site itself when asked. */
async function loadNotice(): Promise<NoticeInput> {
  const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}downloads/notice.json`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`服务器返回 ${response.status}`);
  const value: unknown = await response.json();
  if (typeof value !== 'object' || value === null || !('issuer' in value) || !('annexes' in value)) throw new Error('内容不完整');
  return value as NoticeInput; // made by our own build (src/pages/downloads/notice.json.ts)
}

/**
 * The blank 申报表 and the notice with the applicant's own 仿宋, made in the browser by the same engine as the
 * copies under 下载 (which use the bundled font): for printing on paper with the 仿宋 填表说明9 asks for.
 */
export function OwnFontCopies({ job, font, fontBase }: Props) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [made, setMade] = useState<Partial<Record<Kind, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const objectUrl = useObjectUrls();

  async function run(kind: Kind) {
    setBusy(kind);
    setProblem(null);
    let notice: NoticeInput | undefined;
    if (kind === 'notice') {
      try {
        notice = await loadNotice();
      } catch (error) {
        setBusy(null);
        setProblem(`无法载入通知内容（${error instanceof Error ? error.message : String(error)}），请检查网络后重试。`);
        return;
      }
    }
    const result = await generatePdf({ ...job, kind, incomplete: false, ...(notice ? { notice } : {}) }, { fontBase, userFont: font.bytes.slice(0), onProgress: () => undefined });
    setBusy(null);
    if (result.kind === 'error') {
      setProblem(`${LABELS[kind]}没有生成：${result.message}`);
      return;
    }
    if (result.kind === 'unprintable') {
      setProblem(`${LABELS[kind]}没有生成：有字符无法打印。`);
      return;
    }
    if (result.kind !== 'done') return; // only a run given a signal can be cancelled
    const url = objectUrl(result.blob, made[kind]);
    setMade((m) => ({ ...m, [kind]: url }));
  }

  return (
    <div className="own-font-copies">
      <p>也可以用所选字体（{font.name}）生成空白申报表和通知，打印后手写填表：</p>
      <p className="output-actions">
        {(Object.keys(LABELS) as Kind[]).map((kind) => (
          <button key={kind} type="button" className="btn" disabled={busy !== null} onClick={() => void run(kind)}>
            {busy === kind ? `正在生成${LABELS[kind]}……` : `用所选字体生成${LABELS[kind]}`}
          </button>
        ))}
      </p>
      {problem && <p className="notice-box notice-error" role="alert">{problem}</p>}
      {(Object.keys(LABELS) as Kind[]).map((kind) => {
        const url = made[kind];
        return url ? (
          <p key={kind} className="made-file">
            <a className="btn" href={url} download={NAMES[kind]}>下载 {NAMES[kind]}</a>
          </p>
        ) : null;
      })}
    </div>
  );
}
