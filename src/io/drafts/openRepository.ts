import { openIdbRepository, type IdbRepositoryEvents } from './idbRepository';
import { memoryRepository } from './memoryRepository';
import type { DraftRepository } from './repository';
import { StoreError, toStoreError } from './storeError';

export interface OpenedRepository {
  repository: DraftRepository;
  /** Why drafts are only in memory, when they are. */
  fallback: StoreError | null;
}

/** IndexedDB when the browser allows it; otherwise memory, with the reason to show the user. */
export async function openRepository(events: IdbRepositoryEvents = {}): Promise<OpenedRepository> {
  try {
    return { repository: await openIdbRepository(events), fallback: null };
  } catch (error) {
    const reason = toStoreError(error, 'open');
    // A refusal to open at all is what private modes and browser settings do.
    return { repository: memoryRepository(), fallback: reason.code === 'quota' ? reason : new StoreError('unavailable', error) };
  }
}
