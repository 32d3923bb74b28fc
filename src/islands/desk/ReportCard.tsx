import { formatBytes } from '../../core/bytes';
import { sectionStatuses } from '../../core/application/sectionStatus';
import { VERDICT_LABELS, type DeskReport } from '../../core/desk/types';

const STATE_LABELS = { ok: '一致', mismatch: '不一致', extra: '清单外' } as const;

/** One package's verdict and everything behind it: findings, the application's problems by section, the files. */
export function ReportCard({ report, onDetail, onDraft }: { report: DeskReport; onDetail?: () => void; onDraft?: () => void }) {
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const statuses = report.application !== undefined && report.issues !== undefined ? sectionStatuses(report.application, report.issues).filter((s) => s.errors.length > 0) : [];
  const title = report.application?.cover.studioName?.trim() || report.fileName;
  return (
    <article className="desk-report" aria-labelledby={`report-${report.id}`}>
      <h3 id={`report-${report.id}`}>
        <span className={`status-badge verdict--${report.verdict}`}>{VERDICT_LABELS[report.verdict]}</span> {title}
      </h3>
      <p className="desk-file">{report.fileName}（{formatBytes(report.size)}）{report.kind === 'draft' ? ' · 申报草稿文件' : ''}</p>
      {errors.length > 0 && (
        <div className="notice-box notice-error">
          <h4>问题（{errors.length}）</h4>
          <ul>{errors.map((f, i) => <li key={i}>{f.text}</li>)}</ul>
        </div>
      )}
      {statuses.length > 0 && (
        <div className="notice-box notice-warning">
          <h4>申报表中需要填写或修改的内容</h4>
          <ul>
            {statuses.map((s) => (
              <li key={s.section.id}>
                <strong>{s.section.title}</strong>：{s.errors.map((e) => e.message).join('；')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice-box notice-info">
          <h4>提示</h4>
          <ul>{warnings.map((f, i) => <li key={i}>{f.text}</li>)}</ul>
        </div>
      )}
      {errors.length === 0 && <p className="desk-ok">材料清单中的每个文件都在，大小和 SHA-256 一致；申报表和附件齐全。</p>}
      {report.files.length > 0 && (
        <details>
          <summary>文件核对明细（{report.files.length} 个文件）</summary>
          <div className="table-scroll">
            <table className="desk-files">
              <thead><tr><th scope="col">文件</th><th scope="col">大小</th><th scope="col">与清单核对</th><th scope="col">页数/时长</th></tr></thead>
              <tbody>
                {report.files.map((f) => (
                  <tr key={f.path}>
                    <td>{f.path}</td>
                    <td className="num">{formatBytes(f.size)}</td>
                    <td>{STATE_LABELS[f.state]}</td>
                    <td>{f.pages != null ? `${f.pages}页` : f.seconds != null ? `${Math.floor(f.seconds / 60)}分${Math.round(f.seconds % 60)}秒` : ''}</td>
                  </tr>
                ))}
                {report.missing.map((path) => <tr key={path}><td>{path}</td><td></td><td>缺失</td><td></td></tr>)}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {(onDetail !== undefined || onDraft !== undefined) && (
        <div className="draft-actions">
          {onDetail && <button type="button" className="btn" onClick={onDetail}>查看详情<span className="visually-hidden">：{title}</span></button>}
          {onDraft && <button type="button" className="btn" onClick={onDraft}>转为草稿<span className="visually-hidden">：{title}</span></button>}
        </div>
      )}
    </article>
  );
}
