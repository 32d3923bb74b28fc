import { mailSubject, mailtoHref, type SubmissionFacts } from '../../core/application/facts';
import type { Application, NoticeContext } from '../../core/application/types';
import { formatChineseDate } from '../../core/chinese-date';

/** What happens after the files: the e-mail to the union and what still goes on paper. */
export function Handoff({ app, ctx, facts }: { app: Application; ctx: NoticeContext; facts: SubmissionFacts }) {
  const subject = mailSubject(app, ctx);
  const mailto = mailtoHref(app, ctx, facts);
  return (
    <section className="output-block" aria-labelledby="handoff-title">
      <h3 id="handoff-title">发送与纸质材料</h3>
      <p>
        电子版发至 <a href={mailto}>{facts.email}</a>（点击将打开邮件程序，主题和正文已填好，请自行添加材料包附件）。邮件主题：<code>{subject}</code>
      </p>
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
