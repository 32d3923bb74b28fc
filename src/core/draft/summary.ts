// What the drafts list shows of a draft besides its meta (推荐单位 and how much is left), kept in the meta when the
// draft is saved so that listing reads neither the data nor validates it.
import { printedRecommender } from '../application/facts';
import type { Application, NoticeContext } from '../application/types';
import { validateApplication } from '../application/validate';

/**
 * Bump when the rules or the recommender's wording change what a summary says: summaries of an older version are
 * computed again, once, from the draft's data.
 */
export const SUMMARY_VERSION = 1;

export interface DraftSummary {
  version: number;
  /** 推荐单位 as printed (其他 → the typed name); empty when not chosen. */
  recommender: string;
  /** Errors left before the application is complete. */
  errors: number;
}

export function summarizeDraft(data: Application, ctx: NoticeContext): DraftSummary {
  return {
    version: SUMMARY_VERSION,
    recommender: printedRecommender(data.cover),
    errors: validateApplication(data, ctx).filter((issue) => issue.severity === 'error').length,
  };
}

/** A stored summary this version can show as it is. */
export function isCurrentSummary(value: unknown): value is DraftSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { version, recommender, errors } = value as Record<string, unknown>;
  return version === SUMMARY_VERSION && typeof recommender === 'string' && typeof errors === 'number' && Number.isSafeInteger(errors) && errors >= 0;
}
