import { useState } from 'react';
import { ATTACHMENT_REQUIREMENTS } from '../../core/attachments/requirements';
import { ATTACHMENT_RULES, videoDurationAdvice } from '../../core/attachments/rules';
import { formatBytes } from '../../core/bytes';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory } from '../../core/draft/types';
import { videoDuration } from '../../io/media';
import type { AttachmentsState } from '../hooks/useAttachments';
import { NextStep, type Step } from '../NextStep';
import { AttachmentItem } from './AttachmentItem';
import { DropZone } from './DropZone';
import { formatSeconds, useVideoSeconds } from './useVideoSeconds';

const HINTS: Record<AttachmentCategory, string> = {
  video: '通知要求拍摄5分钟左右介绍创新工作室有关情况的视频。',
  photos: '工作室内外观布局照片，每张注明内容（外景、内景、布局、牌匾等），材料包中按说明命名。',
  'proof.investment': '经费投入*的证明复印件（填表说明5）。',
  'proof.innovations': '技术创新*的证明复印件，如专利证书、认定文件。',
  'proof.economicBenefit': '经济效益*的证明；须加盖单位财务章的原件另行报送。',
  'proof.talents': '培养人才*的证明，如职称、技能等级证书。',
  'proof.honors': '领衔人所获荣誉的证书复印件。',
  other: '填表说明8：其他需要特别说明的内容，可补充相应的书面证明材料。',
};

type Notice = { kind: 'error' | 'warning'; text: string };

/** 附件材料: the video, photos and proofs, kept with the draft. */
export function AttachmentsView({ state, readOnly, steps }: { state: AttachmentsState; readOnly: boolean; steps: { previous: Step | undefined; next: Step | undefined } }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const videoSeconds = useVideoSeconds(state.list);
  const total = state.list.reduce((n, a) => n + a.meta.size, 0);

  async function accept(category: AttachmentCategory, files: File[]) {
    // Messages of this pick replace the previous pick's; a slower earlier pick finishing later adds, never clears.
    setNotices([]);
    const tell = (notice: Notice) => setNotices((all) => [...all, notice]);
    for (const file of files) {
      const check = await state.check(category, file);
      if (!check.ok) {
        tell({ kind: 'error', text: check.message });
        continue;
      }
      if (category === 'video') {
        const seconds = await videoDuration(file);
        const advice = seconds === null ? `无法读取“${file.name}”的时长，请确认视频能正常播放。` : videoDurationAdvice(seconds);
        if (advice) tell({ kind: 'warning', text: advice });
      }
      const added = await state.add(category, file);
      if (!added.ok) tell({ kind: 'error', text: added.message });
    }
  }

  return (
    <>
      <h2 id="section-title" tabIndex={-1}>附件材料</h2>
      <p className="section-intro">
        视频、照片和证明材料随草稿保存在本浏览器中，生成材料包时按规定的文件夹整理。当前共 {state.list.length} 个文件，{formatBytes(total)}。
      </p>
      {state.error && <p className="notice-box notice-error" role="alert">{state.error}</p>}
      {notices.length > 0 && (
        <div className={`notice-box ${notices.some((n) => n.kind === 'error') ? 'notice-error' : 'notice-warning'}`} role="alert">
          <ul>{notices.map((n) => <li key={n.text}>{n.text}</li>)}</ul>
        </div>
      )}
      {(Object.keys(ATTACHMENT_CATEGORIES) as AttachmentCategory[]).map((category) => {
        const items = state.list.filter((a) => a.meta.category === category);
        const rule = ATTACHMENT_RULES[category];
        const headingId = `attachments-${category.replace('.', '-')}`;
        return (
          <section key={category} className="attachment-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{ATTACHMENT_CATEGORIES[category]}</h3>
            <p className="field-help">
              {HINTS[category]} 接受{rule.kinds}，每个不超过 {formatBytes(rule.maxBytes)}。
            </p>
            <p className="attachment-rule"><strong>要求：</strong>{ATTACHMENT_REQUIREMENTS[category]}</p>
            {category === 'video' &&
              items.map((item) => {
                const seconds = videoSeconds.get(item.meta.id);
                if (seconds === undefined) return null;
                const advice = seconds === null ? null : videoDurationAdvice(seconds);
                return (
                  <p key={item.meta.id} className={advice ? 'attachment-advice' : 'field-help'}>
                    {seconds === null ? `无法读取“${item.meta.name}”的时长，请确认视频能正常播放。` : `视频时长 ${formatSeconds(seconds)}。${advice ?? '符合通知“5分钟左右”的要求。'}`}
                  </p>
                );
              })}
            {items.length > 0 && (
              <ol className="attachment-list">
                {items.map((item, i) => (
                  <AttachmentItem key={item.meta.id} item={item} index={i} count={items.length} state={state} readOnly={readOnly} />
                ))}
              </ol>
            )}
            {!readOnly && items.length < rule.maxFiles && (
              <DropZone
                label={`添加${ATTACHMENT_CATEGORIES[category]}`}
                accept={rule.extensions.map((e) => `.${e}`).join(',')}
                multiple={rule.maxFiles > 1}
                onFiles={(files) => void accept(category, files)}
              />
            )}
          </section>
        );
      })}
      <NextStep previous={steps.previous} next={steps.next} />
    </>
  );
}
