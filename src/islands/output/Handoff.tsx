import { useState } from 'react';
import { mailBody, mailSubject, mailtoHref, type SubmissionFacts } from '../../core/application/facts';
import type { Application, NoticeContext } from '../../core/application/types';
import { formatChineseDate } from '../../core/chinese-date';

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
  const subject = mailSubject(app, ctx);
  const body = mailBody(app, ctx, facts);
  const mailto = mailtoHref(app, ctx, facts);
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
