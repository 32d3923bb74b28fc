// A verified package (or draft file) as a new draft of this browser, for a 推荐单位 that prints or corrects it:
// the application as restored, and each attachment with its category, caption and order from the package.
import { newDraft } from '../draft/restore';
import { isAttachmentCategory, type Draft, type DraftAttachment } from '../draft/types';
import type { DeskReport } from './types';

export function draftFromReport(report: DeskReport, now: string, newId: () => string): { draft: Draft; attachments: DraftAttachment[] } | null {
  if (report.application === undefined || report.verdict === 'refused' || report.verdict === 'failed') return null;
  const draft = newDraft(report.application, now, newId());
  const orders = new Map<string, number>();
  const attachments: DraftAttachment[] = [];
  for (const file of report.files) {
    const { category, data } = file;
    if (!isAttachmentCategory(category) || data === undefined || file.state !== 'ok') continue;
    const order = orders.get(category) ?? 0;
    orders.set(category, order + 1);
    const name = file.path.split('/').pop() ?? file.path;
    attachments.push({
      meta: { id: newId(), draftId: draft.id, category, name, type: data.type, size: data.size, order, addedAt: now, ...(file.caption === undefined || category !== 'photos' ? {} : { caption: file.caption }) },
      data,
    });
  }
  return { draft, attachments };
}
