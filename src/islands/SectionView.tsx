import type { UiSchema } from '@rjsf/utils';
import { useMemo, useRef } from 'react';
import { issuesToErrorSchema } from '../core/application/errorSchema';
import type { SectionStatus } from '../core/application/sectionStatus';
import type { Application, Issue, NoticeContext } from '../core/application/types';
import { DerivedPanel } from './DerivedPanel';
import { ErrorSummary } from './ErrorSummary';
import { ApplicationForm } from './form/ApplicationForm';

const NO_ISSUES: readonly Issue[] = [];

interface Props {
  status: SectionStatus;
  previous?: SectionStatus | undefined;
  next?: SectionStatus | undefined;
  app: Application;
  ctx: NoticeContext;
  uiSchema: UiSchema;
  /** Whether this section's problems are shown: after 检查本部分, after leaving it once, or on review. */
  checked: boolean;
  onChange: (app: Application) => void;
  onCheck: () => void;
}

export function SectionView({ status, previous, next, app, ctx, uiSchema, checked, onChange, onCheck }: Props) {
  const { section, errors, warnings } = status;
  const summaryRef = useRef<HTMLDivElement>(null);
  const shownErrors = checked ? errors : NO_ISSUES;
  const errorSchema = useMemo(() => issuesToErrorSchema(shownErrors), [shownErrors]);
  return (
    <>
      <h2 id="section-title" tabIndex={-1}>{section.title}</h2>
      <p className="section-intro">
        {status.state === 'complete' ? '本部分已填写完整。' : '带“必填”标记的项目须填写，可随时切换到其他部分。'}
      </p>
      {checked && <ErrorSummary ref={summaryRef} errors={errors} warnings={warnings} />}
      <DerivedPanel sectionId={section.id} app={app} ctx={ctx} />
      <ApplicationForm app={app} onChange={onChange} sectionPaths={section.paths} uiSchema={uiSchema} errorSchema={errorSchema} />
      <div className="section-footer">
        {previous ? <a className="btn" href={`#${previous.section.id}`}>← 上一部分：{previous.section.title}</a> : <span />}
        <button
          type="button"
          className="btn"
          onClick={() => {
            onCheck();
            // Let the summary render, then move focus to it so the problems are read out.
            requestAnimationFrame(() => summaryRef.current?.focus());
          }}
        >
          检查本部分
        </button>
        {next ? (
          <a className="btn btn-primary" href={`#${next.section.id}`}>下一部分：{next.section.title} →</a>
        ) : (
          <a className="btn btn-primary" href="#review">检查申报内容 →</a>
        )}
      </div>
    </>
  );
}
