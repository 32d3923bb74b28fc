import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { sectionStatuses } from '../../core/application/sectionStatus';
import type { NoticeContext } from '../../core/application/types';
import { videoDurationAdvice } from '../../core/attachments/rules';
import { formatBytes } from '../../core/bytes';
import { SUMMARY_COLUMNS, type SummaryRow } from '../../core/desk/summary';
import type { CheckedFile, DeskReport } from '../../core/desk/types';
import { ATTACHMENT_CATEGORIES, isAttachmentCategory } from '../../core/draft/types';
import { ConditionList, ReviewPage, SectionEntries } from '../ReviewPage';
import { ReportCard } from './ReportCard';

/** Object URLs for the files that have bytes, revoked when the view goes. */
function useObjectUrls(files: readonly CheckedFile[]): Map<CheckedFile, string> {
  const urls = useMemo(() => new Map(files.filter((f) => f.data !== undefined).map((f) => [f, URL.createObjectURL(f.data as Blob)])), [files]);
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);
  return urls;
}

function groupOf(file: CheckedFile): string {
  if (file.category === 'pdf') return '申报表与申报材料（PDF）';
  return isAttachmentCategory(file.category) ? ATTACHMENT_CATEGORIES[file.category] : '其他文件';
}

interface DetailProps {
  report: DeskReport;
  ctx: NoticeContext;
  onClose: () => void;
}

/** One candidate: the application as the review page shows it, then the photos, the video and the documents. */
export function CandidateDetail({ report, ctx, onClose }: DetailProps) {
  const urls = useObjectUrls(report.files);
  const [seconds, setSeconds] = useState<number | null>(null);
  const app = report.application;
  const photos = report.files.filter((f) => f.category === 'photos' && urls.has(f));
  const video = report.files.find((f) => f.category === 'video' && urls.has(f));
  const documents = report.files.filter((f) => f.category !== 'photos' && f.category !== 'video' && f.category !== 'list' && f.category !== 'data');
  const title = app?.cover.studioName?.trim() || report.fileName;
  const advice = seconds === null ? null : videoDurationAdvice(seconds);
  return (
    <section className="desk-detail" aria-labelledby="desk-detail-title">
      <div className="desk-detail__head">
        <h2 id="desk-detail-title" tabIndex={-1}>{title}</h2>
        <button type="button" className="btn" onClick={onClose}>返回汇总</button>
      </div>
      <ReportCard report={report} />
      {video && (
        <section aria-labelledby="desk-video-title">
          <h3 id="desk-video-title">工作室介绍视频</h3>
          <video controls preload="metadata" src={urls.get(video)} className="desk-video" onLoadedMetadata={(e) => setSeconds(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : null)}>
            <track kind="captions" />
          </video>
          <p>
            {video.path}（{formatBytes(video.size)}）
            {seconds !== null && `，时长 ${Math.floor(seconds / 60)}分${Math.round(seconds % 60)}秒`}
          </p>
          {advice && <p className="desk-flag">{advice}</p>}
        </section>
      )}
      {photos.length > 0 && (
        <section aria-labelledby="desk-photos-title">
          <h3 id="desk-photos-title">工作室内外观布局照片（{photos.length}张）</h3>
          <div className="desk-photos">
            {photos.map((p) => (
              <figure key={p.path}>
                <img src={urls.get(p)} alt={p.caption ?? p.path} loading="lazy" />
                <figcaption>{p.caption ?? p.path}</figcaption>
              </figure>
            ))}
          </div>
        </section>
      )}
      {documents.length > 0 && (
        <section aria-labelledby="desk-docs-title">
          <h3 id="desk-docs-title">PDF 与证明材料</h3>
          <ul className="desk-docs">
            {documents.map((f) => (
              <li key={f.path}>
                <span className="desk-sub">{groupOf(f)}</span>{' '}
                {urls.has(f) ? <a href={urls.get(f)} target="_blank" rel="noopener">{f.path}</a> : f.path}
                {f.pages != null && `（${f.pages}页）`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {app !== undefined && report.issues !== undefined ? (
        <div className="desk-review">
          <ReviewPage app={app} ctx={ctx} statuses={sectionStatuses(app, report.issues)} />
        </div>
      ) : (
        <p className="review-empty">这份文件中没有可读取的申报表数据。</p>
      )}
    </section>
  );
}

/** One candidate's half of a row of the comparison: its name (the columns stack on a phone), then the content. */
function Side({ report, children }: { report: DeskReport; children: ReactNode }) {
  return (
    <div className="desk-side__cell">
      <p className="desk-side__who">{report.application?.cover.studioName?.trim() || report.fileName}</p>
      {report.application === undefined ? <p className="review-empty">这份文件中没有可读取的申报表数据。</p> : children}
    </div>
  );
}

/**
 * Two candidates side by side: the figures of the 汇总表, then both applications as the review page renders them,
 * section by section in two columns (one under the other on a narrow screen), so that the same section lines up.
 */
export function CompareView({ pair, rows, ctx, onClose }: { pair: [DeskReport, DeskReport]; rows: SummaryRow[]; ctx: NoticeContext; onClose: () => void }) {
  const rowOf = (r: DeskReport) => rows.find((row) => row.id === r.id);
  const statuses = pair.map((r) => (r.application === undefined || r.issues === undefined ? [] : sectionStatuses(r.application, r.issues)));
  const sections = (statuses[0]?.length ? statuses[0] : (statuses[1] ?? [])).map((s) => s.section);
  const name = (r: DeskReport) => r.application?.cover.studioName?.trim() || r.fileName;
  return (
    <section className="desk-detail" aria-labelledby="desk-compare-title">
      <div className="desk-detail__head">
        <h2 id="desk-compare-title" tabIndex={-1}>两个候选对象对比</h2>
        <button type="button" className="btn" onClick={onClose}>返回汇总</button>
      </div>
      <div>
        <h3 id="desk-compare-figures">汇总表中的数据</h3>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="desk-compare-figures">
          <table className="desk-compare">
            <thead>
              <tr>
                <th scope="col">项目</th>
                {pair.map((r) => <th scope="col" key={r.id}>{name(r)}</th>)}
              </tr>
            </thead>
            <tbody>
              {SUMMARY_COLUMNS.map((column) => (
                <tr key={column.header}>
                  <th scope="row">{column.header}</th>
                  {pair.map((r) => {
                    const row = rowOf(r);
                    return <td key={r.id} className={column.numeric ? 'num' : undefined}>{row === undefined ? '' : (column.value(row) ?? '')}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <section className="review-group" aria-labelledby="desk-compare-conditions">
        <h3 id="desk-compare-conditions">对照通知“推荐申报条件”自查</h3>
        <div className="desk-side">
          {pair.map((r) => <Side key={r.id} report={r}>{r.application && <ConditionList app={r.application} ctx={ctx} />}</Side>)}
        </div>
      </section>
      {sections.map((section) => (
        <section key={section.id} className="review-group" aria-labelledby={`desk-compare-${section.id}`}>
          <h3 id={`desk-compare-${section.id}`}>{section.title}</h3>
          <div className="desk-side">
            {pair.map((r, i) => {
              const own = statuses[i]?.find((s) => s.section.id === section.id)?.errors ?? [];
              return (
                <Side key={r.id} report={r}>
                  {own.length > 0 && <p className="review-empty">本部分还有{own.length}项待完善，如：{own[0]?.message}</p>}
                  {r.application && <SectionEntries app={r.application} ctx={ctx} section={section} />}
                </Side>
              );
            })}
          </div>
        </section>
      ))}
    </section>
  );
}
