// The rows of 我的申报草稿: what each row names and how much is left to fill in, from the summaries kept in the
// drafts' meta at save time. A draft without a current summary (saved before summaries existed, imported, or
// summarized by an older version) is read and summarized once, and its summary stored for the next listing.
import type { NoticeContext } from '../../core/application/types';
import type { DraftSummary } from '../../core/draft/summary';
import type { DraftMeta } from '../../core/draft/types';
import type { DraftRepository } from '../../io/drafts/repository';
import type { ListedDraft } from './DraftRow';

export interface Listing {
  items: ListedDraft[];
  unreadable: number;
}

function listed(draft: DraftMeta, summary: DraftSummary): ListedDraft {
  return { draft, recommender: summary.recommender, errors: summary.errors };
}

export async function listDrafts(repository: DraftRepository, ctx: NoticeContext): Promise<Listing> {
  const { metas, unreadable: unreadableMetas } = await repository.listMeta();
  let unreadable = unreadableMetas;
  const items: ListedDraft[] = [];
  for (const meta of metas) {
    if (meta.summary) {
      items.push(listed(meta, meta.summary));
      continue;
    }
    try {
      const { data, ...restored } = await repository.get(meta.id);
      // Loaded only here: the validator stays out of the drafts page's first load.
      const { summarizeDraft } = await import('../../core/draft/summary');
      const summary = summarizeDraft(data, ctx);
      items.push(listed(restored, summary));
      // Best effort: a summary that cannot be stored is computed again next time.
      await repository.setSummary(meta.id, summary, restored.updatedAt).catch(() => undefined);
    } catch {
      unreadable += 1;
    }
  }
  return { items, unreadable };
}
