import { newId } from '../../core/draft/newId';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NoticeContext } from '../../core/application/types';
import { chinaDateTime } from '../../core/package/manifest';
import { summaryRows, type SummaryRow } from '../../core/desk/summary';
import { draftFromReport } from '../../core/desk/toDraft';
import { VERDICT_LABELS, type DeskReport, type Verdict } from '../../core/desk/types';
import { videoDurationAdvice } from '../../core/attachments/rules';
import { DESK_WORKERS, verifyInWorker } from '../../io/deskClient';
import { videoDuration } from '../../io/media';
import { announce } from '../../io/drafts/channel';
import { openRepository } from '../../io/drafts/openRepository';
import { DropZone } from '../attachments/DropZone';
import { UpdateNotice } from '../UpdateNotice';
import { CandidateDetail, CompareView } from './CandidateDetail';
import { droppedFiles, isDeskFile } from './droppedFiles';
import { downloadCsv, downloadSummaryPdf, downloadXlsx, SUMMARY_TITLE } from './exports';
import { ReportCard } from './ReportCard';
import { SummaryTable } from './SummaryTable';

interface Props {
  noticeYear: number;
  noticeDate: string;
  candidatesPerUnit: number;
  applyUrl: string;
}

interface Opened {
  key: string;
  file: File;
  state: 'waiting' | 'verifying' | 'done';
  fraction: number;
  path: string | null;
}

/** Reports keep the order the files were picked in ("f12" → 12). */
const order = (key: string) => Number(key.slice(1));

type View = { kind: 'list' } | { kind: 'detail'; id: string } | { kind: 'compare'; ids: [string, string] };
type Message = { kind: 'error' | 'success' | 'info'; text: string; link?: { href: string; text: string } } | null;

let keys = 0;

/** The video's length, read by the browser from its metadata (a slice of the package: nothing is copied). */
async function withVideoLength(report: DeskReport): Promise<DeskReport> {
  const video = report.files.find((f) => f.category === 'video' && f.data !== undefined);
  if (video?.data === undefined) return report;
  const seconds = await videoDuration(video.data);
  const advice = seconds === null ? '视频时长无法读取（浏览器不支持该视频格式），请下载后用播放器查看。' : videoDurationAdvice(seconds);
  return {
    ...report,
    files: report.files.map((f) => (f === video ? { ...f, seconds } : f)),
    findings: advice === null ? report.findings : [...report.findings, { severity: 'warning', topic: 'attachments', text: advice }],
  };
}

/** 审核台: open many packages, verify each, list and compare the candidates, export the 汇总表. */
export default function DeskApp({ noticeYear, noticeDate, candidatesPerUnit, applyUrl }: Props) {
  const ctx: NoticeContext = useMemo(() => ({ noticeYear, noticeDate }), [noticeYear, noticeDate]);
  const [opened, setOpened] = useState<Opened[]>([]);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const shownRef = useRef<SummaryRow[]>([]);
  const running = useRef(0);
  const [reports, setReports] = useState<DeskReport[]>([]);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const update = useCallback((key: string, change: Partial<Opened>) => setOpened((list) => list.map((o) => (o.key === key ? { ...o, ...change } : o))), []);

  // A few packages at a time, one per worker: each streams its entries, so memory stays that of a few entries.
  useEffect(() => {
    const waiting = opened.filter((o) => o.state === 'waiting').slice(0, Math.max(0, DESK_WORKERS - running.current));
    for (const next of waiting) {
      running.current += 1;
      update(next.key, { state: 'verifying' });
      const { result } = verifyInWorker(next.file, next.key, ctx, (fraction, path) => update(next.key, { fraction, path }));
      void result.then(async (response) => {
        const report: DeskReport =
          response.type === 'report'
            ? await withVideoLength(response.report)
            : {
                id: next.key, fileName: next.file.name, size: next.file.size, kind: 'unknown', verdict: 'refused', files: [], missing: [], separate: [],
                findings: [{ severity: 'error', topic: 'archive', text: `“${next.file.name}”核验时出错（${response.type === 'error' ? response.message : '未知错误'}），请重试。` }],
              };
        running.current -= 1;
        update(next.key, { state: 'done', fraction: 1 });
        setReports((list) => [...list, report].sort((a, b) => order(a.id) - order(b.id)));
      });
    }
  }, [opened, ctx, update]);

  const add = useCallback((files: File[]) => {
    const usable = files.filter(isDeskFile);
    const skipped = files.length - usable.length;
    setMessage(skipped > 0 ? { kind: 'info', text: `已跳过 ${skipped} 个不是 .zip 或 .json 的文件。` } : null);
    setOpened((list) => [...list, ...usable.map((file): Opened => ({ key: `f${(keys += 1)}`, file, state: 'waiting', fraction: 0, path: null }))]);
  }, []);

  const rows = useMemo(() => summaryRows(reports, ctx, candidatesPerUnit), [reports, ctx, candidatesPerUnit]);
  const pending = opened.filter((o) => o.state !== 'done');
  const onShown = useCallback((shown: SummaryRow[]) => {
    shownRef.current = shown;
  }, []);

  // Moving into a view puts the keyboard at its heading.
  useEffect(() => {
    if (view.kind === 'detail') document.getElementById('desk-detail-title')?.focus();
    if (view.kind === 'compare') document.getElementById('desk-compare-title')?.focus();
  }, [view]);

  const toggleCompare = (id: string) => {
    setChosen((list) => {
      const next = list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-2);
      return next;
    });
  };

  const toDraft = async (report: DeskReport) => {
    const made = draftFromReport(report, new Date().toISOString(), newId);
    if (made === null) {
      setMessage({ kind: 'error', text: `“${report.fileName}”未通过文件核对，不能转为草稿。请申报单位重新发送完整的材料包。` });
      return;
    }
    try {
      const { repository } = await openRepository();
      await repository.add(made.draft, made.attachments);
      announce({ type: 'list-changed' });
      setMessage({ kind: 'success', text: `已把“${made.draft.title}”转为本浏览器中的申报草稿（含 ${made.attachments.length} 个附件），可以打印或修改。`, link: { href: `${applyUrl}?d=${encodeURIComponent(made.draft.id)}`, text: '打开这份草稿' } });
    } catch (error) {
      setMessage({ kind: 'error', text: `未能保存为草稿：${error instanceof Error ? error.message : '浏览器存储不可用'}。请检查浏览器是否允许本网站保存数据。` });
    }
  };

  const exportPdf = async () => {
    setBusy('pdf');
    const subtitle = `共 ${rows.length} 份，核验于 ${chinaDateTime(new Date().toISOString())}；每个推荐单位可推荐 1-${candidatesPerUnit} 个候选对象`;
    const error = await downloadSummaryPdf({ rows: shownRef.current, title: SUMMARY_TITLE, subtitle, candidatesPerUnit });
    setBusy(null);
    setMessage(error === null ? { kind: 'success', text: '汇总表PDF已生成（A3横向），请在下载中查看。' } : { kind: 'error', text: error });
  };

  const exportXlsx = async () => {
    setBusy('xlsx');
    try {
      await downloadXlsx(rows, shownRef.current, reports, candidatesPerUnit);
      setMessage({ kind: 'success', text: '汇总表 Excel 文件已生成。' });
    } catch (error) {
      setMessage({ kind: 'error', text: `Excel 文件未能生成：${error instanceof Error ? error.message : '未知错误'}` });
    } finally {
      setBusy(null);
    }
  };

  const byId = (id: string) => reports.find((r) => r.id === id);
  const detail = view.kind === 'detail' ? byId(view.id) : undefined;
  const pair = view.kind === 'compare' ? view.ids.map(byId) : [];
  const counts = new Map<Verdict, number>();
  for (const r of reports) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  const perUnit = new Map<string, number>();
  for (const row of rows) if (row.recommender !== '' && row.verdict !== 'refused') perUnit.set(row.recommender, (perUnit.get(row.recommender) ?? 0) + 1);

  return (
    <div className="desk">
      <UpdateNotice />
      <h1>审核台</h1>
      <p>供推荐单位和市总工会经济技术部核对各单位发来的申报材料包：一次打开多个“申报材料包-….zip”（或草稿备份文件），逐个核对材料清单中每个文件的大小和 SHA-256、申报表数据和通知要求的附件，汇总成表，导出 Excel、CSV 或 A3 汇总表PDF。<strong>文件只在本机浏览器中读取，不会上传到任何地方。</strong></p>

      <section aria-labelledby="desk-open-title" className="output-block">
        <h2 id="desk-open-title">打开材料包</h2>
        <DropZone
          label="选择材料包（可多选）"
          accept=".zip,.json,application/zip,application/json"
          multiple
          onFiles={add}
          buttonClassName="btn btn-primary"
          hint="或把材料包、文件夹拖到这里"
          readDropped={droppedFiles}
        >
          <span className="file-picker">
            <label className="btn" htmlFor="desk-folder">选择文件夹</label>
            <input
              id="desk-folder"
              ref={folderInput}
              type="file"
              multiple
              className="visually-hidden"
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                e.currentTarget.value = '';
                if (files.length > 0) add(files);
              }}
            />
          </span>
        </DropZone>
        {pending.length > 0 && (
          <div className="progress" aria-live="polite">
            {pending.map((o) => (
              <div key={o.key}>
                <label htmlFor={`progress-${o.key}`}>{o.state === 'waiting' ? '等待核对' : '正在核对'}：{o.file.name}{o.path ? ` — ${o.path}` : ''}</label>
                <progress id={`progress-${o.key}`} max={1} value={o.fraction} />
              </div>
            ))}
          </div>
        )}
        {message && (
          <div className={`notice-box notice-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            <p>{message.text} {message.link && <a href={message.link.href}>{message.link.text}</a>}</p>
          </div>
        )}
      </section>

      {detail !== undefined ? (
        <CandidateDetail report={detail} ctx={ctx} onClose={() => setView({ kind: 'list' })} />
      ) : pair.length === 2 && pair[0] !== undefined && pair[1] !== undefined ? (
        <CompareView pair={[pair[0], pair[1]]} rows={rows} ctx={ctx} onClose={() => setView({ kind: 'list' })} />
      ) : reports.length > 0 ? (
        <>
          <section aria-labelledby="desk-summary-title" className="output-block">
            <h2 id="desk-summary-title">汇总（{rows.length}份）</h2>
            <p>
              {(Object.keys(VERDICT_LABELS) as Verdict[]).filter((v) => counts.has(v)).map((v) => `${VERDICT_LABELS[v]} ${counts.get(v)} 份`).join('，')}。
              {[...perUnit].filter(([, n]) => n > candidatesPerUnit).map(([unit, n]) => ` ${unit}推荐了${n}个，超过通知规定的每单位1-${candidatesPerUnit}个。`).join('')}
            </p>
            <SummaryTable rows={rows} candidatesPerUnit={candidatesPerUnit} compare={chosen} onShown={onShown} onDetail={(id) => setView({ kind: 'detail', id })} onToggleCompare={toggleCompare} />
            <div className="output-actions desk-actions">
              <button type="button" className="btn" disabled={chosen.length !== 2} onClick={() => chosen.length === 2 && setView({ kind: 'compare', ids: [chosen[0] ?? '', chosen[1] ?? ''] })}>
                对比选中的两个（已选 {chosen.length}/2）
              </button>
              <button type="button" className="btn" disabled={busy !== null} onClick={() => void exportXlsx()}>{busy === 'xlsx' ? '正在生成…' : '导出 Excel（.xlsx）'}</button>
              <button type="button" className="btn" onClick={() => downloadCsv(shownRef.current)}>导出 CSV</button>
              <button type="button" className="btn" disabled={busy !== null} onClick={() => void exportPdf()}>{busy === 'pdf' ? '正在生成汇总表PDF…' : '生成汇总表PDF（A3横向）'}</button>
            </div>
          </section>
          <section aria-labelledby="desk-reports-title" className="output-block">
            <h2 id="desk-reports-title">逐份核验结果</h2>
            {reports.map((r) => (
              <ReportCard
                key={r.id}
                report={r}
                {...(r.application === undefined ? {} : { onDetail: () => setView({ kind: 'detail', id: r.id }) })}
                {...(r.verdict === 'passed' || r.verdict === 'incomplete' ? { onDraft: () => void toDraft(r) } : {})}
              />
            ))}
          </section>
        </>
      ) : (
        pending.length === 0 && <p className="drafts-empty">还没有打开材料包。</p>
      )}
    </div>
  );
}
