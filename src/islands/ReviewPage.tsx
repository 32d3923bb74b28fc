import { checkConditions } from '../core/application/conditions';
import { fundingTotal, recentYearsTotal, teamStructure } from '../core/application/derived';
import { DERIVED_LABELS, teamSizeText } from '../core/application/facts';
import { presentPath, type Presented } from '../core/application/present';
import type { SectionStatus } from '../core/application/sectionStatus';
import type { Application, Issue, NoticeContext } from '../core/application/types';
import { preSendCheck } from '../core/attachments/preSend';
import { ATTACHMENT_REQUIREMENTS } from '../core/attachments/requirements';
import { videoDurationAdvice } from '../core/attachments/rules';
import { formatBytes } from '../core/bytes';
import { describeUnprintable, type UnprintableCharacter } from '../core/pdf/fonts/coverage';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory, type DraftAttachment } from '../core/draft/types';
import { formatSeconds, useVideoSeconds } from './attachments/useVideoSeconds';
import { NextStep, type Step } from './NextStep';

function Value({ text }: { text: string | null }) {
  return text === null ? <span className="review-empty">未填写</span> : <>{text}</>;
}

function Block({ item }: { item: Presented }) {
  if (item.kind === 'field') {
    return (
      <>
        <dt>{item.label}</dt>
        <dd><Value text={item.text} /></dd>
      </>
    );
  }
  if (item.kind === 'table') {
    return (
      <>
        <dt>{item.label}</dt>
        <dd>
          {item.rows.length === 0 ? (
            <span className="review-empty">未填写</span>
          ) : (
            <table className="review-table">
              <thead><tr><th scope="col">序号</th>{item.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
              <tbody>
                {item.rows.map((row, i) => (
                  <tr key={i}><td>{i + 1}</td>{row.map((cell, j) => <td key={j}>{cell ?? ''}</td>)}</tr>
                ))}
              </tbody>
            </table>
          )}
        </dd>
      </>
    );
  }
  return (
    <>
      {item.children.map((child) =>
        child.kind === 'group' ? (
          <div key={child.path} className="derived-row">
            <dt className="review-subgroup">{child.label}</dt>
            <dd><dl className="review-list">{child.children.map((c) => <Block key={c.path} item={c} />)}</dl></dd>
          </div>
        ) : (
          <Block key={child.path} item={child} />
        ),
      )}
    </>
  );
}

/** The workspace's part of the review: the desk shows a package's files itself and has no path to follow. */
interface WorkspaceProps {
  /** Characters no font prints, with their fields (useUnprintable). */
  unprintable: readonly UnprintableCharacter[];
  attachments: readonly DraftAttachment[];
  issues: Issue[];
  steps: { previous: Step | undefined; next: Step | undefined };
}

type Props = {
  app: Application;
  ctx: NoticeContext;
  statuses: SectionStatus[];
} & (WorkspaceProps | { [K in keyof WorkspaceProps]?: undefined });

/** 附件材料 as the package will hold them: count, video length, photo captions, proofs per * item, what is missing. */
function AttachmentsReview({ app, attachments, issues }: { app: Application } & Pick<WorkspaceProps, 'attachments' | 'issues'>) {
  const seconds = useVideoSeconds(attachments);
  const missing = preSendCheck(app, issues, attachments.map((a) => a.meta), []).filter((c) => c.view === 'attachments');
  const total = attachments.reduce((n, a) => n + a.meta.size, 0);
  const of = (category: AttachmentCategory) => attachments.filter((a) => a.meta.category === category);
  return (
    <section className="review-group" aria-labelledby="review-attachments">
      <header>
        <h3 id="review-attachments">附件材料</h3>
        <a href="#attachments">修改<span className="visually-hidden">附件材料</span></a>
      </header>
      <p>共 {attachments.length} 个文件，{formatBytes(total)}。</p>
      {missing.length > 0 ? (
        <div className="notice-box notice-warning">
          <h4>还缺少或需要留意</h4>
          <ul>{missing.map((m) => <li key={m.text}>{m.text}</li>)}</ul>
        </div>
      ) : (
        <p className="notice-box notice-success">视频、照片和证明材料齐全。</p>
      )}
      <dl className="review-list">
        {(Object.keys(ATTACHMENT_CATEGORIES) as AttachmentCategory[]).map((category) => {
          const items = of(category);
          return (
            <div key={category} className="derived-row">
              <dt>{ATTACHMENT_CATEGORIES[category]}</dt>
              <dd>
                {items.length === 0 ? <span className="review-empty">无</span> : `${items.length}个`}
                {category === 'video' &&
                  items.map((v) => {
                    const s = seconds.get(v.meta.id);
                    if (s === undefined) return null;
                    return <span key={v.meta.id}>，{s === null ? '时长无法读取' : `时长 ${formatSeconds(s)}${videoDurationAdvice(s) ? '（通知要求5分钟左右）' : ''}`}</span>;
                  })}
                {category === 'photos' && items.length > 0 && `：${items.map((p) => p.meta.caption?.trim() || '（无说明）').join('、')}`}
                <br />
                <span className="field-help">{ATTACHMENT_REQUIREMENTS[category]}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The six 申报条件 and how the application meets each (the review page and the desk's comparison). */
export function ConditionList({ app, ctx }: { app: Application; ctx: NoticeContext }) {
  return (
    <ul className="conditions">
      {checkConditions(app, ctx).map((c) => (
        <li key={c.id} className={c.met ? 'condition--met' : 'condition--unmet'}>
          <span className="condition-state">{c.met ? '✓ 符合' : '✗ 未满足'}</span>
          <strong>{c.title}</strong>：{c.reason}
        </li>
      ))}
    </ul>
  );
}

/** Everything entered in one section of the form, with its derived totals (the review page and the desk's comparison). */
export function SectionEntries({ app, ctx, section }: { app: Application; ctx: NoticeContext; section: SectionStatus['section'] }) {
  return (
    <dl className="review-list">
      {section.paths.map((p) => {
        const item = presentPath(app, p, ctx);
        return item ? <Block key={p} item={item} /> : null;
      })}
      {section.id === 'team' && (
        <>
          <dt>{DERIVED_LABELS.teamSize}</dt><dd>{teamSizeText(teamStructure(app, ctx).size)}</dd>
        </>
      )}
      {section.id === 'funding-naming' && (
        <>
          <dt>{DERIVED_LABELS.fundingTotal}</dt><dd>{fundingTotal(app.funding.sources)}万元</dd>
        </>
      )}
      {section.id === 'performance' && (
        <>
          <dt>{DERIVED_LABELS.investmentTotal}</dt><dd>{recentYearsTotal(app.performance.investment)}万元</dd>
          <dt>{DERIVED_LABELS.benefitTotal}</dt><dd>{recentYearsTotal(app.performance.economicBenefit)}万元</dd>
        </>
      )}
    </dl>
  );
}

/** 检查申报内容: everything entered, grouped as the form is, and the self-check against the six 申报条件. */
export function ReviewPage({ app, ctx, statuses, attachments, issues, unprintable = [], steps }: Props) {
  const errors = statuses.flatMap((s) => s.errors);
  const warnings = statuses.flatMap((s) => s.warnings);
  // On the desk there is no form to go back to: no links to edit a section.
  const editable = attachments !== undefined;
  return (
    <>
      <h2 id="section-title" tabIndex={-1}>检查申报内容</h2>
      {unprintable.length > 0 && (
        <div className="notice-box notice-error" role="alert">
          <h3>有{unprintable.length}个字符无法打印到PDF中</h3>
          <ul>{unprintable.map((u) => <li key={u.char}>{describeUnprintable(u)}</li>)}</ul>
          <p>请在上述栏目中删去或改写这些字符（表情符号、从网页或微信复制带来的不可见字符等）；也可以在“生成PDF与材料包”中选择略去它们生成PDF。</p>
        </div>
      )}
      {errors.length === 0 && unprintable.length === 0 ? (
        <div className="notice-box notice-success" role="status">
          <h3>申报内容已填写完整</h3>
          <p>所有必填项均已填写，格式符合填表说明。{warnings.length > 0 ? `另有${warnings.length}条建议，可酌情完善。` : ''}</p>
        </div>
      ) : errors.length === 0 ? null : (
        <div className="notice-box notice-error">
          <h3>还有{errors.length}项需要填写或修改</h3>
          <ul>
            {statuses.filter((s) => s.errors.length > 0).map((s) => (
              <li key={s.section.id}>
                {editable ? <a href={`#${s.section.id}`}>{s.section.title}</a> : s.section.title}：{s.errors.length}项（如：{s.errors[0]?.message}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice-box notice-warning">
          <h3>建议（不影响提交）</h3>
          <ul>{warnings.map((w) => <li key={`${w.path}:${w.rule}`}>{w.message}</li>)}</ul>
        </div>
      )}

      <section className="review-group" aria-labelledby="conditions-title">
        <h3 id="conditions-title">对照通知“推荐申报条件”自查</h3>
        <ConditionList app={app} ctx={ctx} />
      </section>

      {statuses.map(({ section, errors: own }) => (
        <section key={section.id} className="review-group" aria-labelledby={`review-${section.id}`}>
          <header>
            <h3 id={`review-${section.id}`}>{section.title}</h3>
            {editable && <a href={`#${section.id}`}>修改<span className="visually-hidden">{section.title}</span></a>}
          </header>
          {own.length > 0 && (
            <p className="review-empty">
              本部分还有{own.length}项待完善，如：
              {editable ? <a href={`#${section.id}`}>{own[0]?.message}</a> : own[0]?.message}
            </p>
          )}
          <SectionEntries app={app} ctx={ctx} section={section} />
        </section>
      ))}
      {attachments && <AttachmentsReview app={app} attachments={attachments} issues={issues} />}
      {steps && <NextStep previous={steps.previous} next={steps.next} />}
    </>
  );
}
