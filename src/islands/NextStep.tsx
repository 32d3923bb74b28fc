import type { ReactNode } from 'react';

/** One view of the workspace's path: 封面 … 签署意见 → 申报材料 → 附件材料 → 检查申报内容 → 生成PDF与材料包. */
export interface Step {
  id: string;
  title: string;
}

/** The end of every view: back one step, anything of the view's own, and on to the next step. */
export function NextStep({ previous, next, children }: { previous: Step | undefined; next: Step | undefined; children?: ReactNode }) {
  return (
    <nav className="section-footer" aria-label="上一步与下一步">
      {previous ? <a className="btn" href={`#${previous.id}`}>← 上一步：{previous.title}</a> : <span />}
      {children}
      {next ? <a className="btn btn-primary" href={`#${next.id}`}>下一步：{next.title} →</a> : <span />}
    </nav>
  );
}
