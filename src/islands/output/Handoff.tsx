import { useState } from 'react';
import { displayPhone } from '../../core/application/phone';
import type { Application, NoticeContext } from '../../core/application/types';
import { formatChineseDate } from '../../core/chinese-date';

export interface SubmissionFacts {
  /** YYYY-MM-DD */
  deadline: string;
  email: string;
  submitTo: string;
}

/** The mail to the union: subject and body, so that it reads the same however it is sent. */
export function handoffMail(app: Application, ctx: NoticeContext): { subject: string; body: string } {
  const recommender = app.cover.recommender === '其他' ? (app.cover.recommenderOther ?? '其他') : (app.cover.recommender ?? '推荐单位');
  const studio = app.cover.studioName ?? '工作室名称';
  const subject = `${ctx.noticeYear}年南昌市劳模创新工作室申报-${recommender}-${studio}`;
  const phone = (value: string | undefined) => displayPhone(value ?? '');
  const lines = [
    '南昌市总工会经济技术部：',
    '',
    `现报送“${studio}”${ctx.noticeYear}年南昌市劳模创新工作室申报材料电子版，附件为材料包（含申报表、A3双面打印版、申报材料、视频、照片、证明材料和材料清单）。`,
    '',
    `推荐单位：${recommender}`,
    `所在单位：${app.cover.unitName ?? ''}`,
    `领衔人：${app.leader.name ?? ''}　联系电话：${phone(app.leader.phone)}`,
  ];
  // The clerk who filled the form is the one to call about the package.
  if (app.contact.name || app.contact.phone) lines.push(`填表人：${app.contact.name ?? ''}　联系电话：${phone(app.contact.phone)}`);
  return { subject, body: lines.join('\r\n') };
}

function CopyButton({ text, what }: { text: string; what: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      setDone('failed');
    }
  }
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>复制{what}</button>
      <span role="status" className="copy-state">
        {done === 'copied' ? `已复制${what}` : done === 'failed' ? `浏览器不允许复制，请选中上面的${what}后按 Ctrl+C` : ''}
      </span>
    </>
  );
}

/** What happens after the files: the e-mail to the union and what still goes on paper. */
export function Handoff({ app, ctx, facts }: { app: Application; ctx: NoticeContext; facts: SubmissionFacts }) {
  const { subject, body } = handoffMail(app, ctx);
  const mailto = `mailto:${facts.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return (
    <section className="output-block" aria-labelledby="handoff-title">
      <h3 id="handoff-title">发送与纸质材料</h3>
      <p>电子版发至市总工会经济技术部邮箱。用网页邮箱（163、QQ、企业邮箱）的，请把下面的收件人、主题和正文复制过去；用电脑上的邮件程序的，可直接点击邮箱地址。</p>
      <dl className="mail-parts">
        <dt>收件人</dt>
        <dd>
          <a href={mailto}>{facts.email}</a> <CopyButton text={facts.email} what="收件人" />
        </dd>
        <dt>主题</dt>
        <dd>
          <code>{subject}</code> <CopyButton text={subject} what="主题" />
        </dd>
        <dt>正文</dt>
        <dd>
          <pre className="mail-body">{body}</pre>
          <CopyButton text={body} what="正文" />
        </dd>
      </dl>
      <h4>用网页邮箱发送</h4>
      <ul className="paper-checklist">
        <li>163 / 126 邮箱：点“写信”，把收件人、主题、正文分别粘贴到对应位置；点“添加附件”选择材料包。</li>
        <li>QQ 邮箱：点“写信”，同样粘贴三项；点“添加附件”选择材料包。</li>
        <li>企业邮箱（腾讯企业邮、网易企业邮等）：与 QQ 邮箱、163 邮箱相同。</li>
        <li>材料包或视频超过 50 MB 时，普通附件发不出去：请改用“超大附件”（163 在“添加附件”旁，QQ 邮箱在“超大附件”按钮），并提醒对方在有效期内下载。</li>
      </ul>
      <h4>仍需报送的纸质材料</h4>
      <ul className="paper-checklist">
        <li>申报表一式两份，用A3纸双面打印，装订成册（填表说明12）。</li>
        <li>两个签署意见栏填写明确意见，并签名、盖章（填表说明10）。</li>
        <li>经济效益证明须加盖单位财务章的原件（填表说明5）。</li>
        <li>申报材料、照片、证明材料汇总装订成册，报送至{facts.submitTo}。</li>
        <li>截止日期：{formatChineseDate(facts.deadline)}前，逾期将不再接受申报。</li>
      </ul>
    </section>
  );
}
