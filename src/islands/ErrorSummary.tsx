import { forwardRef } from 'react';
import { fieldIdOf } from '../core/application/errorSchema';
import type { Issue } from '../core/application/types';
import { focusField } from './focusField';

function IssueLink({ issue }: { issue: Issue }) {
  const id = fieldIdOf(issue.path);
  return (
    <li>
      <a
        href={`#${id}`}
        onClick={(e) => {
          e.preventDefault();
          focusField(id);
        }}
      >
        {issue.message}
      </a>
    </li>
  );
}

interface Props {
  errors: Issue[];
  warnings: Issue[];
}

/** At the top of a section: what blocks completion (errors) and what is only advice (warnings). */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ errors, warnings }, ref) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="summary">
      {errors.length > 0 && (
        <div className="notice-box notice-error" role="alert">
          <h3>本部分还有{errors.length}处需要填写或修改</h3>
          <ul>{errors.map((issue) => <IssueLink key={`${issue.path}:${issue.rule}`} issue={issue} />)}</ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice-box notice-warning">
          <h3>建议（不影响提交）</h3>
          <ul>{warnings.map((issue) => <IssueLink key={`${issue.path}:${issue.rule}`} issue={issue} />)}</ul>
        </div>
      )}
    </div>
  );
});
