// The facts every output states about one application: the candidate's name, 推荐单位 as printed, the
// hand-off mail to the union, and the labels of the derived values. The PDFs, the package's names and
// 材料清单, the mail and the drafts list all read them here, so they cannot name a candidate differently.
import { displayPhone } from './phone';
import type { Application, Cover, NoticeContext } from './types';

/** 工作室名称 as typed, trimmed; '' when empty. */
export function candidateTitle(app: Pick<Application, 'cover'>): string {
  return app.cover.studioName?.trim() ?? '';
}

/**
 * 推荐单位 as printed: the name typed in 其他推荐单位名称 when the choice is 其他 (其他 itself until a name
 * is typed, which the rules report); '' when nothing is chosen.
 */
export function printedRecommender(cover: Pick<Cover, 'recommender' | 'recommenderOther'>): string {
  if (cover.recommender !== '其他') return cover.recommender ?? '';
  return cover.recommenderOther?.trim() || '其他';
}

/** How the notice wants the application sent; its values live in the notice's frontmatter (src/content/notice). */
export interface SubmissionFacts {
  /** YYYY-MM-DD */
  deadline: string;
  email: string;
  /** Where the paper copies go: "市总工会经济技术部". */
  submitTo: string;
}

/** "2021年南昌市劳模创新工作室申报-{推荐单位}-{工作室名称}", with the field's name for what is not filled in yet. */
export function mailSubject(app: Application, ctx: NoticeContext): string {
  return `${ctx.noticeYear}年南昌市劳模创新工作室申报-${printedRecommender(app.cover) || '推荐单位'}-${candidateTitle(app) || '工作室名称'}`;
}

/** The mail's text, CRLF line ends as mail programs expect. */
export function mailBody(app: Application, ctx: NoticeContext, contacts: SubmissionFacts): string {
  // The notice names the department from inside the city ("市总工会经济技术部"); a mail names the city too.
  const phone = (value: string | undefined) => displayPhone(value ?? '');
  const lines = [
    `南昌${contacts.submitTo}：`,
    '',
    `现报送“${candidateTitle(app) || '工作室名称'}”${ctx.noticeYear}年南昌市劳模创新工作室申报材料电子版，附件为材料包（含申报表、A3双面打印版、申报材料、视频、照片、证明材料和材料清单）。`,
    '',
    `推荐单位：${printedRecommender(app.cover)}`,
    `所在单位：${app.cover.unitName ?? ''}`,
    `领衔人：${app.leader.name ?? ''}　联系电话：${phone(app.leader.phone)}`,
  ];
  // The clerk who filled the form is the one to call about the package.
  if (app.contact.name || app.contact.phone) lines.push(`填表人：${app.contact.name ?? ''}　联系电话：${phone(app.contact.phone)}`);
  return lines.join('\r\n');
}

/** The mailto: link that opens the applicant's mail program with the subject and text filled in. */
export function mailtoHref(app: Application, ctx: NoticeContext, contacts: SubmissionFacts): string {
  return `mailto:${contacts.email}?subject=${encodeURIComponent(mailSubject(app, ctx))}&body=${encodeURIComponent(mailBody(app, ctx, contacts))}`;
}

/** The names of the values computed from the application, as the form, the review and the 申报表 print them. */
export const DERIVED_LABELS = {
  teamSize: '团队人数',
  education: '学历结构',
  titles: '职称/技能结构',
  ages: '年龄结构',
  fundingTotal: '经费合计',
  investmentTotal: '经费投入合计',
  benefitTotal: '经济效益合计',
  /** The column or row of a sum in a printed table. */
  total: '合计',
} as const;

/** "N人（含领衔人）": the team's size, which always counts the leader. */
export function teamSizeText(size: number): string {
  return `${size}人（含领衔人）`;
}
