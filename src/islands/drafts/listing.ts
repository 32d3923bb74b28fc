// The rows of 我的申报草稿 from the drafts: what each row names and how much is left to fill in.
import { printedRecommender } from '../../core/application/facts';
import type { NoticeContext } from '../../core/application/types';
import { validateApplication } from '../../core/application/validate';
import type { Draft } from '../../core/draft/types';
import type { ListedDraft } from './DraftRow';

export function listDrafts(drafts: readonly Draft[], ctx: NoticeContext): ListedDraft[] {
  return drafts.map((draft) => ({
    draft,
    recommender: printedRecommender(draft.data.cover),
    errors: validateApplication(draft.data, ctx).filter((issue) => issue.severity === 'error').length,
  }));
}
