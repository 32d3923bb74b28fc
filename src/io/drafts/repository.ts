import type { Application } from '../../core/application/types';
import type { DraftSummary } from '../../core/draft/summary';
import type { AttachmentMeta, Draft, DraftAttachment, DraftMeta } from '../../core/draft/types';

export interface DraftListing {
  drafts: Draft[];
  /** Records that could not be read back (damaged or from a newer version): kept in storage, not shown. */
  unreadable: number;
}

/** The drafts' meta without their data, for the drafts list. */
export interface MetaListing {
  metas: DraftMeta[];
  /** As in DraftListing, for the metas themselves. */
  unreadable: number;
}

/**
 * Where drafts live. IndexedDB in normal use; memory when the browser refuses IndexedDB (some private
 * modes), so the form still works and export still saves the work.
 */
/**
 * What a save changes besides the data. `title` replaces the stored title only while the stored title is still
 * `titleWas` (the title the editor last wrote): a rename made meanwhile on the drafts page is kept.
 */
export interface SaveMeta {
  updatedAt: string;
  title?: string;
  titleWas?: string;
  /** The drafts list's summary of the data saved; without it the stored one goes (it would describe older data). */
  summary?: DraftSummary;
}

export function titleAfterSave(stored: string, change: SaveMeta): string {
  if (change.title === undefined) return stored;
  return change.titleWas === undefined || change.titleWas === stored ? change.title : stored;
}

/** The stored meta after a save: new updatedAt, maybe a new title, the summary of the data saved (or none). */
export function metaAfterSave(stored: DraftMeta, change: SaveMeta): DraftMeta {
  const { summary: _old, ...meta } = stored;
  const next: DraftMeta = { ...meta, title: titleAfterSave(stored.title, change), updatedAt: change.updatedAt };
  if (change.summary !== undefined) next.summary = change.summary;
  return next;
}

export interface DraftRepository {
  readonly persistent: boolean;
  list(): Promise<DraftListing>;
  /** Reads only the meta records (with the summaries kept at save time): what the drafts list shows. */
  listMeta(): Promise<MetaListing>;
  /** Keeps a summary computed from the data as of `updatedAt`; a draft saved since then keeps its own. */
  setSummary(id: string, summary: DraftSummary, updatedAt: string): Promise<void>;
  get(id: string): Promise<Draft>;
  /** Adds a draft (and its attachments) in one transaction: all or nothing. */
  add(draft: Draft, attachments?: DraftAttachment[]): Promise<void>;
  /** Writes the application data, updatedAt and maybe the title (see SaveMeta); attachments are not touched. */
  saveData(id: string, data: Application, meta: SaveMeta): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  /** Into the recycle bin (recoverable) and back out. */
  moveToBin(id: string, at: string): Promise<void>;
  restoreFromBin(id: string): Promise<void>;
  /** Removes the draft, its data and its attachments for good. */
  purge(id: string): Promise<void>;
  attachments(draftId: string): Promise<DraftAttachment[]>;
  /** Adds or replaces one attachment (its Blob is stored as is, never re-encoded). */
  putAttachment(attachment: DraftAttachment): Promise<void>;
  /** Changes caption or order without rewriting the file. */
  updateAttachmentMeta(meta: AttachmentMeta): Promise<void>;
  removeAttachment(id: string): Promise<void>;
}
