// What the notice asks of each kind of attachment, as one line shown on the attachments view and on the
// review page (the checks themselves are in rules.ts and preSend.ts).
import type { AttachmentCategory } from '../draft/types';

export const ATTACHMENT_REQUIREMENTS: Readonly<Record<AttachmentCategory, string>> = {
  video: '1个视频，5分钟左右（短于3分钟或长于8分钟会提示）。',
  photos: '至少2张；每张须填写照片说明（外景、内景、布局、牌匾等），材料包中的照片按说明命名。',
  'proof.investment': '填写了近三年经费投入*时须提供（填表说明5）。',
  'proof.innovations': '填写了技术创新*时须提供（填表说明5）。',
  'proof.economicBenefit': '填写了经济效益*时须提供（填表说明5）；加盖单位财务章的原件另行报送。',
  'proof.talents': '填写了培养人才*时须提供（填表说明5）。',
  'proof.honors': '填写了领衔人所获荣誉时须提供。',
  other: '选填（填表说明8）。',
};
