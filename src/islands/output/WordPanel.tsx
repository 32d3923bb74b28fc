import { useState } from 'react';
import type { WordJob } from '../../core/word/documents';
import { WORD_NAMES } from '../../core/package/layout';
import { generateWord } from '../../io/wordClient';
import { useObjectUrls } from '../hooks/useObjectUrls';

type Kind = keyof typeof WORD_NAMES;

const LABELS: Record<Kind, string> = {
  form: '申报表（Word）',
  materials: '申报材料（Word）',
};

interface Made {
  url: string;
  size: number;
  ms: number;
}

interface Props {
  job: Omit<WordJob, 'kind' | 'outlineSections'>;
}

/** The Word editions of the 申报表 and the 申报材料, to edit in WPS or Word; written in a worker with progress. */
export function WordPanel({ job }: Props) {
  const [busy, setBusy] = useState<{ kind: Kind; text: string; fraction: number } | null>(null);
  const [made, setMade] = useState<Partial<Record<Kind, Made>>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const objectUrl = useObjectUrls();

  async function run(kind: Kind) {
    setBusy({ kind, text: '正在准备……', fraction: 0 });
    setProblem(null);
    const result = await generateWord({ ...job, kind }, (text, fraction) => setBusy({ kind, text, fraction }));
    setBusy(null);
    if (result.kind !== 'done') {
      setProblem(result.message);
      return;
    }
    const url = objectUrl(result.blob, made[kind]?.url);
    setMade((m) => ({ ...m, [kind]: { url, size: result.blob.size, ms: result.ms } }));
  }

  return (
    <section className="output-block" aria-labelledby="word-title">
      <h3 id="word-title">生成Word文件</h3>
      <p className="field-help">Word版便于在WPS或Word中与同事修改文字后打印；内容与PDF相同，正式报送和存档以PDF为准。</p>
      <p className="output-actions">
        {(Object.keys(LABELS) as Kind[]).map((kind) => (
          <button key={kind} type="button" className="btn" disabled={busy !== null} onClick={() => void run(kind)}>
            生成{LABELS[kind]}
          </button>
        ))}
      </p>
      {busy && (
        <div role="status" className="progress">
          <span>{LABELS[busy.kind]}：{busy.text}</span>
          <progress max={1} value={busy.fraction} aria-label={`${LABELS[busy.kind]}生成进度`} />
        </div>
      )}
      {problem !== null && <p className="notice-box notice-error" role="alert">{problem}</p>}
      {(Object.keys(LABELS) as Kind[]).map((kind) => {
        const m = made[kind];
        if (!m) return null;
        return (
          <div key={kind} className="made-file">
            <p>
              <strong>{LABELS[kind]}</strong>：{Math.max(1, Math.round(m.size / 1024))} KB，用时 {(m.ms / 1000).toFixed(1)} 秒。{' '}
              <a className="btn" href={m.url} download={WORD_NAMES[kind]}>下载 {WORD_NAMES[kind]}</a>
            </p>
          </div>
        );
      })}
    </section>
  );
}
