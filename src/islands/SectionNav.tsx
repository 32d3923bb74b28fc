import { useEffect, useState } from 'react';
import type { SectionStatus } from '../core/application/sectionStatus';

export const VIEW_TITLES: Record<string, string> = { attachments: '附件材料', review: '检查申报内容', output: '生成PDF与材料包' };

function badge(status: SectionStatus): { text: string; className: string } {
  if (status.state === 'complete') return { text: '已完成', className: 'status--complete' };
  if (status.state === 'empty') return { text: '未填写', className: 'status--empty' };
  return { text: `还差${status.errors.length}项`, className: 'status--partial' };
}

function Item({ status, current }: { status: SectionStatus; current: boolean }) {
  const b = badge(status);
  return (
    <li>
      <a href={`#${status.section.id}`} aria-current={current ? 'step' : undefined}>
        <span>{status.section.title.replace(/^申报材料/, '')}</span>
        <span className={`status-badge ${b.className}`}>{b.text}</span>
      </a>
    </li>
  );
}

/** The form's sections with where each stands; one can move between them freely. */
export function SectionNav({ statuses, current, attachmentCount, unprintable = 0 }: { statuses: SectionStatus[]; current: string; attachmentCount: number; unprintable?: number }) {
  const form = statuses.filter((s) => !s.section.id.startsWith('materials-'));
  const materials = statuses.filter((s) => s.section.id.startsWith('materials-'));
  const errors = statuses.reduce((n, s) => n + s.errors.length, 0);
  // On a phone the list folds away above the section; on a wide screen it stays open beside it.
  const [open, setOpen] = useState(true);
  useEffect(() => setOpen(window.matchMedia('(min-width: 60rem)').matches), [current]);
  const currentTitle = statuses.find((s) => s.section.id === current)?.section.title ?? VIEW_TITLES[current] ?? '';
  return (
    <nav className="apply-nav" aria-label="申报内容各部分">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="apply-nav__summary">全部内容（当前：{currentTitle.replace(/^申报材料/, '')}）</summary>
        <h2>附件1 申报表</h2>
        <ol>{form.map((s) => <Item key={s.section.id} status={s} current={s.section.id === current} />)}</ol>
        <h2>附件2 申报材料</h2>
        <ol>{materials.map((s) => <Item key={s.section.id} status={s} current={s.section.id === current} />)}</ol>
        <h2>附件与提交</h2>
        <ol>
          <li>
            <a href="#attachments" aria-current={current === 'attachments' ? 'step' : undefined}>
              <span>附件材料</span>
              <span className={`status-badge ${attachmentCount > 0 ? 'status--complete' : 'status--empty'}`}>{attachmentCount}个文件</span>
            </a>
          </li>
          <li>
            <a href="#review" aria-current={current === 'review' ? 'step' : undefined}>
              <span>检查申报内容</span>
              <span className={`status-badge ${errors === 0 && unprintable === 0 ? 'status--complete' : 'status--partial'}`}>
                {errors > 0 ? `共${errors}项待完善` : unprintable > 0 ? `${unprintable}个字符无法打印` : '可以提交'}
              </span>
            </a>
          </li>
          <li>
            <a href="#output" aria-current={current === 'output' ? 'step' : undefined}>
              <span>生成PDF与材料包</span>
            </a>
          </li>
        </ol>
      </details>
    </nav>
  );
}
