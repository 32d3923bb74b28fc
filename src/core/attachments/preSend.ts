// Before the package is built: what is missing or doubtful, drawn from the data, the form's check and the
// attachments. Nothing here blocks the build except what would make a wrong PDF.
import { recentYearsTotal } from '../application/derived';
import type { Application, Issue } from '../application/types';
import { characterLabel } from '../pdf/fonts/coverage';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory, type AttachmentMeta } from '../draft/types';

export interface PreSendItem {
  severity: 'error' | 'warning';
  text: string;
  /** The workspace view where it is fixed. */
  view: string;
}

export interface UnprintableChar {
  char: string;
  fields: { label: string }[];
}

function count(attachments: readonly AttachmentMeta[], category: AttachmentCategory): number {
  return attachments.filter((a) => a.category === category).length;
}

export function preSendCheck(app: Application, issues: readonly Issue[], attachments: readonly AttachmentMeta[], unprintable: readonly UnprintableChar[]): PreSendItem[] {
  const items: PreSendItem[] = [];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) items.push({ severity: 'error', text: `申报表还有${errors.length}项需要填写或修改。`, view: 'review' });
  for (const u of unprintable) {
    items.push({ severity: 'error', text: `字符${characterLabel(u.char)}无法打印到PDF中（在${u.fields.map((f) => `「${f.label}」`).join('、')}），请改用可打印的写法。`, view: 'output' });
  }
  for (const w of issues.filter((i) => i.severity === 'warning')) items.push({ severity: 'warning', text: w.message, view: 'review' });
  if (count(attachments, 'video') === 0) items.push({ severity: 'warning', text: '还没有添加工作室介绍视频（通知要求拍摄5分钟左右的视频）。', view: 'attachments' });
  const photos = count(attachments, 'photos');
  if (photos < 2) items.push({ severity: 'warning', text: `工作室内外观布局照片只有${photos}张，建议至少2张（外景、内景等）。`, view: 'attachments' });
  const uncaptioned = attachments.filter((a) => a.category === 'photos' && (a.caption ?? '').trim() === '').length;
  if (uncaptioned > 0) items.push({ severity: 'warning', text: `有${uncaptioned}张照片没有说明（如外景、内景），材料包中将以“照片”命名。`, view: 'attachments' });
  // 填表说明5: every starred figure needs its proof.
  const starred: [boolean, AttachmentCategory][] = [
    [recentYearsTotal(app.performance.investment) > 0, 'proof.investment'],
    [app.performance.innovations.length > 0, 'proof.innovations'],
    [recentYearsTotal(app.performance.economicBenefit) > 0, 'proof.economicBenefit'],
    [app.performance.talents.length > 0, 'proof.talents'],
    [app.leader.honors.length > 0, 'proof.honors'],
  ];
  for (const [filled, category] of starred) {
    if (filled && count(attachments, category) === 0) {
      items.push({ severity: 'warning', text: `已填写相关内容，但还没有添加“${ATTACHMENT_CATEGORIES[category]}”（填表说明5：带“*”项须提供证明复印件）。`, view: 'attachments' });
    }
  }
  return items;
}
