import type { UiSchema } from '@rjsf/utils';
import { useCallback, useMemo, useRef, useState } from 'react';
import { issuesToErrorSchema } from '../core/application/errorSchema';
import type { SectionStatus } from '../core/application/sectionStatus';
import type { Application, Issue, NoticeContext } from '../core/application/types';
import { DerivedPanel } from './DerivedPanel';
import { ErrorSummary } from './ErrorSummary';
import { ApplicationForm } from './form/ApplicationForm';
import type { RowEvents } from './form/context';
import { NextStep, type Step } from './NextStep';

const NO_ISSUES: readonly Issue[] = [];

interface Props {
  status: SectionStatus;
  previous: Step | undefined;
  next: Step;
  app: Application;
  ctx: NoticeContext;
  uiSchema: UiSchema;
  /** Whether this section's problems are shown: after 检查本部分, after leaving it once, or on review. */
  checked: boolean;
  onChange: (app: Application) => void;
  onCheck: () => void;
  /** A table row is being deleted (for the undo notice). */
  onRemovingRow: (rowPath: string, what: string) => void;
}

function inRow(issue: Issue, rows: ReadonlySet<string>): boolean {
  for (const row of rows) if (issue.path.startsWith(`${row}.`)) return true;
  return false;
}

export function SectionView({ status, previous, next, app, ctx, uiSchema, checked, onChange, onCheck, onRemovingRow }: Props) {
  const { section, errors, warnings } = status;
  const summaryRef = useRef<HTMLDivElement>(null);
  // Rows added since the last check: empty on purpose, they show no errors until they are left or checked.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const rows: RowEvents = useMemo(
    () => ({
      added: (rowPath) => setFresh((s) => new Set(s).add(rowPath)),
      left: (rowPath) =>
        setFresh((s) => {
          if (!s.has(rowPath)) return s;
          const after = new Set(s);
          after.delete(rowPath);
          return after;
        }),
      removing: (rowPath, what) => {
        // Rows after it move up one place: the fresh marks of that list no longer point at the right rows.
        const list = rowPath.replace(/\.\d+$/, '');
        setFresh((s) => new Set([...s].filter((r) => r.replace(/\.\d+$/, '') !== list)));
        onRemovingRow(rowPath, what);
      },
    }),
    [onRemovingRow],
  );
  const shownErrors = useMemo(() => (checked ? errors.filter((e) => !inRow(e, fresh)) : NO_ISSUES), [checked, errors, fresh]);
  const errorSchema = useMemo(() => issuesToErrorSchema(shownErrors), [shownErrors]);
  const check = useCallback(() => {
    setFresh(new Set());
    onCheck();
    // Let the summary render, then move focus to it so the problems are read out.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }, [onCheck]);
  return (
    <>
      <h2 id="section-title" tabIndex={-1}>{section.title}</h2>
      <p className="section-intro">
        {status.state === 'complete' ? '本部分已填写完整。' : '带“必填”标记的项目须填写，可随时切换到其他部分。'}
      </p>
      {checked && <ErrorSummary ref={summaryRef} errors={[...shownErrors]} warnings={warnings} />}
      <DerivedPanel sectionId={section.id} app={app} ctx={ctx} />
      <ApplicationForm app={app} onChange={onChange} sectionPaths={section.paths} uiSchema={uiSchema} errorSchema={errorSchema} rows={rows} />
      <NextStep previous={previous} next={next}>
        <button type="button" className="btn" onClick={check}>检查本部分</button>
      </NextStep>
    </>
  );
}
