import { openIdbRepository } from './idbRepository';
import { memoryRepository } from './memoryRepository';
import type { DraftRepository } from './repository';
import { StoreError, toStoreError } from './storeError';

export interface OpenedRepository {
  repository: DraftRepository;
  /** Why drafts are only in memory, when they are. */
  fallback: StoreError | null;
}

/** IndexedDB when the browser allows it; otherwise memory, with the reason to show the user. */
export async function openRepository(): Promise<OpenedRepository> {
  try {
    return { repository: await openIdbRepository(), fallback: null };
  } catch (error) {
    const reason = toStoreError(error);
    return { repository: memoryRepository(), fallback: reason.code === 'unknown' ? new StoreError('unavailable', error) : reason };
  }
}
